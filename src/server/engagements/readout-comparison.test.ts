import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZReadoutComparison } from '../../shared/engagements';
import { SOUTH_ASIA_CALLS } from '../demo/demo-content';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { READOUT_CASES, type ReadoutCase } from './readout-comparison.cases';
import { compareReadouts } from './readout-comparison';
import { splitAccount } from './readout-sentences';
import { buildDirective } from './test-builders';

// Synthetic texts from the wording of the public reporting of the South Asia calls (no person named).
const STATE_PAKISTAN =
  'The Secretary urged both sides to de-escalate and maintain peace in South Asia. ' +
  'The Secretary discussed regional security and encouraged Islamabad to condemn the attack and support the investigation.';
const PM_OFFICE = 'The prime minister asked the US to press India to help reduce bilateral tensions.';
const POINTS = [
  { talkingPointId: 'p1', number: 1, text: 'Urge both sides to de-escalate and maintain peace in South Asia.' },
  { talkingPointId: 'p2', number: 2, text: 'Encourage Islamabad to condemn the attack and support the investigation.' },
];

/** The shares this method reached when the test set was written (see the README): a regression falls below. */
const MINIMUM_SHARE = 0.9;
const MINIMUM_HELD_OUT_SHARE = 0.78;

function outcome(c: ReadoutCase) {
  const result = compareReadouts(c.ours, c.theirs, []);
  const got = {
    ours: result.ourSentences.map((s) => s.status),
    theirs: result.counterpartSentences.map((s) => s.status),
    notes: [result.ourNotes.length, result.counterpartNotes.length],
    compared: result.compared,
  };
  const expected = { ours: c.expected.ours, theirs: c.expected.theirs, notes: c.expected.notes ?? [0, 0], compared: c.expected.compared ?? true };
  return { got, expected, right: JSON.stringify(got) === JSON.stringify(expected) };
}

describe('readout comparison: the test set', () => {
  it(`gets at least ${MINIMUM_SHARE * 100}% of ${READOUT_CASES.length} written cases right`, () => {
    expect(READOUT_CASES.length).toBeGreaterThanOrEqual(30);
    const outcomes = READOUT_CASES.map((c) => ({ c, ...outcome(c) }));
    const share = (list: typeof outcomes) => list.filter((o) => o.right).length / list.length;
    const kinds = [...new Set(outcomes.map((o) => o.c.kind))];
    const report = kinds.map((kind) => {
      const list = outcomes.filter((o) => o.c.kind === kind);
      return `${kind} ${list.filter((o) => o.right).length}/${list.length}`;
    });
    const heldOut = outcomes.filter((o) => o.c.heldOut);
    console.info(
      `Readout comparison: ${outcomes.filter((o) => o.right).length}/${outcomes.length} right (${(share(outcomes) * 100).toFixed(1)}%); ` +
        `held out ${heldOut.filter((o) => o.right).length}/${heldOut.length}; ${report.join(', ')}`,
    );
    for (const o of outcomes.filter((o) => !o.right)) console.info(`  wrong: ${o.c.name}: got ${JSON.stringify(o.got)}`);
    expect(share(outcomes)).toBeGreaterThanOrEqual(MINIMUM_SHARE);
    expect(share(heldOut)).toBeGreaterThanOrEqual(MINIMUM_HELD_OUT_SHARE);
  });

  it('gets every contradiction, language and notes case right: the errors it may make are paraphrases read as partial', () => {
    const strict = READOUT_CASES.filter((c) => ['contradiction', 'language', 'notes', 'omission'].includes(c.kind));
    expect(strict.filter((c) => !outcome(c).right).map((c) => c.name)).toEqual([]);
  });
});

