import { type ReactNode, useId, useRef } from 'react';
import { INCIDENT_SUMMARY_MAX, type TIdentifierSpan } from '../../shared/incidents';
import { IDENTIFIER_KIND_LABEL } from './incident-labels';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** The identifier spans placed on the current text (see locateSpans). */
  spans: TIdentifierSpan[];
  checking: boolean;
  allowedNames: string[];
  onAllow: (name: string) => void;
  onRemoveAllowed: (name: string) => void;
  error: string | undefined;
}

/**
 * The summary, with the identifier guard: every personal name, e-mail address, phone number or
 * identity-document number found in it is marked in a copy of the text under the box, with what
 * it is, a way to select it in the box, and, for a name, a way to let a public official through.
 */
export function SummaryGuardField({ value, onChange, spans, checking, allowedNames, onAllow, onRemoveAllowed, error }: Props) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const over = value.length > INCIDENT_SUMMARY_MAX;
  const describedBy = [`${id}-hint`, `${id}-count`, spans.length ? `${id}-guard` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');

  const select = (span: TIdentifierSpan) => {
    box.current?.focus();
    box.current?.setSelectionRange(span.start, span.end);
  };

  return (
    <div className={error || spans.length ? 'field field-invalid summary-field' : 'field summary-field'}>
      <label htmlFor={id}>Summary</label>
      <textarea
        ref={box}
        id={id}
        rows={7}
        value={value}
        aria-invalid={Boolean(error) || spans.length > 0}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="field-hint" id={`${id}-hint`}>
        What happened, as the sources report it. No names of suspects, victims or private individuals, and no e-mail addresses, phone numbers or document
        numbers: say “a 34-year-old man”, “the mayor”.
      </span>
      <span className={over ? 'char-count char-count-over' : 'char-count'} id={`${id}-count`}>
        {value.length.toLocaleString('en')} of {INCIDENT_SUMMARY_MAX.toLocaleString('en')} characters{over ? ': too long' : ''}
      </span>
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          Summary {error}
        </span>
      )}
      <div className="identifier-guard" id={`${id}-guard`} aria-live="polite">
        {spans.length > 0 ? (
          <>
            <p className="identifier-guard-head">
              <strong>{spans.length === 1 ? 'One personal identifier' : `${spans.length} personal identifiers`} in the summary</strong>: rewrite{' '}
              {spans.length === 1 ? 'it' : 'them'} before saving{checking ? ' (checking again…)' : '.'}
            </p>
            <p className="small identifier-preview-label">Marked in the text:</p>
            <p className="identifier-preview">
              <MarkedText text={value} spans={spans} />
            </p>
            <ul className="identifier-list" aria-label="Personal identifiers found">
              {spans.map((span) => (
                <li key={`${span.start}-${span.text}`}>
                  <span>
                    “{span.text}”: {IDENTIFIER_KIND_LABEL[span.kind]}
                  </span>{' '}
                  <button type="button" className="link small" onClick={() => select(span)}>
                    Select it in the summary
                  </button>
                  {span.kind === 'person_name' && (
                    <button type="button" className="link small" onClick={() => onAllow(span.text)}>
                      This is a public official in their role — allow “{span.text}”
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          checking && value.trim() !== '' && <p className="muted small">Checking the summary for personal identifiers…</p>
        )}
      </div>
      {allowedNames.length > 0 && (
        <div className="allowed-names">
          <span className="small">Names allowed as public officials in their role:</span>
          <ul aria-label="Names allowed as public officials">
            {allowedNames.map((name) => (
              <li key={name}>
                {name}{' '}
                <button type="button" className="link small" onClick={() => onRemoveAllowed(name)} aria-label={`No longer allow “${name}”`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The text with each span in a <mark> that says what kind of identifier it is. */
function MarkedText({ text, spans }: { text: string; spans: TIdentifierSpan[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={`${span.start}-${span.end}`} className={`identifier identifier-${span.kind}`}>
        {text.slice(span.start, span.end)}
        <span className="identifier-kind"> [{IDENTIFIER_KIND_LABEL[span.kind]}]</span>
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
