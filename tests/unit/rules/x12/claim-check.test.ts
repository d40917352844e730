import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimSchema } from '../../../../rules/model';
import { isCanonicalClaim } from '../../../../rules/x12/claim-check';
import { readEra835, readEra835WithZod } from '../../../../rules/x12/read-era835';
import { build835, simpleClaim } from './build-835';

/**
 * The 835 reader's hand-written claim check stands in for ClaimSchema on the hot path. Its contract:
 * it accepts a value exactly when zod accepts it and returns it unchanged (nothing trimmed, nothing
 * dropped). These properties pin that on random claims, most of them broken in one or more fields.
 */

/** What zod says the fast check should answer. */
function zodCanonical(value: unknown): boolean {
  const parsed = ClaimSchema.safeParse(value);
  return parsed.success && isDeepStrictEqual(parsed.data, value);
}

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const codeChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const code = (min: number, max: number) => fc.string({ unit: codeChars, minLength: min, maxLength: max });
const nearMiss = fc.constantFrom('', ' ', ' A', 'a', 'A-1', '\t', 'É', '123456789012', 'N1 ', '0', '-');

/** Mostly valid values with a fair share of wrong ones of every kind. */
function mostlyValid<T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: good, weight: 12 }, ...bad.map((b) => ({ arbitrary: b, weight: 1 })));
}

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant([]),
  fc.constant({}),
  fc.boolean(),
  nearMiss,
  fc.double(),
);

