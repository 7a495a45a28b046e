import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  ASSESSMENT_TEXT_MAX,
  FLAG_STATEMENT,
  SCORE_LABELS,
  SCORE_MAX,
  SCORE_MIN,
  type TAssessment,
  type TEvidenceRef,
  type TEvidenceType,
} from '../../shared/assessments';
import type { TClearance } from '../../shared/identity';
import type { TPage } from '../../shared/pagination';
import { apiGet, fieldErrors } from '../ui/api';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { MEASURES_PATH, useAssessment, useAssessmentWrite, usePolicyAreas } from './policy-queries';

export function AssessmentEditPage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  if (assessment.isPending) return <p>Loading the assessment…</p>;
  if (assessment.isError) return <ErrorAlert error={assessment.error} action="Could not load the assessment" />;
  return <AssessmentForm assessment={assessment.data} />;
}

const FIELDS = ['narrative', 'scores', 'flagged', 'flagRationale', 'evidence', 'classification'] as const;
const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, index) => SCORE_MIN + index);

interface Candidate {
  type: TEvidenceType;
  id: string;
  label: string;
}

/** Records of the post's country the author may link as evidence: its policy measures, incidents and engagements. */
function useEvidenceCandidates(assessment: TAssessment) {
  return useQuery({
    queryKey: ['assessments', 'evidence-candidates', assessment.country, assessment.post],
    queryFn: async (): Promise<Candidate[]> => {
      const [measures, incidents, engagements] = await Promise.all([
        apiGet<TPage<{ id: string; title: string; statusOn: string }>>(MEASURES_PATH, { country: assessment.country, limit: 100 }),
        apiGet<TPage<{ id: string; categoryName: string; placeName: string; occurredOn: string }>>('/api/v1/incidents', {
          country: assessment.country,
          limit: 50,
        }),
        apiGet<TPage<{ id: string; kind: string; occurredAt: string }>>('/api/v1/engagements', { post: assessment.post, limit: 50 }),
      ]);
      return [
        ...measures.items.map((m) => ({ type: 'policy_measure' as const, id: m.id, label: `Policy measure: ${m.title}` })),
        ...incidents.items.map((i) => ({ type: 'incident' as const, id: i.id, label: `Incident: ${i.categoryName} in ${i.placeName} on ${i.occurredOn}` })),
        ...engagements.items.map((e) => ({
          type: 'engagement' as const,
          id: e.id,
          label: `Engagement: ${e.kind.replace('_', ' ')} on ${e.occurredAt.slice(0, 10)}`,
        })),
      ];
    },
    staleTime: 0,
  });
}

