import { onlyRoles, signedIn, type MatrixArea } from '../testing/access-matrix';

/** A small synthetic table and its mapping: a dry run that would succeed for anyone allowed. */
const payload = () => ({
  fileName: 'matrix.csv',
  content: Buffer.from('country,year,value\nDE,2020,10\n').toString('base64'),
  mapping: {
    source: {
      id: 'synthetic-matrix',
      publisher: 'Synthetic statistics office',
      tableId: 'MATRIX-1',
      title: 'Synthetic table for the access matrix',
      url: 'https://example.org/synthetic/matrix',
      licence: 'CC0 1.0',
      retrievedOn: '2026-01-15',
    },
    file: { format: 'csv' },
    country: { column: 'country', codes: 'alpha2' },
    year: { column: 'year' },
    indicator: { code: 'synthetic', name: 'Synthetic figure' },
    definitions: { justiceStage: 'suspect', groupDefinition: 'citizenship', immigrationLawOffences: 'unknown', standardisation: 'none' },
    values: [{ column: 'value', group: 'total', unit: 'count' }],
  },
  dryRun: true,
});

/**
 * Official statistics are public data (marked U): everyone signed in reads them. Importing is
 * headquarters' curation: its analysts and administrators only (statistics.import).
 */
export const statisticsMatrix: MatrixArea = {
  entries: {
    'GET /api/v1/statistics': { expect: signedIn(200) },
    'POST /api/v1/statistics/imports': { payload, expect: onlyRoles(['hq_analyst', 'admin'], 200) },
  },
};
