import type { TDirectiveInput } from '../../shared/directives';

/**
 * Demo directives built only from ../shared/PUBLIC-REPORTING.md: where the reporting gives
 * a point's words, they are quoted with the outlet named; where it does not, the point says
 * its text was not published. Nothing here is a government position the reporting does not
 * state, and every record is labelled synthetic.
 */

const UNPUBLISHED = (index: number, of: string) => `Text not published. (Talking point ${index} of ${of}; the wording of this point has not been made public.)`;

export const MIGRATION_DIRECTIVE: TDirectiveInput = {
  reference: 'DEMO 2025-11-21 MIGRATION',
  date: '2025-11-21',
  subject: 'Migration and public safety: engaging host governments (as reported)',
  from: 'The Secretary of State (as reported)',
  objective:
    'To "build host government and stakeholder support to address and reform policies related to migrant crime, ' +
    'defending national sovereignty, and ensuring the safety of local communities" (quoted via The New York Times).',
  background:
    'Reported on 27 November 2025 by The New York Times (which obtained the cable), Business Standard, Reuters and others. ' +
    'Posts are instructed to raise the issue directly with host-government officials and to "regularly engage host governments ' +
    'and their respective authorities to raise U.S. concerns about violent crimes associated with people of a migration background" ' +
    'and "any related human rights abuses" (quoted via The New York Times). Posts are asked to alert the Department to how ' +
    'governments address the issues and whether their "policies unduly favor migrants at the expense of local populations", to ' +
    'flag governments that appear overly supportive of immigrants, to document sexual assaults, trafficking and violent attacks, ' +
    'and to keep host governments informed about crimes attributed to migrants (Business Standard; The New York Times). ' +
    'Critics note that large US studies find immigrants on average no more likely, and in some cases less likely, to commit ' +
    'crimes than native-born citizens, that European research is mixed and varies by country, and that crimes by people without ' +
    'a migration background get no parallel weight (analysis, Vera2/NRP Dispatch).',
  classification: 'U',
  tags: ['SMIG', 'PREL', 'KCRM', 'PHUM'],
  actionPosts: { bureaus: ['EUR'], countries: ['CA', 'AU', 'NZ'], posts: [] },
  infoPosts: { bureaus: [], countries: [], posts: [] },
  // "Regularly engage": the reporting gives no interval; 30 days is this demo's choice.
  engagementCadenceDays: 30,
  incidentCadenceDays: null,
  assessmentCadenceDays: null,
  synthetic: true,
  sourceNote:
    'Synthetic demo record built from public reporting (The New York Times, Business Standard, Reuters, 27 November 2025). ' +
    'Reference, classification and the 30-day cadence are demo choices; the original reference and marking were not published.',
  talkingPoints: [
    {
      text:
        'A point on radical Islam, said to lead to an increase in antisemitic and anti-Christian incidents. ' +
        '(Reported in paraphrase; the exact words were not published, nor whether it is one of the general or the European points.)',
      scope: 'all',
      wording: 'paraphrase',
      attribution: 'As reported in paraphrase (27 November 2025 reporting)',
    },
    ...Array.from({ length: 11 }, (_, i) => ({
      text: UNPUBLISHED(i + 2, 'the 12 points for all addressees'),
      scope: 'all' as const,
      wording: 'unpublished' as const,
      attribution: null,
    })),
    {
      text:
        'We encourage your government to ensure that policies protect your citizens from the negative social impacts of mass ' +
        'migration, including displacement, sexual assault, and the breakdown of law and order.',
      scope: 'bureaus',
      bureaus: ['EUR'],
      wording: 'verbatim',
      attribution: 'One of the European points, as reported on 27 November 2025 (The New York Times; Business Standard)',
    },
    ...[2, 3].map((n) => ({
      text: UNPUBLISHED(n, 'the 3 further points for European countries'),
      scope: 'bureaus' as const,
      bureaus: ['EUR' as const],
      wording: 'unpublished' as const,
      attribution: null,
    })),
  ],
};

