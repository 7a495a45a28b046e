// The baselines of the load benchmark, in a process of their own like the app's, no logger, no
// plugins. Listens on PORT.
// - /bare answers a small JSON.
// - /bare-query, when DATABASE_URL names a PostgreSQL database, answers the same after one
//   prepared query of one row by primary key (a session lookup's shape, with node-postgres as the
//   app uses it): the floor of any route that must read its session from the database.
import Fastify from 'fastify';
import pg from 'pg';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'ok', items: [1, 2, 3] }));
const url = process.env.DATABASE_URL;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const [first] = (await pool.query('select id from users order by id limit 1')).rows;
  app.get('/bare-query', async () => {
    const { rows } = await pool.query({ name: 'bare_lookup', text: 'select id, email, name, role from users where id = $1', values: [first.id] });
    return { status: rows.length === 1 ? 'ok' : 'missing', items: [1, 2, 3] };
  });
}
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.({ type: 'listening' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
