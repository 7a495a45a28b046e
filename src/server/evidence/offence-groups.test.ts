import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFENCE_GROUPS_FILE, offenceGroupFor, readOffenceGroups } from './offence-groups';

const folder = mkdtempSync(path.join(tmpdir(), 'demarche-offence-groups-'));
const fileOf = (name: string, content: unknown) => {
  const file = path.join(folder, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const source = { source: 'synthetic-police', indicatorPrefix: 'suspects', excluded: '100', containsImmigrationLaw: false };
const all = { id: 'all_offences', label: 'All offences', description: 'Synthetic', categories: [], sources: [source] };

describe('the offence groups file (docs/mappings/offence-groups.json)', () => {
  it('maps the BKA keys and the incident categories, and no category to two groups', () => {
    const groups = readOffenceGroups(OFFENCE_GROUPS_FILE);
    expect(groups.map((group) => [group.id, group.categories, group.sources.map((s) => [s.source, s.included, s.excluded, s.only])])).toEqual([
      ['all_offences', [], [['bka-pks-zr-f-01-t01', '------', '890000', '725000']]],
      ['violent_crime', ['violent_crime'], [['bka-pks-zr-f-01-t01', undefined, '892000', undefined]]],
      ['homicide', ['homicide'], [['bka-pks-zr-f-01-t01', undefined, '892500', undefined]]],
      ['human_trafficking', ['human_trafficking'], [['bka-pks-zr-f-01-t01', undefined, '895000', undefined]]],
    ]);
    expect(offenceGroupFor(undefined, groups)?.id).toBe('all_offences');
    expect(offenceGroupFor('homicide', groups)?.id).toBe('homicide');
    expect(offenceGroupFor('anti_muslim_incident', groups)).toBeUndefined();
  });

  it('takes a new publisher as data: another source of an offence group is one more entry', () => {
    const groups = readOffenceGroups(
      fileOf('new-publisher.json', {
        groups: [
          { ...all, sources: [source, { source: 'other-police', indicatorPrefix: 'convictions', included: 'all', only: 'imm', containsImmigrationLaw: true }] },
        ],
      }),
    );
    expect(groups[0]!.sources.map((s) => s.source)).toEqual(['synthetic-police', 'other-police']);
  });

  it('refuses a wrong file, naming the file and each wrong field', () => {
    expect(() => readOffenceGroups(fileOf('broken.json', '{ "groups": ['))).toThrow(/offence groups of the evidence panel \(.*broken\.json\) cannot be read/);
    const wrong = fileOf('wrong.json', {
      groups: [
        { ...all, categories: ['homicide'] },
        { ...all, id: 'violent', sources: [{ ...source, excluded: undefined }] },
        { ...all, id: 'homicide', categories: ['homicide'], sources: [{ ...source, only: '725000' }] },
      ],
    });
    let message = '';
    try {
      readOffenceGroups(wrong);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('wrong.json) are not valid');
    expect(message.split('; ')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('offence-groups.groups.1.sources.0 must name at least one of the keys included, excluded or only'),
        expect.stringContaining(
          'offence-groups.groups.2.sources.0 has no immigration-law offences (containsImmigrationLaw: false), so it names only the key `excluded`',
        ),
        expect.stringContaining('offence-groups.groups.2.categories maps "homicide", which all_offences maps already'),
        expect.stringContaining('offence-groups.groups.0.categories must be empty: all offences are shown when no category is chosen'),
      ]),
    );
    expect(() => readOffenceGroups(fileOf('no-all.json', { groups: [{ ...all, id: 'violent' }] }))).toThrow(
      'offence-groups.groups must have the group "all_offences", shown without a category',
    );
  });
});
