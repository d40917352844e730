import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Adjustment, type ClaimLine, ClaimSchema } from '../../../../rules/model';
import { parseCents, readEra835 } from '../../../../rules/x12';

/**
 * Public sample 835s under shared/data/era835 (see shared/data/SOURCES.md), read in place from the
 * sibling folder of the repository: they are not copied into the repo.
 */
const DATA = path.resolve(process.cwd(), '../shared/data/era835');

function x12Files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'expected-output' ? [] : x12Files(full);
    return [full];
  });
}

function read(relative: string) {
  const result = readEra835(readFileSync(path.join(DATA, relative), 'utf8'), path.basename(relative));
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('every shared sample 835 reads', () => {
  const files = x12Files(DATA).map((f) => path.relative(DATA, f));

  it('finds the samples (fix the path if shared/data moved)', () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
  });

  it.each(files)('%s', (file) => {
    const result = read(file);
    expect(result.transactions.length).toBeGreaterThan(0);
    for (const claim of result.claims) expect(() => ClaimSchema.parse(claim)).not.toThrow();
    const claimTotal = result.transactions.reduce((n, t) => n + t.claimCount, 0);
    expect(claimTotal).toBe(result.claims.length);
  });
});

describe('sample details', () => {
  it('reads several interchanges (ISA..IEA) in one file', () => {
    const result = read('oopfactory-x12parser/5010_835_WithMultipleInterchanges_deidentified.txt');
    const interchanges = new Set(result.transactions.map((t) => t.interchangeControlNumber));
    expect(interchanges.size).toBeGreaterThan(1);
    expect(result.claims).toHaveLength(56);
  });

  it('reads three ST..SE sets, zero-pay denials and a PLB-only transaction (Nevada Medicaid)', () => {
    const result = read('affect-therapeutics-edi-835-parser/nevada_medicaid.txt');
    expect(result.transactions.map((t) => t.claimCount)).toEqual([1, 2, 0]);
    expect(result.claims.map((c) => c.status)).toEqual(['denied', 'denied', 'denied']);
    const plbOnly = result.transactions[2];
    expect(plbOnly?.providerAdjustments).toHaveLength(6);
    // −1092.46 − 719.81 − 181.55 + 181.55 − 130 + 130 = −1812.27; 0 − (−1812.27) = BPR02 1812.27.
    expect(plbOnly?.balance).toMatchObject({ providerAdjustmentsCents: -181227, balanced: true });
  });

  it('reads a 4010 file with reversals (CLP02 = 22), CR adjustments and 4010-style PLB', () => {
    const result = read('pyx12/835_simple_4010X091A1.txt');
    expect(result.claims.map((c) => [c.claimNumber, c.status, c.paidCents])).toEqual([
      ['6363451', 'reversed', -21000],
      ['6363451', 'paid', 20000],
      ['6397645', 'reversed', -50025],
    ]);
    expect(result.transactions[0]?.reversals).toEqual([
      { claimNumber: '6363451', reversalIndex: 0, correctionIndex: 1 },
      { claimNumber: '6397645', reversalIndex: 2, correctionIndex: null },
    ]);
    // The sample's BPR02 does not match its claims and PLB: reported, not hidden.
    expect(result.transactions[0]?.balance.balanced).toBe(false);
    expect(result.warnings.some((w) => w.includes('does not balance'))).toBe(true);
  });

  it('reports the TR3 tertiary example, whose SVC01 lost its code, instead of inventing a line', () => {
    const result = read('linuxforhealth-x12/tertiary-payment.835');
    const claim = result.claims[0];
    expect(claim?.lines).toEqual([]);
    expect(claim?.balanceErrors?.join('\n')).toMatch(/Line 1 was left out \(no procedure code in SVC01\)/);
  });

  it('reads a TR3 example that declares ":" in ISA16 but writes "HC>55669"', () => {
    const result = read('linuxforhealth-x12/cob-contractural-adjustment.835');
    expect(result.claims[0]?.lines[0]).toMatchObject({ code: '55669', billedCents: 54100, paidCents: 3400 });
    expect(result.claims[0]?.lines[0]?.adjustments).toEqual([
      { group: 'OA', reason: '23', amountCents: 51600 },
      { group: 'OA', reason: '94', amountCents: -900 },
    ]);
    expect(result.claims[0]?.balanceErrors).toBeUndefined();
  });

  it('does not read an institutional CLP08 (facility type) as a place of service', () => {
    const result = read('linuxforhealth-x12/medicare-part-a.835');
    expect(result.claims.map((c) => c.placeOfService)).toEqual([undefined, undefined]);
    expect(result.claims[1]?.remarks).toEqual(['MA02']);
    expect(result.transactions[0]?.balance.balanced).toBe(true);
  });
});

