import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Claim, ClaimSchema } from '../../../../rules/model';
import { type Era835Result, readEra835 } from '../../../../rules/x12';
import {
  type Delims,
  interchangeSegments,
  STANDARD,
  type SynthClaim,
  serialize,
  simpleClaim,
} from './build-835';

/** A base file with the features mutations should hit: claim and line CAS, a reversal, PLB. */
const reversal: SynthClaim = {
  account: 'SYNA9',
  status: '22',
  charge: '-100.00',
  paid: '-60.00',
  claimNumber: 'SYNICN9',
  cas: ['CO*45*-40'],
};
const BASE = interchangeSegments([
  [
    {
      totalPaid: '227.50',
      claims: [simpleClaim(1), reversal, simpleClaim(2)],
      plb: [['L6:SYNICN9', '-12.50', 'WO:SYNICN8', '25.00']],
    },
    { control: '0002', totalPaid: '150.00', claims: [simpleClaim(3)] },
  ],
]);

const sum = (xs: { amountCents: number }[]) => xs.reduce((n, a) => n + a.amountCents, 0);

/** The invariant: a returned claim whose numbers do not add up (domain.md 6.5) says so. */
function silentImbalances(claim: Claim): string[] {
  const problems: string[] = [];
  const hasErrors = (claim.balanceErrors?.length ?? 0) > 0;
  let lineAdjustments = 0;
  for (const line of claim.lines) {
    const adjustments = sum(line.adjustments);
    lineAdjustments += adjustments;
    if (line.billedCents - adjustments !== line.paidCents && !hasErrors) {
      problems.push(`claim ${claim.claimNumber} line ${line.lineNumber} is out of balance silently`);
    }
  }
  const checked = claim.lines.length > 0 || claim.adjustments.length > 0;
  if (
    checked &&
    claim.billedCents - sum(claim.adjustments) - lineAdjustments !== claim.paidCents &&
    !hasErrors
  ) {
    problems.push(`claim ${claim.claimNumber} is out of balance silently`);
  }
  return problems;
}

function checkResult(result: Era835Result): void {
  if (!result.ok) {
    expect(result.error.startsWith('fuzz.835: ')).toBe(true);
    return;
  }
  for (const claim of result.claims) {
    expect(ClaimSchema.safeParse(claim).success).toBe(true);
    expect(silentImbalances(claim)).toEqual([]);
  }
  for (const t of result.transactions) {
    const claims = result.claims.slice(t.firstClaimIndex, t.firstClaimIndex + t.claimCount);
    const balanced =
      sum(claims.map((c) => ({ amountCents: c.paidCents }))) - sum(t.providerAdjustments) ===
      t.totalPaymentCents;
    expect(t.balance.balanced).toBe(balanced);
    if (!balanced)
      expect(result.warnings.some((w) => w.includes(`ST*${t.controlNumber} does not balance`))).toBe(true);
  }
}

function readSafely(text: string): Era835Result {
  // The reader's contract is to return, never throw; a throw fails the property here.
  return readEra835(text, 'fuzz.835');
}

const segmentIndex = fc.nat({ max: BASE.length - 1 });

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'element'; at: number; element: number; value: string };

