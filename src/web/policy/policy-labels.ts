import { SCORE_LABELS } from '../../shared/assessments';

export const ASSESSMENT_STATUS_LABEL: Record<string, string> = { draft: 'Draft', submitted: 'Submitted', approved: 'Approved' };

/** "+1 (Open)", "−2 (Most restrictive)", "not assessed". */
export function scoreText(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'not assessed';
  const rounded = Math.round(score);
  const sign = score > 0 ? '+' : score < 0 ? '−' : '';
  const figure = Number.isInteger(score) ? String(Math.abs(score)) : Math.abs(score).toFixed(2);
  return Number.isInteger(score) ? `${sign}${figure} (${SCORE_LABELS[rounded]})` : `${sign}${figure}`;
}
