import { categorizeAdjustment } from '../../../../rules/adjustments/categories';
import type { PracticeProfile } from '../../../../rules/appeals/profile';
import type { Claim, ClaimLine, ClaimScore, DenialCategory, Flag, LineScore } from '../../../../rules/model';

/**
 * Synthetic, de-identified claims and their scores for the appeal letter tests. Names are TESTPATIENT,
 * member IDs are TEST-prefixed, and no date of birth appears anywhere.
 */

export const AS_OF = '2026-11-27';

export function line(over: Partial<ClaimLine> & Pick<ClaimLine, 'lineNumber' | 'code'>): ClaimLine {
  return {
    modifiers: [],
    units: 1,
    serviceDate: '2026-10-14',
    billedCents: 0,
    paidCents: 0,
    adjustments: [],
    remarks: [],
    ...over,
  };
}

export function claim(over: Partial<Claim> & Pick<Claim, 'lines'>): Claim {
  const billed = over.lines.reduce((s, l) => s + l.billedCents, 0);
  const paid = over.lines.reduce((s, l) => s + l.paidCents, 0);
  return {
    claimNumber: 'TESTCLM0001',
    patientAccount: 'TESTACCT-17',
    patientName: 'TESTPATIENT, ALPHA',
    memberId: 'TESTMEMBER01',
    payerName: 'TESTPAYER HEALTH PLAN',
    providerName: 'TESTDOCTOR, BETA MD',
    providerNpi: '1000000004',
    serviceDateFrom: '2026-10-14',
    paidDate: '2026-11-02',
    status: 'partial',
    billedCents: billed,
    paidCents: paid,
    adjustments: [],
    remarks: [],
    ...over,
  };
}

export interface LinePricing {
  expectedCents: number;
  basis: string;
}

export interface ScoreOptions {
  /** Expected allowed by line number; a line without an entry is unpriced. */
  pricing?: Record<number, LinePricing>;
  nsa?: boolean;
  deadlines?: ClaimScore['deadlines'];
  /** Claim-level categories from claim-level adjustments are added automatically. */
  extraFlags?: Flag[];
}

const PR_COST_SHARE = new Set(['1', '2', '3']);

/** A score built the way scoreClaim builds one, from explicit expected amounts instead of fee schedules. */
export function scoreOf(c: Claim, opts: ScoreOptions = {}): ClaimScore {
  const categories = new Set<DenialCategory>();
  for (const a of c.adjustments) categories.add(categorizeAdjustment(a));
  let shortfallTotal = 0;
  let expectedTotal = 0;
  let allowedTotal = 0;
  let flagged = 0;
  const lines: LineScore[] = c.lines.map((l) => {
    const costShare = l.adjustments
      .filter((a) => a.group === 'PR' && PR_COST_SHARE.has(a.reason))
      .reduce((s, a) => s + a.amountCents, 0);
    const allowedCents = l.allowedCents ?? l.paidCents + costShare;
    const lineCategories = [...new Set(l.adjustments.map(categorizeAdjustment))];
    for (const cat of lineCategories) categories.add(cat);
    const price = opts.pricing?.[l.lineNumber];
    const flags: Flag[] = [];
    const denied = l.paidCents === 0 && allowedCents === 0 && l.billedCents > 0;
    if (denied) flags.push({ kind: 'denied', message: 'Denied' });
    let shortfallCents = 0;
    if (price) {
      expectedTotal += price.expectedCents;
      if (price.expectedCents - allowedCents > 100) {
        shortfallCents = price.expectedCents - allowedCents;
        if (!denied) flags.push({ kind: 'underpaid', message: 'Underpaid' });
      }
    } else {
      flags.push({ kind: 'no-benchmark', message: 'No benchmark' });
    }
    if (flags.some((f) => f.kind === 'denied' || f.kind === 'underpaid')) flagged += 1;
    shortfallTotal += shortfallCents;
    allowedTotal += allowedCents;
    return {
      lineNumber: l.lineNumber,
      allowedCents,
      allowedDerived: l.allowedCents === undefined,
      expectedCents: price ? price.expectedCents : null,
      expectedBasis: price ? price.basis : null,
      shortfallCents,
      categories: lineCategories,
      flags,
    };
  });
  const flags: Flag[] = [...(opts.extraFlags ?? [])];
  if (shortfallTotal > 0 && flagged > 0) flags.push({ kind: 'underpaid', message: 'Underpaid' });
  if (c.status === 'denied') flags.push({ kind: 'denied', message: 'Denied' });
  if (opts.nsa) flags.push({ kind: 'nsa', message: 'No Surprises Act claim' });
  return {
    asOf: AS_OF,
    totals: {
      billedCents: c.billedCents,
      allowedCents: allowedTotal,
      paidCents: c.paidCents,
      patientResponsibilityCents: 0,
      expectedCents: expectedTotal,
      shortfallCents: shortfallTotal,
    },
    lines,
    flags,
    categories: [...categories],
    deadlines: opts.deadlines ?? {},
    nsa: opts.nsa ?? false,
    priority: shortfallTotal / 100,
    flaggedLineCount: flagged,
  };
}

