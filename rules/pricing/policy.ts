import { z } from 'zod';

/** How a payer's lines are priced; the first method in the list that prices a line wins (issue 3). */
export const PricingMethodSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('schedule'), name: z.string().min(1).optional() }),
  z.strictObject({
    method: z.literal('percent-of-medicare'),
    percent: z.number().positive().max(10000),
    locality: z.string().min(1).optional(),
  }),
  z.strictObject({ method: z.literal('ucr'), percentile: z.number().int().min(1).max(99) }),
  z.strictObject({ method: z.literal('percent-of-billed'), percent: z.number().positive().max(1000) }),
  z.strictObject({ method: z.literal('history'), minCount: z.number().int().min(1).default(3) }),
]);
export type PricingMethod = z.infer<typeof PricingMethodSchema>;

export const ToleranceSchema = z.strictObject({
  dollars: z.number().nonnegative().default(1),
  percent: z.number().nonnegative().max(100).default(1),
});
export type Tolerance = z.infer<typeof ToleranceSchema>;

const PolicyBodySchema = z.strictObject({
  methods: z.array(PricingMethodSchema).min(1),
  tolerance: ToleranceSchema.optional(),
  appealWindowDays: z.number().int().positive().max(3650).optional(),
});

export const PayerPolicySchema = PolicyBodySchema.extend({
  /** Payer name, matched case-insensitively against the claim's payer; or a payer ID. */
  match: z.string().min(1),
});
export type PayerPolicy = z.infer<typeof PayerPolicySchema>;

export const PolicySetSchema = z.strictObject({
  default: PolicyBodySchema,
  payers: z.array(PayerPolicySchema).default([]),
});
export type PolicySet = z.infer<typeof PolicySetSchema>;

export const DEFAULT_POLICY_SET: PolicySet = {
  default: { methods: [{ method: 'schedule' }] },
  payers: [],
};

/** The larger of $1.00 and 1% (issue 2). */
export const DEFAULT_TOLERANCE: Tolerance = { dollars: 1, percent: 1 };

export interface ResolvedPolicy {
  methods: PricingMethod[];
  tolerance: Tolerance;
  appealWindowDays: number | undefined;
  /** Which policy applied, for the basis text. */
  matched: string;
}

/**
 * Answers per policy set (treated as immutable: a changed policy is a new set, as storage loads it) and
 * payer: every claim asks, and a run sees a handful of payers.
 */
const resolved = new WeakMap<PolicySet, Map<string, ResolvedPolicy>>();
let lastSet: PolicySet | undefined;
let lastResolved: Map<string, ResolvedPolicy> | undefined;

/**
 * The payer's policy when one matches by name (case-insensitive) or payer ID, else the default.
 * The answer is shared between calls for the same set and payer: read it, do not change it.
 */
export function resolvePolicy(set: PolicySet, payerName: string, payerId?: string): ResolvedPolicy {
  let bySet = set === lastSet ? lastResolved : resolved.get(set);
  if (!bySet) {
    bySet = new Map();
    resolved.set(set, bySet);
  }
  lastSet = set;
  lastResolved = bySet;
  const key = payerId === undefined ? payerName : `${payerName}\u0000${payerId}`;
  let policy = bySet.get(key);
  if (!policy) {
    policy = findPolicy(set, payerName, payerId);
    if (bySet.size >= 10_000) bySet.clear();
    bySet.set(key, policy);
  }
  return policy;
}

function findPolicy(set: PolicySet, payerName: string, payerId?: string): ResolvedPolicy {
  const name = payerName.trim().toUpperCase();
  const id = payerId?.trim().toUpperCase();
  const hit = set.payers.find((p) => {
    const m = p.match.trim().toUpperCase();
    return m === name || (id !== undefined && m === id);
  });
  const body = hit ?? set.default;
  return {
    methods: body.methods,
    tolerance: body.tolerance ?? set.default.tolerance ?? DEFAULT_TOLERANCE,
    appealWindowDays: body.appealWindowDays ?? set.default.appealWindowDays,
    matched: hit ? hit.match : 'default',
  };
}

/** The shortfall beyond which a line is underpaid: the larger of the dollar floor and the percent of expected. */
export function toleranceCents(tolerance: Tolerance, expectedCents: number): number {
  return Math.max(Math.round(tolerance.dollars * 100), Math.round((expectedCents * tolerance.percent) / 100));
}
