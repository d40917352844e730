import { useState } from 'preact/hooks';
import { formatCents } from './format';

export interface RemittanceReport {
  fileName: string;
  ok: boolean;
  error?: string;
  claimCount: number;
  transactionCount: number;
  paymentCents: number;
  unbalancedClaimCount: number;
  warnings: string[];
}

export interface RemittanceImportProps {
  busy: boolean;
  /** MB of the files read so far (each file is read once, its claims saved as they are read), and claims saved. */
  progress?: { readMB: number; totalMB: number; claimsSaved: number };
  reports: RemittanceReport[];
  error?: string;
  onFiles: (files: File[]) => void;
}

/** 835 remittance import: file picker or drag and drop, progress, and a report per file. */
export function RemittanceImport({ busy, progress, reports, error, onFiles }: RemittanceImportProps) {
  const [over, setOver] = useState(false);
  const pct = progress && progress.totalMB > 0 ? Math.round((progress.readMB / progress.totalMB) * 100) : 0;
  return (
    <section aria-labelledby="era-heading">
      <h2 id="era-heading">Import 835 remittances</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone is a convenience; the file input beside it is the keyboard path */}
      <div
        class={`dropzone${over ? ' over' : ''}`}
        data-testid="era-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const files = [...(e.dataTransfer?.files ?? [])];
          if (files.length) onFiles(files);
        }}
      >
        <p>Drop .835, .edi or .txt remittance files here, or</p>
        <label>
          choose files{' '}
          <input
            type="file"
            multiple
            accept=".835,.edi,.txt,.x12"
            data-testid="era-file"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const files = [...(input.files ?? [])];
              input.value = '';
              if (files.length) onFiles(files);
            }}
          />
        </label>
      </div>
      {busy && progress && (
        <p role="status">
          Importing: {progress.readMB} of {progress.totalMB} MB read,{' '}
          {progress.claimsSaved.toLocaleString('en-US')} {progress.claimsSaved === 1 ? 'claim' : 'claims'}{' '}
          saved
          <progress max={100} value={pct} aria-label="Import progress" />
        </p>
      )}
      {error && (
        <p class="notice notice-error" role="alert" data-testid="era-error">
          {error}
        </p>
      )}
      {reports.length > 0 && (
        <ul class="reports" data-testid="era-reports">
          {reports.map((r) => (
            <li key={r.fileName} class={r.ok ? 'notice' : 'notice notice-error'}>
              <strong>{r.fileName}</strong>:{' '}
              {r.ok
                ? `${r.claimCount} claim${r.claimCount === 1 ? '' : 's'} in ${r.transactionCount} payment${r.transactionCount === 1 ? '' : 's'} totalling ${formatCents(r.paymentCents)} imported.`
                : `not imported. ${r.error}`}
              {r.ok && r.unbalancedClaimCount > 0 && (
                <div>
                  {r.unbalancedClaimCount} claim{r.unbalancedClaimCount === 1 ? ' does' : 's do'} not balance;
                  each is flagged.
                </div>
              )}
              {r.warnings.length > 0 && (
                <details>
                  <summary>
                    {r.warnings.length} warning{r.warnings.length === 1 ? '' : 's'}
                  </summary>
                  <ul>
                    {r.warnings.slice(0, 50).map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
