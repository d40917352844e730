import { describe, expect, it } from 'vitest';
import { type Claim, ClaimSchema } from '../../../../rules/model';
import { formatDollars, parseCents, readEra835 } from '../../../../rules/x12';
import {
  build835,
  type Delims,
  interchangeSegments,
  serialize,
  simpleClaim,
  transactionSegments,
} from './build-835';

function readOk(text: string, fileName = 'synthetic.835') {
  const result = readEra835(text, fileName);
  if (!result.ok) throw new Error(`expected the file to read, got: ${result.error}`);
  return result;
}

function readError(text: string, fileName = 'synthetic.835'): string {
  const result = readEra835(text, fileName);
  if (result.ok) throw new Error('expected the file to be refused, but it was read');
  return result.error;
}

describe('parseCents', () => {
  it.each([
    ['1234.5', 123450],
    ['-12.00', -1200],
    ['.5', 50],
    ['0', 0],
    ['0.07', 7],
    ['40000.07', 4000007],
    ['12.500', 1250],
    ['000000000000000', 0],
    ['-0.01', -1],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each([[''], ['12a'], ['1.2.3'], ['1.234'], ['-'], ['.'], [' 12'], ['1e5'], ['+5'], ['99999999999999']])(
    'refuses %j',
    (text) => {
      expect(parseCents(text)).toBeNull();
    },
  );

  it('formats dollars for messages', () => {
    expect(formatDollars(123450)).toBe('$1,234.50');
    expect(formatDollars(-1200)).toBe('-$12.00');
    expect(formatDollars(5)).toBe('$0.05');
  });
});

describe('readEra835: mapping a synthetic 835', () => {
  const text = build835([
    {
      totalPaid: '150.00',
      payerName: 'SYNTHETIC HEALTH PLAN',
      payerId: 'SYN01',
      paymentDate: '20250310',
      trace: 'SYNTRACE0001',
      claims: [
        {
          ...simpleClaim(1),
          moaRemarks: ['MA01', 'N856'],
          received: '20250305',
          lines: [
            {
              procedure: 'HC:99214:25:59',
              charge: '150.00',
              paid: '90.00',
              units: '2',
              original: 'HC:99215',
              date: '20250301',
              cas: ['CO*45*40', 'PR*3*20'],
              allowed: '110.00',
              remarks: ['N130'],
              controlNumber: 'SYNLINE01',
            },
            { procedure: 'HC:36415', charge: '100.00', paid: '60.00', cas: ['CO*45*40'] },
          ],
        },
      ],
    },
  ]);
  const result = readOk(text);
  const claim = result.claims[0] as Claim;

  it('maps CLP, NM1, DTM and the payment header onto the claim', () => {
    expect(claim).toMatchObject({
      claimNumber: 'SYNCLM000001',
      patientAccount: 'SYNACCT000001',
      patientName: 'TESTPATIENT, ALPHA',
      memberId: 'SYN000001',
      payerName: 'SYNTHETIC HEALTH PLAN',
      payerId: 'SYN01',
      providerName: 'SYNTHETIC CLINIC',
      providerNpi: '1999999984',
      providerTin: '999999999',
      status: 'paid',
      statusCode: '1',
      statusText: 'Processed as primary',
      billedCents: 25000,
      paidCents: 15000,
      patientResponsibilityCents: 2000,
      claimFilingIndicator: '12',
      placeOfService: '11',
      serviceDateFrom: '2025-03-01',
      serviceDateTo: '2025-03-01',
      receivedDate: '2025-03-05',
      paidDate: '2025-03-10',
      checkNumber: 'SYNTRACE0001',
      remarks: ['MA01', 'N856'],
      planType: 'non-erisa',
    });
    expect(claim.balanceErrors).toBeUndefined();
    expect(ClaimSchema.parse(claim)).toEqual(claim);
  });

  it('maps SVC composites, SVC06, units, dates, AMT*B6, LQ*HE and REF*6R onto lines numbered from 1', () => {
    expect(claim.lines).toEqual([
      {
        lineNumber: 1,
        code: '99214',
        modifiers: ['25', '59'],
        units: 2,
        serviceDate: '2025-03-01',
        billedCents: 15000,
        allowedCents: 11000,
        paidCents: 9000,
        copayCents: 2000,
        patientResponsibilityCents: 2000,
        adjustments: [
          { group: 'CO', reason: '45', amountCents: 4000 },
          { group: 'PR', reason: '3', amountCents: 2000 },
        ],
        remarks: ['N130'],
        originalCode: '99215',
        originalModifiers: [],
        controlNumber: 'SYNLINE01',
      },
      {
        lineNumber: 2,
        code: '36415',
        modifiers: [],
        units: 1,
        serviceDate: '2025-03-01',
        billedCents: 10000,
        paidCents: 6000,
        adjustments: [{ group: 'CO', reason: '45', amountCents: 4000 }],
        remarks: [],
      },
    ]);
  });

  it('describes the transaction: payment, trace, parties and balance', () => {
    expect(result.transactions).toHaveLength(1);
    expect(result.transactions[0]).toMatchObject({
      controlNumber: '0001',
      version: '005010X221A1',
      interchangeControlNumber: '000000001',
      handlingCode: 'I',
      totalPaymentCents: 15000,
      creditDebit: 'C',
      paymentMethod: 'ACH',
      paymentDate: '2025-03-10',
      traceNumber: 'SYNTRACE0001',
      productionDate: '2025-03-08',
      payerName: 'SYNTHETIC HEALTH PLAN',
      payerId: 'SYN01',
      payeeName: 'SYNTHETIC CLINIC',
      payeeNpi: '1999999984',
      payeeTin: '999999999',
      firstClaimIndex: 0,
      claimCount: 1,
      unbalancedClaimCount: 0,
      providerAdjustments: [],
      reversals: [],
      balance: {
        claimPaymentsCents: 15000,
        providerAdjustmentsCents: 0,
        totalPaymentCents: 15000,
        balanced: true,
      },
    });
    expect(result.warnings).toEqual([]);
  });
});

describe('readEra835: header segments after the claims', () => {
  it('gives every claim the payment, trace and payee read after it, exactly as when they come first', () => {
    const text = build835([
      { totalPaid: '450.00', claims: [simpleClaim(1), simpleClaim(2), simpleClaim(3)] },
    ]);
    const segments = text.split('~');
    const late = ['BPR*', 'TRN*', 'N1*PE*', 'REF*TJ*'];
    const moved = segments.filter((s) => late.some((p) => s.startsWith(p)));
    expect(moved).toHaveLength(late.length);
    const rest = segments.filter((s) => !moved.includes(s));
    const se = rest.findIndex((s) => s.startsWith('SE*'));
    const reordered = [...rest.slice(0, se), ...moved, ...rest.slice(se)].join('~');
    expect(JSON.stringify(readOk(reordered))).toBe(JSON.stringify(readOk(text)));
    expect(readOk(reordered).claims[0]).toMatchObject({
      providerName: 'SYNTHETIC CLINIC',
      paidDate: '2025-03-10',
    });
  });
});

describe('readEra835: claim status (CLP02)', () => {
  it.each([
    ['1', '100', '0', 'paid'],
    ['2', '100', '0', 'paid'],
    ['19', '100', '0', 'paid'],
    ['1', '0', '30', 'paid'],
    ['1', '0', '', 'denied'],
    ['4', '0', '', 'denied'],
    ['23', '0', '', 'denied'],
    ['22', '-100', '', 'reversed'],
    ['25', '0', '', 'unknown'],
  ])('CLP02 %s, paid %s, patient responsibility %j → %s', (status, paid, patient, expected) => {
    const text = build835([
      {
        totalPaid: paid,
        claims: [
          {
            account: 'SYNA1',
            status,
            charge: '100',
            paid,
            patientResponsibility: patient,
            claimNumber: 'SYNC1',
          },
        ],
      },
    ]);
    expect(readOk(text).claims[0]?.status).toBe(expected);
  });
});

describe('readEra835: balancing (domain.md 6.5)', () => {
  it('writes a line imbalance with the figures in dollars', () => {
    const text = build835([
      {
        totalPaid: '160.00',
        claims: [
          {
            account: 'SYNA1',
            status: '1',
            charge: '250.00',
            paid: '160.00',
            claimNumber: 'SYNC1',
            lines: [
              { procedure: 'HC:36415', charge: '100.00', paid: '60.00', cas: ['CO*45*40'] },
              { procedure: 'HC:99213', charge: '150.00', paid: '100.00', cas: ['CO*45*40'] },
            ],
          },
        ],
      },
    ]);
    const result = readOk(text);
    expect(result.claims[0]?.balanceErrors).toEqual([
      'Line 2 (99213) does not balance: charge $150.00 − adjustments $40.00 ≠ paid $100.00',
      'Claim does not balance: charge $250.00 − adjustments $80.00 (claim $0.00, lines $80.00) ≠ paid $160.00',
    ]);
    expect(result.transactions[0]?.unbalancedClaimCount).toBe(1);
  });

  it('counts claim-level and line-level CAS together, and skips the claim check when neither exists', () => {
    const text = build835([
      {
        totalPaid: '70.00',
        claims: [
          {
            account: 'SYNA1',
            status: '1',
            charge: '100',
            paid: '50',
            claimNumber: 'SYNC1',
            cas: ['OA*23*10'],
            lines: [{ procedure: 'HC:99213', charge: '100', paid: '60', cas: ['CO*45*40'] }],
          },
          // No CAS and no lines: nothing to balance against, so no error even though 100 ≠ 20.
          { account: 'SYNA2', status: '1', charge: '100', paid: '20', claimNumber: 'SYNC2' },
        ],
      },
    ]);
    const result = readOk(text);
    expect(result.claims[0]?.balanceErrors).toBeUndefined();
    expect(result.claims[1]?.balanceErrors).toBeUndefined();
  });

  it('balances the transaction with PLB: L6 interest (negative) adds, WO recovery (positive) subtracts', () => {
    // Σ CLP04 150.00 − (−12.50 interest + 30.00 recovery) = 132.50 = BPR02.
    const plb = [['L6:SYNCLM000001', '-12.50', 'WO:SYNCLM000999', '30.00']];
    const balanced = readOk(build835([{ totalPaid: '132.50', claims: [simpleClaim(1)], plb }]));
    expect(balanced.transactions[0]?.providerAdjustments).toEqual([
      {
        providerId: '1999999984',
        fiscalPeriodDate: '2025-12-31',
        reason: 'L6',
        reference: 'SYNCLM000001',
        amountCents: -1250,
      },
      {
        providerId: '1999999984',
        fiscalPeriodDate: '2025-12-31',
        reason: 'WO',
        reference: 'SYNCLM000999',
        amountCents: 3000,
      },
    ]);
    expect(balanced.transactions[0]?.balance).toEqual({
      claimPaymentsCents: 15000,
      providerAdjustmentsCents: 1750,
      totalPaymentCents: 13250,
      balanced: true,
    });
    expect(balanced.warnings).toEqual([]);

    const off = readOk(build835([{ totalPaid: '150.00', claims: [simpleClaim(1)], plb }]));
    const message =
      'Transaction ST*0001 does not balance: claim payments $150.00 − provider adjustments $17.50 ≠ total payment (BPR02) $150.00';
    expect(off.transactions[0]?.balance).toMatchObject({ balanced: false, error: message });
    expect(off.warnings).toEqual([`transaction ST*0001 (segment 3): ${message}`]);
  });

  it('reads up to six PLB pairs, and several PLB segments', () => {
    const six = ['CS:SYN1', '1', 'CS:SYN2', '2', 'CS:SYN3', '3', 'CS:SYN4', '4', 'CS:SYN5', '5', 'FB', '6'];
    const result = readOk(
      build835([{ totalPaid: '129.00', claims: [simpleClaim(1)], plb: [six, ['72', '0']] }]),
    );
    const adjustments = result.transactions[0]?.providerAdjustments ?? [];
    expect(adjustments.map((p) => [p.reason, p.reference, p.amountCents])).toEqual([
      ['CS', 'SYN1', 100],
      ['CS', 'SYN2', 200],
      ['CS', 'SYN3', 300],
      ['CS', 'SYN4', 400],
      ['CS', 'SYN5', 500],
      ['FB', undefined, 600],
      ['72', undefined, 0],
    ]);
    expect(result.transactions[0]?.balance.balanced).toBe(true);
  });
});

describe('readEra835: reversals and corrections', () => {
  const reversal = {
    account: 'SYNA7',
    status: '22',
    charge: '-250.00',
    paid: '-150.00',
    claimNumber: 'SYNICN7',
    lines: [
      { procedure: 'HC:99213', charge: '-150.00', paid: '-90.00', cas: ['CO*45*-40', 'PR*3*-20'] },
      { procedure: 'HC:36415', charge: '-100.00', paid: '-60.00', cas: ['CO*45*-40'] },
    ],
  };
  const correction = { ...simpleClaim(7), account: 'SYNA7', claimNumber: 'SYNICN7', paid: '170.00' };
  correction.lines = [
    { procedure: 'HC:99213', charge: '150.00', paid: '110.00', cas: ['CO*45*20', 'PR*3*20'] },
    { procedure: 'HC:36415', charge: '100.00', paid: '60.00', cas: ['CO*45*40'] },
  ];

  it('marks CLP02 = 22 as reversed, links the following correction and notes the pair', () => {
    const result = readOk(
      build835([{ totalPaid: '170.00', claims: [simpleClaim(1), reversal, correction] }]),
    );
    const [, reversed, corrected] = result.claims;
    expect(reversed).toMatchObject({
      status: 'reversed',
      statusCode: '22',
      reversesClaimNumber: 'SYNICN7',
      paidCents: -15000,
    });
    expect(reversed?.balanceErrors).toBeUndefined();
    expect(corrected).toMatchObject({ status: 'paid', claimNumber: 'SYNICN7', paidCents: 17000 });
    expect(corrected?.reversesClaimNumber).toBeUndefined();
    expect(result.transactions[0]?.reversals).toEqual([
      { claimNumber: 'SYNICN7', reversalIndex: 1, correctionIndex: 2 },
    ]);
    expect(result.warnings).toEqual([
      'claim SYNICN7: reversed (claim 2 in this file) and corrected by claim 3',
    ]);
  });

  it('links by patient account when the correction has a new payer claim number', () => {
    const renumbered = { ...correction, claimNumber: 'SYNICN8' };
    const result = readOk(build835([{ totalPaid: '20.00', claims: [reversal, renumbered] }]));
    expect(result.transactions[0]?.reversals).toEqual([
      { claimNumber: 'SYNICN7', reversalIndex: 0, correctionIndex: 1 },
    ]);
    expect(result.warnings).toEqual([
      'claim SYNICN7: reversed (claim 1 in this file) and corrected by claim 2 (SYNICN8)',
    ]);
  });

  it('leaves a reversal without correction unlinked, without a warning', () => {
    const result = readOk(build835([{ totalPaid: '-150.00', claims: [reversal] }]));
    expect(result.transactions[0]?.reversals).toEqual([
      { claimNumber: 'SYNICN7', reversalIndex: 0, correctionIndex: null },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe('readEra835: envelopes and delimiters', () => {
  it('reads several interchanges, groups and transactions, in file order', () => {
    const a = interchangeSegments(
      [
        [
          { control: '0001', totalPaid: '150.00', claims: [simpleClaim(1)] },
          { control: '0002', totalPaid: '300.00', claims: [simpleClaim(2), simpleClaim(3)] },
        ],
        [{ control: '0003', totalPaid: '0', handling: 'H', claims: [] }],
      ],
      { control: '000000001' },
    );
    const pipes: Delims = { element: '|', component: '>', segment: '\n', newline: '' };
    const b = serialize(
      interchangeSegments([[{ control: '0004', totalPaid: '150.00', claims: [simpleClaim(4)] }]], {
        control: '000000002',
      }),
      pipes,
    );
    const result = readOk(`${serialize(a)}\r\n${b}`);
    expect(
      result.transactions.map((t) => [
        t.controlNumber,
        t.interchangeControlNumber,
        t.firstClaimIndex,
        t.claimCount,
      ]),
    ).toEqual([
      ['0001', '000000001', 0, 1],
      ['0002', '000000001', 1, 2],
      ['0003', '000000001', 3, 0],
      ['0004', '000000002', 3, 1],
    ]);
    expect(result.claims.map((c) => c.claimNumber)).toEqual([
      'SYNCLM000001',
      'SYNCLM000002',
      'SYNCLM000003',
      'SYNCLM000004',
    ]);
    expect(result.claims[3]?.lines[0]).toMatchObject({ code: '99213', modifiers: ['25'] });
  });

  it.each<[string, Delims]>([
    ['newline after each terminator', { element: '*', component: ':', segment: '~', newline: '\r\n' }],
    ['pipe elements, caret components', { element: '|', component: '^', segment: '~', newline: '\n' }],
    ['newline as the terminator', { element: '*', component: '>', segment: '\n', newline: '' }],
    ['control-character delimiters', { element: '\x1d', component: '\x1f', segment: '\x1c', newline: '' }],
  ])('takes delimiters from the ISA: %s', (_name, d) => {
    const result = readOk(build835([{ totalPaid: '150.00', claims: [simpleClaim(1)] }], d));
    expect(result.claims[0]?.lines[0]).toMatchObject({
      code: '99213',
      modifiers: ['25'],
      billedCents: 15000,
    });
    expect(result.warnings).toEqual([]);
  });

  it('tolerates 004010X091A1 files', () => {
    const segments = interchangeSegments([[{ totalPaid: '150.00', claims: [simpleClaim(1)] }]], {
      version: '00401',
    });
    expect(segments[0]).toContain('*00401*');
    expect(segments).toContain('ST*835*0001');
    const result = readOk(serialize(segments));
    expect(result.transactions[0]?.version).toBe('004010X091A1');
    expect(result.claims).toHaveLength(1);
    expect(result.warnings).toEqual([]);
  });

  it('reads files that start at ST, with no ISA, and finds their component separator', () => {
    const bare = serialize(transactionSegments({ totalPaid: '150.00', claims: [simpleClaim(1)] }), {
      element: '*',
      component: '>',
      segment: '~',
      newline: '\n',
    });
    const result = readOk(`\uFEFF${bare}`);
    expect(result.transactions[0]?.interchangeControlNumber).toBeUndefined();
    expect(result.claims[0]?.lines[0]).toMatchObject({ code: '99213', modifiers: ['25'] });
  });

  it('tolerates a missing final terminator on a complete IEA, but not on anything else', () => {
    const text = build835([{ totalPaid: '150.00', claims: [simpleClaim(1)] }]);
    expect(readOk(text.slice(0, -1)).claims).toHaveLength(1);
    expect(readError(text.replace('IEA*1*000000001~', 'IEA*1*000000009'))).toMatch(
      /truncated: segment \d+ \(IEA\) has no terminator/,
    );
  });
});

describe('readEra835: refusals (all or nothing)', () => {
  const good = build835([{ totalPaid: '150.00', claims: [simpleClaim(1), simpleClaim(2)] }]);

  it('names the file, segment and element of a malformed amount', () => {
    const bad = good.replace('CLP*SYNACCT000002*1*250.00', 'CLP*SYNACCT000002*1*12a');
    const segment = bad.split('~').findIndex((s) => s.startsWith('CLP*SYNACCT000002')) + 1;
    expect(readEra835(bad, 'remit.835')).toEqual({
      ok: false,
      error: `remit.835: segment ${segment} (CLP): expected a number in CLP03, got "12a"`,
    });
  });

  it.each([
    [
      'SVC paid',
      'SVC*HC:36415*100.00*60.00',
      'SVC*HC:36415*100.00*6O.00',
      /\(SVC\): expected a number in SVC03, got "6O.00"/,
    ],
    ['CAS amount', 'CAS*CO*45*40', 'CAS*CO*45*4,0', /\(CAS\): expected an amount in CAS03, got "4,0"/],
    [
      'CAS group',
      'CAS*CO*45*40',
      'CAS*XY*45*40',
      /expected a group code CO, PR, OA, PI or CR in CAS01, got "XY"/,
    ],
    ['BPR total', 'BPR*I*150.00', 'BPR*I*150.0.0', /\(BPR\): expected a number in BPR02/],
    ['SVC units', '*60.00~', '*60.00**x1~', /expected a number in SVC05, got "x1"/],
  ])('refuses a malformed %s', (_name, from, to, message) => {
    expect(readError(good.replace(from, to))).toMatch(message);
  });

  it.each([
    ['277', 'ST*277*0001*005010X212', 'synthetic.835: is a 277, not an 835 (segment 3: ST)'],
    ['999', 'ST*999*0001*005010X231A1', 'synthetic.835: is a 999, not an 835 (segment 3: ST)'],
  ])('refuses a %s', (_kind, st, error) => {
    expect(readError(good.replace('ST*835*0001*005010X221A1', st))).toBe(error);
  });

  it('refuses a truncated file: no IEA, no SE, cut mid-claim, cut mid-segment', () => {
    const noIea = good.slice(0, good.indexOf('IEA*'));
    expect(readError(noIea)).toMatch(/is truncated: interchange \(segment 1\) has no IEA/);
    const noSe = good.slice(0, good.indexOf('SE*'));
    expect(readError(noSe)).toMatch(
      /is truncated: transaction ST\*0001 \(segment 3\) has no SE; it ends inside claim SYNCLM000002/,
    );
    const midSegment = good.slice(0, good.indexOf('SVC*HC:36415') + 10);
    expect(readError(midSegment)).toMatch(/is truncated: segment \d+ \(SVC\) has no terminator "~"/);
    expect(readError(good.slice(0, 50))).toMatch(/ISA\): the interchange header is truncated/);
  });

  it('refuses binary junk, empty files and non-X12 text', () => {
    const junk = String.fromCharCode(...Array.from({ length: 200 }, (_, i) => (i * 37) % 256));
    expect(readError(junk)).toMatch(/^synthetic\.835: contains binary data/);
    expect(readError('\u0089PNG\r\n\u001a\n\u0000\u0000')).toMatch(/binary data/);
    expect(readError('')).toBe('synthetic.835: is empty');
    expect(readError('  \n ')).toBe('synthetic.835: is empty');
    expect(readError('patient,claim,amount\n1,2,3\n')).toMatch(/does not look like an X12 file/);
  });

  it('refuses a file with an envelope but no 835 inside', () => {
    const empty = serialize(interchangeSegments([]));
    expect(readError(empty)).toBe('synthetic.835: has no 835 transaction (ST*835)');
  });

  it('refuses segments outside ST..SE', () => {
    expect(readError(good.replace('GS*HP', 'CLP*X*1*1*1~GS*HP'))).toMatch(
      /segment 2 \(CLP\): is outside a transaction/,
    );
  });
});

describe('readEra835: data that does not fit the model is kept out loudly', () => {
  it('uses CLP01 when CLP07 is missing, with a warning', () => {
    const claim = { ...simpleClaim(1), claimNumber: null };
    const result = readOk(build835([{ totalPaid: '150.00', claims: [claim] }]));
    expect(result.claims[0]?.claimNumber).toBe('SYNACCT000001');
    expect(result.warnings).toEqual([
      'segment 13 (CLP): no payer claim number in CLP07; the patient account (CLP01) stands in as the claim number',
    ]);
  });

  it('keeps revenue codes (NU) and skips an NDC line it cannot hold, saying so in warnings and balanceErrors', () => {
    const claim = {
      account: 'SYNA1',
      status: '1',
      charge: '300.00',
      paid: '200.00',
      claimNumber: 'SYNC1',
      lines: [
        { procedure: 'NU:0450', charge: '200.00', paid: '150.00', cas: ['CO*45*50'] },
        { procedure: 'N4:00000000001', charge: '100.00', paid: '50.00', cas: ['CO*45*50'] },
      ],
    };
    const result = readOk(build835([{ totalPaid: '200.00', claims: [claim] }]));
    const read = result.claims[0];
    expect(read?.lines.map((l) => [l.lineNumber, l.code])).toEqual([[1, '0450']]);
    expect(read?.placeOfService).toBeUndefined();
    expect(read?.balanceErrors).toEqual([
      'Line 2 was left out (code "00000000001" (qualifier N4) does not fit the claim model\'s 4-8 letters and digits): its charge $100.00, adjustments $50.00 and paid $50.00 are not in the lines',
    ]);
    expect(result.warnings).toEqual([
      'segment 18 (SVC): line 2 of claim SYNC1 left out: code "00000000001" (qualifier N4) does not fit the claim model\'s 4-8 letters and digits',
    ]);
  });

  it('drops remark codes and modifiers of the wrong shape with a warning', () => {
    const claim = {
      ...simpleClaim(1),
      lines: [{ procedure: 'HC:99213:2', charge: '150.00', paid: '150.00', remarks: ['N130', 'BOGUS'] }],
      charge: '150.00',
    };
    const result = readOk(build835([{ totalPaid: '150.00', claims: [claim] }]));
    expect(result.claims[0]?.lines[0]).toMatchObject({ modifiers: [], remarks: ['N130'] });
    expect(result.warnings).toHaveLength(2);
  });

  it('drops an impossible date with a warning instead of losing the file', () => {
    const result = readOk(
      build835([{ totalPaid: '150.00', paymentDate: '20252399', claims: [simpleClaim(1)] }]),
    );
    expect(result.claims[0]?.paidDate).toBe('2025-03-08');
    expect(result.warnings[0]).toBe('segment 4 (BPR): "20252399" in BPR16 is not a date CCYYMMDD; left out');
  });
});
