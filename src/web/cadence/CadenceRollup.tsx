import type { TCadenceRollup } from '../../shared/engagements';
import { RECEPTION_LABEL } from '../ui/labels';
import { TableScroll } from '../ui/TableScroll';

/** "3 of 12 (25%)": a share always with its count and denominator. */
export function share(count: number, of: number): string {
  return of === 0 ? `${count} of 0` : `${count} of ${of} (${Math.round((count / of) * 100)}%)`;
}

/**
 * Per directive, over the action posts the reader sees: how the posts stand, how many
 * points they delivered, and how the host received them month by month.
 */
export function CadenceRollup({ rollup }: { rollup: TCadenceRollup[] }) {
  return (
    <section aria-labelledby="rollup-heading">
      <h2 id="rollup-heading">Roll-up by directive</h2>
      <p className="small muted">
        Shares of the action posts you see. Points delivered counts each (point, post) pair once, over the pairs where the point applies to the post.
      </p>
      <TableScroll label="Roll-up by directive">
        <table className="data-table" aria-label="Roll-up by directive">
          <thead>
            <tr>
              <th scope="col">Directive</th>
              <th scope="col" className="num">
                On time
              </th>
              <th scope="col" className="num">
                Due soon
              </th>
              <th scope="col" className="num">
                Overdue
              </th>
              <th scope="col" className="num">
                Never engaged
              </th>
              <th scope="col" className="num">
                Points delivered
              </th>
            </tr>
          </thead>
          <tbody>
            {rollup.map((item) => (
              <tr key={item.directiveId}>
                <th scope="row">{item.reference}</th>
                <td className="num">{share(item.statuses.on_time, item.actionPosts)}</td>
                <td className="num">{share(item.statuses.due_soon, item.actionPosts)}</td>
                <td className="num">{share(item.statuses.overdue, item.actionPosts)}</td>
                <td className="num">{share(item.neverEngaged, item.actionPosts)}</td>
                <td className="num">{share(item.points.delivered, item.points.applicable)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {rollup.map((item) =>
        item.receptionByMonth.length === 0 ? null : (
          <details key={item.directiveId}>
            <summary>Reception of {item.reference}’s points, month by month</summary>
            <table className="data-table" aria-label={`Reception of ${item.reference} by month`}>
              <thead>
                <tr>
                  <th scope="col">Month (UTC)</th>
                  <th scope="col" className="num">
                    {RECEPTION_LABEL.receptive}
                  </th>
                  <th scope="col" className="num">
                    {RECEPTION_LABEL.noncommittal}
                  </th>
                  <th scope="col" className="num">
                    {RECEPTION_LABEL.disagreed}
                  </th>
                  <th scope="col" className="num">
                    Not recorded
                  </th>
                </tr>
              </thead>
              <tbody>
                {item.receptionByMonth.map((month) => {
                  const total = month.receptive + month.noncommittal + month.disagreed + month.notRecorded;
                  return (
                    <tr key={month.month}>
                      <th scope="row">{month.month}</th>
                      <td className="num">{share(month.receptive, total)}</td>
                      <td className="num">{share(month.noncommittal, total)}</td>
                      <td className="num">{share(month.disagreed, total)}</td>
                      <td className="num">{share(month.notRecorded, total)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="small muted">Deliveries of the directive’s points in approved engagements, by the month they took place.</p>
          </details>
        ),
      )}
    </section>
  );
}