const isoDate = fc
  .date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const notQuiteDate = fc.oneof(
  fc.tuple(digits(4, 4), digits(2, 2), digits(2, 2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.constantFrom(
    '2023-02-29',
    '1900-02-29',
    '0099-12-31',
    '0001-01-01',
    '2025-13-01',
    '2025-1-01',
    '20250101',
  ),
);

/** Random claims: with `withErrors`, any field may be wrong in any way; without, only valid values. */
function claimArbitrary(withErrors: boolean): fc.Arbitrary<unknown> {
  const mostly = <T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> =>
    withErrors ? mostlyValid(good, ...bad) : good;
  const cents = mostly(
    fc.integer({ min: -10_000_000, max: 10_000_000 }),
    fc.constantFrom(0.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -0, 2 ** 60),
    junk,
  );

  const text = (max: number) =>
    mostly(
      fc.string({ maxLength: max }).filter((s) => s.trim() === s),
      fc.string({ minLength: max - 2, maxLength: max + 2 }),
      fc.constantFrom(' padded', 'padded ', '\u00a0x', 'x\n'),
      junk,
    );

  const adjustment = fc.record(
    {
      group: mostly(fc.constantFrom('CO', 'PR', 'OA', 'PI', 'CR'), fc.constantFrom('XX', 'co', ''), junk),
      reason: mostly(code(1, 5), code(6, 7), nearMiss, junk),
      amountCents: cents,
      quantity: mostly(fc.double({ noNaN: true, noDefaultInfinity: true }), junk),
    },
    { requiredKeys: ['group', 'reason', 'amountCents'] },
  );

  const remark = mostly(
    fc
      .tuple(fc.string({ unit: fc.constantFrom(...'ABMN'), minLength: 1, maxLength: 2 }), digits(1, 4))
      .map(([a, b]) => a + b),
    fc.constantFrom('N', '1', 'ABC1', 'N12345', 'n130', 'MA01 '),
    junk,
  );

  const modifiers = mostly(
    fc.array(mostly(code(2, 2), code(1, 1), code(3, 3), nearMiss), { maxLength: withErrors ? 5 : 4 }),
    junk,
  );

  const line = fc.record(
    {
      lineNumber: mostly(fc.integer({ min: 1, max: 500 }), fc.constantFrom(0, -1, 1.5, 2 ** 60), junk),
      code: mostly(code(4, 8), code(3, 3), code(9, 9), nearMiss, junk),
      modifiers,
      units: mostly(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom(0, -1), junk),
      serviceDate: mostly(isoDate, notQuiteDate, junk),
      serviceDateTo: mostly(isoDate, notQuiteDate, junk),
      placeOfService: mostly(digits(2, 2), digits(1, 3), junk),
      billedCents: cents,
      allowedCents: cents,
      paidCents: cents,
      deductibleCents: cents,
      coinsuranceCents: cents,
      copayCents: cents,
      patientResponsibilityCents: cents,
      adjustments: mostly(fc.array(adjustment, { maxLength: 3 }), junk),
      remarks: mostly(fc.array(remark, { maxLength: 3 }), junk),
      originalCode: mostly(code(4, 8), nearMiss, junk),
      originalModifiers: modifiers,
      controlNumber: mostly(fc.string({ maxLength: 50 }), fc.string({ minLength: 51, maxLength: 52 }), junk),
      ...(withErrors ? { extra: fc.constant('not in the model') } : {}),
    },
    {
      requiredKeys: [
        'lineNumber',
        'code',
        'modifiers',
        'units',
        'billedCents',
        'paidCents',
        'adjustments',
        'remarks',
      ],
    },
  );

  return fc.record(
    {
      claimNumber: mostly(
        fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim() === s && s !== ''),
        fc.constantFrom('', ' ', ' SYN1', 'x'.repeat(61)),
        junk,
      ),
      patientAccount: text(200),
      patientName: text(200),
      memberId: text(200),
      payerName: mostly(
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s !== ''),
        fc.constantFrom('', ' '),
        junk,
      ),
      payerId: text(200),
      planType: mostly(fc.constantFrom('erisa', 'non-erisa', 'unknown'), fc.constantFrom('ERISA', ''), junk),
      claimFilingIndicator: mostly(
        fc.string({ maxLength: 3 }),
        fc.string({ minLength: 4, maxLength: 5 }),
        junk,
      ),
      providerName: text(200),
      providerNpi: mostly(digits(10, 10), digits(9, 11), junk),
      providerTin: mostly(digits(9, 9), digits(8, 10), junk),
      serviceDateFrom: mostly(isoDate, notQuiteDate, junk),
      serviceDateTo: mostly(isoDate, notQuiteDate, junk),
      receivedDate: mostly(isoDate, notQuiteDate, junk),
      paidDate: mostly(isoDate, notQuiteDate, junk),
      status: mostly(
        fc.constantFrom('paid', 'partial', 'denied', 'pending', 'reversed', 'unknown'),
        fc.constantFrom('PAID', ''),
        junk,
      ),
      statusText: text(200),
      statusCode: mostly(fc.string({ maxLength: 3 }), fc.string({ minLength: 4, maxLength: 5 }), junk),
      billedCents: cents,
      allowedCents: cents,
      paidCents: cents,
      patientResponsibilityCents: cents,
      checkNumber: text(200),
      placeOfService: mostly(digits(2, 2), digits(1, 3), junk),
      adjustments: mostly(fc.array(adjustment, { maxLength: 3 }), junk),
      remarks: mostly(fc.array(remark, { maxLength: 3 }), junk),
      lines: mostly(fc.array(line, { maxLength: 3 }), junk),
      balanceErrors: mostly(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 2 }),
        fc.constant(['x'.repeat(301)]),
        junk,
      ),
      reversesClaimNumber: mostly(
        fc.string({ maxLength: 60 }),
        fc.string({ minLength: 61, maxLength: 62 }),
        junk,
      ),
      ...(withErrors ? { extra: fc.constant(1) } : {}),
    },
    {
      requiredKeys: [
        'claimNumber',
        'payerName',
        'status',
        'billedCents',
        'paidCents',
        'adjustments',
        'remarks',
        'lines',
      ],
    },
  );
}

