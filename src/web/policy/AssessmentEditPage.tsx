import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ASSESSMENT_TEXT_MAX, FLAG_STATEMENT, SCORE_LABELS, SCORE_MAX, SCORE_MIN, type TAssessment } from '../../shared/assessments';
import type { TClearance } from '../../shared/identity';
import { fieldErrors } from '../ui/api';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { type ChosenEvidence, EvidencePicker } from './EvidencePicker';
import { useAssessment, useAssessmentWrite, usePolicyAreas } from './policy-queries';

export function AssessmentEditPage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  if (assessment.isPending) return <p>Loading the assessment…</p>;
  if (assessment.isError) return <ErrorAlert error={assessment.error} action="Could not load the assessment" />;
  return <AssessmentForm assessment={assessment.data} />;
}

const FIELDS = ['narrative', 'scores', 'flagged', 'flagRationale', 'evidence', 'classification'] as const;
const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, index) => SCORE_MIN + index);

function AssessmentForm({ assessment }: { assessment: TAssessment }) {
  const navigate = useNavigate();
  const areas = usePolicyAreas();
  const write = useAssessmentWrite(assessment.id);
  const [scores, setScores] = useState<Record<string, { score: string; justification: string }>>(
    Object.fromEntries(assessment.scores.map((score) => [score.area, { score: String(score.score), justification: score.justification }])),
  );
  const [narrative, setNarrative] = useState(assessment.narrative);
  const [flagged, setFlagged] = useState(assessment.flagged);
  const [flagRationale, setFlagRationale] = useState(assessment.flagRationale ?? '');
  const [evidence, setEvidence] = useState<ChosenEvidence[]>(assessment.evidence.map(({ type, id, label }) => ({ type, id, label })));
  const [classification, setClassification] = useState<TClearance>(assessment.classification);
  const errors = fieldErrors(write.error);
  const shownAreas = (areas.data?.items ?? []).filter((area) => !area.retired || scores[area.code]);
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
        body: {
          scores: scoreList,
          narrative,
          flagged,
          flagRationale: flagged ? flagRationale : null,
          evidence: evidence.map(({ type, id }) => ({ type, id })),
          classification,
        },
      },
      { onSuccess: () => navigate(`/policy/assessments/${assessment.id}`) },
    );
  };
  // A link refused by the server names its place in the list: the message names the record.
  const evidenceError =
    errors.evidence ??
    (evidence.flatMap((ref, index) => (errors[`evidence.${index}.id`] ? [`“${ref.label}” ${errors[`evidence.${index}.id`]}`] : [])).join('; ') || undefined);

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
        <EvidencePicker country={assessment.country} value={evidence} onChange={setEvidence} error={evidenceError} />
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
