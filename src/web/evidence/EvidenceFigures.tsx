import type { TEvidenceFigure, TEvidencePanel } from '../../shared/evidence';
import { figureText, rateText } from './evidence-queries';

/** One group's figure: the same layout and precision for every group. */
function FigureCard({ figure }: { figure: TEvidenceFigure }) {
  return (
    <article className="evidence-figure" data-testid={`figure-${figure.group.code}`} aria-label={`${figure.group.label}, ${figure.year}`}>
      <h4>{figure.group.label}</h4>
      <p className="evidence-value">{figureText(figure.value)}</p>
      {figure.value.kind === 'range' && <p className="evidence-reason">Why a range: {figure.value.reason}</p>}
      {figure.value.kind === 'none' && <p className="evidence-reason">{figure.value.reason}</p>}
      <p className="small">{figure.immigrationLaw}</p>
      <p className="evidence-rate">
        <strong>{rateText(figure.rate)}</strong>
        {figure.rate.valid ? (
          <span className="small">
            {' '}
            — divided by {figure.rate.denominator.description} ({figure.rate.denominator.year}: {figure.rate.denominator.value.toLocaleString('en')})
          </span>
        ) : (
          <span className="evidence-reason"> — {figure.rate.reason}</span>
        )}
      </p>
      {figure.derived && <p className="small">{figure.derived}</p>}
      {figure.seriesBreak && <p className="warning-text">Series break: {figure.seriesBreak}</p>}
    </article>
  );
}

/** The definitions of a panel, shown next to its figures. */
export function Definitions({ panel }: { panel: TEvidencePanel }) {
  const d = panel.definitions;
  return (
    <dl className="evidence-definitions">
      <dt>Justice stage</dt>
      <dd>{d.justiceStage.label}</dd>
      <dt>Groups</dt>
      <dd>{d.groupDefinition.label}</dd>
      <dt>Immigration-law offences</dt>
      <dd>{d.immigrationLawOffences.label}</dd>
      <dt>Standardisation</dt>
      <dd>{d.standardisation.label}</dd>
      <dt>Who is counted</dt>
      <dd>{d.coverage.label}</dd>
      <dt>Unit</dt>
      <dd>{d.unit.label}</dd>
    </dl>
  );
}

/** Both groups side by side, then the total for context. */
export function PanelFigures({ panel }: { panel: TEvidencePanel }) {
  return (
    <>
      <div className="evidence-groups">
        {panel.figures.map((figure) => (
          <FigureCard key={figure.group.code} figure={figure} />
        ))}
      </div>
      {panel.total && <p className="small">Both groups together: {figureText(panel.total.value)}.</p>}
    </>
  );
}
