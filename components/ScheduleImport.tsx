import type { ScheduleRow } from '../rules/pricing/schedule';
import { formatCents } from './format';

export interface RowProblem {
  line: number;
  message: string;
}

export interface ScheduleImportProps {
  fileName?: string;
  rows: ScheduleRow[];
  errors: RowProblem[];
  fatal?: string;
  busy: boolean;
  onFile: (file: File) => void;
  onConfirm: () => void;
  onCancel: () => void;
  onLoadSample: () => void;
}

/** Fee schedule CSV import: choose, review unreadable rows, confirm. */
export function ScheduleImport(p: ScheduleImportProps) {
  const pending = p.fileName !== undefined && !p.fatal;
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import a fee schedule</h2>
      <p class="muted">
        A CSV with the header <code>code,modifier,amount</code> and an optional <code>description</code>.
        Amounts such as
        <code> $1,234.50</code> are fine.
      </p>
      <div class="row">
        <label>
          CSV file{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="schedule-file"
            onChange={(e) => {
              const f = (e.currentTarget as HTMLInputElement).files?.[0];
              if (f) p.onFile(f);
            }}
          />
        </label>
        <button type="button" class="secondary" onClick={p.onLoadSample} disabled={p.busy}>
          Load the sample schedule
        </button>
      </div>
      {p.fatal && (
        <p class="notice notice-error" role="alert" data-testid="import-fatal">
          {p.fileName}: {p.fatal}
        </p>
      )}
      {pending && (
        <div class="notice" data-testid="import-review">
          <p>
            <strong>{p.fileName}</strong>: {p.rows.length} readable row{p.rows.length === 1 ? '' : 's'}
            {p.errors.length > 0 ? `, ${p.errors.length} unreadable` : ''}.
          </p>
          {p.errors.length > 0 && (
            <table data-testid="import-errors">
              <caption class="muted">These rows will not be imported:</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {p.errors.map((e) => (
                  <tr key={e.line}>
                    <td>{e.line}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p class="row">
            <button
              type="button"
              onClick={p.onConfirm}
              disabled={p.busy || p.rows.length === 0}
              data-testid="import-confirm"
            >
              {p.errors.length > 0
                ? `Import the ${p.rows.length} readable rows`
                : `Import ${p.rows.length} rows`}
            </button>
            <button type="button" class="secondary" onClick={p.onCancel}>
              Cancel
            </button>
          </p>
        </div>
      )}
    </section>
  );
}

export function ScheduleTable({ name, rows }: { name: string; rows: ScheduleRow[] }) {
  return (
    <section aria-labelledby="active-heading">
      <h2 id="active-heading">
        Active schedule: <span data-testid="active-schedule">{name}</span> ({rows.length} codes)
      </h2>
      <table data-testid="schedule-rows">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Modifier</th>
            <th scope="col" class="num">
              Amount
            </th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.code}|${r.modifier}|${r.payer ?? ''}|${r.effectiveFrom ?? ''}`}>
              <td>{r.code}</td>
              <td>{r.modifier}</td>
              <td class="num">{formatCents(r.amountCents)}</td>
              <td>{r.description ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
