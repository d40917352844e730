import { useEffect, useState } from 'preact/hooks';

export interface BenchmarkStatus {
  medicare?: { year: number; codes: number; localities: number; importedAt: string };
  ucr?: { name: string; rows: number; percentiles: number[]; importedAt: string };
}

export interface BenchmarkSettingsProps {
  status: BenchmarkStatus;
  locality: string;
  region: string;
  policyJson: string;
  busy: boolean;
  /** Messages to show after an action: errors are role=alert. */
  message?: { text: string; error: boolean };
  onImportMedicare: (rvu: File, gpci: File) => void;
  onImportUcr: (file: File) => void;
  onSaveDefaults: (locality: string, region: string) => void;
  onSavePolicies: (json: string) => void;
}

function fileFrom(e: Event): File | undefined {
  return (e.currentTarget as HTMLInputElement).files?.[0];
}

/** Medicare PFS files, UCR tables, the practice's locality and region, and the payer policies. */
export function BenchmarkSettings(p: BenchmarkSettingsProps) {
  const [rvu, setRvu] = useState<File>();
  const [gpci, setGpci] = useState<File>();
  const [locality, setLocality] = useState(p.locality);
  const [region, setRegion] = useState(p.region);
  const [policy, setPolicy] = useState(p.policyJson);
  useEffect(() => setLocality(p.locality), [p.locality]);
  useEffect(() => setRegion(p.region), [p.region]);
  useEffect(() => setPolicy(p.policyJson), [p.policyJson]);
  return (
    <section aria-labelledby="bench-heading">
      <h2 id="bench-heading">Benchmarks and payer policies</h2>
      {p.message && (
        <p
          class={p.message.error ? 'notice notice-error' : 'notice'}
          role={p.message.error ? 'alert' : 'status'}
          data-testid="bench-message"
        >
          {p.message.text}
        </p>
      )}
      <h3>Medicare Physician Fee Schedule (CMS files)</h3>
      <p class="muted" data-testid="medicare-status">
        {p.status.medicare
          ? `${p.status.medicare.year} fee schedule loaded: ${p.status.medicare.codes} codes, ${p.status.medicare.localities} localities.`
          : 'Not loaded. Import the PPRRVU and GPCI CSV files from the CMS RVU zip.'}
      </p>
      <div class="row">
        <label>
          PPRRVU CSV{' '}
          <input type="file" accept=".csv" data-testid="rvu-file" onChange={(e) => setRvu(fileFrom(e))} />
        </label>
        <label>
          GPCI CSV{' '}
          <input type="file" accept=".csv" data-testid="gpci-file" onChange={(e) => setGpci(fileFrom(e))} />
        </label>
        <button
          type="button"
          disabled={!rvu || !gpci || p.busy}
          onClick={() => rvu && gpci && p.onImportMedicare(rvu, gpci)}
        >
          Import Medicare files
        </button>
      </div>
      <h3>UCR percentiles</h3>
      <p class="muted" data-testid="ucr-status">
        {p.status.ucr
          ? `${p.status.ucr.name}: ${p.status.ucr.rows} rows, percentiles ${p.status.ucr.percentiles.join(', ')}.`
          : 'Not loaded. A CSV with code, modifier, region or geozip, then one column per percentile.'}
      </p>
      <label>
        UCR CSV{' '}
        <input
          type="file"
          accept=".csv"
          data-testid="ucr-file"
          onChange={(e) => {
            const f = fileFrom(e);
            if (f) p.onImportUcr(f);
          }}
        />
      </label>
      <h3>Practice location</h3>
      <div class="row">
        <label>
          Medicare locality{' '}
          <input
            value={locality}
            placeholder="01182-18 or LOS ANGELES"
            onInput={(e) => setLocality(e.currentTarget.value)}
          />
        </label>
        <label>
          UCR region or geozip{' '}
          <input value={region} placeholder="100" onInput={(e) => setRegion(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          class="secondary"
          onClick={() => p.onSaveDefaults(locality.trim(), region.trim())}
        >
          Save location
        </button>
      </div>
      <h3>Payer policies</h3>
      <p class="muted">
        How each payer's lines are priced: the first method that prices a line wins. Methods: schedule,
        percent-of-medicare, ucr, percent-of-billed, history.
      </p>
      <label>
        Policies (JSON)
        <textarea
          rows={12}
          style={{ width: '100%', fontFamily: 'ui-monospace, monospace' }}
          value={policy}
          data-testid="policy-json"
          onInput={(e) => setPolicy(e.currentTarget.value)}
        />
      </label>
      <p>
        <button type="button" onClick={() => p.onSavePolicies(policy)} disabled={p.busy}>
          Save policies and re-score
        </button>
      </p>
    </section>
  );
}
