import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TEvidence, TFigureValue, TImmigrationLawMode, TRate } from '../../shared/evidence';
import { apiGet } from '../ui/api';

export interface EvidenceParams {
  country: string;
  category?: string | undefined;
  year?: number | undefined;
  immigrationLaw: TImmigrationLawMode;
}

export function useEvidence(params: EvidenceParams) {
  return useQuery({
    queryKey: ['evidence', params],
    queryFn: () =>
      apiGet<TEvidence>('/api/v1/evidence', {
        country: params.country,
        category: params.category,
        year: params.year === undefined ? undefined : String(params.year),
        immigrationLaw: params.immigrationLaw,
      }),
    enabled: params.country !== '',
    placeholderData: keepPreviousData,
  });
}

/** Counts as whole numbers, the same for every group: both groups get the same precision. */
export const whole = (n: number) => Math.round(n).toLocaleString('en');
/** Rates per 100,000 with one decimal, the same for every group. */
export const perHundredThousand = (n: number) => n.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function figureText(value: TFigureValue): string {
  if (value.kind === 'exact') return whole(value.value);
  if (value.kind === 'range') return `between ${whole(value.low)} and ${whole(value.high)}`;
  return 'no figure';
}

export function rateText(rate: TRate): string {
  if (!rate.valid) return 'No rate per 100,000';
  return rate.low === rate.high
    ? `${perHundredThousand(rate.low)} per 100,000`
    : `between ${perHundredThousand(rate.low)} and ${perHundredThousand(rate.high)} per 100,000`;
}
