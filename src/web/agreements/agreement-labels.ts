import { AGREEMENT_STAGE_LABELS, AGREEMENT_TYPE_LABELS, type TAgreementStage, type TAgreementSummary } from '../../shared/agreements';

/** "Rwanda · Readmission": how a card, a row and a heading name an agreement. */
export const agreementName = (agreement: Pick<TAgreementSummary, 'countryName' | 'type'>) =>
  `${agreement.countryName} · ${AGREEMENT_TYPE_LABELS[agreement.type]}`;

export const stageText = (stage: TAgreementStage) => AGREEMENT_STAGE_LABELS[stage];

export const distanceText = (km: number | null) => (km === null ? 'No coordinates' : `${km.toLocaleString('en')} km`);

/** Colours of the stages on the map and the board, from pale (identified) to dark (in force); stopped ones apart. */
export const STAGE_COLOR: Record<TAgreementStage, string> = {
  identified: '#d6e4f0',
  approached: '#a9c8e3',
  negotiating: '#6fa3d0',
  text_agreed: '#3f7fb8',
  signed: '#1f5f99',
  in_force: '#0b3d6b',
  declined: '#c0392b',
  suspended: '#e0a800',
};
