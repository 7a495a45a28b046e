import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AGREEMENT_TYPE_LABELS, type TAgreement, type TAgreementStage } from '../../shared/agreements';
import { dayText } from '../incidents/incident-labels';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { MarkingBanner, SyntheticLabel } from '../ui/Marking';
import { agreementName, distanceText, stageText } from './agreement-labels';
import { useAgreement, useAgreementsHome, useMoveStage } from './agreement-queries';
import { AgreementSources } from './AgreementSources';
import { MoveConfirm } from './MoveConfirm';

export function AgreementPage() {
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  if (agreement.isPending) return <p>Loading the agreement…</p>;
  if (agreement.isError) {
    return (
      <section>
        <h1>Agreement</h1>
        <ErrorAlert error={agreement.error} action="Could not load the agreement" />
        <p>
          Back to <Link to="/agreements">all agreements</Link>.
        </p>
      </section>
    );
  }
  return <AgreementRecord agreement={agreement.data} />;
}

const orNot = (value: string | number | null, unit = '') =>
  value === null || value === '' ? 'Not agreed' : `${typeof value === 'number' ? value.toLocaleString('en') : value}${unit}`;

function AgreementRecord({ agreement: a }: { agreement: TAgreement }) {
  const home = useAgreementsHome();
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/agreements">Agreements</Link> ›
      </p>
      <div className="page-heading">
        <h1>
          {agreementName(a)} <span className={`status-badge stage-badge stage-${a.stage}`}>{stageText(a.stage)}</span>
        </h1>
        {a.allowedActions.includes('update') && (
          <Link to={`/agreements/${a.id}/edit`} className="button">
            Edit
          </Link>
        )}
      </div>
      <article className="record" aria-label="Agreement record">
        <MarkingBanner classification={a.classification} />
        {a.synthetic && (
          <p className="synthetic-note">
            <SyntheticLabel /> Made for demonstration: not a real agreement.
          </p>
        )}
        <dl className="details">
          <dt>Counterpart</dt>
          <dd>
            {a.countryName} <span className="muted small">({a.country})</span>
          </dd>
          <dt>Type</dt>
          <dd>{AGREEMENT_TYPE_LABELS[a.type]}</dd>
          <dt>Stage</dt>
          <dd>
            {stageText(a.stage)} since {dayText(a.stageOn)}
          </dd>
          <dt>Distance</dt>
          <dd>
            {distanceText(a.distanceKm)}
            {a.distanceKm !== null && (
              <span className="muted small">
                {' '}
                (great circle from {home?.capital ?? 'the home capital'} to {a.capital ?? 'the capital'})
              </span>
            )}
          </dd>
          {a.notes && (
            <>
              <dt>Notes</dt>
              <dd className="prose">{a.notes}</dd>
            </>
          )}
          <dt>Recorded by</dt>
          <dd>
            {a.createdBy?.name ?? 'Demarche'}, {formatDateTime(a.createdAt)}
          </dd>
        </dl>
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading">Terms</h2>
          <dl className="details">
            <dt>Annual capacity</dt>
            <dd>{orNot(a.annualCapacity, ' people a year')}</dd>
            <dt>Nationalities accepted</dt>
            <dd>{a.nationalities.length === 0 ? 'Not limited or not agreed' : a.nationalities.map((country) => country.name).join(', ')}</dd>
            <dt>Assistance offered</dt>
            <dd className="prose">{orNot(a.assistanceOffered)}</dd>
            <dt>Duration</dt>
            <dd>{orNot(a.durationMonths, ' months')}</dd>
            <dt>Review</dt>
            <dd>{a.reviewOn ? dayText(a.reviewOn) : 'Not set'}</dd>
          </dl>
        </section>
        {a.nextStages.length > 0 && <MovePanel agreement={a} />}
        <StageHistory agreement={a} />
        <section aria-labelledby="engagements-heading">
          <h2 id="engagements-heading">
            Linked engagements <span className="count">({a.engagements.length})</span>
          </h2>
          {a.engagements.length === 0 ? (
            <p className="muted">No engagement you may see is linked.</p>
          ) : (
            <ul>
              {a.engagements.map((engagement) => (
                <li key={engagement.id}>
                  <Link to={`/engagements/${engagement.id}`}>
                    {engagement.kind} at {engagement.postName}, {formatDateTime(engagement.occurredAt)}
                  </Link>{' '}
                  <span className="muted small">({engagement.status})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <AgreementSources agreement={a} />
        <MarkingBanner classification={a.classification} />
      </article>
    </section>
  );
}

/** Moving from the page, by choosing the stage: the same move as dragging a card on the board. */
function MovePanel({ agreement }: { agreement: TAgreement }) {
  const [to, setTo] = useState<TAgreementStage | ''>('');
  const [confirming, setConfirming] = useState(false);
  const move = useMoveStage();
  if (confirming && to) {
    return (
      <MoveConfirm
        agreement={agreement}
        to={to}
        pending={move.isPending}
        error={move.error}
        onCancel={() => setConfirming(false)}
        onConfirm={(request) =>
          move.mutate(request, {
            onSuccess: () => {
              setConfirming(false);
              setTo('');
            },
          })
        }
      />
    );
  }
  return (
    <form
      className="inline-form move-panel"
      aria-label="Move to another stage"
      onSubmit={(event) => {
        event.preventDefault();
        if (to) {
          move.reset();
          setConfirming(true);
        }
      }}
    >
      <label htmlFor="move-to">Move to</label>
      <select id="move-to" value={to} onChange={(event) => setTo(event.target.value as TAgreementStage)}>
        <option value="">Choose a stage</option>
        {agreement.nextStages.map((stage) => (
          <option key={stage} value={stage}>
            {stageText(stage)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!to}>
        Move…
      </button>
    </form>
  );
}

function StageHistory({ agreement }: { agreement: TAgreement }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History of stages</h2>
      <ol className="stage-history" aria-label="History of stages">
        {[...agreement.history].reverse().map((change) => (
          <li key={change.id}>
            <strong>{change.from ? `${stageText(change.from)} → ${stageText(change.to)}` : `Recorded at ${stageText(change.to)}`}</strong> on{' '}
            {dayText(change.on)}
            <span className="muted small">
              {' '}
              — by {change.by?.name ?? 'Demarche'}, {formatDateTime(change.at)}
            </span>
            {change.note && <blockquote className="stage-note">{change.note}</blockquote>}
          </li>
        ))}
      </ol>
    </section>
  );
}
