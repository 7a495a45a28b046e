import type { TTalkingPoint } from '../../shared/directives';
import { RECEPTIONS, receptionMissing } from '../../shared/engagements';
import type { DeliveryDraft, Reception } from './engagement-draft';
import { RECEPTION_LABEL, scopeLabel } from '../ui/labels';

interface Props {
  caption: string;
  points: TTalkingPoint[];
  deliveries: Record<string, DeliveryDraft>;
  onChange: (pointId: string, delivery: DeliveryDraft) => void;
  /** Field errors by talking point id. */
  errors: Record<string, string>;
}

/** One row per talking point that applies to the post: delivered, and if so how it was received. */
export function PointDeliveryTable({ caption, points, deliveries, onChange, errors }: Props) {
  return (
    <table className="data-table delivery-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Point</th>
          <th scope="col">Delivered</th>
          <th scope="col">Reception</th>
        </tr>
      </thead>
      <tbody>
        {points.map((point) => {
          const delivery = deliveries[point.id] ?? { delivered: false, reception: '' };
          // Marked as soon as a point is ticked delivered without its reception, as the server would refuse it.
          const error = errors[point.id] ?? (delivery.delivered && !delivery.reception ? receptionMissing(point.number) : undefined);
          const sentence = error?.startsWith(`point ${point.number} `) ? `P${error.slice(1)}` : error && `Point ${point.number}: ${error}`;
          const errorId = `reception-${point.id}-error`;
          return (
            <tr key={point.id} className={delivery.delivered ? 'row-delivered' : undefined}>
              <td>
                <span className="point-number">{point.number}.</span> {point.text}
                <span className="scope-label small">{scopeLabel(point)}</span>
                {sentence && (
                  <span className="field-error" id={errorId} role="alert">
                    {sentence}
                  </span>
                )}
              </td>
              <td>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    aria-label={`Delivered point ${point.number}`}
                    checked={delivery.delivered}
                    onChange={(event) => onChange(point.id, { delivered: event.target.checked, reception: event.target.checked ? delivery.reception : '' })}
                  />
                  <span aria-hidden="true">{delivery.delivered ? 'Yes' : 'No'}</span>
                </label>
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`reception-${point.id}`}>
                  Reception of point {point.number}
                </label>
                <select
                  id={`reception-${point.id}`}
                  value={delivery.reception}
                  disabled={!delivery.delivered}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => onChange(point.id, { delivered: true, reception: event.target.value as Reception | '' })}
                >
                  <option value="">{delivery.delivered ? 'Choose…' : '—'}</option>
                  {RECEPTIONS.map((reception) => (
                    <option key={reception} value={reception}>
                      {RECEPTION_LABEL[reception]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
