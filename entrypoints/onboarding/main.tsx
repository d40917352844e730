import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type DefaultMethodChoice, Onboarding } from '../../components/Onboarding';
import { type RowProblem, ScheduleImport } from '../../components/ScheduleImport';
import { useSubscription } from '../../components/use-subscription';
import sampleCsv from '../../public/samples/fee-schedule.csv?raw';
import type { PolicySet } from '../../rules/pricing/policy';
import type { ScheduleRow } from '../../rules/pricing/schedule';
import { openDatabase } from '../../storage/db';
import { parseFeeScheduleCsv } from '../../storage/imports/fee-schedule-csv';
import { saveActiveSchedule, schedulesInOrder } from '../../storage/schedules';
import { getPolicies, setPolicies } from '../../storage/settings';
import { sendMessage } from '../../utils/messaging';
import '../../components/theme.css';
import './onboarding.css';

z.config({ jitless: true });
const db = openDatabase();

interface Pending {
  fileName: string;
  rows: ScheduleRow[];
  errors: RowProblem[];
  fatal?: string;
}

/** The default method as the simple choice shows it; anything richer reads as "fee schedule". */
function choiceOf(set: PolicySet): DefaultMethodChoice {
  const m = set.default.methods[0];
  if (m?.method === 'percent-of-medicare') return { method: m.method, percent: m.percent };
  if (m?.method === 'ucr') return { method: m.method, percentile: m.percentile };
  return { method: 'schedule' };
}

const LABEL: Record<DefaultMethodChoice['method'], string> = {
  schedule: 'the fee schedule',
  'percent-of-medicare': 'a percent of Medicare',
  ucr: 'a UCR percentile',
};

function App() {
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [importMessage, setImportMessage] = useState<{ text: string; error: boolean }>();
  const [policyMessage, setPolicyMessage] = useState<{ text: string; error: boolean }>();
  const state = useSubscription<{ schedule?: string; policies: PolicySet }>((next, fail) => {
    const sub = liveQuery(async () => ({
      schedule: (await schedulesInOrder(db))[0]?.name,
      policies: await getPolicies(db),
    })).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  const policy = useMemo(
    () => (state.value ? choiceOf(state.value.policies) : { method: 'schedule' as const }),
    [state.value?.policies],
  );

  const review = (fileName: string, text: string) => {
    setImportMessage(undefined);
    setPending({ fileName, ...parseFeeScheduleCsv(text) });
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
      // Claims read before onboarding finished are priced again; none is the usual case.
      await sendMessage('rescoreClaims', undefined).catch(() => undefined);
      setImportMessage({
        text: `Imported ${pending.rows.length} rows from ${pending.fileName}.`,
        error: false,
      });
      setPending(undefined);
    } catch (e) {
      setImportMessage({
        text: `The schedule was not saved: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`,
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const savePolicy = async (choice: DefaultMethodChoice) => {
    setBusy(true);
    try {
      const current = await getPolicies(db);
      await setPolicies(db, { ...current, default: { ...current.default, methods: [choice] } });
      await sendMessage('rescoreClaims', undefined).catch(() => undefined);
      const detail =
        choice.method === 'percent-of-medicare'
          ? ` (${choice.percent}%)`
          : choice.method === 'ucr'
            ? ` (${choice.percentile}th percentile)`
            : '';
      setPolicyMessage({
        text: `Saved: payments are priced by ${LABEL[choice.method]}${detail}.`,
        error: false,
      });
    } catch (e) {
      setPolicyMessage({
        text: `The policy was not saved: ${e instanceof Error ? e.message : String(e)}.`,
        error: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {state.error !== undefined && (
        <p class="notice notice-error" role="alert">
          The settings could not be read: {String(state.error)}
        </p>
      )}
      <Onboarding
        scheduleStep={
          <>
            {importMessage && (
              <p
                class={importMessage.error ? 'notice notice-error' : 'notice'}
                role={importMessage.error ? 'alert' : 'status'}
                data-testid="import-message"
              >
                {importMessage.text}
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
          </>
        }
        activeSchedule={state.value?.schedule}
        profileUrl={browser.runtime.getURL('/options.html#profile')}
        policy={policy}
        policyMessage={policyMessage}
        busy={busy}
        onSavePolicy={(c) => void savePolicy(c)}
        onDone={() => location.assign(browser.runtime.getURL('/dashboard.html'))}
      />
    </>
  );
}

render(<App />, document.getElementById('app')!);
