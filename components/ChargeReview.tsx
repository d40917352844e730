import type { ChargeReviewRow } from '../rules/charges/index';
import { formatCents } from './format';

export interface ChargeReviewProps {
  scheduleName: string | undefined;
  rows: ChargeReviewRow[];
  /** What was missing (no Medicare, no locality, no UCR) or left out. */
  notes: string[];
  onExportCsv: () => void;
}

const FLAG_LABEL: Record<string, string> = {
  'not-defensible': 'Not defensible',
  'below-allowed': 'Below what payers allow',
  'no-charge': 'No charge',
};

function codeText(r: ChargeReviewRow): string {
  return r.modifier ? `${r.code}-${r.modifier}` : r.code;
}

/** The practice's charges as a payer reviewer sees them: ratio to Medicare, UCR rank, flags, by impact. */
export function ChargeReview({ scheduleName, rows, notes, onExportCsv }: ChargeReviewProps) {
  const flagged = rows.filter((r) => r.flags.length > 0).length;
  return (
    <div class="charge-review">
      <p class="muted" data-testid="charge-review-summary">
        {scheduleName
          ? `${scheduleName}: ${rows.length} codes reviewed, ${flagged} flagged. Sorted by impact (cents × volume on stored claims).`
          : 'No fee schedule yet: import the practice charge schedule above to review it.'}
      </p>
      {notes.length > 0 && (
        <ul class="muted" data-testid="charge-review-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <>
          <p>
            <button type="button" class="secondary" data-testid="charge-review-csv" onClick={onExportCsv}>
              Export charge review CSV
            </button>
          </p>
          <table class="lines" data-testid="charge-review-table">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col" class="num">
                  Charge
                </th>
                <th scope="col" class="num">
                  Medicare
                </th>
                <th scope="col" class="num">
                  % of Medicare
                </th>
                <th scope="col">UCR rank</th>
                <th scope="col" class="num">
                  Median allowed
                </th>
                <th scope="col" class="num">
                  Units
                </th>
                <th scope="col" class="num">
                  Impact
                </th>
                <th scope="col">Flags and evidence</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={codeText(r)} data-code={codeText(r)} class={r.flags.length ? 'flagged' : undefined}>
                  <td data-col="code" title={r.description ?? undefined}>
                    {codeText(r)}
                  </td>
                  <td class="num" data-col="charge">
                    {formatCents(r.chargeCents)}
                  </td>
                  <td class="num" data-col="medicare" title={r.medicareBasis ?? undefined}>
                    {formatCents(r.medicareCents)}
                  </td>
                  <td class="num" data-col="ratio">
                    {r.percentOfMedicare === null ? '—' : `${r.percentOfMedicare}%`}
                  </td>
                  <td data-col="ucr">{r.ucrRankText ?? '—'}</td>
                  <td class="num" data-col="allowed">
                    {formatCents(r.medianAllowedCents)}
                  </td>
                  <td class="num">{r.volumeUnits}</td>
                  <td class="num" data-col="impact">
                    {formatCents(r.impactCents)}
                  </td>
                  <td data-col="why">
                    {r.flags.map((f) => (
                      <div key={f.kind} class={`flag flag-${f.kind}`}>
                        <strong>{FLAG_LABEL[f.kind] ?? f.kind}:</strong> {f.message}
                      </div>
                    ))}
                    <div class="basis">{r.evidence}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
