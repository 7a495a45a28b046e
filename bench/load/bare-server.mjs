// The baseline of the load benchmark: a bare Fastify route answering a small JSON, no logger,
// no plugins, in a process of its own like the app's. Listens on PORT.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok', items: [1, 2, 3] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.({ type: 'listening' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