const numberLike = fc.oneof(
  fc.constantFrom('12a', '', '-', '.', '1.234', '99999999999999999', '-0', '.5', '0', '1e3', ' 5', '--1'),
  fc.integer({ min: -100_000, max: 100_000 }).map((c) => (c / 100).toFixed(2)),
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc.string({ maxLength: 6 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  segmentIndex.map((at) => ({ kind: 'delete' as const, at })),
  segmentIndex.map((at) => ({ kind: 'duplicate' as const, at })),
  fc.tuple(segmentIndex, segmentIndex).map(([a, b]) => ({ kind: 'swap' as const, a, b })),
  fc
    .tuple(segmentIndex, fc.integer({ min: 1, max: 8 }), numberLike)
    .map(([at, element, value]) => ({ kind: 'element' as const, at, element, value })),
);

function apply(segments: string[], m: Mutation): string[] {
  const out = [...segments];
  // Earlier deletions can leave an index past the end; writing there would leave holes, not segments.
  const past = (at: number) => at >= out.length;
  switch (m.kind) {
    case 'delete':
      out.splice(m.at, 1);
      break;
    case 'duplicate':
      out.splice(m.at, 0, out[m.at] ?? '');
      break;
    case 'swap': {
      if (past(m.a) || past(m.b)) break;
      const a = out[m.a] ?? '';
      out[m.a] = out[m.b] ?? '';
      out[m.b] = a;
      break;
    }
    case 'element': {
      if (past(m.at)) break;
      const seg = out[m.at] ?? '';
      // The ISA's width and ISA16 are what the delimiters are read from; corrupting them is the
      // delimiter test's job.
      if (seg.startsWith('ISA')) break;
      const elements = seg.split('*');
      while (elements.length <= m.element) elements.push('');
      elements[m.element] = m.value;
      out[m.at] = elements.join('*');
      break;
    }
  }
  return out;
}

const delimiters: fc.Arbitrary<Delims> = fc.constantFrom<Delims>(
  STANDARD,
  { element: '*', component: ':', segment: '~', newline: '\r\n' },
  { element: '|', component: '>', segment: '\n', newline: '' },
  { element: '^', component: '\\', segment: '~', newline: '\n' },
);

describe('readEra835 over mutated 835s (fast-check)', () => {
  it('the unmutated base reads and balances', () => {
    const result = readSafely(serialize(BASE));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.claims).toHaveLength(4);
      expect(result.transactions.every((t) => t.balance.balanced)).toBe(true);
      expect(result.claims.every((c) => c.balanceErrors === undefined)).toBe(true);
    }
  });

  it('deleted, duplicated, swapped segments and corrupted numbers: never throws, never a silent imbalance', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), delimiters, (mutations, d) => {
        const segments = mutations.reduce(apply, BASE);
        checkResult(readSafely(serialize(segments, d)));
      }),
      { numRuns: 600 },
    );
  });

  it('amount changes that still parse always surface as balance errors', () => {
    const amountSlots = BASE.flatMap((seg, at): [number, number][] => {
      if (seg.startsWith('SVC'))
        return [
          [at, 2],
          [at, 3],
        ];
      if (seg.startsWith('CLP'))
        return [
          [at, 3],
          [at, 4],
        ];
      if (seg.startsWith('CAS')) return [[at, 3]];
      return [];
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...amountSlots),
        fc.integer({ min: 1, max: 50_000 }),
        ([at, element], deltaCents) => {
          const elements = (BASE[at] ?? '').split('*');
          const before = Math.round(Number(elements[element]) * 100);
          elements[element] = ((before + deltaCents) / 100).toFixed(2);
          const segments = [...BASE];
          segments[at] = elements.join('*');
          const result = readSafely(serialize(segments));
          checkResult(result);
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.claims.some((c) => (c.balanceErrors?.length ?? 0) > 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('truncated anywhere: refused, or (only when cut in trailing whitespace) read whole', () => {
    const text = serialize(BASE, { ...STANDARD, newline: '\n' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        const result = readSafely(text.slice(0, cut));
        checkResult(result);
        // Only a cut after the final "~" of IEA (or missing exactly that "~") may read.
        if (result.ok) expect(cut).toBeGreaterThanOrEqual(text.trimEnd().length - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('changed or broken delimiters: never throws', () => {
    const text = serialize(BASE);
    fc.assert(
      fc.property(
        fc.constantFrom('*', '~', ':', '|', '\n', 'A', ' '),
        fc.constantFrom('*', '~', ':', '|', '\n', 'A', ' ', '^'),
        fc.nat({ max: text.length }),
        (from, to, fromIndex) => {
          const head = text.slice(0, fromIndex);
          const tail = text.slice(fromIndex).split(from).join(to);
          checkResult(readSafely(head + tail));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('arbitrary text and bytes: never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (junk) => {
          checkResult(readSafely(junk));
          checkResult(readSafely(`ISA*${junk}`));
          checkResult(readSafely(`ST*835*${junk}`));
        },
      ),
      { numRuns: 500 },
    );
  });
});
