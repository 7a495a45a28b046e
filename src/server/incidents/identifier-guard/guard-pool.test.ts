import { afterAll, describe, expect, it } from 'vitest';
import { checkIncidentTextInWorker, checkIncidentTextsInWorkers, closeGuardPool, GUARD_CHUNK, guardThreads } from './guard-pool';
import { checkIncidentText } from './identifier-guard';
import { loadedGuardModels } from './nlp-models';

afterAll(() => closeGuardPool());

describe('the identifier guard in worker threads', () => {
  it('finds the same spans as the guard itself, and the server thread loads no language model', async () => {
    const fields = { 'body.summary': 'Witnesses said Hans Müller was hit; call +49 30 1234567.', 'body.placeName': 'Berlin' };
    const spans = await checkIncidentTextInWorker(fields, []);
    expect(spans.map((span) => span.kind).sort()).toEqual(['person_name', 'phone']);
    expect(spans.find((span) => span.kind === 'person_name')?.text).toBe('Hans Müller');
    expect(loadedGuardModels()).toEqual([]);
    expect(guardThreads()).toBeGreaterThan(0);
    expect(spans).toEqual(checkIncidentText(fields, []));
  });

  it('checks a batch in chunks and gives each row its own spans, in order', async () => {
    const tasks = Array.from({ length: GUARD_CHUNK * 2 + 7 }, (_, index) => ({
      fields: { 'body.summary': index % 3 === 0 ? `Write to person${index}@example.org for details.` : `A march of ${index} people in the city centre.` },
      allowedNames: [],
    }));
    const chunks = checkIncidentTextsInWorkers(tasks);
    expect(chunks).toHaveLength(3);
    const spans = (await Promise.all(chunks)).flat();
    expect(spans).toHaveLength(tasks.length);
    spans.forEach((found, index) => {
      expect(found.map((span) => span.text)).toEqual(index % 3 === 0 ? [`person${index}@example.org`] : []);
    });
  });

  it('lets a public official named in the allowed names through', async () => {
    const spans = await checkIncidentTextInWorker({ 'body.summary': 'Minister Nancy Faeser condemned the attack.' }, ['Nancy Faeser']);
    expect(spans).toEqual([]);
  });
});
