import type { Token } from './readout-tokens';

/**
 * Negation and refusal. A cue ("not", "no", "never", "without", "refused", "declined to",
 * "rejected", "denied", "ruled out", …) reverses what its clause says: in "Regional security was
 * not discussed" and "Pakistan refused to condemn the attack" every word of the clause is marked
 * negated, so that the sentence does not count as agreeing with "discussed regional security" or
 * "condemned the attack". Two cues in one clause cancel ("did not refuse to meet").
 *
 * A clause ends at punctuation, at a contrasting or relative conjunction ("but", "although",
 * "which"), and at "and" or "or" when a new verb phrase follows ("urged restraint and did not
 * discuss trade"). This is a rule of thumb, not a parse: "did not discuss trade and related
 * issues" is read as negating "related issues" only by luck of the word order.
 */

const ALWAYS = new Set([
  'not',
  'no',
  'never',
  'neither',
  'nor',
  'none',
  'nobody',
  'nothing',
  'nowhere',
  'without',
  'cannot',
  'lack',
  'lacks',
  'lacked',
  'lacking',
  'absence',
  'refuse',
  'refuses',
  'refused',
  'refusing',
  'refusal',
  'reject',
  'rejects',
  'rejected',
  'rejecting',
  'rejection',
  'deny',
  'denies',
  'denied',
  'denying',
  'denial',
  'dismiss',
  'dismisses',
  'dismissed',
  'dismissing',
  'rebuff',
  'rebuffs',
  'rebuffed',
  'oppose',
  'opposes',
  'opposed',
  'opposing',
  'avoid',
  'avoids',
  'avoided',
  'avoiding',
]);
/** Cues only before a given word: "declined to comment", not "exports declined". */
const BEFORE = new Map<string, string>(
  Object.entries({
    decline: 'to',
    declines: 'to',
    declined: 'to',
    declining: 'to',
    fail: 'to',
    fails: 'to',
    failed: 'to',
    failing: 'to',
    failure: 'to',
    refrain: 'from',
    refrains: 'from',
    refrained: 'from',
    refraining: 'from',
    rule: 'out',
    rules: 'out',
    ruled: 'out',
    ruling: 'out',
  }),
);
/** "not only", "no doubt": negative words that negate nothing. */
const NOT_NEGATING = new Set(['not only', 'not just', 'not merely', 'not least', 'no doubt', 'no less', 'no later', 'nothing but', 'no sooner']);

/**
 * Cues that negate what follows them only: a determiner ("no talk of de-escalation" says nothing
 * against "there was"), and "not to" ("urged Islamabad not to escalate" still urged). Other cues
 * negate their whole clause, the subject of a passive included ("Regional security was not discussed").
 */
const FORWARD = new Set(['no', 'none', 'nothing', 'nobody', 'nowhere', 'without', 'lack', 'lacks', 'lacked', 'lacking', 'absence', 'neither']);

const CLAUSE_BREAKS = new Set(['but', 'however', 'although', 'though', 'whereas', 'while', 'whilst', 'yet', 'unless', 'because', 'which', 'who']);
const AUXILIARIES = new Set([
  'did',
  'does',
  'do',
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'can',
  'should',
  'might',
  'may',
  'must',
  'also',
  'then',
  'later',
  'still',
  'subsequently',
]);

/** How many tokens from `i` form a negation cue (0: none; "ruled out" is 2). */
export function negationCueLength(tokens: readonly Token[], i: number): number {
  const token = tokens[i];
  if (!token || token.boundary) return 0;
  const next = tokens[i + 1];
  const nextWord = next && !next.boundary ? next.word : '';
  if (NOT_NEGATING.has(`${token.word} ${nextWord}`)) return 0;
  if (token.word === 'no' && nextWord === 'longer') return 2;
  const before = BEFORE.get(token.word);
  if (before !== undefined) return nextWord === before ? (before === 'out' ? 2 : 1) : 0;
  return ALWAYS.has(token.word) ? 1 : 0;
}

function opensVerbPhrase(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || token.boundary) return false;
  // A past tense ("and agreed") opens one too; "united" is a name's, not a verb's.
  return AUXILIARIES.has(token.word) || negationCueLength(tokens, i) > 0 || (/^[a-z]{3,}ed$/.test(token.word) && token.word !== 'united');
}

export interface NegationMarks {
  /** Tokens that are part of a cue: not content. */
  cue: boolean[];
  /** Tokens in the scope of an odd number of cues. */
  negated: boolean[];
}

export function markNegation(tokens: readonly Token[]): NegationMarks {
  const cue = tokens.map(() => false);
  const negated = tokens.map(() => false);
  let clauseStart = 0;
  for (let end = 0; end <= tokens.length; end += 1) {
    const token = tokens[end];
    if (token && !token.boundary && !CLAUSE_BREAKS.has(token.word)) continue;
    markClause(tokens, clauseStart, end, cue, negated);
    clauseStart = end + 1;
  }
  return { cue, negated };
}

function markClause(tokens: readonly Token[], start: number, end: number, cue: boolean[], negated: boolean[]) {
  let scopeStart = start;
  let negatedBefore = false;
  for (let i = start; i < end; i += 1) {
    const word = tokens[i]!.word;
    if ((word === 'and' || word === 'or') && opensVerbPhrase(tokens, i + 1)) {
      // A new verb phrase: a cue in it does not reach back before the conjunction.
      scopeStart = i + 1;
      negatedBefore = false;
      continue;
    }
    const length = negationCueLength(tokens, i);
    if (length === 0) continue;
    for (let j = i; j < i + length; j += 1) cue[j] = true;
    // "neither … nor" and "not … nor" negate once.
    if (!(word === 'nor' && negatedBefore)) {
      let scopeEnd = end;
      for (let j = i + length; j < end; j += 1) {
        const w = tokens[j]!.word;
        if ((w === 'and' || w === 'or') && opensVerbPhrase(tokens, j + 1)) {
          scopeEnd = j;
          break;
        }
      }
      const infinitive = tokens[i - 1]?.word === 'to' || ((word === 'not' || word === 'never') && tokens[i + 1]?.word === 'to');
      const forward = FORWARD.has(word) || infinitive;
      for (let j = forward ? i : scopeStart; j < scopeEnd; j += 1) negated[j] = !negated[j];
    }
    negatedBefore = true;
    i += length - 1;
  }
}
