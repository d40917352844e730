import type { ClaimLine } from '../model';

/**
 * CARCs in group PR that are patient cost share and so part of the allowed amount (domain.md 6.6):
 * 1 deductible, 2 coinsurance, 3 copay, 66 blood deductible, 247/248 line/claim-level cost share.
 * PR-45 is the out-of-network excess the member may owe: it is never part of allowed.
 */
const PR_COST_SHARE = new Set(['1', '2', '3', '66', '247', '248']);
/** Post-allowance reductions that are not patient cost share (sequestration, late-filing penalty, prior payer). */
const POST_ALLOWANCE = new Set(['253', 'B4', '23']);

export interface AllowedAmount {
  allowedCents: number;
  derived: boolean;
}

/** The allowed amount as shown, else paid + patient cost share + post-allowance reductions (domain.md 6.6). */
export function lineAllowed(line: ClaimLine): AllowedAmount {
  if (line.allowedCents !== undefined) return { allowedCents: line.allowedCents, derived: false };
  return { allowedCents: derivedAllowedCents(line), derived: true };
}

/** `lineAllowed(line).allowedCents` without the object; derived exactly when `line.allowedCents` is absent. */
export function lineAllowedCents(line: ClaimLine): number {
  return line.allowedCents !== undefined ? line.allowedCents : derivedAllowedCents(line);
}

function derivedAllowedCents(line: ClaimLine): number {
  let costShare = 0;
  let fromAdjustments = false;
  for (const a of line.adjustments) {
    if (a.group === 'PR' && PR_COST_SHARE.has(a.reason)) {
      costShare += a.amountCents;
      fromAdjustments = true;
    } else if (POST_ALLOWANCE.has(a.reason)) costShare += a.amountCents;
  }
  if (!fromAdjustments) {
    costShare += (line.deductibleCents ?? 0) + (line.coinsuranceCents ?? 0) + (line.copayCents ?? 0);
  }
  return line.paidCents + costShare;
}

/** Patient responsibility for a line: as shown, else the PR adjustments (PR-45 included: it is billed to the member). */
export function linePatientResponsibility(line: ClaimLine): number {
  if (line.patientResponsibilityCents !== undefined) return line.patientResponsibilityCents;
  let pr = 0;
  let any = false;
  for (const a of line.adjustments) {
    if (a.group === 'PR') {
      pr += a.amountCents;
      any = true;
    }
  }
  if (any) return pr;
  return (line.deductibleCents ?? 0) + (line.coinsuranceCents ?? 0) + (line.copayCents ?? 0);
}

/** A line's allowed amount and patient responsibility, as readLineMoney writes them. */
export interface LineMoney {
  allowedCents: number;
  patientResponsibilityCents: number;
}

/**
 * `lineAllowedCents(line)` and `linePatientResponsibility(line)` in one pass over the line's adjustments,
 * written to `out` (scoring reads both for every line; a reused `out` makes no object per line).
 */
export function readLineMoney(line: ClaimLine, out: LineMoney): void {
  let costShare = 0;
  let fromAdjustments = false;
  let pr = 0;
  let anyPr = false;
  for (const a of line.adjustments) {
    if (a.group === 'PR') {
      pr += a.amountCents;
      anyPr = true;
      if (PR_COST_SHARE.has(a.reason)) {
        costShare += a.amountCents;
        fromAdjustments = true;
        continue;
      }
    }
    if (POST_ALLOWANCE.has(a.reason)) costShare += a.amountCents;
  }
  const shown = (line.deductibleCents ?? 0) + (line.coinsuranceCents ?? 0) + (line.copayCents ?? 0);
  out.allowedCents =
    line.allowedCents !== undefined
      ? line.allowedCents
      : line.paidCents + (fromAdjustments ? costShare : costShare + shown);
  out.patientResponsibilityCents =
    line.patientResponsibilityCents !== undefined ? line.patientResponsibilityCents : anyPr ? pr : shown;
}
