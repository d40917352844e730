/**
 * Synthetic claims for the demo portal and the end-to-end tests. No real people: names are
 * TESTPATIENT placeholders, member IDs start with SYN, claim numbers are invented.
 */
export interface DemoLine {
  date: string;
  code: string;
  modifiers: string;
  units: string;
  billed: string;
  allowed: string;
  deductible: string;
  coinsurance: string;
  copay: string;
  paid: string;
  adjustments: string;
  remarks: string;
}

export interface DemoClaim {
  claimNumber: string;
  patientAccount: string;
  patientName: string;
  memberId: string;
  payer: string;
  serviceDates: string;
  status: string;
  billed: string;
  allowed: string;
  paid: string;
  patientResponsibility: string;
  checkNumber: string;
  checkDate: string;
  remarks: string;
  lines: DemoLine[];
}

const line = (l: Partial<DemoLine> & Pick<DemoLine, 'code' | 'billed' | 'allowed' | 'paid'>): DemoLine => ({
  date: '10/06/2026',
  modifiers: '',
  units: '1',
  deductible: '$0.00',
  coinsurance: '$0.00',
  copay: '$0.00',
  adjustments: '',
  remarks: '',
  ...l,
});

export const DEMO_CLAIMS: DemoClaim[] = [
  {
    // Two lines underpaid against the sample schedule (99214 by $81.60, 29881-RT by $100.80),
    // one within tolerance (36415 short $0.10), one paid exactly (71046-26).
    claimNumber: 'A26110400017',
    patientAccount: 'PA-100234',
    patientName: 'TESTPATIENT, ALPHA',
    memberId: 'SYN000123',
    payer: 'ACME HEALTH PLAN',
    serviceDates: '10/06/2026 - 10/06/2026',
    status: 'Finalized/Payment',
    billed: '$3,435.00',
    allowed: '$2,533.50',
    paid: '$1,626.80',
    patientResponsibility: '$906.70',
    checkNumber: 'EFT88120045',
    checkDate: '11/04/2026',
    remarks: '',
    lines: [
      line({
        code: '99214',
        billed: '$250.00',
        allowed: '$128.40',
        coinsurance: '$25.68',
        paid: '$102.72',
        adjustments: 'CO-45: $121.60; PR-2: $25.68',
        remarks: 'N381',
      }),
      line({
        code: '29881',
        modifiers: 'RT',
        billed: '$3,100.00',
        allowed: '$2,349.20',
        deductible: '$500.00',
        coinsurance: '$369.84',
        paid: '$1,479.36',
        adjustments: 'CO-45: $750.80; PR-1: $500.00; PR-2: $369.84',
      }),
      line({
        code: '36415',
        billed: '$25.00',
        allowed: '$17.90',
        coinsurance: '$3.58',
        paid: '$14.32',
        adjustments: 'CO-45: $7.10; PR-2: $3.58',
      }),
      line({
        code: '71046',
        modifiers: '26',
        billed: '$60.00',
        allowed: '$38.00',
        coinsurance: '$7.60',
        paid: '$30.40',
        adjustments: 'CO-45: $22.00; PR-2: $7.60',
      }),
    ],
  },
  {
    // Denied for missing authorization.
    claimNumber: 'A26110400018',
    patientAccount: 'PA-100251',
    patientName: 'TESTPATIENT, BRAVO',
    memberId: 'SYN000456',
    payer: 'ACME HEALTH PLAN',
    serviceDates: '10/08/2026',
    status: 'Finalized/Denial',
    billed: '$1,450.00',
    allowed: '$0.00',
    paid: '$0.00',
    patientResponsibility: '$0.00',
    checkNumber: 'EFT88120046',
    checkDate: '11/05/2026',
    remarks: '',
    lines: [
      line({
        date: '10/08/2026',
        code: '73721',
        modifiers: 'RT',
        billed: '$1,450.00',
        allowed: '$0.00',
        paid: '$0.00',
        adjustments: 'CO-197: $1,450.00',
        remarks: 'N130',
      }),
    ],
  },
  {
    // Emergency visit under the No Surprises Act (N864), with PR-45 billed to the patient.
    claimNumber: 'A26110400019',
    patientAccount: 'PA-100263',
    patientName: 'TESTPATIENT, CHARLIE',
    memberId: 'SYN000789',
    payer: 'ACME HEALTH PLAN',
    serviceDates: '10/12/2026',
    status: 'Finalized/Payment',
    billed: '$1,200.00',
    allowed: '$412.33',
    paid: '$312.33',
    patientResponsibility: '$887.67',
    checkNumber: 'EFT88120047',
    checkDate: '11/06/2026',
    remarks: 'N864',
    lines: [
      line({
        date: '10/12/2026',
        code: '99285',
        modifiers: '25',
        billed: '$1,200.00',
        allowed: '$412.33',
        coinsurance: '$100.00',
        paid: '$312.33',
        adjustments: 'PR-45: $787.67; PR-2: $100.00',
        remarks: 'N864',
      }),
    ],
  },
  {
    // A coding problem a payer reviewer would catch (issue 9): 71046 billed with 26 and TC on one line.
    // PC/TC indicator 1 allows one component or the global code, not both (domain.md 1.4); paid as 26 only.
    claimNumber: 'A26110400021',
    patientAccount: 'PA-100288',
    patientName: 'TESTPATIENT, DELTA',
    memberId: 'SYN000912',
    payer: 'ACME HEALTH PLAN',
    serviceDates: '10/20/2026',
    status: 'Finalized/Payment',
    billed: '$95.00',
    allowed: '$38.00',
    paid: '$30.40',
    patientResponsibility: '$7.60',
    checkNumber: 'EFT88120049',
    checkDate: '11/10/2026',
    remarks: '',
    lines: [
      line({
        date: '10/20/2026',
        code: '71046',
        modifiers: '26, TC',
        billed: '$95.00',
        allowed: '$38.00',
        coinsurance: '$7.60',
        paid: '$30.40',
        adjustments: 'CO-45: $57.00; PR-2: $7.60',
      }),
    ],
  },
];

/**
 * Rows on the search results page: the first three claims above plus one still pending. The coding
 * demo claim is reached by its URL only, so the results page keeps the four rows its tests count.
 */
export const DEMO_RESULTS = [
  ...DEMO_CLAIMS.filter((c) => c.claimNumber !== 'A26110400021').map((c) => ({
    claimNumber: c.claimNumber,
    patientAccount: c.patientAccount,
    payer: c.payer,
    serviceDates: c.serviceDates,
    billed: c.billed,
    paid: c.paid,
    status: c.status,
  })),
  {
    claimNumber: 'A26110400020',
    patientAccount: 'PA-100270',
    payer: 'ACME HEALTH PLAN',
    serviceDates: '11/02/2026',
    billed: '$310.00',
    paid: '$0.00',
    status: 'Pending/In Process',
  },
];
