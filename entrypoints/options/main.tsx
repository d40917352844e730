import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { z } from 'zod';
import { RemittanceImport, type RemittanceReport } from '../../components/RemittanceImport';
import { type RowProblem, ScheduleImport, ScheduleTable } from '../../components/ScheduleImport';
import { useSubscription } from '../../components/use-subscription';
import sampleCsv from '../../public/samples/fee-schedule.csv?raw';
import '../../components/theme.css';
import type { FeeSchedule, ScheduleRow } from '../../rules/pricing/schedule';
import { openDatabase } from '../../storage/db';
import { describeStorageError } from '../../storage/errors';
import { importRemittances } from '../../storage/imports/era835';
import { parseFeeScheduleCsv } from '../../storage/imports/fee-schedule-csv';
import { saveActiveSchedule, schedulesInOrder } from '../../storage/schedules';
import { loadScorer } from '../../storage/scoring';
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