/** fast-check builds records without a prototype; the reader builds plain objects. Both kinds are tried. */
const plain = (value: unknown) => structuredClone(value);
const claim = fc.oneof(
  claimArbitrary(false).map(plain),
  claimArbitrary(true).map(plain),
  claimArbitrary(true),
);

/** Claims that are valid but for at most one field: the near misses a real reader produces. */
const nearlyValid = fc
  .record({
    base: fc.constant(readValidBase()),
    path: fc.constantFrom(
      ['claimNumber'],
      ['payerName'],
      ['providerNpi'],
      ['serviceDateFrom'],
      ['lines', 0, 'code'],
      ['lines', 0, 'modifiers', 0],
      ['lines', 0, 'units'],
      ['lines', 0, 'serviceDate'],
      ['lines', 0, 'adjustments', 0, 'reason'],
      ['lines', 0, 'remarks'],
      ['remarks'],
    ),
    value: junk,
  })
  .map(({ base, path, value }) => {
    const copy = structuredClone(base) as Record<string | number, unknown>;
    let at: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1] as string | number] = value;
    return copy;
  });

function readValidBase(): unknown {
  const result = readEra835(build835([{ totalPaid: '150.00', claims: [simpleClaim(7)] }]), 'base.835');
  if (!result.ok) throw new Error(result.error);
  return result.claims[0];
}

describe('isCanonicalClaim: the 835 reader’s stand-in for ClaimSchema', () => {
  it('says yes exactly when zod accepts the claim and returns it unchanged (random claims, mostly invalid)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(claim, (value) => {
        const fast = isCanonicalClaim(value);
        if (fast) accepted++;
        expect(fast).toBe(zodCanonical(value));
      }),
      { numRuns: 1500 },
    );
    // The generator must reach the accepting side often, or the property says little.
    expect(accepted).toBeGreaterThan(100);
  });

  it('agrees with zod on claims that are valid but for one field', () => {
    fc.assert(
      fc.property(nearlyValid, (value) => {
        expect(isCanonicalClaim(value)).toBe(zodCanonical(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts what the reader produces, and refuses non-plain objects zod would copy', () => {
    const base = readValidBase();
    expect(isCanonicalClaim(base)).toBe(true);
    expect(zodCanonical(base)).toBe(true);
    expect(isCanonicalClaim(Object.assign(Object.create({ inherited: 1 }), base))).toBe(false);
    expect(isCanonicalClaim({ ...(base as object), claimNumber: ' SYN1' })).toBe(false);
    expect(ClaimSchema.safeParse({ ...(base as object), claimNumber: ' SYN1' }).success).toBe(true);
  });

  it.each([
    ['0099-12-31', false],
    ['0100-01-01', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
  ])('dates as model.ts reads them: %s is %s', (date, ok) => {
    const base = readValidBase() as Record<string, unknown>;
    const value = { ...base, serviceDateFrom: date };
    expect(isCanonicalClaim(value)).toBe(ok);
    expect(zodCanonical(value)).toBe(ok);
  });
});

describe('readEra835: the fast check changes nothing the reader returns', () => {
  it('gives the same claims, in the same field order, as reading with zod', () => {
    const claims = Array.from({ length: 30 }, (_, n) => simpleClaim(n));
    claims[3] = { ...simpleClaim(3), patient: { last: ' TESTPATIENT ', first: 'BETA', id: 'SYN3' } };
    claims[4] = {
      ...simpleClaim(4),
      status: '22',
      charge: '-250.00',
      paid: '-150.00',
      patientResponsibility: '-20.00',
    };
    claims[5] = {
      ...simpleClaim(5),
      lines: [{ procedure: 'HC:99213', charge: '10', paid: '5', cas: ['CO*45*4'] }],
    };
    const text = build835([{ totalPaid: '4200.00', claims }]);
    const fast = readEra835(text, 'same.835');
    const zod = readEra835WithZod(text, 'same.835');
    expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
  });
});
