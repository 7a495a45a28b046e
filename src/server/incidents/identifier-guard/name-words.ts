/**
 * The few word lists the models do not give us. compromise knows given names, surnames,
 * places and demonyms; it does not know which capitalised words in incident prose are roles
 * ("Innenministerin"), institutions ("Bundeskriminalamt") or the kind of place a name is part
 * of ("Victoria Station"), and de-compromise and fr-compromise have no honorific for
 * Herr, Frau, Monsieur or Madame. Lower case, all three languages in one set: a German role
 * word in an English sentence is still a role.
 */

/** Social honorifics: the word after one is a surname whatever the models say of it. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'herr', 'frau', 'fräulein', 'mme', 'mlle', 'monsieur', 'madame', 'mademoiselle']);
/** "M." only with its full stop and a capital after it: "M. Martin". */
export const FRENCH_MONSIEUR = 'm';

/** Roles and titles: stripped from a name's edges, never a name themselves. */
export const TITLES = new Set([
  ...['dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'minister', 'secretary', 'president', 'chancellor', 'senator', 'governor'],
  ...['mayor', 'judge', 'justice', 'prosecutor', 'commissioner', 'inspector', 'sergeant', 'constable', 'detective', 'officer', 'chief'],
  ...['superintendent', 'spokesperson', 'spokesman', 'spokeswoman', 'ambassador', 'home', 'interior', 'foreign', 'prime', 'deputy', 'general'],
  ...['attorney', 'sheriff', 'king', 'queen', 'prince', 'princess', 'pope', 'imam', 'rabbi', 'bishop', 'father', 'reverend', 'captain'],
  ...['ministre', 'préfet', 'préfète', 'maire', 'procureur', 'procureure', 'juge', 'président', 'présidente', 'député', 'députée'],
  ...['sénateur', 'sénatrice', 'commissaire', 'ambassadeur', 'ambassadrice', 'général', 'capitaine', 'lieutenant', 'colonel', 'commandant'],
]);
/**
 * German roles are compounds ("Bundesinnenministerin", "Oberstaatsanwalt"): matched by ending.
 * Plain "Richter" is left out: it is a common surname, and "Amtsrichter" still matches.
 */
const GERMAN_ROLE_ENDINGS =
  /(?:minister|kanzler|präsident|bürgermeister|staatsanwalt|staatsanwältin|.richter|kommissar|sprecher|botschafter|senator|abgeordnete[rn]?|landrat|landrätin|beamte[rn]?|beamtin|polizist|direktor|leiter|chef|vorsitzende[rn]?|tatverdächtige[rn]?|verdächtige[rn]?|beschuldigte[rn]?|angeklagte[rn]?|zeuge|zeugin|opfer)(?:in|innen|en)?$/u;

/** Institutions and groups that look like a surname after a given name ("Christian Democrats"). */
const INSTITUTIONS = new Set([
  ...['police', 'polizei', 'gendarmerie', 'europol', 'interpol', 'bundeskriminalamt', 'landeskriminalamt', 'bundespolizei', 'staatsanwaltschaft'],
  ...['ministry', 'ministerium', 'préfecture', 'parquet', 'court', 'gericht', 'landgericht', 'amtsgericht', 'tribunal', 'government', 'regierung'],
  ...['democrats', 'democrat', 'republicans', 'republican', 'party', 'partei', 'parti', 'union', 'front', 'council', 'rat', 'conseil', 'army'],
  ...['foundation', 'stiftung', 'fondation', 'institute', 'institut', 'university', 'universität', 'université', 'college', 'school', 'schule'],
  ...['hospital', 'krankenhaus', 'klinikum', 'hôpital', 'church', 'kirche', 'église', 'mosque', 'moschee', 'mosquée', 'synagogue', 'synagoge'],
  ...['news', 'times', 'post', 'zeitung', 'presse', 'group', 'gruppe', 'groupe', 'brigade', 'brigades', 'network', 'airlines', 'airport'],
]);
/** Kinds of place that make "Victoria Station", "Martin Luther King Boulevard" or "Sankt Martin" a place, not a person. */
const PLACE_WORDS = new Set([
  ...['street', 'road', 'avenue', 'lane', 'square', 'station', 'park', 'bridge', 'stadium', 'hall', 'centre', 'center', 'river', 'lake'],
  ...['straße', 'strasse', 'platz', 'weg', 'allee', 'bahnhof', 'hauptbahnhof', 'brücke', 'markt', 'rue', 'place', 'boulevard', 'gare', 'pont'],
  ...['quai', 'saint', 'sainte', 'sankt', 'san', 'santa', 'st', 'bad', 'port', 'fort', 'mount', 'cape', 'north', 'south', 'east', 'west'],
  // French names the kind of place first, in lower case: "l'aéroport Charles de Gaulle", "lycée Jean Moulin".
  ...['aéroport', 'lycée', 'collège', 'école', 'stade', 'parc', 'square', 'allée', 'impasse', 'chemin', 'cours', 'avenue', 'station', 'cité'],
]);
/** Words that join the parts of a name: "Ursula von der Leyen", "Issa al Hassan", "Jean de La Fontaine". */
export const PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'du',
  'des',
  'da',
  'di',
  'dos',
  'del',
  'della',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'abu',
  'zu',
  'ter',
  'ten',
]);

export function isTitle(lower: string): boolean {
  return TITLES.has(lower) || GERMAN_ROLE_ENDINGS.test(lower);
}

/** Never part of a name: a role, an institution or a kind of place. */
export function isNonNameWord(lower: string): boolean {
  return isTitle(lower) || HONORIFICS.has(lower) || INSTITUTIONS.has(lower) || PLACE_WORDS.has(lower);
}

export function isPlaceWord(lower: string): boolean {
  return PLACE_WORDS.has(lower);
}
