import { useQueries } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TTalkingPoint } from '../../shared/directives';
import { ENGAGEMENT_KINDS, ENGAGEMENT_TEXT_MAX, type TEngagementInput } from '../../shared/engagements';
import { CLEARANCES } from '../../shared/identity';
import { apiGet, fieldErrors } from '../ui/api';
import { useIssuedDirectives } from '../directives/directive-queries';
import { engagementInputOf, type EngagementDraft } from './engagement-draft';
import { ENGAGEMENT_KIND_LABEL } from '../ui/labels';
import { errorsUnder, itemsOf } from '../ui/lists';
import { AddPicker } from './AddPicker';
import { ContactPicker } from './ContactPicker';
import { directiveItem, usePostStaff } from './engagement-queries';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { MultiPicker } from '../ui/MultiPicker';
import { Field } from '../ui/Field';
import { FollowUpsEditor } from './FollowUpsEditor';
import { FormProblem } from '../ui/FormProblem';
import { PointDeliveryTable } from './PointDeliveryTable';

const FIELDS = [
  'occurredAt',
  'kind',
  'classification',
  'directives',
  'contacts',
  'officers',
  'points',
  'commitments',
  'ourReadout',
  'counterpartAccount',
  'counterpartSourceUrl',
  'counterpartDate',
  'followUps',
] as const;

interface Props {
  /** The post the engagement belongs to, and its country. */
  post: string | null;
  postCountry: string;
  initial: EngagementDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: TEngagementInput) => void;
  onCancel: () => void;
}

