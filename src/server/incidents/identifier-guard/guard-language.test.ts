import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { francTop, languagesOf } from './guard-language';

/** What the guard asked of franc-min before francTop: its first answer among the three languages. */
const CODES: Record<string, string> = { eng: 'en', deu: 'de', fra: 'fr' };
const francFirst = (sample: string) => CODES[francAll(sample, { minLength: 10, only: Object.keys(CODES) })[0]?.[0] ?? ''];

const SENTENCES = [
  'Police arrested Daniel Whitfield, 34, at his home in Leeds.',
  'Die Polizei nahm Hans Müller in Solingen fest.',
  'La police a arrêté Jean Dupont à Lyon mardi.',
  'Am 23.08.2024 gegen 21:37 Uhr wurden in 42651 Solingen drei Menschen getötet und acht verletzt.',
  "Le ministre de l'Intérieur Gérald Darmanin a déclaré que l'attaque à Paris était terroriste.",
  'Trade was not discussed.',
  'Marktplatz Solingen',
  'Fußgängerzone Mannheim',
  'İSTANBUL ΣΟΦΊΑ straße',
  'Москва и Berlin',
  '東京 and 北京 in one line',
  '😀😀😀 a b c',
  '1234567890',
];

/** Texts of every kind franc must tell apart: prose in three languages, other scripts, symbols, near ties. */
function texts(): string[] {
  let state = 11;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const letters = [
    ...'abcdefghijklmnopqrstuvwxyzäöüßéèàçœ ABCDEFZ .,;:!?0123456789-\'"\n\t',
    'Ж',
    'д',
    'ا',
    '中',
    'क',
    'λ',
    'Σ',
    '😀',
    '\uD800',
    'İ',
    'ǅ',
    'ﬁ',
    'Ⅻ',
  ];
  const words = SENTENCES.join(' ').split(/\s+/);
  const out = [...SENTENCES];
  for (let index = 0; index < 3000; index += 1) out.push(Array.from({ length: Math.floor(random() * 60) }, () => pick(letters)).join(''));
  for (let index = 0; index < 3000; index += 1)
    out.push(Array.from({ length: 1 + Math.floor(random() * 14) }, () => pick(words)).join(pick([' ', '\n', ', '])));
  return out;
}

describe('the guard’s language', () => {
  it('is franc-min’s answer among English, German and French, computed without franc’s unused work', () => {
    const all = texts();
    const differing = all.filter((text) => francTop(text) !== francFirst(text));
    expect(differing).toEqual([]);
    // The comparison covers every answer, "und" included.
    expect(new Set(all.map(francTop))).toEqual(new Set(['en', 'de', 'fr', undefined]));
  });

  it('is one language when the function words agree with franc, all three when the text is too short to tell', () => {
    expect(languagesOf('Die Polizei nahm Hans Müller in Solingen fest.')).toEqual(['de']);
    expect(languagesOf('The victim, Sarah Okonkwo, was taken to hospital.')).toEqual(['en']);
    expect(languagesOf('Marktplatz Solingen')).toEqual(['en', 'de', 'fr']);
    expect(languagesOf('Marktplatz Solingen', 'fr')).toEqual(['fr']);
  });
});
