import type { TReadoutSentenceStatus } from '../../shared/engagements';

/**
 * The test set of the readout comparison: pairs of accounts (ours, theirs) written for the
 * purpose, each with the status a careful reader would give every statement, the number of
 * notes each side holds and whether the two can be compared at all. All text is synthetic:
 * no person is named, and no event is described as it happened.
 */
export interface ReadoutCase {
  name: string;
  kind: 'paraphrase' | 'partial' | 'omission' | 'contradiction' | 'language' | 'abbreviation' | 'notes';
  ours: string;
  theirs: string;
  expected: {
    ours: TReadoutSentenceStatus[];
    theirs: TReadoutSentenceStatus[];
    /** Notes on each side; 0 when not given. */
    notes?: [number, number];
    /** False when the languages differ or are not English; true when not given. */
    compared?: boolean;
  };
  /** Written after the method's thresholds and word lists were set, and not used to set them. */
  heldOut?: true;
}

const S: TReadoutSentenceStatus = 'shared';
const P: TReadoutSentenceStatus = 'partial';
const O: TReadoutSentenceStatus = 'only_here';
const C: TReadoutSentenceStatus = 'contradicted';
const N: TReadoutSentenceStatus = 'not_compared';

export const READOUT_CASES: ReadoutCase[] = [
  // ---- Faithful paraphrase: the same statement in other words ----
  {
    name: 'de-escalate / reduce tensions',
    kind: 'paraphrase',
    ours: 'The Secretary urged both sides to de-escalate.',
    theirs: 'The Secretary called on the two sides to reduce tensions.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'condemn / denounce, Islamabad / Pakistan',
    kind: 'paraphrase',
    ours: 'The Secretary encouraged Islamabad to condemn the attack.',
    theirs: 'The Secretary asked Pakistan to denounce the attack.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'discussed regional security / talked about security in the region',
    kind: 'paraphrase',
    ours: 'He discussed regional security with the Prime Minister.',
    theirs: 'The Prime Minister and the Secretary talked about security in the region.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'stressed a thorough investigation / emphasized a full inquiry',
    kind: 'paraphrase',
    ours: 'The Secretary stressed the importance of a thorough investigation.',
    theirs: 'The Secretary emphasized that a full inquiry was important.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'continue the dialogue / keep up their dialogue',
    kind: 'paraphrase',
    ours: 'Both sides agreed to continue the dialogue.',
    theirs: 'The two sides agreed to keep up their dialogue.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'reaffirmed commitment / reiterated committed',
    kind: 'paraphrase',
    ours: 'The Secretary reaffirmed the US commitment to cooperate on counterterrorism.',
    theirs: 'The Secretary reiterated that the United States is committed to counterterrorism cooperation.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'ease tensions / lower tensions, US help',
    kind: 'paraphrase',
    ours: 'The Prime Minister asked the United States to help ease tensions with India.',
    theirs: 'The Prime Minister requested US assistance to lower tensions with India.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'two sentences, each paraphrased',
    kind: 'paraphrase',
    ours: 'The Secretary urged de-escalation. He encouraged Pakistan to support the investigation.',
    theirs: 'The Secretary called for de-escalation. He asked Islamabad to back the inquiry.',
    expected: { ours: [S, S], theirs: [S, S] },
  },
  {
    name: 'not escalate / de-escalation (an antonym under negation agrees)',
    kind: 'paraphrase',
    ours: 'The Secretary urged Islamabad not to escalate.',
    theirs: 'The Secretary called on Pakistan to pursue de-escalation.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'both negative: not discussed / did not discuss',
    kind: 'paraphrase',
    ours: 'Trade was not discussed.',
    theirs: 'The two sides did not discuss trade.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: '“not only … but also” is no negation',
    kind: 'paraphrase',
    ours: 'The Secretary not only urged de-escalation but also praised the investigation.',
    theirs: 'The Secretary urged de-escalation and praised the investigation.',
    expected: { ours: [S], theirs: [S] },
  },

  // ---- Partial overlap: part of a sentence is in the other account ----
  {
    name: 'two topics against one',
    kind: 'partial',
    ours: 'The Secretary urged de-escalation and discussed regional security.',
    theirs: 'The Secretary discussed regional security.',
    expected: { ours: [P], theirs: [S] },
  },
  {
    name: 'the demo’s Pakistan call',
    kind: 'partial',
    ours:
      'The Secretary urged de-escalation and the maintenance of peace in South Asia. He discussed regional security with the Prime Minister. ' +
      'He encouraged Islamabad to condemn the attack. He encouraged Pakistan to support the investigation. (Paraphrase of the State Department readout, as reported.)',
    theirs:
      'The prime minister asked the United States to press India to help reduce bilateral tensions. ' +
      '(Paraphrase of the Pakistani prime minister\u2019s office statement, as reported.)',
    expected: { ours: [P, O, O, O], theirs: [P], notes: [1, 1] },
  },
  {
    name: 'three subjects against one',
    kind: 'partial',
    ours: 'The Secretary discussed trade, energy and water sharing.',
    theirs: 'Trade was discussed.',
    expected: { ours: [P], theirs: [S] },
  },
  {
    name: 'welcomed the call and raised the incident / raised the incident',
    kind: 'partial',
    ours: 'The Minister welcomed the call and raised the border incident.',
    theirs: 'The Minister raised the border incident.',
    expected: { ours: [P], theirs: [S] },
  },
  {
    name: 'one sentence of theirs says what two of ours say',
    kind: 'partial',
    ours: 'The Secretary urged de-escalation. He discussed regional security.',
    theirs: 'The Secretary urged de-escalation and discussed regional security.',
    expected: { ours: [S, S], theirs: [P] },
  },
  {
    name: 'offered help with / described the investigation',
    kind: 'partial',
    ours: 'The Secretary offered help with the investigation of the attack.',
    theirs: 'The Prime Minister described the investigation of the attack.',
    expected: { ours: [P], theirs: [P] },
  },

  // ---- Omission: a statement with nothing like it on the other side ----
  {
    name: 'ours says more',
    kind: 'omission',
    ours: 'The Secretary urged de-escalation. He encouraged Pakistan to condemn the attack.',
    theirs: 'The Secretary urged de-escalation.',
    expected: { ours: [S, O], theirs: [S] },
  },
  {
    name: 'theirs says more',
    kind: 'omission',
    ours: 'The Secretary urged de-escalation.',
    theirs: 'The Secretary urged de-escalation. The Prime Minister raised the sharing of river water.',
    expected: { ours: [S], theirs: [S, O] },
  },
  {
    name: 'nothing in common',
    kind: 'omission',
    ours: 'The Secretary discussed regional security.',
    theirs: 'The Prime Minister asked for economic assistance.',
    expected: { ours: [O], theirs: [O] },
  },
  {
    name: 'same speaker, other subject',
    kind: 'omission',
    ours: 'The Secretary praised the investigation.',
    theirs: 'The Secretary raised visa delays.',
    expected: { ours: [O], theirs: [O] },
  },
  {
    name: 'same request verb, other subject',
    kind: 'omission',
    ours: 'The Secretary urged Pakistan to reopen the trade route.',
    theirs: 'The Prime Minister urged the United States to release the frozen funds.',
    expected: { ours: [O], theirs: [O] },
  },

  // ---- Contradiction by negation or refusal ----
  {
    name: 'discussed / was not discussed',
    kind: 'contradiction',
    ours: 'He discussed regional security with the Prime Minister.',
    theirs: 'Regional security was not discussed.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'encouraged to condemn / refused to condemn',
    kind: 'contradiction',
    ours: 'The Secretary encouraged Islamabad to condemn the attack.',
    theirs: 'Pakistan refused to condemn the attack.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'urged de-escalation / no talk of de-escalation',
    kind: 'contradiction',
    ours: 'The Secretary urged de-escalation.',
    theirs: 'There was no talk of de-escalation.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'agreed / did not agree',
    kind: 'contradiction',
    ours: 'Both sides agreed to resume talks.',
    theirs: 'The two sides did not agree to resume talks.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'accepted / rejected',
    kind: 'contradiction',
    ours: 'The Minister accepted the proposal for a joint commission.',
    theirs: 'The Minister rejected the proposal for a joint commission.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'raised / did not raise',
    kind: 'contradiction',
    ours: 'The Secretary raised the detention of journalists.',
    theirs: 'The Secretary did not raise the detention of journalists.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'commented / declined to comment',
    kind: 'contradiction',
    ours: 'The Prime Minister commented on the investigation.',
    theirs: 'The Prime Minister declined to comment on the investigation.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'mentioned / never mentioned',
    kind: 'contradiction',
    ours: 'The Secretary mentioned the sanctions.',
    theirs: 'The Secretary never mentioned the sanctions.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'half agreed, half contradicted',
    kind: 'contradiction',
    ours: 'The Secretary urged de-escalation and discussed trade.',
    theirs: 'The Secretary urged de-escalation but did not discuss trade.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'with / without a joint statement',
    kind: 'contradiction',
    ours: 'The meeting ended with a joint statement on water sharing.',
    theirs: 'The meeting ended without a joint statement on water sharing.',
    expected: { ours: [C], theirs: [C] },
  },
  {
    name: 'contradiction beside agreement',
    kind: 'contradiction',
    ours: 'The Secretary urged de-escalation. He discussed regional security.',
    theirs: 'The Secretary called for reduced tensions. Regional security did not come up.',
    expected: { ours: [S, C], theirs: [S, C] },
  },

  // ---- Another language ----
  {
    name: 'French account of the same call',
    kind: 'language',
    ours: 'The Secretary urged both sides to de-escalate and maintain peace in the region.',
    theirs: 'Le Secrétaire a exhorté les deux parties à la désescalade et au maintien de la paix dans la région.',
    expected: { ours: [N], theirs: [N], compared: false },
  },
  {
    name: 'Urdu account',
    kind: 'language',
    ours: 'The prime minister asked the United States to press India to help reduce tensions.',
    theirs: 'وزیر اعظم نے امریکہ سے کہا کہ وہ بھارت پر دباؤ ڈالے تاکہ کشیدگی کم ہو۔',
    expected: { ours: [N], theirs: [N], compared: false },
  },
  {
    name: 'Spanish account, two sentences',
    kind: 'language',
    ours: 'The Secretary discussed regional security. He encouraged both sides to continue the dialogue.',
    theirs: 'El Secretario habló de la seguridad regional. Animó a ambas partes a continuar el diálogo.',
    expected: { ours: [N, N], theirs: [N, N], compared: false },
  },
  {
    name: 'both in German',
    kind: 'language',
    ours: 'Der Minister sprach über die regionale Sicherheit und den Handel.',
    theirs: 'Der Minister sprach über die regionale Sicherheit.',
    expected: { ours: [N], theirs: [N], compared: false },
  },

  // ---- Abbreviations ----
  {
    name: 'Secy. and S. Asia',
    kind: 'abbreviation',
    ours: 'The Secy. urged restraint in S. Asia.',
    theirs: 'The Secretary called for restraint in South Asia.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'Amb. and FM',
    kind: 'abbreviation',
    ours: 'The Amb. met the FM to discuss water sharing.',
    theirs: 'The Ambassador met the Foreign Minister and discussed water sharing.',
    expected: { ours: [S], theirs: [S] },
  },
  {
    name: 'U.S. Secretary and PM, two sentences',
    kind: 'abbreviation',
    ours: 'The U.S. Secretary spoke with the PM. They discussed trade.',
    theirs: 'The United States Secretary of State spoke with the Prime Minister. Trade was discussed.',
    expected: { ours: [S, S], theirs: [S, S] },
  },
  {
    name: 'Dept. of State',
    kind: 'abbreviation',
    ours: 'The Dept. of State said the two sides would meet again in March.',
    theirs: 'The Department of State said both sides would meet again in March.',
    expected: { ours: [S], theirs: [S] },
  },

  // ---- Notes: source notes, brackets and attributions are not statements ----
  {
    name: 'source note and attribution',
    kind: 'notes',
    ours: 'The Secretary urged de-escalation. (Paraphrase of the readout, as reported.)',
    theirs: 'The Prime Minister called for reduced tensions.\n— Ministry statement',
    expected: { ours: [S], theirs: [S], notes: [1, 1] },
  },
  {
    name: 'bracketed translation note and elision',
    kind: 'notes',
    ours: '[Unofficial translation.] The Minister welcomed the call.',
    theirs: 'The Minister welcomed the call […] and thanked the Secretary.',
    expected: { ours: [S], theirs: [P], notes: [1, 1] },
  },
  {
    name: 'inline “(as reported)” and a trailing attribution',
    kind: 'notes',
    ours: 'The Secretary (as reported) discussed regional security.',
    theirs: 'Regional security was discussed. — Office of the Prime Minister',
    expected: { ours: [S], theirs: [S], notes: [1, 1] },
  },
  // ---- Held out: written after the thresholds and word lists were set, not used to set them ----
  {
    name: 'expressed concern / voiced worry',
    kind: 'paraphrase',
    ours: 'The Foreign Minister expressed concern about the humanitarian situation at the border.',
    theirs: 'The Minister voiced worry over the humanitarian conditions along the border.',
    expected: { ours: [S], theirs: [S] },
    heldOut: true,
  },
  {
    name: 'agreed to hold another round / decided to meet again',
    kind: 'paraphrase',
    ours: 'The two sides agreed to hold another round of talks next month.',
    theirs: 'Both sides decided to meet again for talks next month.',
    expected: { ours: [S], theirs: [S] },
    heldOut: true,
  },
  {
    name: 'called for calm / urged to avoid escalation',
    kind: 'paraphrase',
    ours: 'The Secretary called for calm.',
    theirs: 'The Secretary urged both sides to avoid escalation.',
    expected: { ours: [S], theirs: [S] },
    heldOut: true,
  },
  {
    name: 'thanked and raised / thanked',
    kind: 'partial',
    ours: 'The Secretary thanked the Minister for hosting the talks and raised concerns about visa processing.',
    theirs: 'The Secretary thanked the Minister for hosting the talks.',
    expected: { ours: [P], theirs: [S] },
    heldOut: true,
  },
  {
    name: 'described damage and asked for help / asked for help',
    kind: 'partial',
    ours: 'The Minister described the flood damage and asked for emergency assistance.',
    theirs: 'The Minister asked for emergency assistance.',
    expected: { ours: [P], theirs: [S] },
    heldOut: true,
  },
  {
    name: 'export controls / tourism',
    kind: 'omission',
    ours: 'The Ambassador delivered the demarche on export controls.',
    theirs: 'The Minister spoke about tourism and cultural exchanges.',
    expected: { ours: [O], theirs: [O] },
    heldOut: true,
  },
  {
    name: 'confirmed / denied',
    kind: 'contradiction',
    ours: 'The Minister confirmed that the border crossing would reopen.',
    theirs: 'The Minister denied that the border crossing would reopen.',
    expected: { ours: [C], theirs: [C] },
    heldOut: true,
  },
  {
    name: 'both committed / neither committed',
    kind: 'contradiction',
    ours: 'Both sides committed to a ceasefire.',
    theirs: 'Neither side committed to a ceasefire.',
    expected: { ours: [C], theirs: [C] },
    heldOut: true,
  },
  {
    name: 'criticized / refrained from criticizing',
    kind: 'contradiction',
    ours: 'The Prime Minister criticized the sanctions.',
    theirs: 'The Prime Minister refrained from criticizing the sanctions.',
    expected: { ours: [C], theirs: [C] },
    heldOut: true,
  },
  {
    name: 'did not raise / was not raised',
    kind: 'paraphrase',
    ours: 'The Secretary did not raise the trade dispute.',
    theirs: 'The trade dispute was not raised.',
    expected: { ours: [S], theirs: [S] },
    heldOut: true,
  },
  {
    name: 'Italian account',
    kind: 'language',
    ours: 'The Secretary urged both sides to show restraint.',
    theirs: 'Il Segretario ha esortato entrambe le parti alla moderazione.',
    expected: { ours: [N], theirs: [N], compared: false },
    heldOut: true,
  },
  {
    name: 'Arabic account',
    kind: 'language',
    ours: 'The prime minister asked the United States to press India.',
    theirs: 'طلب رئيس الوزراء من الولايات المتحدة الضغط على الهند.',
    expected: { ours: [N], theirs: [N], compared: false },
    heldOut: true,
  },
  {
    name: 'Secy., Pres. and U.N.',
    kind: 'abbreviation',
    ours: 'The Secy. met the Pres. on Tuesday. They discussed the U.N. resolution.',
    theirs: 'The Secretary met the President on Tuesday. The two discussed the United Nations resolution.',
    expected: { ours: [S, S], theirs: [S, S] },
    heldOut: true,
  },
  {
    name: '[sic], a trailing attribution and a translation note',
    kind: 'notes',
    ours: 'The Minister welcomed the agreement [sic] on fisheries. — Embassy summary',
    theirs: '(Translated from the original.) The Minister welcomed the fisheries agreement.',
    expected: { ours: [S], theirs: [S], notes: [2, 1] },
    heldOut: true,
  },
];
