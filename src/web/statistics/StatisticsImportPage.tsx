import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { TProblem } from '../../shared/problem';
import { STATISTICS_UPLOAD_MAX_BYTES, type TStatisticsImportReport, type TStatisticsRowError } from '../../shared/statistics';
import { ApiError, apiSend, errorMessage } from '../ui/api';
import { RequirePermission } from '../ui/RequirePermission';
import { TableScroll } from '../ui/TableScroll';

type ImportProblem = TProblem & { rows?: TStatisticsRowError[] };

export function StatisticsImportPage() {
  return (
    <RequirePermission permission="statistics.import" who="headquarters analysts and administrators">
      <StatisticsImport />
    </RequirePermission>
  );
}

/** The file's bytes as base64, read by the browser (FileReader's data URL without its prefix). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/**
 * Upload page for official statistics: a mapping file (docs/mappings/) and the publisher's
 * table go to POST /api/v1/statistics/imports; the report, or every problem by row, column and
 * reason, is shown. Nothing is written while any problem remains.
 */
function StatisticsImport() {
  const mappingId = useId();
  const fileId = useId();
  const dryRunId = useId();
  const [dryRun, setDryRun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<TStatisticsImportReport | null>(null);
  const [problem, setProblem] = useState<{ message: string; fields: { field: string; message: string }[]; rows: TStatisticsRowError[] } | null>(null);
  const mappingInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setProblem(null);
    const mappingFile = mappingInput.current?.files?.[0];
    const dataFile = fileInput.current?.files?.[0];
    const fail = (message: string) => {
      setProblem({ message, fields: [], rows: [] });
      outcome.current?.focus();
    };
    if (!mappingFile) return fail('Choose the mapping file (JSON).');
    if (!dataFile) return fail('Choose the data file (CSV or XLSX, gzipped or not).');
    if (dataFile.size > STATISTICS_UPLOAD_MAX_BYTES)
      return fail(
        `The data file is ${dataFile.size.toLocaleString('en')} bytes; the upload takes at most ${STATISTICS_UPLOAD_MAX_BYTES.toLocaleString('en')} (use the command line for larger files).`,
      );
    let mapping: unknown;
    try {
      mapping = JSON.parse(await mappingFile.text());
    } catch (error) {
      return fail(`The mapping file is not valid JSON: ${(error as Error).message}`);
    }
    setBusy(true);
    try {
      const content = await base64Of(dataFile);
      setReport(await apiSend<TStatisticsImportReport>('POST', '/api/v1/statistics/imports', { fileName: dataFile.name, content, mapping, dryRun }));
    } catch (error) {
      const body = error instanceof ApiError ? (error.problem as ImportProblem) : null;
      setProblem({
        message: errorMessage(error),
        fields: body?.rows ? [] : (body?.errors ?? []),
        rows: body?.rows ?? [],
      });
    } finally {
      setBusy(false);
      outcome.current?.focus();
    }
  };

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/evidence">Evidence</Link> ›
      </p>
      <h1>Import official statistics</h1>
      <p>
        A publisher’s table (CSV in any encoding or XLSX, gzipped or not, up to {STATISTICS_UPLOAD_MAX_BYTES.toLocaleString('en')} bytes) and the mapping that
        says which columns hold what and which definitions apply. Every row is checked first: one problem and nothing is imported. Importing the same file again
        changes nothing.
      </p>
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor={mappingId}>Mapping file (JSON)</label>
          <input id={mappingId} ref={mappingInput} type="file" accept=".json,application/json" />
        </div>
        <div className="field">
          <label htmlFor={fileId}>Data file (CSV or XLSX, .gz too)</label>
          <input id={fileId} ref={fileInput} type="file" />
        </div>
        <div className="field evidence-toggle">
          <input id={dryRunId} type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />
          <label htmlFor={dryRunId}>Check only (dry run): report what would change, write nothing</label>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : dryRun ? 'Check' : 'Import'}
        </button>
      </form>
      <div ref={outcome} tabIndex={-1} aria-live="polite" className="import-outcome">
        {problem && (
          <div role="alert" className="notice">
            <h2>Nothing was imported</h2>
            <p>{problem.message}</p>
            {problem.fields.length > 0 && (
              <ul>
                {problem.fields.map((field) => (
                  <li key={field.field + field.message}>
                    {field.field}: {field.message}
                  </li>
                ))}
              </ul>
            )}
            {problem.rows.length > 0 && (
              <TableScroll label="Problems by row">
                <table>
                  <caption>Problems by row, column and reason</caption>
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      <th scope="col">Column</th>
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {problem.rows.map((row) => (
                      <tr key={`${row.row}|${row.column}|${row.message}`}>
                        <td>{row.row}</td>
                        <td>{row.column}</td>
                        <td>{row.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </div>
        )}
        {report && <ImportReport report={report} />}
      </div>
    </section>
  );
}

function ImportReport({ report }: { report: TStatisticsImportReport }) {
  const counts = (c: TStatisticsImportReport['series']) =>
    `${c.created.toLocaleString('en')} new, ${c.updated.toLocaleString('en')} corrected, ${c.unchanged.toLocaleString('en')} unchanged`;
  return (
    <section aria-labelledby="import-report">
      <h2 id="import-report">{report.dryRun ? 'Checked: nothing written' : 'Imported'}</h2>
      <dl>
        <dt>Source</dt>
        <dd>{report.source}</dd>
        <dt>File</dt>
        <dd>
          {report.file.name} ({report.file.format}
          {report.file.gzipped ? ', gzipped' : ''}
          {report.file.encoding ? `, ${report.file.encoding}` : ''})
        </dd>
        <dt>Rows read</dt>
        <dd>{report.rows.toLocaleString('en')}</dd>
        <dt>Series</dt>
        <dd>{counts(report.series)}</dd>
        <dt>Figures</dt>
        <dd>{counts(report.values)}</dd>
      </dl>
      {report.skipped.length > 0 && (
        <ul>
          {report.skipped.map((skip) => (
            <li key={skip.reason}>
              Skipped {skip.rows.toLocaleString('en')} row(s): {skip.reason}
              {skip.examples.length > 0 ? ` (for example ${skip.examples.join(', ')})` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
