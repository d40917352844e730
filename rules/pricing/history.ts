import type { Claim, ClaimLine } from '../model';
import { lineAllowed } from './allowed';
import { PAYMENT_MODIFIERS } from './modifiers';

/**
 * What a payer has allowed before: the median per-unit allowed per payer, code and pricing modifier,
 * one observation per stored claim. Lines whose allowed a payment modifier already reduced (51, 50,
 * 62, 80 ...) and denied lines (allowed 0) are left out, so the median is a full single-procedure amount.
 */

export interface HistoryStat {
  medianCents: number;
  count: number;
}

export interface HistoryIndex {
  /** `historyKey(payer, code, modifier)` → statistics. */
  byKey: Map<string, HistoryStat>;
  /** Payer (trimmed, upper case) → code → modifier → statistics, for the pricing hot path. */
  byPayer: Map<string, Map<string, Map<string, HistoryStat>>>;
}

export function historyKey(payerName: string, code: string, modifier: string): string {
  return `${payerName.trim().toUpperCase()}|${code}|${modifier}`;
}

/** The modifier that selects a different amount (26, TC, 53), or ''; the same rule pricing uses. */
export function pricingModifier(line: ClaimLine): '' | '26' | 'TC' | '53' {
  for (const m of line.modifiers) if (m === '26' || m === 'TC' || m === '53') return m;
  return '';
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  const middle = values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return Math.floor(middle + 0.5);
}

export function buildHistoryIndex(claims: readonly Claim[]): HistoryIndex {
  const observations = new Map<string, { payer: string; code: string; modifier: string; values: number[] }>();
  const perClaim = new Map<
    string,
    { payer: string; code: string; modifier: string; allowedCents: number; units: number }
  >();
  for (const claim of claims) {
    if (claim.status === 'reversed') continue;
    perClaim.clear();
    for (const line of claim.lines) {
      if (line.modifiers.some((m) => PAYMENT_MODIFIERS.has(m) && m !== 'RT' && m !== 'LT')) continue;
      const { allowedCents } = lineAllowed(line);
      if (allowedCents <= 0) continue;
      const modifier = pricingModifier(line);
      const key = historyKey(claim.payerName, line.code, modifier);
      const sum = perClaim.get(key);
      if (sum) {
        sum.allowedCents += allowedCents;
        sum.units += line.units;
      } else {
        const payer = claim.payerName.trim().toUpperCase();
        perClaim.set(key, { payer, code: line.code, modifier, allowedCents, units: line.units });
      }
    }
    for (const [key, sum] of perClaim) {
      const perUnitCents = sum.allowedCents / sum.units;
      const seen = observations.get(key);
      if (seen) seen.values.push(perUnitCents);
      else
        observations.set(key, {
          payer: sum.payer,
          code: sum.code,
          modifier: sum.modifier,
          values: [perUnitCents],
        });
    }
  }
  const byKey = new Map<string, HistoryStat>();
  const byPayer = new Map<string, Map<string, Map<string, HistoryStat>>>();
  for (const [key, { payer, code, modifier, values }] of observations) {
    const stat = { medianCents: median(values), count: values.length };
    byKey.set(key, stat);
    let codes = byPayer.get(payer);
    if (!codes) {
      codes = new Map();
      byPayer.set(payer, codes);
    }
    let modifiers = codes.get(code);
    if (!modifiers) {
      modifiers = new Map();
      codes.set(code, modifiers);
    }
    modifiers.set(modifier, stat);
  }
  return { byKey, byPayer };
}

/** The last payer looked up, normalised: a claim's lines all ask for the same one. */
let lastPayerName: string | undefined;
let lastPayerKey = '';

export function historyAmount(
  index: HistoryIndex,
  payerName: string,
  code: string,
  modifier: string,
): HistoryStat | undefined {
  if (payerName !== lastPayerName) {
    lastPayerName = payerName;
    lastPayerKey = payerName.trim().toUpperCase();
  }
  return index.byPayer.get(lastPayerKey)?.get(code)?.get(modifier);
}
