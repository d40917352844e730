import { CATEGORY_LABEL, categorizeAdjustment, categorizeRemark } from '../adjustments/index';
import type { Claim, ClaimLine, DenialCategory } from '../model';

/**
 * Denial patterns: the same denial category from the same payer on the same codes, again and again
 * (domain.md 4.2 CARC categories). One appeal per claim treats the symptom; the pattern names the root
 * cause to fix upstream (front desk, authorization, coding, enrollment). Pure: stored claims in.
 */

export interface DenialPatternOptions {
  /** Denied claims with the same payer and category before it is a pattern. */
  minClaims: number;
}

export const DEFAULT_DENIAL_PATTERN_OPTIONS: DenialPatternOptions = { minClaims: 2 };

export interface DenialPatternCode {
  code: string;
  deniedLines: number;
  /** Lines with this code from this payer over all stored claims, denied or not. */
  totalLines: number;
}

export interface DenialPattern {
  payerName: string;
  category: DenialCategory;
  label: string;
  codes: DenialPatternCode[];
  claimCount: number;
  lineCount: number;
  /** Billed on the denied lines. */
  deniedCents: number;
  /** CARC and RARC codes seen on the denied lines, sorted. */
  reasons: string[];
  firstServiceDate: string | null;
  lastServiceDate: string | null;
  claimNumbers: string[];
  /** "every 73721 claim from ACME HEALTH PLAN (3 of 3) was denied for authorization". */
  summary: string;
  /** What to change upstream so the next claim is not denied. */
  rootCause: string;
}

/** Upstream fixes by category: where in the practice the denial starts. */
const ROOT_CAUSE: Readonly<Record<DenialCategory, string>> = {
  authorization:
    'Get prior authorization for these codes from this payer before scheduling: add them to the front desk authorization checklist and record the number on the claim.',
  'medical-necessity':
    "Check the payer's clinical policy for these codes before the service: diagnosis codes, documentation and frequency limits.",
  'timely-filing':
    "File within this payer's window: watch the unbilled and rejected-claim queues and keep the 277CA/999 acceptance reports.",
  bundling:
    'Fix the coding: review the NCCI edits and modifiers for these code pairs before the claim goes out.',
  'coordination-of-benefits':
    'Update other coverage at registration and bill the primary payer first for these patients.',
  'missing-information':
    'Fix the claim form or practice setup the remark codes point to (NPI, taxonomy, referring provider, attachments) so every claim carries it.',
  'non-covered':
    'Verify benefits for these codes at scheduling and get the patient’s written agreement to pay when the plan excludes them.',
  duplicate:
    'Stop resubmitting: send corrections as corrected claims (frequency code 7) and follow up on the original instead.',
  network:
    'Check network status and the out-of-network benefit at scheduling; route emergencies and in-network-facility cases to No Surprises Act handling.',
  contractual:
    'Review the payer’s pricing with the charge review and appeal the methodology, not each claim.',
  'patient-cost-share': 'Collect cost share at the time of service.',
  'no-surprises-act': 'Use open negotiation and IDR for these claims, not plan appeals.',
  other: 'Read the CARC and RARC text on these claims and ask the payer’s provider services what they need.',
};

/** Categories that say how money moved, not why a line was denied (as scoreClaim). */
const NOT_A_DENIAL_REASON = new Set<DenialCategory>([
  'contractual',
  'patient-cost-share',
  'no-surprises-act',
  'other',
]);

function lineCategory(line: ClaimLine): DenialCategory {
  const categories: DenialCategory[] = [];
  for (const a of line.adjustments) categories.push(categorizeAdjustment(a));
  for (const r of line.remarks) {
    const c = categorizeRemark(r);
    if (c) categories.push(c);
  }
  return categories.find((c) => !NOT_A_DENIAL_REASON.has(c)) ?? 'other';
}

function isDenied(line: ClaimLine): boolean {
  return line.billedCents > 0 && line.paidCents === 0 && (line.allowedCents ?? 0) === 0;
}

