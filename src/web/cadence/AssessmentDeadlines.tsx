import { Link } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { TableScroll } from '../ui/TableScroll';
import { useAssessmentDeadlines } from '../policy/policy-queries';

const LABEL = { overdue: 'Overdue', due: 'Due', submitted: 'Submitted', approved: 'Approved' } as const;
const BADGE = { overdue: 'overdue', due: 'due_soon', submitted: 'on_time', approved: 'on_time' } as const;

/**
 * Beside the engagements: the assessments owed under directives with an assessment cadence, for
 * the posts the reader reads, as the server computes them for this reader (an assessment the
 * reader may not see does not count for them).
 */
export function AssessmentDeadlines() {
  const deadlines = useAssessmentDeadlines();
  if (deadlines.isError) return <ErrorAlert error={deadlines.error} action="Could not load the assessment deadlines" />;
  if (!deadlines.data) return null;
  const overdue = deadlines.data.items.filter((item) => item.status === 'overdue').length;
  return (
    <section aria-labelledby="assessment-deadlines">
      <h2 id="assessment-deadlines">Assessments</h2>
      {deadlines.data.items.length === 0 ? (
        <p className="muted small">No directive you may see asks these posts for periodic assessments.</p>
      ) : (
        <>
          <p className="small">
            {overdue === 0 ? 'No assessment overdue.' : `${overdue} assessment${overdue === 1 ? '' : 's'} overdue.`} An assessment of the last ended period is
            due by the end of the following month.
          </p>
          <TableScroll label="Assessments due by post">
            <table>
              <thead>
                <tr>
                  <th scope="col">Post</th>
                  <th scope="col">Directive</th>
                  <th scope="col">Period</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {deadlines.data.items.map((item) => (
                  <tr key={`${item.directive.id}-${item.post}`}>
                    <th scope="row">
                      <Link to={`/posts/${item.post}`}>{item.postName}</Link>
                    </th>
                    <td>
                      <Link to={`/directives/${item.directive.id}`}>{item.directive.reference}</Link>
                    </td>
                    <td>{item.assessmentId ? <Link to={`/policy/assessments/${item.assessmentId}`}>{item.period}</Link> : item.period}</td>
                    <td>{item.dueOn}</td>
                    <td>
                      <StatusBadge status={BADGE[item.status]} label={LABEL[item.status]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
