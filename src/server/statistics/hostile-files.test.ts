import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPage } from '../../shared/pagination';
import { STATISTIC_CODE_MAX_LENGTH, type TStatistic, type TStatisticsMappingInput } from '../../shared/statistics';
import { queryRows } from '../db/client';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { MAX_TABLE_BYTES } from './read-table';

/** Files no publisher sends, each a 400 naming the row and column or the file, and nothing written: never a 500. */

const mapping = (id: string, file: TStatisticsMappingInput['file'] = { format: 'csv', separator: ';' }): TStatisticsMappingInput => ({
  source: {
    id,
    publisher: 'Synthetic police statistics office',
    tableId: 'SYN-HOSTILE',
    title: 'Synthetic suspects by offence',
    url: 'https://example.org/synthetic/hostile',
    licence: 'CC0 1.0',
    retrievedOn: '2026-01-15',
  },
  file,
  country: { column: 'country', codes: 'alpha3' },
  year: { column: 'year' },
  offence: { key: '{key}', name: '{offence}' },
  indicator: { code: 'suspects:{key}', name: 'Suspects: {offence}' },
  definitions: { justiceStage: 'suspect', groupDefinition: 'citizenship', immigrationLawOffences: 'excluded', standardisation: 'none' },
  values: [{ column: 'suspects', group: 'total', unit: 'count' }],
});
const HEADER = 'key;offence;country;year;suspects';
const noise = (length: number) => randomBytes(length).toString('base64url').slice(0, length);

/**
 * A ZIP archive of one deflated entry, written by hand so that the size it states can lie
 * (zlib deflates 200 MB of zeros in well under a second; jszip would take seconds).
 */
function zipOfZeros(name: string, size: number, statedSize = size): Buffer {
  const zeros = Buffer.alloc(size);
  const data = deflateRawSync(zeros, { level: 9 });
  const crc = crc32(zeros);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(statedSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(statedSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** A real workbook whose second row's offence name is `text` as the XLSX escapes it (_x0000_: NUL). */
async function workbookWithEscapedName(escaped: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Table');
  sheet.addRow(['key', 'offence', 'country', 'year', 'suspects']);
  sheet.addRow(['100', 'MARKER', 'DEU', 2022, 10]);
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', strings.replace('MARKER', `Synthetic${escaped}assault`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('statistics import of hostile files', () => {
  let t: TestApp;
  let analyst: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    analyst = await t.user({ role: 'hq_analyst', clearance: 'U' });
  });
  afterAll(async () => t.close());

  const post = (fileName: string, bytes: Buffer, body: TStatisticsMappingInput) =>
    t.request({ method: 'POST', url: '/api/v1/statistics/imports', as: analyst, payload: { fileName, content: bytes.toString('base64'), mapping: body } });
  const stored = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from statistic_series`))[0]!.n;
  const refused = async (fileName: string, bytes: Buffer, body: TStatisticsMappingInput) => {
    const before = await stored();
    const response = await post(fileName, bytes, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await stored()).toBe(before);
    return response.json<{ errors: { field: string; message: string }[]; rows?: { row: number; column: string; message: string }[] }>();
  };

  it('refuses a cell too long for an offence key, indicator code or name, naming the row, the column and the limit; a key at the limit is stored', async () => {
    const problem = await refused(
      'long.csv',
      Buffer.from(
        [
          HEADER,
          // Text that does not compress: PostgreSQL compresses an index entry before it refuses one over 2,704 bytes (error 54000).
          `${noise(3_000)};Synthetic assault;DEU;2022;10`,
          `100;${noise(3_000)};DEU;2022;10`,
          // A key of 195 characters is a key, but suspects:{key} is 204: too long for an indicator code.
          `${'k'.repeat(195)};Synthetic fraud;DEU;2022;10`,
        ].join('\n'),
      ),
      mapping('synthetic-long'),
    );
    expect(problem.rows).toEqual([
      {
        row: 2,
        column: 'key',
        message: 'makes the offence key (mapping.offence.key) 3,000 characters long: it may be at most 200 (is this the right column, or a cell of notes?)',
      },
      {
        row: 3,
        column: 'offence',
        message: 'makes the offence name (mapping.offence.name) 3,000 characters long: it may be at most 500 (is this the right column, or a cell of notes?)',
      },
      {
        row: 4,
        column: 'key',
        message:
          'makes the indicator code (mapping.values[0].indicator.code) 204 characters long: it may be at most 200 (is this the right column, or a cell of notes?)',
      },
    ]);
    expect(problem.errors[0]).toMatchObject({ field: 'rows[2].key' });

    // At the limit, in three-byte characters (600 bytes of UTF-8): PostgreSQL's index takes it.
    const key = '€'.repeat(STATISTIC_CODE_MAX_LENGTH - 'suspects:'.length);
    const response = await post(
      'limit.csv',
      Buffer.from(`${HEADER}\n${key};${'ß'.repeat(500 - 'Suspects: '.length)};DEU;2022;10\n`),
      mapping('synthetic-limit'),
    );
    expect(response.statusCode, response.body).toBe(201);
    const listed = await t.request({ method: 'GET', url: `/api/v1/statistics?source=synthetic-limit&offence=${encodeURIComponent(key)}`, as: analyst });
    expect(listed.json<TPage<TStatistic>>().items.map((item) => [item.series.indicator.code.length, item.series.indicator.name.length, item.value])).toEqual([
      [200, 500, 10],
    ]);
  });

  it('refuses an XLSX file that unpacks to more than the limit, before loading it, even when it states a small size', { timeout: 60_000 }, async () => {
    const limit = `it unpacks to more than ${MAX_TABLE_BYTES.toLocaleString('en')} bytes`;
    for (const bomb of [
      zipOfZeros('xl/worksheets/sheet1.xml', MAX_TABLE_BYTES + 1_000_000),
      zipOfZeros('xl/sharedStrings.xml', MAX_TABLE_BYTES + 1_000_000, 1_000),
    ]) {
      expect(bomb.length).toBeLessThan(1_000_000);
      const problem = await refused('bomb.xlsx', bomb, mapping('synthetic-bomb', { format: 'xlsx' }));
      expect(problem.errors).toEqual([{ field: 'file', message: expect.stringContaining(limit) }]);
    }
  });

  it('refuses an XLSX cell holding a NUL or half of a character pair, naming the cell, and a UTF-16 CSV with half a pair', async () => {
    for (const [escaped, what] of [
      ['_x0000_', 'the NUL character'],
      ['_xD800_', 'half of a character pair (a lone surrogate'],
    ] as const) {
      const problem = await refused(
        'table.xlsx',
        await workbookWithEscapedName(escaped),
        mapping(`synthetic-xlsx-${escaped.slice(2, 6).toLowerCase()}`, { format: 'xlsx' }),
      );
      expect(problem.errors).toEqual([{ field: 'file', message: expect.stringContaining(`cell B2 of the worksheet "Table" contains ${what}`) }]);
    }
    // The same workbook without the escape imports: the check is the cell's, not the file's.
    expect((await post('table.xlsx', await workbookWithEscapedName(' '), mapping('synthetic-xlsx-clean', { format: 'xlsx' }))).statusCode).toBe(201);

    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(`${HEADER}\n100;Synthetic `, 'utf-16le'),
      Buffer.from([0x00, 0xd8]),
      iconv.encode('assault;DEU;2022;10\n', 'utf-16le'),
    ]);
    const problem = await refused('utf16.csv', utf16, mapping('synthetic-utf16'));
    expect(problem.errors).toEqual([{ field: 'file', message: expect.stringContaining('it contains half of a character pair (a lone surrogate') }]);
  });
});
