import type { ClaimLine } from '../model';

/**
 * CARCs in group PR that are patient cost share and so part of the allowed amount (domain.md 6.6):
 * 1 deductible, 2 coinsurance, 3 copay, 66 blood deductible, 247/248 line/claim-level cost share.
 * PR-45 is the out-of-network excess the member may owe: it is never part of allowed.
 */
const PR_COST_SHARE = new Set(['1', '2', '3', '66', '247', '248']);
/** Post-allowance reductions that are not patient cost share (sequestration, late-filing penalty, prior payer). */
const POST_ALLOWANCE = new Set(['253', 'B4', '23']);

/** Both sets as bits per CARC, so an adjustment asks once: every line's every adjustment is read. */
const COST_SHARE_BIT = 1;
const POST_ALLOWANCE_BIT = 2;
const REASON_BITS = new Map<string, number>();
for (const r of PR_COST_SHARE) REASON_BITS.set(r, COST_SHARE_BIT);
for (const r of POST_ALLOWANCE) REASON_BITS.set(r, (REASON_BITS.get(r) ?? 0) | POST_ALLOWANCE_BIT);

export interface AllowedAmount {
  allowedCents: number;
  derived: boolean;
}

/** The allowed amount as shown, else paid + patient cost share + post-allowance reductions (domain.md 6.6). */
export function lineAllowed(line: ClaimLine): AllowedAmount {
  return { allowedCents: lineAllowedCents(line), derived: line.allowedCents === undefined };
}

/** `lineAllowed(line).allowedCents` without the object; derived exactly when `line.allowedCents` is absent. */
export function lineAllowedCents(line: ClaimLine): number {
  if (line.allowedCents !== undefined) return line.allowedCents;
  readLineMoney(line, scratch);
  return scratch.allowedCents;
}

/** Patient responsibility for a line: as shown, else the PR adjustments (PR-45 included: it is billed to the member). */
export function linePatientResponsibility(line: ClaimLine): number {
  if (line.patientResponsibilityCents !== undefined) return line.patientResponsibilityCents;
  readLineMoney(line, scratch);
  return scratch.patientResponsibilityCents;
}

/** A line's allowed amount and patient responsibility, as readLineMoney writes them. */
export interface LineMoney {
  allowedCents: number;
  patientResponsibilityCents: number;
}

/** What lineAllowedCents and linePatientResponsibility read from (synchronous, so one is enough). */
const scratch: LineMoney = { allowedCents: 0, patientResponsibilityCents: 0 };

/**
 * A line's allowed amount (as shown, else paid + patient cost share + post-allowance reductions) and
 * patient responsibility (as shown, else its PR adjustments, else the deductible, coinsurance and
 * copay shown), in one pass over its adjustments, written to `out`: scoring reads both for every
 * line, and a reused `out` makes no object per line. The one place these rules are written.
 */
export function readLineMoney(line: ClaimLine, out: LineMoney): void {
  let costShare = 0;
  let fromAdjustments = false;
  let pr = 0;
  let anyPr = false;
  const adjustments = line.adjustments;
  for (let k = 0; k < adjustments.length; k += 1) {
    const a = adjustments[k]!;
    // PR_COST_SHARE.has and POST_ALLOWANCE.has in one lookup.
    const bits = REASON_BITS.get(a.reason) ?? 0;
    if (a.group === 'PR') {
      pr += a.amountCents;
      anyPr = true;
      if (bits & COST_SHARE_BIT) {
        costShare += a.amountCents;
        fromAdjustments = true;
        continue;
      }
    }
    if (bits & POST_ALLOWANCE_BIT) costShare += a.amountCents;
  }
  const shown = (line.deductibleCents ?? 0) + (line.coinsuranceCents ?? 0) + (line.copayCents ?? 0);
  out.allowedCents =
    line.allowedCents !== undefined
      ? line.allowedCents
      : line.paidCents + (fromAdjustments ? costShare : costShare + shown);
  out.patientResponsibilityCents =
    line.patientResponsibilityCents !== undefined ? line.patientResponsibilityCents : anyPr ? pr : shown;
}
