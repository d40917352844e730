import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../../rules/extract/extract';
import { lineMeetsSchema } from '../../../../rules/extract/line-check';
import { type ClaimLine, ClaimLineSchema } from '../../../../rules/model';
import { fixtureDocument, portalFixtures } from './portal-fixtures';

/**
 * extract() lets zod parse a claim's header and checks its lines with lineMeetsSchema, which must
 * accept only lines zod would return unchanged (same values, same key order); anything else goes
 * through zod whole, so what a page reports never depends on which path was taken.
 */

const SCHEMA_ORDER = [
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
] as const;

/** Mostly values a reader produces, sometimes one zod refuses or would change. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: good as fc.Arbitrary<unknown>, weight: 12 }, { arbitrary: bad, weight: 1 });
const cents = mostly(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '100', null),
);
const date = mostly(
  fc.constantFrom('2026-10-06', '2024-02-29', '2026-12-31'),
  fc.constantFrom('2026-02-30', '2026-1-6', '10/06/2026', '', '2023-02-29', 20261006),
);
const modifier = mostly(
  fc.constantFrom('25', 'RT', 'LT', '26', 'TC', 'XE', 'XS', '59'),
  fc.constantFrom('lt', 'X', '259', 59),
);
const adjustment = mostly(
  fc.record({
    group: fc.constantFrom('CO', 'PR', 'OA', 'PI', 'CR'),
    reason: fc.constantFrom('45', '2', 'B7', '253'),
    amountCents: fc.integer({ min: -100_000, max: 100_000 }),
  }),
  fc.oneof(
    fc.record({ group: fc.constantFrom('XX', 'co'), reason: fc.constant('45'), amountCents: fc.constant(1) }),
    fc.record({
      group: fc.constant('CO'),
      reason: fc.constantFrom('A12345', '', '45 '),
      amountCents: fc.constant(1),
    }),
    fc.record({
      group: fc.constant('CO'),
      reason: fc.constant('45'),
      amountCents: fc.constantFrom(0.5, Number.NaN),
    }),
    fc.constant({ group: 'CO', reason: '45', amountCents: 1, quantity: 2 }),
    fc.constant({ reason: '45', group: 'CO', amountCents: 1 }),
    fc.constant({ group: 'CO', reason: '45' }),
    fc.constant(null),
  ),
);
const field: Record<(typeof SCHEMA_ORDER)[number], fc.Arbitrary<unknown>> = {
  lineNumber: mostly(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(0, -1, 1.5, '1')),
  code: mostly(
    fc.constantFrom('99214', 'G0121', '0042T', '29881', 'A1B2C3D4'),
    fc.constantFrom('9921', '99214-25', 'ab', '', ' 99214', 'A1B2C3D4E', 99214),
  ),
  modifiers: fc.array(modifier, { maxLength: 5 }),
  units: mostly(
    fc.constantFrom(1, 2, 1.5, 0.25, 99999),
    fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1'),
  ),
  serviceDate: date,
  serviceDateTo: date,
  placeOfService: mostly(fc.constantFrom('11', '22', '02'), fc.constantFrom('1', '111', 'AB', 22)),
  billedCents: cents,
  allowedCents: cents,
  paidCents: cents,
  deductibleCents: cents,
  coinsuranceCents: cents,
  copayCents: cents,
  patientResponsibilityCents: cents,
  adjustments: fc.array(adjustment, { maxLength: 3 }),
  remarks: fc.array(
    mostly(fc.constantFrom('N130', 'MA01', 'M15', 'N381'), fc.constantFrom('n130', 'N', 'ABC1', 'N12345')),
    {
      maxLength: 3,
    },
  ),
};
const REQUIRED = [
  'lineNumber',
  'code',
  'modifiers',
  'units',
  'billedCents',
  'paidCents',
  'adjustments',
  'remarks',
];
const OPTIONAL = SCHEMA_ORDER.filter((k) => !REQUIRED.includes(k));

/** Usually nothing, sometimes a value. */
const rarely = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: a, weight: 1 });

/** Lines of every shape: valid ones, wrong values, a missing or extra key, keys out of order. */
const line = fc
  .record({
    values: fc.record(field),
    present: fc.subarray(OPTIONAL),
    drop: rarely(fc.constantFrom(...REQUIRED)),
    extra: rarely(fc.constantFrom('controlNumber', 'originalCode', 'note')),
    swap: rarely(fc.nat(15)),
  })
  .map(({ values, present, drop, extra, swap }) => {
    const keys = SCHEMA_ORDER.filter((k) => (REQUIRED.includes(k) || present.includes(k)) && k !== drop);
    if (swap !== undefined && keys.length > 1) {
      const i = swap % (keys.length - 1);
      [keys[i], keys[i + 1]] = [keys[i + 1]!, keys[i]!];
    }
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = values[k];
    if (extra) out[extra] = 'X';
    return out as unknown as ClaimLine;
  });

describe('lineMeetsSchema', () => {
  it('accepts a line only when zod would return it unchanged', () => {
    let accepted = 0;
    fc.assert(
      fc.property(line, (l) => {
        if (!lineMeetsSchema(l)) return;
        accepted++;
        const parsed = ClaimLineSchema.safeParse(l);
        expect(parsed.success).toBe(true);
        // Same values and the same key order (JSON text compares both).
        expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(l));
        expect(Object.is(parsed.data?.billedCents, l.billedCents)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(accepted, 'the generator reaches accepted lines').toBeGreaterThan(30);
  });

  it('accepts the lines every readable fixture produces (the fast path is the usual one)', () => {
    let lines = 0;
    for (const f of portalFixtures()) {
      const r = extract(f.rule, f.kind, fixtureDocument(f));
      if (!r.ok || r.kind !== 'claim') continue;
      for (const l of r.claim.lines) expect(lineMeetsSchema(l), `${f.name} line ${l.lineNumber}`).toBe(true);
      lines += r.claim.lines.length;
    }
    expect(lines).toBeGreaterThan(10);
    expect(REQUIRED.every((k) => SCHEMA_ORDER.includes(k as never))).toBe(true);
  });

  it("a line zod refuses is still reported in zod's words: six modifiers on one line", () => {
    const f = portalFixtures().find((x) => x.name === 'humana/claim-detail--denied')!;
    const doc = fixtureDocument(f);
    const cells = doc.querySelectorAll('#claimLines tbody tr')[0]!.querySelectorAll('td');
    cells[2]!.textContent = '99214 25 59 RT LT';
    cells[3]!.textContent = 'XE XS';
    expect(extract(f.rule, f.kind, doc)).toEqual({
      ok: false,
      rule: 'humana',
      pageKind: 'claimDetail',
      missing: ['lines.0.modifiers: Too big: expected array to have <=4 items'],
    });
  });
});
