import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { TDirective } from '../../shared/directives';
import { apiSend } from '../ui/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { CoveragePanel } from '../cadence/CoveragePanel';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FormProblem } from '../ui/FormProblem';
import { MarkingBanner, SyntheticLabel } from '../ui/Marking';
import { StatusBadge } from '../ui/StatusBadge';
import { TalkingPointList } from './TalkingPointList';
import { directiveKey, useDirective } from './directive-queries';
import { cadenceText, DIRECTIVE_STATUS_LABEL, formatDay } from '../ui/labels';
import { formatDateTime } from '../ui/format';
import { hasPermission, useMe } from '../ui/session';
import { pickerText } from '../ui/MultiPicker';
import type { PickerItem } from '../ui/SearchPicker';
import { useReferenceChoices } from './reference-choices';

export function DirectivePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const directive = useDirective(id);

  const act = useMutation({
    mutationFn: (action: 'issue' | 'rescind') => apiSend<TDirective>('POST', `/api/v1/directives/${encodeURIComponent(id)}/${action}`),
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'talkingPoints' in result) queryClient.setQueryData(directiveKey(id), result);
      void queryClient.invalidateQueries({ queryKey: directiveKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['directives'] });
      void queryClient.invalidateQueries({ queryKey: ['cadence'] });
    },
  });

  if (directive.isPending) return <p>Loading the directive…</p>;
  if (directive.isError) {
    return (
      <section>
        <h1>Directive</h1>
        <ErrorAlert error={directive.error} action="Could not load the directive" />
        <p>
          Back to <Link to="/directives">all directives</Link>.
        </p>
      </section>
    );
  }

  const d = directive.data;
  const can = (action: string) => d.allowedActions.includes(action);
  const myPost = me.data?.user.post ?? null;
  const isActionPost = Boolean(myPost && d.actionPosts.some((post) => post.code === myPost));
  const canLog = d.status === 'issued' && isActionPost && hasPermission(me.data, 'records.draft');
  const atPost = Boolean(myPost);

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/directives">Directives</Link> ›
      </p>
      <div className="page-heading">
        <h1>
          {d.reference} <StatusBadge status={d.status} label={DIRECTIVE_STATUS_LABEL[d.status]} />
        </h1>
        <div className="page-actions">
          {can('update') && (
            <Link to={`/directives/${d.id}/edit`} className="button">
              Edit
            </Link>
          )}
          {can('issue') && (
            <ConfirmButton
              label="Issue"
              primary
              question={`Issue to ${d.actionPosts.length} action post${d.actionPosts.length === 1 ? '' : 's'}? An issued directive cannot be changed.`}
              confirmLabel="Issue now"
              pending={act.isPending}
              onConfirm={() => act.mutate('issue')}
            />
          )}
          {can('rescind') && (
            <ConfirmButton
              label="Rescind"
              danger
              question="Rescind this directive? Posts will no longer be asked to act on it."
              confirmLabel="Rescind now"
              pending={act.isPending}
              onConfirm={() => act.mutate('rescind')}
            />
          )}
          {canLog && (
            <Link to={`/engagements/new?directive=${d.id}`} className="button primary">
              Log engagement
            </Link>
          )}
        </div>
      </div>
      <FormProblem error={act.error} fields={[]} action="Could not change the directive" />
      {d.status === 'draft' && (
        <p className="notice">
          Draft: not yet sent to the posts.
          {can('update') &&
            !can('issue') &&
            ' It can be issued once it has at least one action post and one talking point (and any directive it supersedes is still issued).'}
        </p>
      )}

      <article className="cable" aria-label={`Directive ${d.reference}`}>
        <MarkingBanner classification={d.classification} />
        {d.synthetic && (
          <p className="synthetic-note">
            <SyntheticLabel /> Made for demonstration: this is not an instruction that was sent.
          </p>
        )}
        <dl className="cable-header">
          <dt>REF</dt>
          <dd>{d.reference}</dd>
          <dt>DATE</dt>
          <dd>{formatDay(d.date)}</dd>
          <dt>FROM</dt>
          <dd>{d.from}</dd>
          <dt>SUBJECT</dt>
          <dd className="cable-subject">{d.subject}</dd>
          <dt>TAGS</dt>
          <dd>{d.tags.join(', ') || '—'}</dd>
          <dt>ACTION</dt>
          <dd>
            {d.status === 'draft' && <ChoiceSummary choice={d.actionChoice} />}
            <PostList posts={d.actionPosts} />
          </dd>
          <dt>INFO</dt>
          <dd>
            {d.status === 'draft' && <ChoiceSummary choice={d.infoChoice} />}
            <PostList posts={d.infoPosts} />
          </dd>
          {d.issuedAt && (
            <>
              <dt>ISSUED</dt>
              <dd>{formatDateTime(d.issuedAt)}</dd>
            </>
          )}
        </dl>
        {(d.supersedes || d.supersededBy) && (
          <p className="small">
            {d.supersedes && (
              <>
                Replaces <Link to={`/directives/${d.supersedes}`}>an earlier directive</Link>.{' '}
              </>
            )}
            {d.supersededBy && (
              <>
                Superseded by <Link to={`/directives/${d.supersededBy}`}>a later directive</Link>.
              </>
            )}
          </p>
        )}

        <h2 className="cable-section">1. Objective</h2>
        <p className="cable-text">{d.objective}</p>
        <h2 className="cable-section">2. Background</h2>
        <p className="cable-text">{d.background || <span className="muted">None given.</span>}</p>
        <h2 className="cable-section">
          3. Talking points{' '}
          <span className="count">
            ({d.talkingPoints.length}
            {atPost && myPost ? ` for ${myPost}` : ''})
          </span>
        </h2>
        {atPost && !isActionPost && d.talkingPoints.length === 0 && (
          <p className="muted">Your post is not an action post of this directive: it has no points to deliver.</p>
        )}
        {!atPost && d.talkingPoints.length === 0 && <p className="muted">No talking points.</p>}
        <TalkingPointList points={d.talkingPoints} />
        <h2 className="cable-section">4. Reporting requirements</h2>
        <dl className="details">
          <dt>Engagements</dt>
          <dd>{cadenceText(d.engagementCadenceDays, 'engagement')}</dd>
          <dt>Incidents</dt>
          <dd>{cadenceText(d.incidentCadenceDays, 'incident')}</dd>
          <dt>Assessments</dt>
          <dd>{cadenceText(d.assessmentCadenceDays, 'assessment')}</dd>
        </dl>
        {d.sourceNote && (
          <p className="small">
            <span className="muted">Source note: </span>
            {d.sourceNote}
          </p>
        )}
        <MarkingBanner classification={d.classification} />
      </article>

      {d.status !== 'draft' && <CoveragePanel directiveId={d.id} />}
    </section>
  );
}

function PostList({ posts }: { posts: TDirective['actionPosts'] }) {
  if (posts.length === 0) return <>—</>;
  return (
    <ul className="post-list">
      {posts.map((post) => (
        <li key={post.code}>
          {post.name}{' '}
          <span className="muted small">
            ({post.code}
            {post.bureau ? `, ${post.bureau}` : ''})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A draft's addressees as chosen: the posts listed are those the choice stands for today. */
function ChoiceSummary({ choice }: { choice: TDirective['actionChoice'] }) {
  const choices = useReferenceChoices();
  if (choice.bureaus.length === 0 && choice.countries.length === 0) return null;
  const named = (items: PickerItem[], codes: string[]) => codes.map((code) => pickerText(items.find((item) => item.id === code) ?? { id: code, name: code }));
  const chosen = [...named(choices.bureaus, choice.bureaus), ...named(choices.countries, choice.countries), ...named(choices.posts, choice.posts)];
  return (
    <p className="small">
      Chosen: {chosen.join('; ')}. <span className="muted">The posts below are those they cover today; issuing fixes them.</span>
    </p>
  );
}
