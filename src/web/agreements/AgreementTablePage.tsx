import { Link, useSearchParams } from 'react-router';
import { AGREEMENT_TYPE_LABELS, type TAgreementSort } from '../../shared/agreements';
import { ErrorAlert } from '../ui/ErrorAlert';
import { MarkingTag } from '../ui/Marking';
import { TableScroll } from '../ui/TableScroll';
import { distanceText, stageText } from './agreement-labels';
import { useAgreements } from './agreement-queries';
import { AgreementsNav } from './AgreementsNav';

type Sortable = Exclude<TAgreementSort, 'updated'>;
const SORTS: Sortable[] = ['country', 'stage', 'distance'];

/** Every agreement the user may see, sorted by the server (country, stage in pipeline order, or distance from the home capital). */
export function AgreementTablePage() {
  const [params, setParams] = useSearchParams();
  const sort: Sortable = SORTS.includes(params.get('sort') as Sortable) ? (params.get('sort') as Sortable) : 'distance';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const list = useAgreements({ sort, order });
  const sortBy = (column: Sortable) => setParams({ sort: column, order: column === sort && order === 'asc' ? 'desc' : 'asc' }, { replace: true });
  const ariaSort = (column: Sortable) => (column === sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined);
  const arrow = (column: Sortable) => (column === sort ? (order === 'asc' ? ' ▲' : ' ▼') : '');
  const home = list.data?.home;
  return (
    <section>
      <h1>Third-country agreements</h1>
      <AgreementsNav />
      {home && (
        <p className="muted">
          Distances are great circles from {home.capital ?? home.countryName} ({home.countryName}) to each counterpart’s capital.
          {!home.located && ' The reference data has no coordinates for the home capital, so no distance is shown.'}
        </p>
      )}
      {list.isPending && <p>Loading the agreements…</p>}
      <ErrorAlert error={list.error} action="Could not load the agreements" />
      {list.data && list.data.items.length === 0 && (
        <div className="empty-state">
          <p>
            <strong>No agreement you may see is recorded yet.</strong>
          </p>
        </div>
      )}
      {list.data && list.data.items.length > 0 && (
        <TableScroll label="Agreements">
          <table className="data-table agreements-table">
            <caption className="visually-hidden">Agreements, sorted by {sort}</caption>
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort('country')}>
                  <button type="button" className="sort" onClick={() => sortBy('country')}>
                    Counterpart{arrow('country')}
                  </button>
                </th>
                <th scope="col">Type</th>
                <th scope="col" aria-sort={ariaSort('stage')}>
                  <button type="button" className="sort" onClick={() => sortBy('stage')}>
                    Stage{arrow('stage')}
                  </button>
                </th>
                <th scope="col">Since</th>
                <th scope="col" className="num" aria-sort={ariaSort('distance')}>
                  <button type="button" className="sort" onClick={() => sortBy('distance')}>
                    Distance{arrow('distance')}
                  </button>
                </th>
                <th scope="col" className="num">
                  Capacity a year
                </th>
                <th scope="col">Review</th>
                <th scope="col">Marking</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/agreements/${item.id}`}>{item.countryName}</Link>
                    {item.capital && <span className="muted small"> ({item.capital})</span>}
                  </td>
                  <td>{AGREEMENT_TYPE_LABELS[item.type]}</td>
                  <td>{stageText(item.stage)}</td>
                  <td>{item.stageOn}</td>
                  <td className="num">{distanceText(item.distanceKm)}</td>
                  <td className="num">{item.annualCapacity === null ? '—' : item.annualCapacity.toLocaleString('en')}</td>
                  <td>{item.reviewOn ?? '—'}</td>
                  <td>
                    <MarkingTag classification={item.classification} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
