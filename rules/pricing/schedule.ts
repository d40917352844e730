import { z } from 'zod';
import { CentsSchema, IsoDateSchema } from '../model';

/** One priced row of a practice fee schedule, contract or single-case rate. */
export const ScheduleRowSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{4,8}$/),
  /** '' for the global (unmodified) amount. */
  modifier: z.string().regex(/^([A-Z0-9]{2})?$/),
  amountCents: CentsSchema.nonnegative(),
  description: z.string().max(200).optional(),
  payer: z.string().max(200).optional(),
  locality: z.string().max(40).optional(),
  effectiveFrom: IsoDateSchema.optional(),
  effectiveTo: IsoDateSchema.optional(),
});
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;

export const FeeScheduleSchema = z.strictObject({
  id: z.string().min(1).max(80),
  name: z.string().min(1).max(200),
  /** Which practice owns it; '' for the default practice. */
  practiceId: z.string().max(80).default(''),
  rows: z.array(ScheduleRowSchema),
  importedAt: z.string().max(40),
});
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;

/** A lookup built once per scoring run: code|modifier → rows (hot path, no allocation per line). */
export interface ScheduleIndex {
  schedule: FeeSchedule;
  byKey: Map<string, ScheduleRow[]>;
  /** The same rows by code, then modifier: a lookup builds no key string. */
  byCode: Map<string, Map<string, ScheduleRow[]>>;
}

export function scheduleKey(code: string, modifier: string): string {
  return `${code}|${modifier}`;
}

export function indexSchedule(schedule: FeeSchedule): ScheduleIndex {
  const byKey = new Map<string, ScheduleRow[]>();
  const byCode = new Map<string, Map<string, ScheduleRow[]>>();
  for (const row of schedule.rows) {
    const key = scheduleKey(row.code, row.modifier);
    const list = byKey.get(key);
    if (list) list.push(row);
    else {
      const rows = [row];
      byKey.set(key, rows);
      let byModifier = byCode.get(row.code);
      if (!byModifier) {
        byModifier = new Map();
        byCode.set(row.code, byModifier);
      }
      byModifier.set(row.modifier, rows);
    }
  }
  return { schedule, byKey, byCode };
}

/**
 * The schedule amount for one unit of `code` with `modifier` on `serviceDate` for `payerName`.
 * A payer-specific row beats a general one; rows outside their effective dates are skipped.
 */
export function scheduleAmount(
  index: ScheduleIndex,
  code: string,
  modifier: string,
  payerName: string,
  serviceDate: string | undefined,
): ScheduleRow | undefined {
  const rows = index.byCode.get(code)?.get(modifier);
  if (!rows) return undefined;
  let general: ScheduleRow | undefined;
  let payer: string | undefined;
  for (const row of rows) {
    if (serviceDate) {
      if (row.effectiveFrom && serviceDate < row.effectiveFrom) continue;
      if (row.effectiveTo && serviceDate > row.effectiveTo) continue;
    }
    if (row.payer) {
      payer ??= upperCase(payerName);
      if (upperCase(row.payer) === payer) return row;
    } else if (!general) general = row;
  }
  return general;
}

/** Payer names upper-cased, as written: a run names a handful of payers, on every line. */
const upperCased = new Map<string, string>();

function upperCase(name: string): string {
  let upper = upperCased.get(name);
  if (upper === undefined) {
    upper = name.toUpperCase();
    if (upperCased.size >= 10_000) upperCased.clear();
    upperCased.set(name, upper);
  }
  return upper;
}
