import { liveQuery } from 'dexie';
import { ChargeReview } from '../../../components/ChargeReview';
import { DenialPatterns } from '../../../components/DenialPatterns';
import { useSubscription } from '../../../components/use-subscription';
import { chargeReviewCsv, type ChargeReview as Review, reviewCharges } from '../../../rules/charges/index';
import { type DenialPattern, findDenialPatterns } from '../../../rules/patterns/index';
import { audit } from '../../../storage/audit';
import { loadMedicare, loadUcr } from '../../../storage/benchmarks';
import { schedulesInOrder } from '../../../storage/schedules';
import { getPracticeDefaults } from '../../../storage/settings';
import { db, localDate } from '../env';

interface State {
  scheduleName: string | undefined;
  review: Review;
  patterns: DenialPattern[];
}

/** The active schedule against the loaded benchmarks and the stored claims (issue 9 items 1 and 3). */
async function chargeReviewState(): Promise<State> {
  const [schedules, medicare, ucr, defaults, records] = await Promise.all([
    schedulesInOrder(db),
    loadMedicare(db),
    loadUcr(db),
    getPracticeDefaults(db),
    db.claims.toArray(),
  ]);
  const claims = records.map((r) => r.claim);
  const schedule = schedules[0];
  const review: Review = schedule
    ? reviewCharges({
        schedule,
        claims,
        medicare,
        locality: defaults.locality,
        ucr,
        region: defaults.region,
        asOf: localDate(),
      })
    : { rows: [], notes: [] };
  return { scheduleName: schedule?.name, review, patterns: findDenialPatterns(claims) };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ChargeReviewSection() {
  const state = useSubscription<State>((next, fail) => {
    const sub = liveQuery(chargeReviewState).subscribe({ next, error: fail });
    return () => sub.unsubscribe();
  }, []);
  const value = state.value;
  return (
    <section aria-labelledby="charge-review-heading">
      <h2 id="charge-review-heading">Charge review</h2>
      <p class="muted">
        Each charge as a payer reviewer sees it: its ratio to Medicare for the practice locality and its rank
        among the loaded UCR percentiles. Charges far above the high percentiles look arbitrary; charges below
        what payers already allow leave money on the table.
      </p>
      {state.error !== undefined && (
        <p class="notice notice-error" role="alert">
          The charge review could not be built: {String(state.error)}
        </p>
      )}
      {value && (
        <ChargeReview
          scheduleName={value.scheduleName}
          rows={value.review.rows}
          notes={value.review.notes}
          onExportCsv={() => {
            download('charge-review.csv', chargeReviewCsv(value.review.rows));
            void audit(db, 'export', `charge review CSV, ${value.review.rows.length} codes`);
          }}
        />
      )}
      <h3>Denial patterns</h3>
      <p class="muted">
        The same denial from the same payer on the same codes, again and again: fix the cause upstream instead
        of appealing each claim.
      </p>
      {value && <DenialPatterns patterns={value.patterns} />}
    </section>
  );
}
