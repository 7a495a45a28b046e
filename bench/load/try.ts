import { prepareFixture } from './fixture';
import { serveDemarche, signIn } from './harness';
const f = await prepareFixture({ engagements: 10000, driver: 'postgres' });
const app = await serveDemarche(f.env);
const hq = await signIn(app.url, f.users.hq, f.password);
for (const p of [
  '/api/v1/me',
  '/api/v1/engagements',
  '/api/v1/directives',
  `/api/v1/cadence?directive=${f.directiveId}`,
  `/api/v1/directives/${f.directiveId}/coverage`,
]) {
  const r = await fetch(`${app.url}${p}`, { headers: { cookie: hq } });
  const t = await r.text();
  console.log(p, r.status, t.length, [...r.headers.keys()].join(','));
}
const r = await fetch(`${app.url}/api/v1/engagements?limit=1`, { headers: { cookie: hq } });
console.log(await r.text());
await app.stop();
