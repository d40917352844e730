import { liveQuery } from 'dexie';
import { useState } from 'preact/hooks';
import { BenchmarkSettings, type BenchmarkStatus } from '../../../components/BenchmarkSettings';
import { useSubscription } from '../../../components/use-subscription';
import { PolicySetSchema } from '../../../rules/pricing/policy';
import { medicareCodeCount, medicareRecord, saveBenchmark } from '../../../storage/benchmarks';
import { describeStorageError } from '../../../storage/errors';
import { parseGpciCsv, parsePprrvuCsv } from '../../../storage/imports/cms-pfs';
import { parseUcrCsv } from '../../../storage/imports/ucr-csv';
import { getCurrentPracticeId } from '../../../storage/practices';
import {
  getPolicies,
  getPracticeDefaults,
  setPolicies,
  setPracticeDefaults,
} from '../../../storage/settings';
import { sendMessage } from '../../../utils/messaging';
import { db, UserError } from '../env';

async function benchmarkState() {
  const [medicare, ucr, defaults, policies] = await Promise.all([
    db.benchmarks.get('medicare'),
    db.benchmarks.get('ucr'),
    getCurrentPracticeId(db).then((id) => getPracticeDefaults(db, id)),
    getCurrentPracticeId(db).then((id) => getPolicies(db, id)),
  ]);
  const status: BenchmarkStatus = {};
  if (medicare?.id === 'medicare') {
    status.medicare = {
      year: medicare.year,
      codes: medicareCodeCount(medicare),
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

export function BenchmarkSection() {
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
          await saveBenchmark(
            db,
            medicareRecord({
              year,
              ...(rvu.conversionFactor ? { conversionFactor: rvu.conversionFactor } : {}),
              rvus: rvu.rows,
              localities: gpci.rows,
              importedAt: new Date().toISOString(),
            }),
            rvu.rows,
          );
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
          await setPracticeDefaults(
            db,
            { ...(locality ? { locality } : {}), ...(region ? { region } : {}) },
            await getCurrentPracticeId(db),
          );
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
          await setPolicies(db, parsed.data, await getCurrentPracticeId(db));
          return 'Saved the payer policies.';
        })
      }
    />
  );
}
