import { describe, expect, it } from 'vitest';
import { actionLabel, describeAuditChange } from './audit-change-words';
import { listChange } from './list-change';

const words = (change: unknown, withheld = false) =>
  describeAuditChange(change, withheld).map((item) => (item.text === null ? item.label : `${item.label}: ${item.text}`));

describe('an audit change in words', () => {
  it('reads every shape the trail has stored, old events included', () => {
    expect(
      words({
        status: { from: 'draft', to: 'submitted' },
        subject: { from: 'Migration talks', to: 'Migration talks (revised)' },
        role: { from: 'officer', to: 'hq_analyst' },
        ourReadout: 'changed',
        points: 3,
        directiveIds: ['0b5d7c3e-1f7a-4c1e-9a55-2f1c3b7a9e01', '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f'],
        occurredAt: { from: '2025-12-03T10:00:00.000Z', to: '2025-12-04T09:30:00.000Z' },
        disabled: { from: false, to: true },
        post: { from: null, to: 'berlin' },
        tokenId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
        legalStatus: { from: 'alleged', to: 'charged', effectiveOn: '2025-12-01' },
      }),
    ).toEqual([
      'Status: draft → submitted',
      'Subject: ‘Migration talks’ → ‘Migration talks (revised)’',
      'Role: Officer → Headquarters analyst',
      'Our readout: changed',
      'Talking points: 3',
      'Directives: 2',
      'Date: 2025-12-03 10:00 UTC → 2025-12-04 09:30 UTC',
      'Disabled: no → yes',
      'Post: none → berlin',
      'Legal status: alleged → charged (effective on 2025-12-01)',
    ]);
  });

  it('says how a list changed: added, removed, changed', () => {
    const before = [{ talkingPointId: 'a', delivered: true }];
    const after = [
      { talkingPointId: 'a', delivered: false },
      { talkingPointId: 'b', delivered: true },
      { talkingPointId: 'c', delivered: true },
    ];
    const points = listChange(before, after, (point) => point.talkingPointId);
    expect(points).toEqual({ added: 2, removed: 0, changed: 1 });
    expect(words({ points })).toEqual(['Talking points: 2 added, 1 changed']);
    expect(listChange(['x', 'y'], ['y', 'z'])).toEqual({ added: ['z'], removed: ['x'] });
    expect(words({ contactIds: listChange(['x', 'y'], ['y', 'z']) })).toEqual(['Contacts: 1 added, 1 removed']);
    expect(listChange(['x'], ['x'])).toBeUndefined();
  });

  it('names only the fields of a record the reader may not open', () => {
    expect(words({ name: 'Quentin Quaestor', status: { from: 'draft', to: 'submitted' } }, true)).toEqual(['Name', 'Status']);
  });

  it('says nothing for an old event that recorded nothing, and names actions in words', () => {
    expect(words({ on: { type: 'engagement', id: '0b5d7c3e-1f7a-4c1e-9a55-2f1c3b7a9e01' }, length: 42 })).toEqual([
      'On: an engagement',
      'Length (characters): 42',
    ]);
    expect(words({})).toEqual([]);
    expect(words(null)).toEqual([]);
    expect(actionLabel('session.sign_in_failed')).toBe('Sign in failed');
    expect(actionLabel('user.password_changed')).toBe('Password changed');
  });
});
