import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { z } from 'zod';
import { BenchmarkSettings, type BenchmarkStatus } from '../../components/BenchmarkSettings';
import { RemittanceImport, type RemittanceReport } from '../../components/RemittanceImport';
import { type RowProblem, ScheduleImport, ScheduleTable } from '../../components/ScheduleImport';
import { useSubscription } from '../../components/use-subscription';
import sampleCsv from '../../public/samples/fee-schedule.csv?raw';
import '../../components/theme.css';
import { PolicySetSchema } from '../../rules/pricing/policy';
import type { FeeSchedule, ScheduleRow } from '../../rules/pricing/schedule';
import { saveBenchmark } from '../../storage/benchmarks';
import { openDatabase } from '../../storage/db';
import { describeStorageError } from '../../storage/errors';
import { parseGpciCsv, parsePprrvuCsv } from '../../storage/imports/cms-pfs';
import { importRemittances } from '../../storage/imports/era835';
import { parseFeeScheduleCsv } from '../../storage/imports/fee-schedule-csv';
import { parseUcrCsv } from '../../storage/imports/ucr-csv';
import { saveActiveSchedule, schedulesInOrder } from '../../storage/schedules';
import { loadScorer } from '../../storage/scoring';
import { getPolicies, getPracticeDefaults, setPolicies, setPracticeDefaults } from '../../storage/settings';
import { sendMessage } from '../../utils/messaging';

z.config({ jitless: true });
const db = openDatabase();

interface Pending {
  fileName: string;
  rows: ScheduleRow[];
  errors: RowProblem[];
  fatal?: string;
}

function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function RemittanceSection() {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: 'reading' | 'saving'; done: number; total: number }>();
  const [reports, setReports] = useState<RemittanceReport[]>([]);
  const [error, setError] = useState<string>();
  const onFiles = async (files: File[]) => {
    setBusy(true);
    setError(undefined);
    setReports([]);
    try {
      const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const scorer = await loadScorer(db, localDate());
      const result = await importRemittances(
        db,
        texts,
        scorer,
        new Date().toISOString(),
        (phase, done, total) => setProgress({ phase, done, total }),
      );
      setReports(result);
    } catch (e) {
      setError(describeStorageError(e));
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };
  return (
    <RemittanceImport
      busy={busy}
      progress={progress}
      reports={reports}
      error={error}
      onFiles={(f) => void onFiles(f)}
    />
  );
}

async function benchmarkState() {
  const [medicare, ucr, defaults, policies] = await Promise.all([
    db.benchmarks.get('medicare'),
    db.benchmarks.get('ucr'),
    getPracticeDefaults(db),
    getPolicies(db),
  ]);
  const status: BenchmarkStatus = {};
  if (medicare?.id === 'medicare') {
    const codes = new Set(medicare.rvus.map((r) => r.hcpcs)).size;
    status.medicare = {
      year: medicare.year,
      codes,
      localities: medicare.localities.length,
      importedAt: medicare.importedAt,
    };
  }
  if (ucr?.id === 'ucr') {
    status.ucr = {
      name: ucr.table.name,
      rows: ucr.table.rows.length,
      percentiles: ucr.table.percentiles,
      importedAt: ucr.importedAt,
    };
  }
  return { status, defaults, policyJson: JSON.stringify(policies, null, 2) };
}

