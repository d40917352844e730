import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readEra835,
  readEra835Audited,
  readEra835WithZod,
  VOUCH_MISMATCH,
} from '../../../../rules/x12/read-era835';
import { build835, type SynthClaim, type SynthTransaction, simpleClaim } from './build-835';

/**
 * The reader vouches by construction for most claims (no per-claim isCanonicalClaim). These files put
 * values at the edges that construction does not rule out (texts cut to 200 characters, long codes and
 * numbers, years before 100, many adjustments) and check that readEra835 still gives what zod gives,
 * and that no claim it vouched for is one isCanonicalClaim refuses.
 */
function expectSameAsZod(text: string): void {
  const audited = readEra835Audited(text, 'edge.835');
  if (!audited.ok) expect(audited.error).not.toContain(VOUCH_MISMATCH);
  const zod = readEra835WithZod(text, 'edge.835');
  expect(audited).toStrictEqual(zod);
  expect(readEra835(text, 'edge.835')).toStrictEqual(zod);
}

function file(claim: Partial<SynthClaim>, tx: Partial<SynthTransaction> = {}): string {
  const c: SynthClaim = { ...simpleClaim(1), ...claim };
  return build835([{ totalPaid: c.paid, claims: [c], ...tx }]);
}

/** 199 letters, then white space where a cut to 200 characters ends. */
const CUT_AT_SPACE = `${'A'.repeat(199)} ${'B'.repeat(10)}`;

describe('readEra835: claims vouched for by construction read as zod reads them', () => {
  it('an ordinary file is vouched for and reads as zod reads it', () => {
    expectSameAsZod(file({}));
    expect(readEra835Audited(file({}), 'edge.835').ok).toBe(true);
  });

  it('names, ids and accounts cut to 200 characters (white space at the cut is trimmed as zod does)', () => {
    expectSameAsZod(file({ patient: { last: 'A'.repeat(190), first: 'BCDEFG HIJ', id: 'SYN1' } }));
    expectSameAsZod(file({ patient: { last: 'TESTPATIENT', first: 'ALPHA', id: CUT_AT_SPACE } }));
    expectSameAsZod(file({ patient: { last: CUT_AT_SPACE, first: '', id: 'SYN1' } }));
    expectSameAsZod(file({ patient: { last: 'A'.repeat(200), first: '', id: 'B'.repeat(200) } }));
    expectSameAsZod(file({ patient: { last: 'A'.repeat(199), first: '', id: `${'B'.repeat(199)}\u00e9` } }));
    expectSameAsZod(file({ account: 'C'.repeat(200) }));
    expectSameAsZod(file({ account: 'C'.repeat(201) }));
  });

  it('claim numbers, status codes, filing indicators and line control numbers past the model’s limits', () => {
    expectSameAsZod(file({ claimNumber: 'N'.repeat(60) }));
    expectSameAsZod(file({ claimNumber: 'N'.repeat(61) }));
    expectSameAsZod(file({ claimNumber: null, account: 'A'.repeat(61) }));
    expectSameAsZod(file({ status: 'ABCD' }));
    expectSameAsZod(file({ status: '1 2' }));
    expectSameAsZod(file({ filingIndicator: 'ABCD' }));
    expectSameAsZod(file({ filingIndicator: 'a b' }));
    const line = simpleClaim(1).lines?.[0];
    if (!line) throw new Error('simpleClaim has lines');
    expectSameAsZod(file({ lines: [{ ...line, controlNumber: 'R'.repeat(50) }] }));
    expectSameAsZod(file({ lines: [{ ...line, controlNumber: 'R'.repeat(51) }] }));
  });

  it('dates before the year 100 on claims, lines and the payment', () => {
    expectSameAsZod(file({ dateFrom: '00990301' }));
    expectSameAsZod(file({ dateTo: '00010101', dateFrom: undefined }));
    expectSameAsZod(file({ received: '00991231' }));
    expectSameAsZod(
      file({ dateFrom: undefined, dateTo: undefined, lines: [{ ...lineOf(1), date: '00500229' }] }),
    );
    expectSameAsZod(file({}, { paymentDate: '00990101' }));
    expectSameAsZod(file({}, { paymentDate: '', productionDate: '00990101' }));
    expectSameAsZod(file({ dateFrom: '01000101' }));
  });

  it('many adjustments on a line (sums past a safe integer) and long payment headers', () => {
    const big = '9999999999999.99';
    const many = Array.from({ length: 10 }, () => `PR*1*${big}`);
    expectSameAsZod(file({ lines: [{ ...lineOf(1), cas: many }] }));
    expectSameAsZod(file({ lines: [{ ...lineOf(1), cas: [...Array(9).fill('PR*1*1'), 'CO*45*31'] }] }));
    expectSameAsZod(file({}, { trace: 'T'.repeat(201) }));
    expectSameAsZod(file({}, { trace: CUT_AT_SPACE }));
    expectSameAsZod(file({}, { payerName: CUT_AT_SPACE }));
    expectSameAsZod(file({}, { payeeName: CUT_AT_SPACE }));
    expectSameAsZod(file({}, { payerId: CUT_AT_SPACE }));
  });

  it('random values in the fields construction does not bound (fast-check)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', ' ', '\u00a0X', 'X\u3000', '00990101', '20250301', '01000229', '00040229'),
      fc
        .integer({ min: 195, max: 205 })
        .chain((n) =>
          fc
            .tuple(fc.nat({ max: n - 1 }), fc.constantFrom(' ', '\t', '\u00a0', '\u2028', 'x'))
            .map(([at, c]) => `${'Q'.repeat(at)}${c}${'Q'.repeat(n - at - 1)}`),
        ),
    );
    const clean = (s: string) => s.replace(/[*~:]/g, '');
    fc.assert(
      fc.property(
        fc.record({
          account: text,
          status: text,
          filingIndicator: text,
          claimNumber: text,
          last: text,
          first: text,
          id: text,
          dateFrom: text,
          lineDate: text,
          control: text,
          trace: text,
          payerName: text,
        }),
        (v) => {
          const claim: Partial<SynthClaim> = {
            account: clean(v.account),
            status: clean(v.status),
            filingIndicator: clean(v.filingIndicator),
            claimNumber: clean(v.claimNumber),
            patient: { last: clean(v.last), first: clean(v.first), id: clean(v.id) },
            dateFrom: clean(v.dateFrom),
            lines: [{ ...lineOf(1), date: clean(v.lineDate), controlNumber: clean(v.control) }],
          };
          expectSameAsZod(file(claim, { trace: clean(v.trace), payerName: clean(v.payerName) }));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function lineOf(n: number) {
  const line = simpleClaim(n).lines?.[0];
  if (!line) throw new Error('simpleClaim has lines');
  return line;
}