export const PROFILE: PracticeProfile = {
  practiceName: 'TESTPRACTICE ORTHOPEDIC GROUP',
  npi: '1000000012',
  tin: '000000019',
  addressLines: ['100 Example Avenue', 'Suite 200'],
  city: 'Testville',
  state: 'NY',
  zip: '10001',
  contactName: 'TESTBILLER, GAMMA',
  phone: '(555) 010-0100',
  email: 'billing@example.test',
  signatureName: 'TESTMANAGER, DELTA',
  signatureTitle: 'Revenue Cycle Manager',
};

export const PAYER_ADDRESS = ['PO Box 0000', 'Testville, NY 10001'];

export interface Scenario {
  claim: Claim;
  score: ClaimScore;
}

function scenario(c: Claim, opts: ScoreOptions = {}): Scenario {
  return { claim: c, score: scoreOf(c, opts) };
}

/** An ERISA plan paid two out-of-network lines; the first well below 200% of Medicare. */
export function underpaidErisa(): Scenario {
  return scenario(
    claim({
      payerName: 'UnitedHealthcare',
      planType: 'erisa',
      lines: [
        line({
          lineNumber: 1,
          code: '99214',
          modifiers: ['25'],
          billedCents: 35017,
          allowedCents: 12043,
          paidCents: 9634,
          adjustments: [
            { group: 'CO', reason: '45', amountCents: 22974 },
            { group: 'PR', reason: '2', amountCents: 2409 },
          ],
          remarks: ['N381'],
        }),
        line({
          lineNumber: 2,
          code: '20610',
          billedCents: 48023,
          allowedCents: 18011,
          paidCents: 14409,
          adjustments: [
            { group: 'CO', reason: '45', amountCents: 30012 },
            { group: 'PR', reason: '2', amountCents: 3602 },
          ],
          remarks: [],
        }),
      ],
    }),
    {
      pricing: {
        1: { expectedCents: 26087, basis: '200% of 2026 Medicare, locality 01182-18, non-facility' },
        2: { expectedCents: 17833, basis: '200% of 2026 Medicare, locality 01182-18, non-facility' },
      },
    },
  );
}

function deniedLine(reason: string, over: Partial<ClaimLine> = {}): ClaimLine {
  return line({
    lineNumber: 1,
    code: '72148',
    billedCents: 142519,
    allowedCents: 0,
    paidCents: 0,
    adjustments: [{ group: 'CO', reason, amountCents: 142519 }],
    remarks: [],
    ...over,
  });
}

export function deniedAuthorization(): Scenario {
  return scenario(
    claim({ payerName: 'Aetna', status: 'denied', lines: [deniedLine('197', { remarks: ['N54'] })] }),
    { pricing: { 1: { expectedCents: 61240, basis: 'practice fee schedule 2026' } } },
  );
}

export function deniedMedicalNecessity(): Scenario {
  return scenario(
    claim({
      payerName: 'Cigna',
      status: 'denied',
      lines: [deniedLine('50', { code: '64483', modifiers: ['RT'] })],
    }),
    { pricing: { 1: { expectedCents: 88016, basis: '250% of 2026 Medicare, locality 01182-18' } } },
  );
}

export function bundled(): Scenario {
  return scenario(
    claim({
      lines: [
        line({
          lineNumber: 1,
          code: '97530',
          billedCents: 18021,
          allowedCents: 9512,
          paidCents: 9512,
          adjustments: [{ group: 'CO', reason: '45', amountCents: 8509 }],
        }),
        line({
          lineNumber: 2,
          code: '97140',
          modifiers: ['59'],
          billedCents: 12033,
          allowedCents: 0,
          paidCents: 0,
          adjustments: [{ group: 'CO', reason: '97', amountCents: 12033 }],
          remarks: ['M15'],
        }),
      ],
    }),
    {
      pricing: {
        1: { expectedCents: 9511, basis: 'practice fee schedule 2026' },
        2: { expectedCents: 7044, basis: 'practice fee schedule 2026' },
      },
    },
  );
}

export function timelyFilingDenied(): Scenario {
  return scenario(
    claim({
      status: 'denied',
      receivedDate: '2026-09-30',
      serviceDateFrom: '2026-03-11',
      lines: [
        deniedLine('29', {
          code: '99204',
          serviceDate: '2026-03-11',
          billedCents: 41007,
          adjustments: [{ group: 'CO', reason: '29', amountCents: 41007 }],
        }),
      ],
    }),
    { pricing: { 1: { expectedCents: 30122, basis: 'practice fee schedule 2026' } } },
  );
}

/** An NSA emergency claim: initial payment below the expected rate, with the excess put on the patient. */
export function nsaEmergency(): Scenario {
  return scenario(
    claim({
      payerName: 'TESTPAYER HEALTH PLAN',
      planType: 'erisa',
      placeOfService: '23',
      remarks: ['N864', 'N877'],
      lines: [
        line({
          lineNumber: 1,
          code: '99285',
          modifiers: ['25'],
          billedCents: 120019,
          allowedCents: 41233,
          paidCents: 31233,
          adjustments: [
            { group: 'PR', reason: '2', amountCents: 10000 },
            { group: 'PR', reason: '45', amountCents: 78786 },
          ],
          remarks: ['N830'],
        }),
      ],
    }),
    {
      nsa: true,
      pricing: { 1: { expectedCents: 96041, basis: 'practice fee schedule 2026' } },
      deadlines: {
        openNegotiationNoticeBy: '2026-12-15',
        idrInitiationFrom: '2027-01-27',
        idrInitiationBy: '2027-02-01',
      },
    },
  );
}
