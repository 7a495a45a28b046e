import { createRequire } from 'node:module';

/**
 * The three compromise models, loaded on first use only: together they take over a second to
 * load (de-compromise alone ~0.9 s), and an English-only summary should not pay for German.
 * `require` keeps the load synchronous, so findIdentifiers can stay a plain function.
 */
export const GUARD_LANGUAGES = ['en', 'de', 'fr'] as const;
export type GuardLanguage = (typeof GUARD_LANGUAGES)[number];

const PACKAGES: Record<GuardLanguage, string> = { en: 'compromise', de: 'de-compromise', fr: 'fr-compromise' };

interface Term {
  tags: Set<string>;
  offset: { start: number; length: number };
}
interface View {
  compute(step: string): View;
  docs: Term[][];
}
interface Library {
  tokenize(text: string): View;
  model(): { one: { lexicon: Record<string, string | string[]> } };
  world(): { compute: Record<string, unknown> };
}

export interface TaggedTerm {
  start: number;
  end: number;
  tags: readonly string[];
}

export interface Model {
  language: GuardLanguage;
  /** Tags of a lower-case word in the model's lexicon (no context), or undefined. */
  lexicon(word: string): readonly string[] | undefined;
  /** Tags every term of `text` in context; offsets are relative to `text`. */
  tag(text: string): TaggedTerm[];
}

const require = createRequire(import.meta.url);
const models = new Map<GuardLanguage, Model>();

export function model(language: GuardLanguage): Model {
  const cached = models.get(language);
  if (cached) return cached;
  const library = require(PACKAGES[language]) as Library;
  const lexicon = library.model().one.lexicon;
  // The lexicon and the first tagging pass only: compromise's later passes (post-tagger, chunks)
  // cost four times as much on a few words and change little of what the rules ask.
  const tagging = 'preTagger' in library.world().compute ? 'preTagger' : 'tagger';
  const steps = ['lexicon', tagging, 'offset'];
  const loaded: Model = {
    language,
    lexicon: (word) => {
      const tags = lexicon[word];
      return typeof tags === 'string' ? [tags] : tags;
    },
    tag: (text) => {
      const view = library.tokenize(text);
      for (const step of steps) view.compute(step);
      return view.docs
        .flat()
        .filter((term) => term.offset.length > 0)
        .map((term) => ({ start: term.offset.start, end: term.offset.start + term.offset.length, tags: [...term.tags] }));
    },
  };
  models.set(language, loaded);
  return loaded;
}

/** The languages whose models this thread holds (tests: the server thread should hold none). */
export function loadedGuardModels(): GuardLanguage[] {
  return [...models.keys()];
}
