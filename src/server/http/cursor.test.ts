import { describe, expect, it } from 'vitest';
import { type CursorPart, decodeCursor, encodeCursor } from './cursor';

const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const refused = (key: unknown[], parts: CursorPart[]) => expect(() => decodeCursor(cursorOf(key), parts)).toThrow(/Check|cursor|invalid/i);

/** A cursor comes back from the client: each part must be one PostgreSQL accepts for the kind the list sorts by. */
describe('list cursors', () => {
  it('reads back every cursor the server issues', () => {
    const issued: [unknown[], CursorPart[]][] = [
      [
        ['2026-03-01T10:00:00.123Z', '0b6f6a3e-5d7c-4f7e-9a51-2a4b1c3d4e5f'],
        ['timestamp', 'uuid'],
      ],
      [
        ['2024-02-29', '0b6f6a3e-5d7c-4f7e-9a51-2a4b1c3d4e5f'],
        ['date', 'uuid'],
      ],
      [
        ['DE', 'bka:890000:suspects', 2023],
        ['text', 'text', 'integer'],
      ],
      [
        [2_147_483_647, '0b6f6a3e-5d7c-4f7e-9a51-2a4b1c3d4e5f'],
        ['integer', 'uuid'],
      ],
      [[Number.MAX_SAFE_INTEGER], ['bigint']],
    ];
    for (const [key, parts] of issued) expect(decodeCursor(encodeCursor(key as (string | number)[]), parts)).toEqual(key);
  });

  it('refuses days and instants that do not exist, or are written other than as the server writes them', () => {
    refused(['2024-02-30'], ['date']);
    refused(['2023-02-29'], ['date']);
    refused(['0000-01-01'], ['date']);
    refused(['2024-1-1'], ['date']);
    refused(['2024-02-30T10:00:00.000Z'], ['timestamp']);
    refused(['2024-01-01T24:00:00.000Z'], ['timestamp']);
    refused(['2024-01-01 junk'], ['timestamp']);
    refused(['2024-01-01T10:00:00Z'], ['timestamp']);
    refused(['2024-01-01T10:00:00.000+02:00'], ['timestamp']);
  });

  it('refuses numbers beyond the column they are compared with, fractions, and the wrong kind or count of parts', () => {
    refused([2_147_483_648], ['integer']);
    refused([-2_147_483_649], ['integer']);
    refused([1.5], ['integer']);
    refused([2 ** 53], ['bigint']);
    refused(['1'], ['integer']);
    refused([1], ['text']);
    refused(['a\u0000b'], ['text']);
    refused(['not-a-uuid'], ['uuid']);
    refused(['DE', 'x'], ['text', 'text', 'integer']);
    refused([], ['text']);
    expect(() => decodeCursor('not base64 json', ['text'])).toThrow();
  });
});