interface Bucket {
  payerName: string;
  category: DenialCategory;
  codes: Map<string, number>;
  claims: Set<string>;
  lineCount: number;
  deniedCents: number;
  reasons: Set<string>;
  dates: string[];
}

/**
 * Repeated denials by payer and category over stored claims, most money first. A pattern needs
 * `minClaims` denied claims; each code says how many of the payer's lines for it were denied.
 */
export function findDenialPatterns(
  claims: readonly Claim[],
  options: Partial<DenialPatternOptions> = {},
): DenialPattern[] {
  const o = { ...DEFAULT_DENIAL_PATTERN_OPTIONS, ...options };
  const buckets = new Map<string, Bucket>();
  const linesByPayerCode = new Map<string, number>();
  for (const claim of claims) {
    if (claim.status === 'reversed') continue;
    const payer = claim.payerName.trim().toUpperCase();
    for (const line of claim.lines) {
      const pc = `${payer}|${line.code}`;
      linesByPayerCode.set(pc, (linesByPayerCode.get(pc) ?? 0) + 1);
      if (!isDenied(line)) continue;
      const category = lineCategory(line);
      const k = `${payer}|${category}`;
      let b = buckets.get(k);
      if (!b) {
        b = {
          payerName: claim.payerName.trim(),
          category,
          codes: new Map(),
          claims: new Set(),
          lineCount: 0,
          deniedCents: 0,
          reasons: new Set(),
          dates: [],
        };
        buckets.set(k, b);
      }
      b.codes.set(line.code, (b.codes.get(line.code) ?? 0) + 1);
      b.claims.add(claim.claimNumber);
      b.lineCount += 1;
      b.deniedCents += line.billedCents;
      for (const a of line.adjustments) b.reasons.add(`${a.group}-${a.reason}`);
      for (const r of line.remarks) b.reasons.add(r);
      const date = line.serviceDate ?? claim.serviceDateFrom;
      if (date) b.dates.push(date);
    }
  }
  const out: DenialPattern[] = [];
  for (const b of buckets.values()) {
    if (b.claims.size < o.minClaims) continue;
    const payer = b.payerName.toUpperCase();
    const codes = [...b.codes.entries()]
      .map(([code, deniedLines]) => ({
        code,
        deniedLines,
        totalLines: linesByPayerCode.get(`${payer}|${code}`) ?? deniedLines,
      }))
      .sort((x, y) => y.deniedLines - x.deniedLines || x.code.localeCompare(y.code));
    const dates = b.dates.sort();
    const label = CATEGORY_LABEL[b.category];
    out.push({
      payerName: b.payerName,
      category: b.category,
      label,
      codes,
      claimCount: b.claims.size,
      lineCount: b.lineCount,
      deniedCents: b.deniedCents,
      reasons: [...b.reasons].sort(),
      firstServiceDate: dates[0] ?? null,
      lastServiceDate: dates[dates.length - 1] ?? null,
      claimNumbers: [...b.claims].sort(),
      summary: summary(b.payerName, label, codes, b.claims.size),
      rootCause: ROOT_CAUSE[b.category],
    });
  }
  return out.sort(
    (a, b) =>
      b.deniedCents - a.deniedCents ||
      b.claimCount - a.claimCount ||
      a.payerName.localeCompare(b.payerName) ||
      a.category.localeCompare(b.category),
  );
}

function summary(
  payer: string,
  label: string,
  codes: readonly DenialPatternCode[],
  claimCount: number,
): string {
  const parts = codes.map(
    (c) =>
      `${c.deniedLines === c.totalLines ? 'every' : `${c.deniedLines} of ${c.totalLines}`} ${c.code} line${c.deniedLines === c.totalLines ? '' : 's'}`,
  );
  return `${payer} denied ${parts.join(', ')} for ${label.toLowerCase()}, on ${claimCount} claims`;
}
