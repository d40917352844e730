import type { ClaimStatus } from '../model';

/** CLP02 claim status codes (domain.md 6.2), in the TR3's words. */
const CLP02_TEXT: Readonly<Record<string, string>> = {
  '1': 'Processed as primary',
  '2': 'Processed as secondary',
  '3': 'Processed as tertiary',
  '4': 'Denied',
  '19': 'Processed as primary, forwarded to additional payer(s)',
  '20': 'Processed as secondary, forwarded to additional payer(s)',
  '21': 'Processed as tertiary, forwarded to additional payer(s)',
  '22': 'Reversal of previous payment',
  '23': 'Not our claim, forwarded to additional payer(s)',
  '25': 'Predetermination pricing only - no payment',
};

/** CLP02 1, 2, 3, 19, 20, 21: processed (as primary, secondary, tertiary; forwarded or not). */
function isProcessed(code: string): boolean {
  switch (code) {
    case '1':
    case '2':
    case '3':
    case '19':
    case '20':
    case '21':
      return true;
    default:
      return false;
  }
}

/**
 * Our reading of CLP02 plus the money. Kept deliberately simple; the scorer looks at the lines:
 * - 22 → reversed; 4 → denied; 23 (not our claim) → denied, this payer will not pay it.
 * - processed (1, 2, 3, 19-21): paid ≠ 0 → paid. Paid 0 with patient responsibility > 0 → paid too:
 *   the claim was allowed and went to deductible/coinsurance, which is not a denial a biller appeals.
 *   Paid 0 and nothing to the patient → denied.
 * - 'partial' is never produced here: whether a payment is short is the scorer's question
 *   (expected vs allowed), not something CLP02 says.
 * - 25 (predetermination) and unknown codes → unknown.
 */
export function claimStatusFor(
  code: string,
  paidCents: number,
  patientResponsibilityCents: number | undefined,
): { status: ClaimStatus; text: string | undefined } {
  return { status: claimStatusOf(code, paidCents, patientResponsibilityCents), text: claimStatusText(code) };
}

/** `claimStatusFor(...).status`, without the pair object (the 835 reader's per-claim path). */
export function claimStatusOf(
  code: string,
  paidCents: number,
  patientResponsibilityCents: number | undefined,
): ClaimStatus {
  if (code === '22') return 'reversed';
  if (code === '4' || code === '23') return 'denied';
  if (isProcessed(code)) {
    if (paidCents !== 0 || (patientResponsibilityCents ?? 0) > 0) return 'paid';
    return 'denied';
  }
  return 'unknown';
}

/** `claimStatusFor(...).text`: the TR3's words for a CLP02 code. */
export function claimStatusText(code: string): string | undefined {
  return CLP02_TEXT[code];
}
