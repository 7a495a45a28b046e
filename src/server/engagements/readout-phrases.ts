/**
 * The vocabulary of readouts that WordNet does not connect: multi-word expressions ("reduce
 * tensions" is "de-escalate") and near-synonyms of diplomatic reporting ("urged", "called on",
 * "pressed" and "asked" all report a request). Each group is one concept; a group marked
 * `opposite` is the contrary of another ("raise tensions" against "de-escalate"), so that "did
 * not raise tensions" agrees with "de-escalated". Words are lemmas (as the lemmatizer gives
 * them); a phrase matches with up to two other words in between ("reduce bilateral tensions").
 */
export interface PhraseGroup {
  concept: string;
  opposite?: boolean;
  phrases: string[];
}

export const PHRASE_GROUPS: PhraseGroup[] = [
  {
    concept: 'de-escalate',
    phrases: [
      'de-escalate',
      'deescalate',
      'de-escalation',
      'deescalation',
      'reduce tension',
      'ease tension',
      'lower tension',
      'defuse tension',
      'calm tension',
      'defuse situation',
      'defuse crisis',
      'restraint',
      'calm',
      'step back',
    ],
  },
  {
    concept: 'de-escalate',
    opposite: true,
    phrases: ['escalate', 'escalation', 'raise tension', 'heighten tension', 'increase tension', 'inflame tension', 'stoke tension'],
  },
  {
    concept: 'request',
    phrases: ['urge', 'call on', 'call upon', 'call for', 'press', 'ask', 'encourage', 'appeal to', 'exhort', 'request', 'push for'],
  },
  { concept: 'investigation', phrases: ['investigation', 'inquiry', 'enquiry', 'probe', 'investigate'] },
  { concept: 'condemn', phrases: ['condemn', 'condemnation', 'denounce', 'deplore', 'decry'] },
  { concept: 'discuss', phrases: ['discuss', 'discussion', 'talk about', 'talk over', 'exchange view', 'review', 'raise'] },
  { concept: 'dialogue', phrases: ['dialogue', 'dialog', 'talk', 'negotiation', 'negotiate'] },
  { concept: 'reaffirm', phrases: ['reaffirm', 'reiterate', 'restate', 'reassert', 'recommit'] },
  { concept: 'emphasize', phrases: ['stress', 'emphasize', 'emphasise', 'underline', 'underscore', 'highlight'] },
  { concept: 'support', phrases: ['support', 'back', 'endorse'] },
  { concept: 'cooperate', phrases: ['cooperate', 'cooperation', 'collaborate', 'collaboration', 'work together', 'partnership'] },
  { concept: 'counterterrorism', phrases: ['counterterrorism', 'counter-terrorism', 'fight terrorism', 'combat terrorism'] },
  { concept: 'welcome', phrases: ['welcome', 'commend', 'praise', 'applaud', 'appreciate'] },
  { concept: 'continue', phrases: ['continue', 'keep up', 'sustain', 'maintain', 'maintenance', 'preserve'] },
  { concept: 'thorough', phrases: ['thorough', 'full', 'comprehensive', 'complete'] },
  { concept: 'important', phrases: ['important', 'importance', 'significance', 'crucial', 'vital'] },
  { concept: 'assistance', phrases: ['help', 'assistance', 'assist', 'aid'] },
  { concept: 'region', phrases: ['region', 'regional'] },
  { concept: 'two sides', phrases: ['both side', 'two side', 'both country', 'two country', 'two leader', 'both leader', 'each other'] },
];

/**
 * Words of title or role ("the Secretary", "the Prime Minister"): they say who spoke, not
 * what was said, so two sentences that share only the speaker are not alike. They count a
 * third as much as other words.
 */
export const ROLE_WORDS = new Set([
  'secretary',
  'minister',
  'prime_minister',
  'foreign_minister',
  'president',
  'ambassador',
  'official',
  'officials',
  'government',
  'side',
  'leader',
  'counterpart',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'office',
  'department',
  'ministry',
  'two sides',
  'call',
  'meeting',
  'conversation',
]);
export const ROLE_WEIGHT = 1 / 3;

/**
 * Verbs that frame what follows ("urged", "discussed", "stressed", "reaffirmed"): nearly every
 * sentence of a readout has one, so they count as little as a title. "The Secretary urged X"
 * and "The Secretary urged Y" are not alike.
 */
export const FRAMING_CONCEPTS = new Set(['request', 'discuss', 'emphasize', 'reaffirm']);

/** Reporting verbs say that something was said, not what: they are left out like "the". */
export const REPORTING_WORDS = new Set([
  'say',
  'said',
  'says',
  'saying',
  'tell',
  'told',
  'tells',
  'note',
  'noted',
  'notes',
  'add',
  'added',
  'adds',
  'remark',
  'remarked',
  'state',
  'stated',
  'states',
  'according',
  'reportedly',
  'readout',
  'statement',
]);

/** Function words beyond the stopword package's English list. */
export const EXTRA_STOP_WORDS = [
  'will',
  'shall',
  'may',
  'its',
  'she',
  'itself',
  'themselves',
  'when',
  'why',
  'whom',
  'whose',
  'upon',
  'during',
  'across',
  'per',
  'via',
  'one',
  'two',
  'three',
  'further',
  'again',
  'just',
  'so',
  'yet',
  'towards',
  'toward',
  'onto',
  'among',
  'amid',
  'either',
  'every',
  'whether',
  'let',
  'mr',
  'mrs',
  'ms',
  'dr',
  'there',
  'also',
  'us',
  'along',
  'both',
  'willing',
  'able',
];
