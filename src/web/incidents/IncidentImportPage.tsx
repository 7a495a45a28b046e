import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { IMPORT_MAX_CHARS, IMPORT_MAX_ROWS, type TImportFormat, type TImportRowError, type TIncidentImportReport } from '../../shared/incident-imports';
import type { TProblem } from '../../shared/problem';
import { usePost } from '../reference/reference-queries';
import { ApiError, errorMessage, jsonWriteHeaders, sessionEnded } from '../ui/api';
import { RequirePermission } from '../ui/RequirePermission';
import { useMe } from '../ui/session';
import { IDENTIFIER_KIND_LABEL } from './incident-labels';
import { useIncidentCategories } from './incident-queries';
import { TableScroll } from '../ui/TableScroll';

const IMPORTS_PATH = '/api/v1/incident-imports';
/** Problems, skipped rows and duplicates shown in full up to this many; the rest are counted. */
const SHOWN = 200;

/** The 400 of an invalid file: the problems by row and, when every row could be read, the report. */
type ImportProblem = TProblem & { rows?: TImportRowError[]; report?: TIncidentImportReport };

type Step = 'check' | 'import';
type Stage = { kind: 'uploading'; loaded: number; total: number } | { kind: 'server' };
interface LoadedFile {
  name: string;
  size: number;
  content: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const number = (n: number) => n.toLocaleString('en');

function sizeText(bytes: number): string {
  if (bytes < 1024) return count(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The format a file's name suggests: .json is JSON, anything else is read as CSV (as the CLI does). */
const formatOfName = (name: string): TImportFormat => (/\.json$/i.test(name) ? 'json' : 'csv');

/**
 * POST /api/v1/incident-imports through XMLHttpRequest, whose `upload.onprogress` reports how
 * much of the file has been sent (fetch cannot); the headers and the errors are apiSend's.
 */
function postImport(
  body: { format: TImportFormat; content: string; dryRun: boolean },
  onProgress: (loaded: number, total: number) => void,
  onSent: () => void,
  signal: AbortSignal,
): Promise<TIncidentImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', IMPORTS_PATH);
    for (const [name, value] of Object.entries(jsonWriteHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.upload.onload = () => onSent();
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as TIncidentImportReport);
        return;
      }
      if (xhr.status === 401) sessionEnded();
      const problem =
        parsed && typeof parsed === 'object' && 'status' in parsed
          ? (parsed as ImportProblem)
          : { type: 'about:blank', title: xhr.statusText || 'Request failed', status: xhr.status };
      const retryAfter = Number(xhr.getResponseHeader('retry-after'));
      reject(new ApiError(problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached. Check the connection and try again.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(JSON.stringify(body));
  });
}

export function IncidentImportPage() {
  return (
    <RequirePermission permission="records.draft" who="officers and approvers at a post">
      <IncidentImport />
    </RequirePermission>
  );
}

function IncidentImport() {
  const me = useMe();
  const post = usePost(me.data?.user.post ?? null);
  const postName = post.data?.name ?? me.data?.user.post ?? 'your home post';
  const queryClient = useQueryClient();
  const fileId = useId();
  const formatId = useId();
  const importHintId = useId();

  const [file, setFile] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [format, setFormat] = useState<TImportFormat>('csv');
  const [running, setRunning] = useState<{ step: Step; stage: Stage } | null>(null);
  /** The dry run of the current file and format, when it found no problem. */
  const [checked, setChecked] = useState<TIncidentImportReport | null>(null);
  const [imported, setImported] = useState<TIncidentImportReport | null>(null);
  const [failure, setFailure] = useState<{ step: Step; error: unknown } | null>(null);
  /** Counts finished steps, so the outcome takes the focus after each of them. */
  const [finished, setFinished] = useState(0);

  const outcome = useRef<HTMLDivElement>(null);
  const upload = useRef<AbortController | null>(null);
  const reads = useRef(0);

  useEffect(() => () => upload.current?.abort(), []);
  useEffect(() => {
    if (finished > 0) outcome.current?.focus();
  }, [finished]);

  const forget = () => {
    upload.current?.abort();
    setRunning(null);
    setChecked(null);
    setImported(null);
    setFailure(null);
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    const read = ++reads.current;
    forget();
    setFile(null);
    setFileProblem(null);
    if (!chosen) return;
    setFormat(formatOfName(chosen.name));
    // UTF-8 takes at most 4 bytes a character: a larger file is over the limit without reading it.
    if (chosen.size > IMPORT_MAX_CHARS * 4) {
      setFileProblem(
        `${chosen.name} (${sizeText(chosen.size)}) is larger than one upload takes: split it into files of at most ${number(IMPORT_MAX_ROWS)} rows.`,
      );
      return;
    }
    setReading(true);
    try {
      const content = await chosen.text();
      if (read !== reads.current) return;
      if (content.length > IMPORT_MAX_CHARS) {
        setFileProblem(
          `${chosen.name} has ${number(content.length)} characters; one upload takes at most ${number(IMPORT_MAX_CHARS)}: split it into smaller files.`,
        );
      } else if (content.trim() === '') {
        setFileProblem(`${chosen.name} is empty.`);
      } else {
        setFile({ name: chosen.name, size: chosen.size, content });
      }
    } catch (error) {
      if (read === reads.current) setFileProblem(`${chosen.name} could not be read: ${errorMessage(error)}`);
    } finally {
      if (read === reads.current) setReading(false);
    }
  };

  const run = async (step: Step) => {
    if (!file || running) return;
    const controller = new AbortController();
    upload.current = controller;
    setFailure(null);
    setImported(null);
    if (step === 'check') setChecked(null);
    setRunning({ step, stage: { kind: 'uploading', loaded: 0, total: 0 } });
    try {
      const report = await postImport(
        { format, content: file.content, dryRun: step === 'check' },
        (loaded, total) => setRunning({ step, stage: { kind: 'uploading', loaded, total } }),
        () => setRunning({ step, stage: { kind: 'server' } }),
        controller.signal,
      );
      if (controller.signal.aborted) return;
      if (step === 'check') {
        setChecked(report);
      } else {
        // Checked again: a second import of the same file would skip every row.
        setChecked(null);
        setImported(report);
        void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      setFailure({ step, error });
    }
    setRunning(null);
    setFinished((n) => n + 1);
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    void run('check');
  };

  const ready = Boolean(checked && checked.errors.length === 0 && checked.valid > 0);
  const importHint = running
    ? null
    : imported
      ? 'Imported. To import more, choose the next file and check it.'
      : !checked
        ? 'Check the file first: the import is possible once the check finds no problem.'
        : checked.valid === 0
          ? 'Nothing to import: every row of this file is already stored.'
          : null;

  return (
    <section className="incident-import">
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> ›
      </p>
      <h1>Import incidents</h1>
      <p>
        Incidents from a CSV or JSON file are filed as drafts at {postName}, by you; a second person at the post then verifies each one. Every row is checked
        first, as the form checks one incident: if any row has a problem, nothing is imported. A row whose external id is already stored is skipped, so
        importing a file again adds only what is missing.
      </p>
      <p className="import-limits">
        One upload takes at most {number(IMPORT_MAX_ROWS)} rows and {number(IMPORT_MAX_CHARS)} characters: split a larger file (the command{' '}
        <code>demarche incidents import FILE</code> has no row limit). See <a href="#import-format">the file format</a> below; it is described in full in{' '}
        <code>docs/incident-import.md</code>.
      </p>
      <FileFormat />

      <form className="panel import-form" aria-label="Import a file" onSubmit={check} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={fileId}>File (CSV or JSON)</label>
            <input
              id={fileId}
              type="file"
              accept=".csv,.tsv,.txt,.json,text/csv,application/json"
              aria-describedby={`${fileId}-hint`}
              onChange={(event) => void choose(event)}
            />
            <span className="field-hint" id={`${fileId}-hint`}>
              Read in your browser, then sent to the server when you check it
            </span>
          </div>
          <div className="field">
            <label htmlFor={formatId}>Format</label>
            <select
              id={formatId}
              value={format}
              aria-describedby={`${formatId}-hint`}
              onChange={(event) => {
                forget();
                setFormat(event.target.value as TImportFormat);
              }}
            >
              <option value="csv">CSV</option>
              <option value="json">JSON</option>
            </select>
            <span className="field-hint" id={`${formatId}-hint`}>
              Chosen from the file’s name (.json is JSON); change it if the name misleads. CSV may be separated by commas, semicolons or tabs
            </span>
          </div>
        </div>
        {reading && <p role="status">Reading the file…</p>}
        {fileProblem && <p role="alert">{fileProblem}</p>}
        {file && (
          <p className="import-file">
            <strong>{file.name}</strong>: {sizeText(file.size)}, {count(file.content.length, 'character')}
          </p>
        )}
        <ol className="import-steps">
          <li>
            <button type="submit" className={ready ? undefined : 'primary'} disabled={!file || Boolean(running)}>
              Check the file
            </button>{' '}
            <span className="muted small">Every row is checked; nothing is written.</span>
          </li>
          <li>
            <button
              type="button"
              className={ready ? 'primary' : undefined}
              disabled={!ready || Boolean(running)}
              aria-describedby={importHint ? importHintId : undefined}
              onClick={() => void run('import')}
            >
              {checked && checked.valid > 0 ? `Import ${count(checked.valid, 'incident')}` : 'Import incidents'}
            </button>{' '}
            {importHint && (
              <span className="muted small" id={importHintId}>
                {importHint}
              </span>
            )}
          </li>
        </ol>
      </form>

      {running && <ImportProgress step={running.step} stage={running.stage} />}
      <p role="status" className="visually-hidden">
        {running ? phaseText(running.step, running.stage) : ''}
      </p>

      <div ref={outcome} tabIndex={-1} className="import-outcome">
        {!running && failure && <ImportFailure step={failure.step} error={failure.error} />}
        {!running && checked && <CheckPassed report={checked} postName={postName} />}
        {!running && imported && <ImportDone report={imported} postName={postName} />}
      </div>
    </section>
  );
}

function phaseText(step: Step, stage: Stage): string {
  if (stage.kind === 'uploading') return 'Uploading the file';
  return step === 'check' ? 'Checking every row on the server' : 'Checking every row again and writing the incidents';
}

/** The upload's own progress, then an indeterminate bar while the server checks (and writes). */
function ImportProgress({ step, stage }: { step: Step; stage: Stage }) {
  const id = useId();
  const phase = phaseText(step, stage);
  const percent = stage.kind === 'uploading' && stage.total > 0 ? Math.round((stage.loaded / stage.total) * 100) : 0;
  return (
    <div className="import-progress">
      <label htmlFor={id}>{phase}…</label>
      {stage.kind === 'uploading' ? (
        <>
          <progress
            id={id}
            max={100}
            value={percent}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={stage.total > 0 ? `${percent}%: ${sizeText(stage.loaded)} of ${sizeText(stage.total)}` : 'starting'}
          />
          <span className="import-progress-figure">
            {percent}%{stage.total > 0 ? ` (${sizeText(stage.loaded)} of ${sizeText(stage.total)})` : ''}
          </span>
        </>
      ) : (
        <progress id={id} aria-busy="true" />
      )}
    </div>
  );
}

function CheckPassed({ report, postName }: { report: TIncidentImportReport; postName: string }) {
  return (
    <>
      <div className="notice import-summary">
        <h2>
          {report.valid > 0
            ? `Check passed: ${count(report.valid, 'incident')} ready to import`
            : `Check passed: nothing new to import, every row is already stored`}
        </h2>
        <p>
          {report.valid > 0
            ? `No row has a problem. Import them to file them as drafts at ${postName}.`
            : 'Every row’s external id is already stored: importing this file again would change nothing.'}
          {report.skipped.length > 0 && report.valid > 0 && ` ${count(report.skipped.length, 'row')} already imported will be skipped.`}
        </p>
      </div>
      <ReportDetails report={report} />
    </>
  );
}

function ImportDone({ report, postName }: { report: TIncidentImportReport; postName: string }) {
  return (
    <>
      <div className="notice import-summary">
        <h2>
          {count(report.created, 'incident')} filed as drafts at {postName}; {number(report.skipped.length)} skipped
        </h2>
        <p>
          {report.skipped.length > 0 ? 'Skipped rows were already stored (by their external id) and were left as they are. ' : ''}
          Submit each draft for verification when it is complete. <Link to="/incidents?status=draft">See the drafts in the list of incidents</Link>.
        </p>
      </div>
      <ReportDetails report={report} />
    </>
  );
}

/** A refused step said in words, with the problems by row when the server listed them. */
function ImportFailure({ step, error }: { step: Step; error: unknown }) {
  const problem = error instanceof ApiError ? (error.problem as ImportProblem) : null;
  const rows = problem?.rows ?? [];
  const badRows = new Set(rows.map((row) => row.row)).size;
  let heading: string;
  let text: string;
  if (problem?.status === 400 && rows.length > 0) {
    heading = `The ${step === 'check' ? 'check' : 'import'} found ${count(rows.length, 'problem')} in ${count(badRows, 'row')}: nothing was imported`;
    text = 'Correct the rows listed below in the file, choose it again and check it again.';
  } else if (problem?.status === 400) {
    heading = 'The file cannot be imported';
    const fields = (problem.errors ?? []).map(({ field, message }) => `${fieldName(field)} ${message}`);
    text = fields.length > 0 ? `${fields.join('; ')}.` : (problem.detail ?? problem.title);
  } else if (problem?.status === 403) {
    heading = 'You may not import incidents';
    text = `Importing is for officers and approvers, who file drafts at their home post. Ask an administrator if you need it.${problem.detail ? ` (${problem.detail})` : ''}`;
  } else if (problem?.status === 413) {
    heading = 'The file is too large for one upload';
    text = `One upload takes at most ${number(IMPORT_MAX_CHARS)} characters and ${number(IMPORT_MAX_ROWS)} rows: split the file and import the parts one after the other.`;
  } else if (problem?.status === 401) {
    heading = 'Your session has ended';
    text = 'Sign in again, then choose the file again.';
  } else if (problem?.status === 429) {
    heading = 'Too many requests';
    text = `Try again${(error as ApiError).retryAfterSeconds ? ` in ${count((error as ApiError).retryAfterSeconds ?? 0, 'second')}` : ' in a moment'}.`;
  } else {
    heading = step === 'check' ? 'The file could not be checked' : 'The file could not be imported';
    text = `${errorMessage(error)}${step === 'import' ? ' Nothing is written unless the whole import succeeds: check the file again and import it again.' : ''}`;
  }
  return (
    <>
      <div className="import-failure" role="alert">
        <h2>{heading}</h2>
        <p>{text}</p>
      </div>
      {problem?.report && <ReportDetails report={problem.report} />}
      {rows.length > 0 && <ProblemTable rows={rows} />}
    </>
  );
}

/** `body.content` → "The file's text". */
function fieldName(field: string): string {
  const name = field.replace(/^body\./, '');
  if (name === 'content') return 'The file’s text';
  if (name === 'format') return 'The format';
  if (name === 'dryRun') return 'The dry-run flag';
  return name;
}

function ReportDetails({ report }: { report: TIncidentImportReport }) {
  return (
    <>
      <dl className="details import-counts" aria-label="Report">
        <dt>Rows read</dt>
        <dd>{number(report.rows)}</dd>
        <dt>{report.dryRun || report.errors.length > 0 ? 'Valid, to be imported' : 'Valid'}</dt>
        <dd>{number(report.valid)}</dd>
        {!report.dryRun && report.errors.length === 0 && (
          <>
            <dt>Filed as drafts</dt>
            <dd>{number(report.created)}</dd>
          </>
        )}
        <dt>{report.dryRun ? 'Already imported, to be skipped' : 'Already imported, skipped'}</dt>
        <dd>{number(report.skipped.length)}</dd>
        <dt>Problems</dt>
        <dd>{number(report.errors.length)}</dd>
        <dt>Possible duplicates</dt>
        <dd>{number(report.duplicates.length)}</dd>
      </dl>
      {report.skipped.length > 0 && <SkippedRows skipped={report.skipped} dryRun={report.dryRun} />}
      {report.duplicates.length > 0 && <PossibleDuplicates duplicates={report.duplicates} />}
    </>
  );
}

function SkippedRows({ skipped, dryRun }: { skipped: TIncidentImportReport['skipped']; dryRun: boolean }) {
  const headingId = useId();
  return (
    <section className="import-skipped" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Already imported ({number(skipped.length)}): {dryRun ? 'these rows will be skipped' : 'these rows were skipped'}
      </h3>
      <p className="muted small">A stored incident with the same external id is left as it is; edit it in Demarche.</p>
      <ul aria-labelledby={headingId}>
        {skipped.slice(0, SHOWN).map(({ row, externalId }) => (
          <li key={row}>
            Row {row}: <code>{externalId}</code>
          </li>
        ))}
      </ul>
      {skipped.length > SHOWN && <p className="muted small">and {count(skipped.length - SHOWN, 'more row')}.</p>}
    </section>
  );
}

function PossibleDuplicates({ duplicates }: { duplicates: TIncidentImportReport['duplicates'] }) {
  const headingId = useId();
  return (
    <section className="import-duplicates" aria-labelledby={headingId}>
      <h3 id={headingId}>Possible duplicates ({count(duplicates.length, 'row')})</h3>
      <p className="muted small">
        Stored incidents you may see from the same country, within a week, with a similar summary. They never stop the import: review them once it is done.
      </p>
      <ul aria-labelledby={headingId}>
        {duplicates.slice(0, SHOWN).map(({ row, candidates }) => (
          <li key={row}>
            Row {row}:{' '}
            {candidates.map((candidate, index) => (
              <span key={candidate.id}>
                {index > 0 && ', '}
                <Link to={`/incidents/${candidate.id}`}>incident {candidate.id.slice(0, 8)}</Link> ({Math.round(candidate.score * 100)}% similar)
              </span>
            ))}
          </li>
        ))}
      </ul>
      {duplicates.length > SHOWN && <p className="muted small">and {count(duplicates.length - SHOWN, 'more row')}.</p>}
    </section>
  );
}

function ProblemTable({ rows }: { rows: TImportRowError[] }) {
  return (
    <TableScroll label="Problems by row">
      <table className="data-table import-problems">
        <caption>Problems by row: nothing is imported until every one is corrected</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Field</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((problem, index) => (
            // A row may have several problems in one field (one per personal identifier).
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <tr key={index}>
              <td className="num">{problem.row > 0 ? problem.row : 'file'}</td>
              <td>
                <code>{problem.field}</code>
              </td>
              <td>
                {problem.message}
                {problem.span && (
                  <div className="import-span">
                    Found: <mark className="identifier">{problem.span.text}</mark>{' '}
                    <span className="identifier-kind">[{IDENTIFIER_KIND_LABEL[problem.span.kind]}]</span>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && <p className="muted small">and {count(rows.length - SHOWN, 'more problem')}: correct these first, then check the file again.</p>}
    </TableScroll>
  );
}

const REQUIRED_COLUMNS: [string, string][] = [
  ['place_name', 'the town or area'],
  ['geo_precision', 'exact, town, district, region or country'],
  ['occurred_on', 'YYYY-MM-DD'],
  ['category', 'a category code (below)'],
  ['summary', 'what happened, up to 4,000 characters, naming nobody'],
  ['classification', 'U, SBU, C or S, at most your clearance'],
  ['source1_url, source1_outlet, source1_language, source1_type, source1_reliability, source1_credibility', 'the first source'],
];
const OPTIONAL_COLUMNS: [string, string][] = [
  ['external_id', 'your system’s id: makes a second import skip the row (advised)'],
  ['post', 'empty: your home post, the only one allowed'],
  ['country', 'ISO code such as DE; empty: the post’s country'],
  ['latitude, longitude', 'decimal degrees, both or neither'],
  ['time_precision', 'day (default), week or month'],
  ['killed, injured', 'whole numbers'],
  ['human_rights_relevant, synthetic', 'yes or no'],
  [
    'legal_status, legal_status_on, legal_status_source',
    'reported (default), under_investigation, charged, convicted, acquitted or dismissed; its date; its source number',
  ],
  ['allowed_names', 'public officials the summary may name, separated by |'],
  ['source2_… to source5_…', 'further sources; sourceN_published_on and sourceN_suspect_status as well'],
];

/** The CSV columns in brief (docs/incident-import.md has them in full). */
function FileFormat() {
  const categories = useIncidentCategories();
  const codes = (categories.data?.items ?? []).filter((category) => !category.retired).map((category) => category.code);
  return (
    // Going to #import-format (inside it) opens it.
    <details className="import-format">
      <summary>The file format: CSV columns, JSON, row numbers</summary>
      <div id="import-format">
        <p>
          <strong>CSV:</strong> a header row naming the columns, in any order (case, spaces and hyphens do not matter); comma, semicolon or tab; one incident a
          row. An empty cell means “not given”.
        </p>
        <dl className="import-columns" aria-label="Required columns">
          {REQUIRED_COLUMNS.map(([column, meaning]) => (
            <div key={column}>
              <dt>
                <code>{column}</code> <span className="badge">required</span>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <dl className="import-columns" aria-label="Optional columns">
          {OPTIONAL_COLUMNS.map(([column, meaning]) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        {codes.length > 0 && (
          <p>
            <strong>Category codes:</strong> {codes.join(', ')}.
          </p>
        )}
        <p>
          <strong>JSON:</strong> an array of incidents as the API takes one (<code>POST /api/v1/incidents</code>), or <code>{'{ "incidents": [ … ] }'}</code>.
        </p>
        <p>
          <strong>Row numbers</strong> are counted as a spreadsheet shows them: in a CSV file row 1 is the header, so the first incident is row 2; in JSON the
          first incident is row 1.
        </p>
      </div>
    </details>
  );
}
