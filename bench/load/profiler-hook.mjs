// Preloaded (`node --import`) into a Demarche process started by the load benchmark or
// bench/profile.ts: answers the parent's requests over IPC for its memory and for a CPU
// profile of a window of time, taken with the inspector module so that start-up is left out.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

let session;
process.on('message', async (message) => {
  if (message?.type === 'memory') {
    const { rss, heapUsed, external } = process.memoryUsage();
    process.send({ type: 'memory', rss, heapUsed, external });
  } else if (message?.type === 'profile-start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: message.intervalMicros ?? 500 });
    await session.post('Profiler.start');
    process.send({ type: 'profile-started' });
  } else if (message?.type === 'profile-stop') {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(message.path, JSON.stringify(profile));
    session.disconnect();
    process.send({ type: 'profile-written', path: message.path });
  }
});
// IPC keeps the process alive; a server that shuts down must still exit.
process.channel?.unref();
