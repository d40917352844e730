import type { Claim, ClaimLine } from '../model';
import type { PricingMethod } from './policy';
import { type ScheduleIndex, scheduleAmount } from './schedule';

/** Everything the pricing methods may consult; built once per scoring run. */
export interface PricingContext {
  /** Practice schedules in priority order; the first is the active one. */
  schedules: ScheduleIndex[];
}

export type LinePrice =
  | { ok: true; expectedCents: number; basis: string }
  | { ok: false; reasons: string[] };

function formatDollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

function priceBySchedule(
  method: Extract<PricingMethod, { method: 'schedule' }>,
  line: ClaimLine,
  claim: Claim,
  ctx: PricingContext,
): LinePrice {
  const candidates = method.name
    ? ctx.schedules.filter((s) => s.schedule.name === method.name || s.schedule.id === method.name)
    : ctx.schedules.slice(0, 1);
  if (candidates.length === 0) {
    return { ok: false, reasons: [method.name ? `no fee schedule named "${method.name}"` : 'no fee schedule loaded'] };
  }
  const date = line.serviceDate ?? claim.serviceDateFrom;
  for (const index of candidates) {
    // A row for one of the line's modifiers (26, TC ...) wins; otherwise the global amount.
    let modifier = '';
    let row: ReturnType<typeof scheduleAmount>;
    for (const m of line.modifiers) {
      row = scheduleAmount(index, line.code, m, claim.payerName, date);
      if (row) {
        modifier = m;
        break;
      }
    }
    row ??= scheduleAmount(index, line.code, '', claim.payerName, date);
    if (row) {
      const expectedCents = Math.round(row.amountCents * line.units);
      const unitText = line.units === 1 ? '' : ` x ${line.units} units`;
      return {
        ok: true,
        expectedCents,
        basis: `${index.schedule.name}: ${line.code}${modifier ? `-${modifier}` : ''} at ${formatDollars(row.amountCents)}${unitText}`,
      };
    }
  }
  return { ok: false, reasons: [`${line.code} is not on the fee schedule`] };
}

function priceByPercentOfBilled(
  method: Extract<PricingMethod, { method: 'percent-of-billed' }>,
  line: ClaimLine,
): LinePrice {
  if (line.billedCents <= 0) return { ok: false, reasons: ['no billed charge to take a percentage of'] };
  return {
    ok: true,
    expectedCents: Math.round((line.billedCents * method.percent) / 100),
    basis: `${method.percent}% of billed charge ${formatDollars(line.billedCents)}`,
  };
}

/** Prices every line of a claim with the first method that can price it; unpriced lines say why. */
export function priceClaimLines(claim: Claim, methods: PricingMethod[], ctx: PricingContext): LinePrice[] {
  return claim.lines.map((line) => {
    const reasons: string[] = [];
    for (const method of methods) {
      let price: LinePrice;
      switch (method.method) {
        case 'schedule':
          price = priceBySchedule(method, line, claim, ctx);
          break;
        case 'percent-of-billed':
          price = priceByPercentOfBilled(method, line);
          break;
        default:
          price = { ok: false, reasons: [`${method.method} pricing is not available`] };
      }
      if (price.ok) return price;
      reasons.push(...price.reasons);
    }
    return { ok: false, reasons };
  });
}