function AssessmentForm({ assessment }: { assessment: TAssessment }) {
  const navigate = useNavigate();
  const areas = usePolicyAreas();
  const candidates = useEvidenceCandidates(assessment);
  const write = useAssessmentWrite(assessment.id);
  const [scores, setScores] = useState<Record<string, { score: string; justification: string }>>(
    Object.fromEntries(assessment.scores.map((score) => [score.area, { score: String(score.score), justification: score.justification }])),
  );
  const [narrative, setNarrative] = useState(assessment.narrative);
  const [flagged, setFlagged] = useState(assessment.flagged);
  const [flagRationale, setFlagRationale] = useState(assessment.flagRationale ?? '');
  const [evidence, setEvidence] = useState<TEvidenceRef[]>(assessment.evidence.map(({ type, id }) => ({ type, id })));
  const [classification, setClassification] = useState<TClearance>(assessment.classification);
  const errors = fieldErrors(write.error);
  const shownAreas = (areas.data?.items ?? []).filter((area) => !area.retired || scores[area.code]);
  const linked = (candidate: Candidate) => evidence.some((ref) => ref.type === candidate.type && ref.id === candidate.id);
  const toggle = (candidate: Candidate, on: boolean) =>
    setEvidence((current) =>
      on ? [...current, { type: candidate.type, id: candidate.id }] : current.filter((ref) => !(ref.type === candidate.type && ref.id === candidate.id)),
    );
  const scoreList = Object.entries(scores)
    .filter(([, value]) => value.score !== '')
    .map(([area, value]) => ({ area, score: Number(value.score), justification: value.justification }));
  const errorOfArea = (area: string) => {
    const index = scoreList.findIndex((score) => score.area === area);
    return index < 0 ? undefined : (errors[`scores.${index}.justification`] ?? errors[`scores.${index}.score`] ?? errors[`scores.${index}.area`]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      {
        method: 'PATCH',
        path: '',
        body: { scores: scoreList, narrative, flagged, flagRationale: flagged ? flagRationale : null, evidence, classification },
      },
      { onSuccess: () => navigate(`/policy/assessments/${assessment.id}`) },
    );
  };
  // Evidence already linked that is not among the candidates (older records) stays listed.
  const extra = assessment.evidence.filter((link) => !candidates.data?.some((c) => c.type === link.type && c.id === link.id));
  const allCandidates: Candidate[] = [...(candidates.data ?? []), ...extra.map((link) => ({ type: link.type, id: link.id, label: link.label }))];

  return (
    <section>
      <h1>
        Assessment of {assessment.countryName}, {assessment.period}
      </h1>
      <form aria-label="Assessment" onSubmit={submit} noValidate>
        <FormProblem error={write.error} fields={FIELDS} action="Could not save the assessment" />
        <fieldset>
          <legend>Scores by area, from −2 (most restrictive) to +2 (most open)</legend>
          {shownAreas.map((area) => {
            const value = scores[area.code] ?? { score: '', justification: '' };
            const set = (change: Partial<typeof value>) => setScores((current) => ({ ...current, [area.code]: { ...value, ...change } }));
            return (
              <div key={area.code} className="form-grid score-row">
                <Field label={`${area.name}: score`} error={errorOfArea(area.code)}>
                  {(control) => (
                    <select {...control} value={value.score} onChange={(event) => set({ score: event.target.value })}>
                      <option value="">Not assessed</option>
                      {SCORES.map((score) => (
                        <option key={score} value={String(score)}>
                          {score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0'} {SCORE_LABELS[score]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {value.score !== '' && (
                  <Field label={`${area.name}: justification`}>
                    {(control) => (
                      <textarea
                        {...control}
                        rows={2}
                        maxLength={ASSESSMENT_TEXT_MAX.justification}
                        value={value.justification}
                        onChange={(event) => set({ justification: event.target.value })}
                      />
                    )}
                  </Field>
                )}
              </div>
            );
          })}
        </fieldset>
        <Field label="Narrative" error={errors.narrative} count={{ length: narrative.length, max: ASSESSMENT_TEXT_MAX.narrative }}>
          {(control) => <textarea {...control} rows={6} value={narrative} onChange={(event) => setNarrative(event.target.value)} />}
        </Field>
        <fieldset>
          <legend>Flag</legend>
          <label className="checkbox">
            <input type="checkbox" checked={flagged} onChange={(event) => setFlagged(event.target.checked)} /> {FLAG_STATEMENT}
          </label>
          {flagged && (
            <Field label="Rationale for the flag" error={errors.flagRationale} hint="Required with the flag, with at least one linked record below">
              {(control) => (
                <textarea
                  {...control}
                  rows={4}
                  maxLength={ASSESSMENT_TEXT_MAX.flagRationale}
                  value={flagRationale}
                  onChange={(event) => setFlagRationale(event.target.value)}
                />
              )}
            </Field>
          )}
        </fieldset>
        <fieldset>
          <legend>Evidence: records this assessment rests on</legend>
          {errors.evidence && (
            <p className="field-error" role="alert">
              Evidence {errors.evidence}
            </p>
          )}
          {candidates.isPending && <p>Loading records…</p>}
          {allCandidates.length === 0 && candidates.isSuccess && <p className="muted">No record of {assessment.countryName} you may see.</p>}
          <ul className="plain-list">
            {allCandidates.map((candidate) => (
              <li key={`${candidate.type}:${candidate.id}`}>
                <label className="checkbox">
                  <input type="checkbox" checked={linked(candidate)} onChange={(event) => toggle(candidate, event.target.checked)} /> {candidate.label}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <Field label="Marking" error={errors.classification} hint="At or below your clearance">
          {(control) => <MarkingSelect {...control} value={classification} onChange={setClassification} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={write.isPending}>
            {write.isPending ? 'Saving…' : 'Save assessment'}
          </button>
          <button type="button" onClick={() => navigate(`/policy/assessments/${assessment.id}`)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
