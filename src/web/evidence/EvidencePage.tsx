import { type ChangeEvent, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TEvidence, TEvidencePanel } from '../../shared/evidence';
import { useCountriesByCode } from '../cadence/country-queries';
import { useIncidentCategories } from '../incidents/incident-queries';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RequirePermission } from '../ui/RequirePermission';
import { SearchPicker } from '../ui/SearchPicker';
import { hasPermission, useMe } from '../ui/session';
import { TableScroll } from '../ui/TableScroll';
import { Definitions, PanelFigures } from './EvidenceFigures';
import { EvidenceRateMap } from './EvidenceRateMap';
import { EvidenceSeriesChart } from './EvidenceSeriesChart';
import { figureText, useEvidence } from './evidence-queries';
import { contextDefinitions, definitionsPhrase, mapCaption, noFiguresText, rateScale } from './panel-captions';

export function EvidencePage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <Evidence />
    </RequirePermission>
  );
}

/**
 * The evidence panel: for a country, the official figures of both groups with their definitions
 * (the server applies the validity rules; the page shows what it is given), and the incidents
 * reported by posts, labelled as such. The choices are kept in the address.
 */
function Evidence() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? 'DE';
  const category = params.get('category') ?? '';
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  // Held here as well as in the address, so that the box changes at once (the address follows).
  const [include, setInclude] = useState(params.get('immigrationLaw') === 'include');
  const countries = useCountriesByCode();
  const categories = useIncidentCategories();
  const evidence = useEvidence({ country, category: category || undefined, year, immigrationLaw: include ? 'include' : 'exclude' });
  const yearId = useId();
  const categoryId = useId();
  const toggleId = useId();
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  const data = evidence.data;

  return (
    <section className="evidence-page">
      <h1>Evidence</h1>
      <p>
        Official figures for both groups, with what each counts, beside the incidents our posts reported. A rate is shown only where a population of the same
        definition, year and residents exists; otherwise the panel says why.
        {hasPermission(me.data, 'statistics.import') && (
          <>
            {' '}
            <Link to="/statistics/import">Import official statistics</Link>
          </>
        )}
      </p>
      <div className="evidence-controls">
        <SearchPicker
          label="Country"
          items={[...(countries.data?.values() ?? [])].map((c) => ({ id: c.alpha2, name: c.name, detail: c.alpha2 }))}
          value={country}
          onChange={(value) => value && set('country', value)}
          loading={countries.isPending}
        />
        <div className="field">
          <label htmlFor={categoryId}>Incident category</label>
          <select id={categoryId} value={category} onChange={(event: ChangeEvent<HTMLSelectElement>) => set('category', event.target.value)}>
            <option value="">All offences</option>
            {categories.data?.items.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={yearId}>Year</label>
          <select id={yearId} value={year === undefined ? '' : String(year)} onChange={(event) => set('year', event.target.value)}>
            <option value="">Latest</option>
            {[...(data?.years ?? [])].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field evidence-toggle">
          <input
            id={toggleId}
            type="checkbox"
            checked={include}
            onChange={(event) => {
              setInclude(event.target.checked);
              set('immigrationLaw', event.target.checked ? 'include' : '');
            }}
          />
          <label htmlFor={toggleId}>
            Include immigration-law offences (offences against residence and asylum law, which almost only non-nationals can commit)
          </label>
        </div>
      </div>
      <ErrorAlert error={evidence.error} action="Could not load the evidence" />
      {evidence.isPending && <p>Loading the evidence…</p>}
      {data && <EvidenceBody data={data} countries={countries.data} canImport={hasPermission(me.data, 'statistics.import')} />}
    </section>
  );
}

function EvidenceBody({ data, countries, canImport }: { data: TEvidence; countries: ReturnType<typeof useCountriesByCode>['data']; canImport: boolean }) {
  const none = noFiguresText(data);
  return (
    <>
      {data.warnings.length > 0 && (
        <section className="evidence-warnings" aria-labelledby="evidence-warnings">
          <h2 id="evidence-warnings">Warnings</h2>
          <ul>
            {data.warnings.map((warning) => (
              <li key={warning.message}>{warning.message}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="evidence-columns">
        <section aria-labelledby="official-figures" className="evidence-official">
          <h2 id="official-figures">
            Official figures: {data.offenceGroup.label}, {data.country.name}
            {data.year ? `, ${data.year}` : ''}
          </h2>
          <p className="small">{data.offenceGroup.description}</p>
          {data.panels.length === 0 && (
            <div className="empty-state">
              <p>{none.why}</p>
              <p className="small">
                {none.how}
                {canImport && data.offenceGroup.id !== 'none' && (
                  <>
                    {' '}
                    <Link to="/statistics/import">Import official statistics</Link>
                  </>
                )}
              </p>
            </div>
          )}
          {data.panels.map((panel) => (
            <Panel key={panel.id} panel={panel} year={data.year ?? 0} countries={countries} />
          ))}
          {data.context.length > 0 && (
            <section aria-labelledby="evidence-context">
              <h3 id="evidence-context">Other official figures about {data.country.name}</h3>
              <ul>
                {data.context.map((item) => (
                  <li key={item.series.key}>
                    {item.series.indicator.name}: {item.value.toLocaleString('en', { maximumFractionDigits: 1 })}{' '}
                    {item.series.unit.code === 'percent' ? '%' : ''} ({item.year}; {contextDefinitions(item.series)};{' '}
                    <a href={item.series.source.url}>{item.series.source.publisher}</a>)
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>
        <ReportedIncidents reported={data.reported} />
      </div>
      <section aria-labelledby="evidence-caveats">
        <h2 id="evidence-caveats">Caveats of the figures shown</h2>
        <ul>
          {data.caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="evidence-sources">
        <h2 id="evidence-sources">Sources</h2>
        <ul>
          {data.sources.map((source) => (
            <li key={source.url + source.tableId}>
              <a href={source.url}>
                {source.publisher}, {source.tableId}: {source.title}
              </a>{' '}
              ({source.licence}; retrieved {source.retrievedOn})
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Panel({ panel, year, countries }: { panel: TEvidencePanel; year: number; countries: ReturnType<typeof useCountriesByCode>['data'] }) {
  // One colour scale for every group of the panel: both groups get the same weight.
  const scale = useMemo(() => rateScale(panel.map), [panel.map]);
  return (
    <section className="evidence-panel" aria-label={panel.title}>
      <h3>{panel.title}</h3>
      <Definitions panel={panel} />
      <PanelFigures panel={panel} />
      <figure className="evidence-figure-chart">
        <EvidenceSeriesChart panel={panel} />
        <figcaption className="small">
          {panel.definitions.unit.label} of {definitionsPhrase(panel.definitions)}. Dashed lines: the bounds of a range.{' '}
          {panel.seriesBreaks.map((b) => `Series break ${b.year}: ${b.note}`).join(' ')} Source:{' '}
          <a href={panel.source.url}>
            {panel.source.publisher}, {panel.source.tableId}
          </a>
          .
        </figcaption>
      </figure>
      <details>
        <summary>The figures by year</summary>
        <TableScroll label={`${panel.title} by year`}>
          <table>
            <thead>
              <tr>
                <th scope="col">Year</th>
                {panel.series.map((s) => (
                  <th key={s.group.code} scope="col">
                    {s.group.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(panel.series[0]?.points ?? []).map((point, index) => (
                <tr key={point.year}>
                  <th scope="row">{point.year}</th>
                  {panel.series.map((s) => (
                    <td key={s.group.code}>{s.points[index] ? figureText(s.points[index].value) : ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
      <h4>Map of valid rates per 100,000, {year}</h4>
      {panel.map.some((entry) => entry.rates.length > 0) ? (
        <figure className="evidence-figure-chart">
          {panel.map.map((entry) => (
            <div key={entry.group.code}>
              <h5>{entry.group.label}</h5>
              <EvidenceRateMap entry={entry} scale={scale} countries={countries} year={year} />
            </div>
          ))}
          <figcaption className="small">
            {mapCaption(panel, year)} Source of the figures:{' '}
            <a href={panel.source.url}>
              {panel.source.publisher}, {panel.source.tableId}
            </a>
            ; the population each rate divides by is named beside the group’s figure above.
          </figcaption>
        </figure>
      ) : (
        panel.map.map((entry) => <EvidenceRateMap key={entry.group.code} entry={entry} scale={scale} countries={countries} year={year} />)
      )}
    </section>
  );
}

function ReportedIncidents({ reported }: { reported: TEvidence['reported'] }) {
  const table = (title: string, rows: TEvidence['reported']['byLegalStatus']) => (
    <TableScroll label={`Reported incidents by ${title}`}>
      <table>
        <caption>By {title}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.label}</th>
              <td>{row.count.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <section aria-labelledby="reported-incidents" className="evidence-reported">
      <h2 id="reported-incidents">{reported.label}</h2>
      <p className="small">{reported.note}</p>
      <p>
        <strong>{reported.total.toLocaleString('en')}</strong> reported incident{reported.total === 1 ? '' : 's'}
      </p>
      {reported.total > 0 && (
        <>
          {table('legal status', reported.byLegalStatus)}
          {table('verification', reported.byVerification)}
          {table('best source reliability', reported.byReliability)}
        </>
      )}
    </section>
  );
}