function BenchmarkSection() {
  const state = useSubscription<Awaited<ReturnType<typeof benchmarkState>>>((next, fail) => {
    const sub = liveQuery(benchmarkState).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const act = async (fn: () => Promise<string>) => {
    setBusy(true);
    try {
      const text = await fn();
      const rescored = await sendMessage('rescoreClaims', undefined);
      setMessage({ text: `${text} ${rescored.count} stored claims re-scored.`, error: false });
    } catch (e) {
      setMessage({ text: e instanceof UserError ? e.message : describeStorageError(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <BenchmarkSettings
      status={state.value?.status ?? {}}
      locality={state.value?.defaults.locality ?? ''}
      region={state.value?.defaults.region ?? ''}
      policyJson={state.value?.policyJson ?? ''}
      busy={busy}
      message={message}
      onImportMedicare={(rvuFile, gpciFile) =>
        void act(async () => {
          const rvu = parsePprrvuCsv(await rvuFile.text());
          const gpci = parseGpciCsv(await gpciFile.text());
          if (rvu.rows.length === 0)
            throw new UserError(
              `${rvuFile.name}: no RVU rows could be read. ${rvu.errors[0]?.message ?? ''}`,
            );
          if (gpci.rows.length === 0)
            throw new UserError(
              `${gpciFile.name}: no GPCI rows could be read. ${gpci.errors[0]?.message ?? ''}`,
            );
          const year = rvu.year ?? gpci.year;
          if (!year)
            throw new UserError(
              `${rvuFile.name}: the fee schedule year could not be found in the file title.`,
            );
          await saveBenchmark(db, {
            id: 'medicare',
            year,
            ...(rvu.conversionFactor ? { conversionFactor: rvu.conversionFactor } : {}),
            rvus: rvu.rows,
            localities: gpci.rows,
            importedAt: new Date().toISOString(),
          });
          const skipped = rvu.errors.length + gpci.errors.length;
          return `Loaded the ${year} Medicare fee schedule: ${rvu.rows.length} RVU rows, ${gpci.rows.length} localities${skipped ? ` (${skipped} unreadable rows skipped; first: line ${(rvu.errors[0] ?? gpci.errors[0])?.line}: ${(rvu.errors[0] ?? gpci.errors[0])?.message})` : ''}.`;
        })
      }
      onImportUcr={(file) =>
        void act(async () => {
          const u = parseUcrCsv(await file.text());
          if (u.rows.length === 0)
            throw new UserError(`${file.name}: no UCR rows could be read. ${u.errors[0]?.message ?? ''}`);
          const name = file.name.replace(/\.csv$/i, '');
          await saveBenchmark(db, {
            id: 'ucr',
            table: { name, percentiles: u.percentiles, rows: u.rows },
            importedAt: new Date().toISOString(),
          });
          return `Loaded UCR table ${name}: ${u.rows.length} rows${u.errors.length ? `, ${u.errors.length} unreadable rows skipped` : ''}.`;
        })
      }
      onSaveDefaults={(locality, region) =>
        void act(async () => {
          await setPracticeDefaults(db, { ...(locality ? { locality } : {}), ...(region ? { region } : {}) });
          return 'Saved the practice location.';
        })
      }
      onSavePolicies={(json) =>
        void act(async () => {
          let raw: unknown;
          try {
            raw = JSON.parse(json);
          } catch (e) {
            throw new UserError(
              `The policies are not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
            );
          }
          const parsed = PolicySetSchema.safeParse(raw);
          if (!parsed.success) {
            throw new UserError(
              `The policies were not saved: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'policies'}: ${i.message}`).join('; ')}`,
            );
          }
          await setPolicies(db, parsed.data);
          return 'Saved the payer policies.';
        })
      }
    />
  );
}

class UserError extends Error {}

function App() {
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const active = useSubscription<FeeSchedule | undefined>((next, fail) => {
    const sub = liveQuery(() => schedulesInOrder(db).then((s) => s[0])).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);

  const review = (fileName: string, text: string) => {
    const parsed = parseFeeScheduleCsv(text);
    setMessage(undefined);
    setPending({ fileName, ...parsed });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const name = pending.fileName.replace(/\.csv$/i, '');
      await saveActiveSchedule(db, {
        id: `schedule-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        name,
        practiceId: '',
        rows: pending.rows,
        importedAt: new Date().toISOString(),
      });
      const rescored = await sendMessage('rescoreClaims', undefined);
      setMessage(
        `Imported ${pending.rows.length} rows from ${pending.fileName}. ${rescored.count} stored claims re-scored.`,
      );
      setPending(undefined);
    } catch (e) {
      setMessage(
        `The schedule was not saved: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>OON Guard settings</h1>
      <p class="muted">Everything here stays in this browser profile. Nothing is uploaded.</p>
      {message && (
        <p class="notice" role="status" data-testid="import-message">
          {message}
        </p>
      )}
      <ScheduleImport
        fileName={pending?.fileName}
        rows={pending?.rows ?? []}
        errors={pending?.errors ?? []}
        fatal={pending?.fatal}
        busy={busy}
        onFile={(f) => void f.text().then((t) => review(f.name, t))}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(undefined)}
        onLoadSample={() => review('sample-fee-schedule.csv', sampleCsv)}
      />
      <RemittanceSection />
      <BenchmarkSection />
      {active.value ? (
        <ScheduleTable name={active.value.name} rows={active.value.rows} />
      ) : (
        <p class="empty" data-testid="no-schedule">
          No fee schedule yet. Import one, or load the sample, to start checking payments.
        </p>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
