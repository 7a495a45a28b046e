import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { compareReadouts, contentWords, splitSentences } from './readout-comparison';
import { buildDirective } from './test-builders';

// Synthetic texts built only from the wording of /work/shared/PUBLIC-REPORTING.md (South Asia
// de-escalation calls): the State readouts of the calls with India and with Pakistan, and the
// Pakistani prime minister's office's own statement. No names of people.
const STATE_PAKISTAN =
  'The Secretary urged both sides to de-escalate and maintain peace in South Asia. ' +
  'The Secretary discussed regional security and encouraged Islamabad to condemn the attack and support the investigation.';
const STATE_INDIA =
  'The Secretary urged both sides to de-escalate and maintain peace in South Asia. ' +
  'The Secretary reaffirmed US commitment to cooperate on counterterrorism and stressed a thorough investigation.';
const PM_OFFICE = 'The prime minister asked the US to press India to help reduce bilateral tensions.';
const POINTS = [
  { talkingPointId: 'p1', number: 1, text: 'Urge both sides to de-escalate and maintain peace in South Asia.' },
  { talkingPointId: 'p2', number: 2, text: 'Encourage Islamabad to condemn the attack and support the investigation.' },
];

describe('readout comparison', () => {
  it('marks what the counterpart’s statement says that our readout does not, and the reverse', () => {
    const result = compareReadouts(STATE_PAKISTAN, PM_OFFICE, POINTS);
    expect(result.counterpartSentences).toEqual([{ text: PM_OFFICE, onlyHere: true }]);
    const condemn = result.ourSentences.find((s) => s.text.includes('encouraged Islamabad to condemn the attack'));
    expect(condemn).toEqual({ text: expect.any(String), onlyHere: true });
    // Their account mentions neither point we delivered.
    expect(result.pointsNotMentioned.map((p) => p.number)).toEqual([1, 2]);
  });

  it('matches sentences that two accounts share and marks the rest', () => {
    const result = compareReadouts(STATE_PAKISTAN, STATE_INDIA, POINTS);
    expect(result.ourSentences.map((s) => s.onlyHere)).toEqual([false, true]);
    expect(result.counterpartSentences.map((s) => s.onlyHere)).toEqual([false, true]);
    // "urged" for "urge" is one word of eight missing: mentioned. The Islamabad point is not.
    expect(result.pointsNotMentioned.map((p) => p.number)).toEqual([2]);
  });

  it('compares nothing when there is no counterpart account', () => {
    const result = compareReadouts(STATE_PAKISTAN, null, POINTS);
    expect(result.ourSentences.map((s) => s.onlyHere)).toEqual([false, false]);
    expect(result.counterpartSentences).toEqual([]);
    expect(result.pointsNotMentioned).toEqual([]);
  });

  it('splits sentences with Unicode rules and keeps only content words', () => {
    expect(splitSentences('The U.S. urged both sides to de-escalate. Both sides agreed!')).toEqual([
      'The U.S. urged both sides to de-escalate.',
      'Both sides agreed!',
    ]);
    expect([...contentWords('The Secretary urged both sides to de-escalate.')]).toEqual(['secretari', 'urg', 'side', 'de', 'escal']);
    // Stemming lets a paraphrase match what it restates.
    expect([...contentWords('He urges the side to escalate')]).toEqual(['urg', 'side', 'escal']);
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
        counterpartAccount: PM_OFFICE,
        counterpartSourceUrl: 'https://example.org/synthetic-statement',
        counterpartDate: '2025-04-30',
        synthetic: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await t.request({ method: 'GET', url: `/api/v1/engagements/${created.json().id}/comparison`, as: officer });
    expect(response.statusCode).toBe(200);
    const comparison = response.json();
    expect(comparison).toMatchObject({
      ourReadout: STATE_PAKISTAN,
      counterpartAccount: PM_OFFICE,
      counterpartSourceUrl: 'https://example.org/synthetic-statement',
    });
    expect(comparison.counterpartSentences).toEqual([{ text: PM_OFFICE, onlyHere: true }]);
    expect(comparison.ourSentences[1]).toMatchObject({ onlyHere: true });
    // Only delivered points: the undelivered counterterrorism point is not listed.
    expect(comparison.pointsNotMentioned).toEqual([
      { talkingPointId: directive.pointIds[0], number: 1, text: POINTS[0]!.text },
      { talkingPointId: directive.pointIds[1], number: 2, text: POINTS[1]!.text },
    ]);
  });
});
