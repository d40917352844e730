import { CATEGORY_LABEL, categorizeAdjustment } from './adjustments/categories';
import { addCalendarDays, daysBetween } from './deadlines/index';
import type { Claim, ClaimScore, DenialCategory, Flag, LineScore } from './model';
import { lineAllowed, linePatientResponsibility } from './pricing/allowed';
import { type PricingContext, priceClaimLines } from './pricing/index';
import { type PolicySet, resolvePolicy, toleranceCents } from './pricing/policy';

export interface ScoringContext {
  /** The date the score is computed for; deadlines and urgency count from it. No clock is read. */
  asOf: string;
  policies: PolicySet;
  pricing: PricingContext;
}

function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  return `${sign}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function lineCategories(claim: Claim, lineIndex: number): DenialCategory[] {
  const line = claim.lines[lineIndex]!;
  const out = new Set<DenialCategory>();
  for (const a of line.adjustments) out.add(categorizeAdjustment(a));
  return [...out];
}

/** The denial reason worth naming: the first category that is neither contractual nor cost share. */
function denialCategory(categories: DenialCategory[]): DenialCategory | undefined {
  return categories.find((c) => c !== 'contractual' && c !== 'patient-cost-share');
}

const URGENT_WINDOW_DAYS = 30;

/**
 * Scores every line of a claim: expected allowed from the payer's policy, shortfall beyond tolerance,
 * denials by category, deadlines and a priority for the worklist. Pure: same inputs, same output.
 */
export function scoreClaim(claim: Claim, ctx: ScoringContext): ClaimScore {
  const policy = resolvePolicy(ctx.policies, claim.payerName, claim.payerId);
  const prices = priceClaimLines(claim, policy.methods, ctx.pricing);
  const lines: LineScore[] = [];
  const claimCategories = new Set<DenialCategory>();
  let allowedTotal = 0;
  let expectedTotal = 0;
  let shortfallTotal = 0;
  let prTotal = 0;
  let flagged = 0;

  claim.lines.forEach((line, i) => {
    const price = prices[i]!;
    const { allowedCents, derived } = lineAllowed(line);
    const categories = lineCategories(claim, i);
    for (const c of categories) claimCategories.add(c);
    const flags: Flag[] = [];
    let shortfallCents = 0;
    const denied = line.paidCents === 0 && allowedCents === 0 && line.billedCents > 0;

    if (denied) {
      const cat = denialCategory(categories);
      flags.push({ kind: 'denied', message: `Denied${cat ? `: ${CATEGORY_LABEL[cat].toLowerCase()}` : ''}` });
    }
    if (price.ok) {
      const gap = price.expectedCents - allowedCents;
      if (gap > toleranceCents(policy.tolerance, price.expectedCents)) {
        shortfallCents = gap;
        if (!denied) {
          flags.push({
            kind: 'underpaid',
            message: `Allowed ${dollars(allowedCents)} is ${dollars(gap)} below the expected ${dollars(price.expectedCents)}`,
          });
        }
      }
      expectedTotal += price.expectedCents;
    } else {
      flags.push({ kind: 'no-benchmark', message: `No benchmark prices this line: ${price.reasons.join('; ')}` });
    }
    if (flags.some((f) => f.kind === 'underpaid' || f.kind === 'denied')) flagged += 1;
    allowedTotal += allowedCents;
    shortfallTotal += shortfallCents;
    prTotal += linePatientResponsibility(line);
    lines.push({
      lineNumber: line.lineNumber,
      allowedCents,
      allowedDerived: derived,
      expectedCents: price.ok ? price.expectedCents : null,
      expectedBasis: price.ok ? price.basis : null,
      shortfallCents,
      categories,
      flags,
    });
  });

  const flags: Flag[] = [];
  if (flagged > 0 && shortfallTotal > 0) {
    flags.push({
      kind: 'underpaid',
      message: `Underpaid ${dollars(shortfallTotal)} on ${flagged} line${flagged === 1 ? '' : 's'}`,
    });
  }
  if (claim.status === 'denied') {
    const cat = denialCategory([...claimCategories]);
    flags.push({ kind: 'denied', message: `Denied${cat ? `: ${CATEGORY_LABEL[cat].toLowerCase()}` : ''}` });
  }
  for (const e of claim.balanceErrors ?? []) flags.push({ kind: 'imbalance', message: e });

  const deadlines: ClaimScore['deadlines'] = {};
  if (claim.paidDate && policy.appealWindowDays) {
    deadlines.appealBy = addCalendarDays(claim.paidDate, policy.appealWindowDays);
    deadlines.appealBasis = `${policy.appealWindowDays} days from the remittance date (${policy.matched} policy)`;
  }

  const daysLeft = deadlines.appealBy ? daysBetween(ctx.asOf, deadlines.appealBy) : undefined;
  const urgency = daysLeft === undefined ? 1 : daysLeft < 0 ? 0.25 : daysLeft <= URGENT_WINDOW_DAYS ? 2 : 1;
  return {
    asOf: ctx.asOf,
    totals: {
      billedCents: claim.billedCents,
      allowedCents: claim.lines.length ? allowedTotal : (claim.allowedCents ?? 0),
      paidCents: claim.paidCents,
      patientResponsibilityCents: claim.patientResponsibilityCents ?? prTotal,
      expectedCents: expectedTotal,
      shortfallCents: shortfallTotal,
    },
    lines,
    flags,
    categories: [...claimCategories],
    deadlines,
    nsa: false,
    priority: (shortfallTotal / 100) * urgency,
    flaggedLineCount: flagged,
  };
}
