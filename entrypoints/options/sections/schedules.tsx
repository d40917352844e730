import { liveQuery } from 'dexie';
import { useState } from 'preact/hooks';
import { type RowProblem, ScheduleImport, ScheduleTable } from '../../../components/ScheduleImport';
import { useSubscription } from '../../../components/use-subscription';
import sampleCsv from '../../../public/samples/fee-schedule.csv?raw';
import type { FeeSchedule, ScheduleRow } from '../../../rules/pricing/schedule';
import { parseFeeScheduleCsv } from '../../../storage/imports/fee-schedule-csv';
import { getCurrentPracticeId } from '../../../storage/practices';
import { saveActiveSchedule, schedulesInOrder } from '../../../storage/schedules';
import { sendMessage } from '../../../utils/messaging';
import { db } from '../env';

interface Pending {
  fileName: string;
  rows: ScheduleRow[];
  errors: RowProblem[];
  fatal?: string;
}

export function ScheduleSection() {
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const active = useSubscription<FeeSchedule | undefined>((next, fail) => {
    const sub = liveQuery(
      async () => (await schedulesInOrder(db, await getCurrentPracticeId(db)))[0],
    ).subscribe({
      next,
      error: fail,
    });
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
      const practiceId = await getCurrentPracticeId(db);
      await saveActiveSchedule(db, {
        id: `schedule-${practiceId ? `${practiceId}-` : ''}${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        name,
        practiceId,
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
    <section aria-label="Fee schedules">
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
      {active.value ? (
        <ScheduleTable name={active.value.name} rows={active.value.rows} />
      ) : (
        <p class="empty" data-testid="no-schedule">
          No fee schedule yet. Import one, or load the sample, to start checking payments.
        </p>
      )}
    </section>
  );
}
