import type { TPolicyMeasure, TPolicyMeasureStatusStep, TPolicyMeasureSummary } from '../../shared/policy-measures';
import type { TClearance } from '../../shared/identity';
import type { TSource } from '../../shared/sources';
import type { Actor } from '../identity/actor';
import { measureActions } from './policy-measure-policy';

export interface MeasureRow {
  id: string;
  postId: string;
  postCode: string;
  postName: string;
  postBureauCode: string | null;
  countryAlpha2: string;
  countryName: string;
  area: string;
  areaName: string;
  title: string;
  status: string;
  statusOn: string;
  direction: string;
  summary: string;
  classification: TClearance;
  synthetic: boolean;
  createdBy: string;
  creatorName: string;
  createdAt: Date;
  updatedAt: Date;
}

export function presentMeasureSummary(row: MeasureRow, viewer: Actor): TPolicyMeasureSummary {
  return {
    id: row.id,
    post: row.postCode,
    postName: row.postName,
    country: row.countryAlpha2,
    countryName: row.countryName,
    area: row.area,
    areaName: row.areaName,
    title: row.title,
    status: row.status as TPolicyMeasureSummary['status'],
    statusOn: row.statusOn,
    direction: row.direction as TPolicyMeasureSummary['direction'],
    summary: row.summary,
    classification: row.classification,
    synthetic: row.synthetic,
    createdBy: { id: row.createdBy, name: row.creatorName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: measureActions(viewer, row),
  };
}

export function presentMeasure(
  row: MeasureRow,
  history: { status: string; effectiveOn: string; recordedById: string | null; recordedByName: string | null; recordedAt: Date }[],
  sources: TSource[],
  viewer: Actor,
): TPolicyMeasure {
  const statusHistory: TPolicyMeasureStatusStep[] = history.map((step) => ({
    status: step.status as TPolicyMeasureStatusStep['status'],
    effectiveOn: step.effectiveOn,
    recordedBy: step.recordedById && step.recordedByName !== null ? { id: step.recordedById, name: step.recordedByName } : null,
    recordedAt: step.recordedAt.toISOString(),
  }));
  return { ...presentMeasureSummary(row, viewer), statusHistory, sources };
}