export const THIRD_COUNTRY_DIRECTIVE: TDirectiveInput = {
  reference: 'DEMO 2025 THIRD-COUNTRY ACCEPTANCE',
  date: '2025-01-01',
  subject: 'Outreach for third-country acceptance agreements (as reported)',
  from: 'The Secretary of State (as reported)',
  objective:
    'The Secretary said at a Cabinet meeting that the administration is "actively searching for other countries to take people ' +
    'from third countries. Not just El Salvador" and "the further from the U.S., the better." (as reported, 2025).',
  background:
    'No cable on this outreach has been published: its date, addressees and talking points are unknown. This draft records the ' +
    'public statement only; the date is a placeholder for 2025.',
  classification: 'U',
  tags: ['SMIG', 'PREL'],
  actionPosts: { bureaus: [], countries: [], posts: [] },
  engagementCadenceDays: null,
  synthetic: true,
  sourceNote: 'Synthetic demo record from public reporting of a 2025 Cabinet meeting. Left as a draft: addressees were not published.',
  talkingPoints: [{ text: 'Text not published. (No talking points of this outreach have been made public.)', scope: 'all', wording: 'unpublished' }],
};

export const SOUTH_ASIA_DIRECTIVE: TDirectiveInput = {
  reference: 'DEMO 2025 SOUTH ASIA DE-ESCALATION',
  date: '2025-04-30',
  subject: 'De-escalation in South Asia after the Pahalgam attack (as reported)',
  from: 'The Secretary of State (as reported)',
  objective:
    'After the terrorist attack in Pahalgam, the Secretary held calls with India\u2019s External Affairs Minister and Pakistan\u2019s ' +
    'Prime Minister, urging both sides to de-escalate and maintain peace in South Asia (State Department readout, as reported).',
  background:
    'The points below paraphrase the State Department readouts as reported. The Pakistani prime minister\u2019s office issued its ' +
    'own statement, which diverges from the State readout: an example of a counterpart account that differs from ours.',
  classification: 'U',
  tags: ['PREL', 'PTER'],
  actionPosts: { bureaus: [], countries: ['IN', 'PK'], posts: [] },
  // A one-off instruction for two calls, not a standing reporting requirement: no cadence.
  engagementCadenceDays: null,
  synthetic: true,
  sourceNote: 'Synthetic demo record from public reporting of the State Department readouts. The date (30 April 2025) and reference are demo choices.',
  talkingPoints: [
    {
      text: 'Urge de-escalation and the maintenance of peace in South Asia.',
      scope: 'all',
      wording: 'paraphrase',
      attribution: 'State Department readout, as reported',
    },
    {
      text: 'Reaffirm the US commitment to cooperate on counterterrorism, and stress a thorough investigation.',
      scope: 'countries',
      countries: ['IN'],
      wording: 'paraphrase',
      attribution: 'State Department readout of the call with India, as reported',
    },
    {
      text: 'Discuss regional security, and encourage Islamabad to condemn the attack and support the investigation.',
      scope: 'countries',
      countries: ['PK'],
      wording: 'paraphrase',
      attribution: 'State Department readout of the call with Pakistan, as reported',
    },
  ],
};

/** Readouts of the two calls, paraphrasing the public reporting; the engagements are synthetic. */
export const SOUTH_ASIA_CALLS = {
  india: {
    contact: {
      name: 'Subrahmanyam Jaishankar',
      title: 'External Affairs Minister',
      organization: 'Ministry of External Affairs',
      organizationType: 'ministry_of_foreign_affairs' as const,
      country: 'IN',
    },
    ourReadout:
      'The Secretary urged de-escalation and the maintenance of peace in South Asia. He reaffirmed the US commitment to cooperate ' +
      'with India on counterterrorism. He stressed the importance of a thorough investigation. (Paraphrase of the State Department readout, as reported.)',
  },
  pakistan: {
    contact: {
      name: 'Shehbaz Sharif',
      title: 'Prime Minister',
      organization: 'Prime Minister\u2019s Office',
      organizationType: 'head_of_government_office' as const,
      country: 'PK',
    },
    ourReadout:
      'The Secretary urged de-escalation and the maintenance of peace in South Asia. He discussed regional security with the Prime Minister. ' +
      'He encouraged Islamabad to condemn the attack. He encouraged Pakistan to support the investigation. (Paraphrase of the State Department readout, as reported.)',
    counterpartAccount:
      'The prime minister asked the United States to press India to help reduce bilateral tensions. ' +
      '(Paraphrase of the Pakistani prime minister\u2019s office statement, as reported.)',
  },
};
