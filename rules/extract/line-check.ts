import { type ClaimLine, isIsoDate } from '../model';

/**
 * A quick check that a service line built by a reader already satisfies ClaimLineSchema (rules/model.ts),
 * so a 500-line page is not walked by zod's interpreter line by line (MV3 content scripts run zod
 * jitless). It is one-sided by design: true only when zod would accept the line unchanged; anything
 * it is unsure of returns false, and the caller then lets zod parse the whole claim and report the
 * problems in its own words. tests/unit/rules/extract/line-check.test.ts holds it to the schema.
 */
export function lineMeetsSchema(line: ClaimLine): boolean {
  const l = line as Record<string, unknown>;
  // zod returns the keys in the schema's order: the line must already have them in that order.
  let last = -1;
  for (const key in l) {
    const at = LINE_KEYS.indexOf(key);
    if (at <= last) return false;
    last = at;
    const v = l[key];
    switch (key) {
      case 'lineNumber':
        if (!Number.isSafeInteger(v) || (v as number) <= 0) return false;
        break;
      case 'code':
        if (typeof v !== 'string' || !PROCEDURE.test(v)) return false;
        break;
      case 'modifiers':
        if (!isModifiers(v)) return false;
        break;
      case 'units':
        if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return false;
        break;
      case 'serviceDate':
      case 'serviceDateTo':
        if (typeof v !== 'string' || !isIsoDate(v)) return false;
        break;
      case 'placeOfService':
        if (typeof v !== 'string' || !POS.test(v)) return false;
        break;
      case 'billedCents':
      case 'paidCents':
      case 'allowedCents':
      case 'deductibleCents':
      case 'coinsuranceCents':
      case 'copayCents':
      case 'patientResponsibilityCents':
        if (!Number.isSafeInteger(v)) return false;
        break;
      case 'adjustments':
        if (!Array.isArray(v) || !v.every(isAdjustment)) return false;
        break;
      case 'remarks':
        if (!Array.isArray(v) || !v.every((r) => typeof r === 'string' && REMARK.test(r))) return false;
        break;
      default:
        // originalCode, controlNumber and anything unknown: zod decides.
        return false;
    }
  }
  return (
    'lineNumber' in l &&
    'code' in l &&
    'modifiers' in l &&
    'units' in l &&
    'billedCents' in l &&
    'paidCents' in l &&
    'adjustments' in l &&
    'remarks' in l
  );
}

/** ClaimLineSchema's keys in its order, as zod's output has them. */
const LINE_KEYS = [
  'lineNumber',
  'code',
  'modifiers',
  'units',
  'serviceDate',
  'serviceDateTo',
  'placeOfService',
  'billedCents',
  'allowedCents',
  'paidCents',
  'deductibleCents',
  'coinsuranceCents',
  'copayCents',
  'patientResponsibilityCents',
  'adjustments',
  'remarks',
];
const PROCEDURE = /^[A-Z0-9]{4,8}$/;
const MODIFIER = /^[A-Z0-9]{2}$/;
const REMARK = /^[A-Z]{1,2}\d{1,4}$/;
const CARC = /^[A-Z0-9]{1,5}$/;
const POS = /^\d{2}$/;
const ADJUSTMENT_KEYS = ['group', 'reason', 'amountCents'];
const GROUPS = new Set(['CO', 'PR', 'OA', 'PI', 'CR']);

function isModifiers(v: unknown): boolean {
  return Array.isArray(v) && v.length <= 4 && v.every((m) => typeof m === 'string' && MODIFIER.test(m));
}

function isAdjustment(a: unknown): boolean {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  let keys = 0;
  for (const key in a) {
    if (key !== ADJUSTMENT_KEYS[keys++]) return false;
  }
  const { group, reason, amountCents } = a as Record<string, unknown>;
  return (
    keys === 3 &&
    typeof group === 'string' &&
    GROUPS.has(group) &&
    typeof reason === 'string' &&
    CARC.test(reason) &&
    Number.isSafeInteger(amountCents)
  );
}