/**
 * keironstoddart/edi-835-parser's expected CSVs: one row per service line. We compare code, first
 * modifier (the CSV has one column), charge, allowed, paid, dates and CAS triplets.
 */
interface PeerRow {
  marker: string;
  code: string;
  modifier: string;
  chargeCents: number | null;
  allowedCents: number | null;
  paidCents: number | null;
  transactionDate: string;
  startDate: string;
  endDate: string;
  adjustments: Adjustment[];
}

function peerRows(csvName: string): PeerRow[] {
  const text = readFileSync(
    path.join(DATA, 'keironstoddart-edi-835-parser/expected-output', csvName),
    'utf8',
  );
  const [header = '', ...rows] = text.trim().split('\n');
  const columns = header.split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    const get = (name: string) => cells[columns.indexOf(name)] ?? '';
    const money = (name: string) => (get(name) === '' ? null : parseCents(get(name)));
    const adjustments: Adjustment[] = [];
    for (let k = 0; columns.includes(`adj_${k}_group`); k++) {
      const group = get(`adj_${k}_group`);
      if (group === '') continue;
      adjustments.push({
        group: group as Adjustment['group'],
        reason: get(`adj_${k}_code`),
        amountCents: money(`adj_${k}_amount`) ?? Number.NaN,
      });
    }
    return {
      marker: get('marker'),
      code: get('code'),
      modifier: get('modifier'),
      chargeCents: money('charge_amount'),
      allowedCents: money('allowed_amount'),
      paidCents: money('paid_amount'),
      transactionDate: get('transaction_date'),
      startDate: get('start_date'),
      endDate: get('end_date'),
      adjustments,
    };
  });
}

function ourRows(sample: string) {
  const result = read(`keironstoddart-edi-835-parser/${sample}`);
  return result.claims.flatMap((claim) => claim.lines.map((line) => ({ claim, line })));
}

/** Our CAS triplets without quantities: the peer CSV has no quantity column. */
function triplets(line: ClaimLine): Adjustment[] {
  return line.adjustments.map(({ group, reason, amountCents }) => ({ group, reason, amountCents }));
}

describe.each([
  ['blue_cross_nc_sample.txt', 'blue_cross_nc_sample.csv'],
  ['emedny_sample.txt', 'emedny_sample.csv'],
  ['united_healthcare_legacy_sample.txt', 'united_healthcare_legacy_sample.csv'],
])('%s matches the peer parser line by line', (sample, csv) => {
  const peer = peerRows(csv);
  const ours = ourRows(sample);

  it('has the same lines', () => {
    expect(ours).toHaveLength(peer.length);
  });

  it.each(peer.map((row, i) => [i + 1, row] as const))('line %i', (i, row) => {
    const found = ours[i - 1];
    if (!found) throw new Error(`line ${i} missing`);
    const { claim, line } = found;
    expect(claim.patientAccount).toBe(row.marker);
    expect(line.code).toBe(row.code);
    expect(line.modifiers[0] ?? '').toBe(row.modifier);
    expect(claim.paidDate).toBe(row.transactionDate);
    expect(line.serviceDate).toBe(row.startDate);
    expect(line.serviceDateTo ?? line.serviceDate).toBe(row.endDate);
    expect(line.allowedCents ?? null).toBe(row.allowedCents);
    if (sample === 'blue_cross_nc_sample.txt' && line.code === '59426') {
      // `SVC*HC:59426******742*742**1`: SVC02 and SVC03 are empty. The peer leaves them blank; the
      // model needs numbers, so we read $0.00 (with a warning), which still balances.
      expect([row.chargeCents, row.paidCents]).toEqual([null, null]);
      expect([line.billedCents, line.paidCents]).toEqual([0, 0]);
    } else {
      expect(line.billedCents).toBe(row.chargeCents);
      expect(line.paidCents).toBe(row.paidCents);
    }
    if (sample === 'united_healthcare_legacy_sample.txt' && i === 5) {
      // `CAS*PR*2*5.13**1*110`: the second triplet (PR-1 deductible $110.00) sits in CAS05/06. The
      // peer drops it; we keep it, and only with it does the line balance: 328.50 − 5.13 − 110.00
      // − 184.32 = 29.05.
      expect(row.adjustments).toEqual([
        { group: 'PR', reason: '2', amountCents: 513 },
        { group: 'CO', reason: '45', amountCents: 18432 },
      ]);
      expect(triplets(line)).toEqual([
        { group: 'PR', reason: '2', amountCents: 513 },
        { group: 'PR', reason: '1', amountCents: 11000 },
        { group: 'CO', reason: '45', amountCents: 18432 },
      ]);
      expect(claim.balanceErrors).toBeUndefined();
    } else {
      expect(triplets(line)).toEqual(row.adjustments);
    }
  });
});