/** An engagement: when, with whom, which points were delivered and how they landed, both readouts, follow-ups. */
export function EngagementForm({ post, postCountry, initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<EngagementDraft>) => setDraft((current) => ({ ...current, ...change }));
  const errors = fieldErrors(error);
  const issued = useIssuedDirectives(post);
  const staff = usePostStaff(post);
  const summaries = new Map((issued.data?.items ?? []).map((directive) => [directive.id, directive]));
  const applicable = useQueries({
    queries: draft.directives.map((id) => ({
      queryKey: ['talking-points', id, post],
      queryFn: async () =>
        itemsOf(
          await apiGet<TTalkingPoint[] | { items: TTalkingPoint[] }>(`/api/v1/directives/${encodeURIComponent(id)}/talking-points`, {
            post: post ?? undefined,
          }),
        ),
    })),
  });
  // The rows in the order shown, which is the order sent: the server's points.N errors refer to it.
  const pointIds = applicable.flatMap((query) => (query.data ?? []).map((point) => point.id));
  const pointErrors: Record<string, string> = {};
  pointIds.forEach((id, index) => {
    const message = errorsUnder(errors, `points.${index}`);
    if (message) pointErrors[id] = message;
  });
  const addable = (issued.data?.items ?? []).filter((directive) => !draft.directives.includes(directive.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(engagementInputOf(draft, pointIds));
  };

  return (
    <form className="panel engagement-form" onSubmit={submit} noValidate aria-label="Engagement">
      <FormProblem error={error} fields={FIELDS} action="Could not save the engagement" />
      <div className="form-grid">
        <Field label="Date and time" error={errors.occurredAt} hint="Your local time">
          {(control) => <input {...control} type="datetime-local" value={draft.occurredAt} onChange={(event) => set({ occurredAt: event.target.value })} />}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {(control) => (
            <select {...control} value={draft.kind} onChange={(event) => set({ kind: event.target.value as EngagementDraft['kind'] })}>
              {ENGAGEMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {ENGAGEMENT_KIND_LABEL[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Classification" error={errors.classification}>
          {(control) => <MarkingSelect {...control} value={draft.classification} onChange={(classification) => set({ classification })} />}
        </Field>
      </div>

      <fieldset className="subform">
        <legend>Directives acted on</legend>
        {errorsUnder(errors, 'directives') && (
          <p className="field-error" role="alert">
            Directives {errorsUnder(errors, 'directives')}
          </p>
        )}
        {draft.directives.length === 0 && <p className="muted">No directive chosen: the engagement records no talking points.</p>}
        <ul className="chosen-directives">
          {draft.directives.map((id) => {
            const summary = summaries.get(id);
            return (
              <li key={id}>
                <strong>{summary?.reference ?? 'Directive'}</strong> {summary?.subject}
                <button type="button" className="link danger small" onClick={() => set({ directives: draft.directives.filter((other) => other !== id) })}>
                  Remove {summary?.reference ?? 'directive'}
                </button>
              </li>
            );
          })}
        </ul>
        {(issued.isPending || addable.length > 0) && (
          <AddPicker
            label="Add a directive"
            items={addable.map(directiveItem)}
            loading={issued.isPending}
            placeholder="Type its reference or subject"
            description="The issued directives addressed to your post"
            onAdd={(id) => {
              const chosen = summaries.get(id);
              // The engagement is marked at least as high as what it cites: raised with the directive, never lowered.
              const raise = chosen && CLEARANCES.indexOf(chosen.classification) > CLEARANCES.indexOf(draft.classification);
              set({ directives: [...draft.directives, id], ...(raise ? { classification: chosen.classification } : {}) });
            }}
          />
        )}
      </fieldset>

      <ContactPicker
        post={post}
        country={postCountry}
        selected={draft.contacts}
        onChange={(contacts) => set({ contacts })}
        error={errorsUnder(errors, 'contacts')}
      />

      <MultiPicker
        label="Officers present"
        items={staff.data ?? []}
        value={draft.officers}
        onChange={(officers) => set({ officers })}
        placeholder="Type a colleague’s name"
        description="Colleagues at your post who took part. Whoever saves the engagement is always counted among them."
        error={errorsUnder(errors, 'officers')}
        loading={staff.isPending}
      />

      <fieldset className="subform">
        <legend>Talking points</legend>
        <p className="field-hint">The points that apply to your post. Tick those you delivered, and say how each was received.</p>
        {draft.directives.map((id, index) => {
          const query = applicable[index];
          const summary = summaries.get(id);
          if (!query || query.isPending) return <p key={id}>Loading the talking points…</p>;
          if (query.isError)
            return (
              <p key={id} role="alert">
                Could not load the talking points: {query.error.message}
              </p>
            );
          if (query.data.length === 0)
            return (
              <p key={id} className="muted">
                {summary?.reference ?? 'This directive'} has no points for your post.
              </p>
            );
          return (
            <PointDeliveryTable
              key={id}
              caption={`${summary?.reference ?? 'Directive'}${summary ? `: ${summary.subject}` : ''} (${query.data.length} point${query.data.length === 1 ? '' : 's'})`}
              points={query.data}
              deliveries={draft.points}
              errors={pointErrors}
              onChange={(pointId, delivery) => setDraft((current) => ({ ...current, points: { ...current.points, [pointId]: delivery } }))}
            />
          );
        })}
      </fieldset>

      <Field
        label="Commitments"
        error={errors.commitments}
        hint="What either side undertook to do"
        count={{ length: draft.commitments.length, max: ENGAGEMENT_TEXT_MAX.commitments }}
      >
        {(control) => <textarea {...control} rows={2} value={draft.commitments} onChange={(event) => set({ commitments: event.target.value })} />}
      </Field>
      <Field
        label="Our readout"
        error={errors.ourReadout}
        count={{ length: draft.ourReadout.length, max: ENGAGEMENT_TEXT_MAX.ourReadout }}
        hint="What was said, in full sentences: it is compared sentence by sentence with the counterpart’s account"
      >
        {(control) => <textarea {...control} rows={6} value={draft.ourReadout} onChange={(event) => set({ ourReadout: event.target.value })} />}
      </Field>

      <fieldset className="subform">
        <legend>Counterpart’s account</legend>
        <p className="field-hint">Their public readout or statement, if they issued one, with where it was published.</p>
        <Field
          label="Counterpart account"
          error={errors.counterpartAccount}
          count={{ length: draft.counterpartAccount.length, max: ENGAGEMENT_TEXT_MAX.counterpartAccount }}
        >
          {(control) => (
            <textarea {...control} rows={5} value={draft.counterpartAccount} onChange={(event) => set({ counterpartAccount: event.target.value })} />
          )}
        </Field>
        <div className="form-grid">
          <Field label="Source URL" error={errors.counterpartSourceUrl} hint="e.g. https://example.org/statement">
            {(control) => (
              <input {...control} type="url" value={draft.counterpartSourceUrl} onChange={(event) => set({ counterpartSourceUrl: event.target.value })} />
            )}
          </Field>
          <Field label="Published on" error={errors.counterpartDate}>
            {(control) => <input {...control} type="date" value={draft.counterpartDate} onChange={(event) => set({ counterpartDate: event.target.value })} />}
          </Field>
        </div>
      </fieldset>

      <FollowUpsEditor
        followUps={draft.followUps}
        onChange={(followUps) => set({ followUps })}
        errors={errors}
        staff={staff.data ?? []}
        staffLoading={staff.isPending}
      />

      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