describe('readout comparison', () => {
  it('on the demo’s Pakistan call, sets the paraphrase notes apart and ranks each sentence’s closest counterpart', () => {
    const { ourReadout, counterpartAccount } = SOUTH_ASIA_CALLS.pakistan;
    const result = compareReadouts(ourReadout, counterpartAccount, []);
    expect(result.ourNotes).toEqual([{ text: '(Paraphrase of the State Department readout, as reported.)', kind: 'source_note' }]);
    expect(result.counterpartNotes.map((note) => note.kind)).toEqual(['source_note']);
    expect(result.ourSentences.map((s) => s.text).join(' ')).not.toContain('Paraphrase');
    // "Reduce bilateral tensions" is the de-escalation of our first sentence, in part: not "only in theirs".
    const [theirs] = result.counterpartSentences;
    expect(theirs).toMatchObject({ status: 'partial', onlyHere: true, closest: { index: 0 } });
    expect(theirs!.closest!.score).toBeGreaterThan(0.25);
    expect(result.ourSentences.map((s) => s.status)).toEqual(['partial', 'only_here', 'only_here', 'only_here']);
    expect(result.ourSentences.every((s) => s.closest !== null && s.closest.score < 1)).toBe(true);
  });

  it('shows "did not discuss", "refused to condemn" and "no talk of" as contradictions, never as agreement', () => {
    const ours = 'He discussed regional security with the Prime Minister. He encouraged Islamabad to condemn the attack. The Secretary urged de-escalation.';
    const theirs = 'The Secretary did not discuss regional security. Pakistan refused to condemn the attack. There was no talk of de-escalation.';
    const result = compareReadouts(ours, theirs, []);
    expect(result.ourSentences.map((s) => [s.status, s.closest?.index])).toEqual([
      ['contradicted', 0],
      ['contradicted', 1],
      ['contradicted', 2],
    ]);
    expect(result.counterpartSentences.map((s) => s.status)).toEqual(['contradicted', 'contradicted', 'contradicted']);
    expect(result.counterpartSentences.every((s) => s.negated && s.onlyHere)).toBe(true);
  });

  it('marks nothing, and says why, when the accounts are in different languages', () => {
    const french = 'Le Premier ministre a demandé aux États-Unis de faire pression sur l’Inde pour réduire les tensions bilatérales.';
    const result = compareReadouts(STATE_PAKISTAN, french, POINTS);
    expect(result).toMatchObject({ compared: false, languages: { ours: { code: 'eng' }, theirs: { code: 'fra', name: 'French' } } });
    expect(result.notice).toContain('French');
    expect([...result.ourSentences, ...result.counterpartSentences].every((s) => s.status === 'not_compared' && !s.onlyHere)).toBe(true);
    expect(result.pointsNotMentioned).toEqual([]);
  });

  it('keeps abbreviations inside their sentence and matches them to their full form', () => {
    expect(splitAccount('The Secy. urged restraint in S. Asia. The Amb. met the FM. Talks went on with the U.S. The end.').statements).toEqual([
      'The Secy. urged restraint in S. Asia.',
      'The Amb. met the FM.',
      'Talks went on with the U.S.',
      'The end.',
    ]);
  });

  it('lists the delivered points their account does not mention, reading synonyms and phrases', () => {
    expect(compareReadouts(STATE_PAKISTAN, PM_OFFICE, POINTS).pointsNotMentioned.map((p) => p.number)).toEqual([1, 2]);
    const theirs = 'The Secretary asked Pakistan to denounce the attack and back the inquiry.';
    expect(compareReadouts(STATE_PAKISTAN, theirs, POINTS).pointsNotMentioned.map((p) => p.number)).toEqual([1]);
  });

  it('compares nothing when there is no counterpart account, or only a note', () => {
    for (const account of [null, '(Paraphrase of the statement, as reported.)']) {
      const result = compareReadouts(STATE_PAKISTAN, account, POINTS);
      expect(result.compared).toBe(false);
      expect(result.ourSentences.map((s) => [s.status, s.onlyHere])).toEqual([
        ['not_compared', false],
        ['not_compared', false],
      ]);
      expect(result.pointsNotMentioned).toEqual([]);
    }
  });

  it('gives the same answer every time, and a valid one for any text', () => {
    const first = compareReadouts(STATE_PAKISTAN, PM_OFFICE, POINTS);
    expect(compareReadouts(STATE_PAKISTAN, PM_OFFICE, POINTS)).toEqual(first);
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc
        .array(fc.constantFrom('Secy.', 'S.', 'not', 'no', '(', ')', '[', ']', '…', '—', 'U.S.', 'refused to', 'de-escalate', 'constructor', '\n', '.', ' '), {
          maxLength: 60,
        })
        .map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.option(text), (ours, theirs) => {
        const result = compareReadouts(ours, theirs, POINTS);
        ZReadoutComparison.parse({ ourReadout: ours, counterpartAccount: theirs, counterpartSourceUrl: null, ...result });
      }),
      { numRuns: 150 },
    );
  });
});

describe('readout comparison through the API', () => {
  let t: TestApp;
  let officer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'islamabad' });
  });
  afterAll(async () => t.close());

  it('compares an engagement’s readout with the counterpart’s published account', async () => {
    const directive = await buildDirective(t.database.db, {
      actionPosts: ['islamabad'],
      points: [...POINTS.map((p) => p.text), 'Reaffirm US commitment to cooperate on counterterrorism.'],
    });
    const counterpartAccount = `${PM_OFFICE} The prime minister did not discuss regional security.\n— Prime Minister’s Office`;
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/engagements',
      as: officer,
      payload: {
        occurredAt: '2025-04-30T12:00:00Z',
        kind: 'call',
        classification: 'U',
        directives: [directive.id],
        points: [
          { talkingPointId: directive.pointIds[0], delivered: true, reception: 'receptive' },
          { talkingPointId: directive.pointIds[1], delivered: true, reception: 'noncommittal' },
          { talkingPointId: directive.pointIds[2], delivered: false },
        ],
        ourReadout: STATE_PAKISTAN,
        counterpartAccount,
        counterpartSourceUrl: 'https://example.org/synthetic-statement',
        counterpartDate: '2025-04-30',
        synthetic: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await t.request({ method: 'GET', url: `/api/v1/engagements/${created.json().id}/comparison`, as: officer });
    expect(response.statusCode).toBe(200);
    const comparison = ZReadoutComparison.parse(response.json());
    expect(comparison).toMatchObject({
      ourReadout: STATE_PAKISTAN,
      counterpartAccount,
      counterpartSourceUrl: 'https://example.org/synthetic-statement',
      compared: true,
      notice: null,
      counterpartNotes: [{ text: '— Prime Minister’s Office', kind: 'attribution' }],
    });
    expect(comparison.counterpartSentences.map((s) => s.status)).toEqual(['partial', 'contradicted']);
    expect(comparison.ourSentences[1]).toMatchObject({ status: 'contradicted', onlyHere: true, closest: { index: 1 } });
    // Only delivered points: the undelivered counterterrorism point is not listed.
    expect(comparison.pointsNotMentioned).toEqual([
      { talkingPointId: directive.pointIds[0], number: 1, text: POINTS[0]!.text },
      { talkingPointId: directive.pointIds[1], number: 2, text: POINTS[1]!.text },
    ]);
  });
});
