import { useId, useMemo, useState } from 'react';
import type { TTalkingPoint } from '../../shared/directives';
import type { TCountry } from '../../shared/reference';
import { scopeLabel } from '../ui/labels';
import { RECEPTION_NAME, RECEPTIONS, receptionCounts, receptionText, type TCoveragePoint } from './coverage-figures';
import { ReceptionMap, type TMapCountry } from './ReceptionMap';
import { TableScroll } from '../ui/TableScroll';

interface Props {
  points: TCoveragePoint[];
  /** Alpha-2 codes of the countries of the directive's action posts. */
  actionCountries: string[];
  countries: Map<string, TCountry> | undefined;
  /** The directive's points as the reader sees them, for their scope. */
  talkingPoints: TTalkingPoint[];
}

const shortText = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

/** For one talking point the reader chooses: which countries' posts delivered it and how it was received, as a table and a map. */
export function ReceptionByCountry({ points, actionCountries, countries, talkingPoints }: Props) {
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  // Until the reader chooses, the first point that was delivered anywhere (or the first point).
  const point = points.find((p) => p.talkingPointId === chosen) ?? points.find((p) => p.deliveredPosts > 0) ?? points[0];
  const nameOf = (alpha2: string) => countries?.get(alpha2)?.name ?? alpha2;

  const rows = useMemo(
    () =>
      [...(point?.byCountry ?? [])].sort((a, b) => (countries?.get(a.country)?.name ?? a.country).localeCompare(countries?.get(b.country)?.name ?? b.country)),
    [point, countries],
  );
  const mapCountries = useMemo<TMapCountry[]>(() => {
    const codes = [...new Set([...actionCountries, ...rows.map((row) => row.country)])];
    return codes.map((alpha2) => ({
      alpha2,
      name: countries?.get(alpha2)?.name ?? alpha2,
      numeric: countries?.get(alpha2)?.numeric ?? null,
      row: rows.find((row) => row.country === alpha2),
    }));
  }, [actionCountries, rows, countries]);

  if (!point) return null;
  const scope = talkingPoints.find((p) => p.id === point.talkingPointId);
  const totals = receptionCounts(point.deliveredPosts, point.reception);

  return (
    <div className="reception-by-country">
      <h3>Reception by country</h3>
      <div className="field point-picker">
        <label htmlFor={selectId}>Talking point</label>
        <select id={selectId} value={point.talkingPointId} onChange={(event) => setChosen(event.target.value)}>
          {points.map((p) => (
            <option key={p.talkingPointId} value={p.talkingPointId}>
              {p.number}. {shortText(p.text)}
            </option>
          ))}
        </select>
      </div>
      <p className="point-full-text">
        <span className="point-number">{point.number}.</span> {point.text}
        {scope && scope.scope !== 'all' && <span className="muted small"> ({scopeLabel(scope)})</span>}
      </p>

      {point.applicablePosts === 0 && point.deliveredPosts === 0 ? (
        <p className="muted">Point {point.number} applies to none of your posts: there is no reception to show.</p>
      ) : (
        <>
          {point.deliveredPosts === 0 ? (
            <p className="muted">
              No post has delivered point {point.number} yet in an approved engagement you may see ({point.applicablePosts} applicable post
              {point.applicablePosts === 1 ? '' : 's'}).
            </p>
          ) : (
            <TableScroll label={`Reception of point ${point.number} by country`}>
              <table className="data-table" aria-label={`Reception of point ${point.number} by country`}>
                <thead>
                  <tr>
                    <th scope="col">Country</th>
                    <th scope="col" className="num">
                      Delivered, of applicable posts
                    </th>
                    {RECEPTIONS.map((reception) => (
                      <th key={reception} scope="col" className="num">
                        {RECEPTION_NAME[reception]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const counts = receptionCounts(row.delivered, row);
                    return (
                      <tr key={row.country}>
                        <th scope="row">{nameOf(row.country)}</th>
                        <td className="num">{row.applicable > 0 ? `${row.delivered} of ${row.applicable}` : `${row.delivered} (not counted as applicable)`}</td>
                        {RECEPTIONS.map((reception) => (
                          <td key={reception} className="num">
                            {counts[reception]}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All countries</th>
                    <td className="num">
                      {point.deliveredPosts} of {point.applicablePosts}
                    </td>
                    {RECEPTIONS.map((reception) => (
                      <td key={reception} className="num">
                        {receptionText(totals[reception], point.deliveredPosts)}
                      </td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
          <ReceptionMap countries={mapCountries} pointNumber={point.number} />
          <p className="muted small">
            The table lists every country where the point applies to a post you may see. On the map, a country where it applies and no delivery shows is white
            and hatched; an action post’s country the point is not for
            {scope && scope.scope !== 'all' ? ` (${scopeLabel(scope)})` : ''}, or whose posts are outside what you may see, is grey. Counts are posts, each
            once, with the reception of its latest approved delivery.
          </p>
        </>
      )}
    </div>
  );
}
