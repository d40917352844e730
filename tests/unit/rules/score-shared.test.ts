import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorizeAdjustment, categorizeRemark } from '../../../rules/adjustments/index';
import {
  appealDeadline,
  daysBetween,
  idrInitiationWindow,
  nsaStatus,
  openNegotiationDeadline,
} from '../../../rules/deadlines/index';
import type { Claim, DenialCategory } from '../../../rules/model';
import { resolvePolicy } from '../../../rules/pricing/policy';
import { type ScoringContext, scoreClaim } from '../../../rules/score';

/**
 * scoreClaim shares what claims have in common: deadlines per policy, remittance date and asOf, and
 * frozen category and flag lists. Every score must equal what the plain functions give for that claim
 * alone, whatever was scored before it (claims come in random order, with random asOf dates).
 */
const POLICIES: ScoringContext['policies'] = {
  default: { methods: [{ method: 'percent-of-billed', percent: 60 }] },
  payers: [
    { match: 'Acme Health', methods: [{ method: 'percent-of-billed', percent: 50 }], appealWindowDays: 90 },
    { match: 'Aetna', methods: [{ method: 'percent-of-billed', percent: 70 }] },
  ],
};
const PAYERS = ['Acme Health', 'Aetna', 'UnitedHealthcare', 'MultiPlan', 'Nobody Mutual'];
const DATES = ['2025-01-01', '2025-02-28', '2025-05-26', '2025-11-27', '2025-12-31', '2026-01-30'];
const ADJUSTMENTS = [
  { group: 'CO', reason: '45', amountCents: 1000 },
  { group: 'PR', reason: '2', amountCents: 500 },
  { group: 'PR', reason: '45', amountCents: 700 },
  { group: 'CO', reason: '50', amountCents: 900 },
  { group: 'CO', reason: '197', amountCents: 900 },
  { group: 'OA', reason: '18', amountCents: 100 },
] as const;
const REMARKS = ['N130', 'M15', 'N864', 'MA01', 'N879'];

const lines = fc.array(
  fc.record({
    paid: fc.constantFrom(0, 5000),
    adjustments: fc.array(fc.constantFrom(...ADJUSTMENTS), { maxLength: 4 }),
    remarks: fc.array(fc.constantFrom(...REMARKS), { maxLength: 2 }),
  }),
  { minLength: 1, maxLength: 4 },
);
const claims = fc.record({
  payer: fc.constantFrom(...PAYERS),
  paidDate: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  remarks: fc.array(fc.constantFrom(...REMARKS), { maxLength: 2 }),
  lines,
  sent: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  mark: fc.constantFrom(undefined, 'emergency' as const),
});

type Drawn = typeof claims extends fc.Arbitrary<infer T> ? T : never;

function build(c: Drawn): Claim {
  return {
    claimNumber: 'P-1',
    payerName: c.payer,
    status: 'paid',
    billedCents: 0,
    paidCents: 0,
    adjustments: [],
    remarks: c.remarks,
    ...(c.paidDate ? { paidDate: c.paidDate } : {}),
    lines: c.lines.map((l, i) => ({
      lineNumber: i + 1,
      code: '99213',
      modifiers: [],
      units: 1,
      billedCents: 10_000,
      paidCents: l.paid,
      adjustments: l.adjustments.map((a) => ({ ...a })),
      remarks: [...l.remarks],
    })),
  };
}

function plainCategories(line: Claim['lines'][number]): DenialCategory[] {
  const out = new Set<DenialCategory>();
  for (const a of line.adjustments) out.add(categorizeAdjustment(a));
  for (const r of line.remarks) {
    const c = categorizeRemark(r);
    if (c) out.add(c);
  }
  return [...out];
}

describe('scoreClaim with shared deadlines and lists', () => {
  it('gives each claim the deadlines, urgency and categories the plain functions give', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(claims, fc.constantFrom(...DATES)), { minLength: 1, maxLength: 8 }),
        (runs) => {
          for (const [c, asOf] of runs) {
            const claim = build(c);
            const ctx: ScoringContext = { asOf, policies: POLICIES, pricing: { schedules: [] } };
            const notes = { nsaMark: c.mark, ...(c.sent ? { openNegotiationSentDate: c.sent } : {}) };
            const score = scoreClaim(claim, ctx, notes);

            const policy = resolvePolicy(POLICIES, claim.payerName);
            const nsa = nsaStatus(claim, c.mark).nsa;
            const expected: Record<string, string> = {};
            let nearest: number | undefined;
            if (claim.paidDate) {
              const appeal = appealDeadline(
                claim.paidDate,
                claim.payerName,
                policy.appealWindowDays,
                `${policy.matched} policy`,
              );
              expected.appealBy = appeal.date;
              expected.appealBasis = appeal.basis;
              if (nsa) {
                expected.openNegotiationNoticeBy = openNegotiationDeadline(claim.paidDate);
                const days = daysBetween(asOf, expected.openNegotiationNoticeBy);
                if (days >= 0) nearest = days;
              }
              const days = daysBetween(asOf, appeal.date);
              if (days >= 0 && (nearest === undefined || days < nearest)) nearest = days;
            }
            if (nsa && c.sent) {
              const w = idrInitiationWindow(c.sent);
              expected.idrInitiationFrom = w.from;
              expected.idrInitiationBy = w.to;
            }
            expect(score.deadlines).toEqual(expected);
            const urgency =
              nearest === undefined
                ? claim.paidDate
                  ? 0.25
                  : 1
                : nearest <= 30
                  ? 2 + (30 - nearest) / 30
                  : 1;
            expect(score.priority).toBe((score.totals.shortfallCents / 100) * urgency);
            claim.lines.forEach((l, i) => {
              expect(score.lines[i]!.categories).toEqual(plainCategories(l));
            });
            const all = new Set(claim.lines.flatMap(plainCategories));
            if (nsa) all.add('no-surprises-act');
            expect(score.categories).toEqual([...all]);
            // The score is plain data: JSON gives the same lists back.
            expect(JSON.parse(JSON.stringify(score))).toEqual(score);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
