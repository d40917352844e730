import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AS_OF,
  AVAILITY_UNDERPAID,
  CMS_DIR,
  ERA835_DIR,
  FIXTURES,
  lineByCode,
  oon,
  parseReport,
  SAMPLE_SCHEDULE,
} from './helpers';

const MANAGED_CARE_835 = path.join(ERA835_DIR, 'linuxforhealth-x12/managed-care.835');

describe('oon score: Availity claim detail page with the sample fee schedule', () => {
  it('flags 99214 and 29881-RT as underpaid and totals the shortfall', async () => {
    const r = await oon([
      'score',
      '--json',
      '--schedule',
      SAMPLE_SCHEDULE,
      '--as-of',
      AS_OF,
      AVAILITY_UNDERPAID,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = parseReport(r.stdout);
    expect(report.errors).toEqual([]);
    expect(report.claims).toHaveLength(1);
    const claim = report.claims[0]!;
    expect(claim).toMatchObject({
      source: AVAILITY_UNDERPAID,
      portal: 'availity',
      payer: 'ACME HEALTH PLAN',
      claimNumber: 'A26110400017',
      serviceDate: '2026-10-06',
      paidDate: '2026-11-04',
      status: 'paid',
      totals: { billed: 3435, allowed: 2533.5, paid: 1626.8, patientResponsibility: 906.7, shortfall: 182.4 },
    });
    expect(claim.flags.map((f) => f.kind)).toEqual(['underpaid']);
    expect(lineByCode(claim, '99214')).toMatchObject({ allowed: 128.4, expected: 210, shortfall: 81.6 });
    expect(lineByCode(claim, '29881', ['RT'])).toMatchObject({ expected: 2450, shortfall: 100.8 });
    for (const [code, modifiers] of [
      ['99214', []],
      ['29881', ['RT']],
    ] as const) {
      expect(lineByCode(claim, code, [...modifiers]).flags.map((f) => f.kind)).toEqual(['underpaid']);
    }
    expect(lineByCode(claim, '36415')).toMatchObject({ shortfall: 0, flags: [] });
  });

  it('prints a table with the flagged lines, their shortfall and why, and a summary line', async () => {
    const r = await oon(['score', '--schedule', SAMPLE_SCHEDULE, '--as-of', AS_OF, AVAILITY_UNDERPAID]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Claim A26110400017  ACME HEALTH PLAN');
    expect(r.stdout).toMatch(
      /1\s+99214\s+\$128\.40\s+\$210\.00\s+\$81\.60\s+Allowed \$128\.40 is \$81\.60 below/,
    );
    expect(r.stdout).toMatch(/2\s+29881-RT\s+\$2,349\.20\s+\$2,450\.00\s+\$100\.80/);
    expect(r.stdout).not.toMatch(/^\s+3\s+36415/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '1 claim from 1 file; 1 underpaid by $182.40 in all; 0 denied (as of 2026-11-27).',
    );
  });

  it('finds the portal by the "saved from" URL Chrome writes as well as by the page content', async () => {
    const html = readFileSync(AVAILITY_UNDERPAID, 'utf8');
    const url = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';
    const saved = `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${html}`;
    const r = await oon(['score', '--json', '--schedule', SAMPLE_SCHEDULE, 'saved.htm'], {
      'saved.htm': saved,
    });
    expect(r.code).toBe(0);
    expect(parseReport(r.stdout).claims[0]).toMatchObject({
      portal: 'availity',
      claimNumber: 'A26110400017',
    });
  });
});

describe('oon score: 835 remittances', () => {
  const schedule = 'code,modifier,amount\n99211,,$800.00\n93555,,"$1,200.00"\n';

  it('scores every claim of the file with portal "era835"', async () => {
    const r = await oon(['score', '--json', '--schedule', 'mc.csv', '--as-of', AS_OF, MANAGED_CARE_835], {
      'mc.csv': schedule,
    });
    expect(r.code).toBe(0);
    const { claims, errors } = parseReport(r.stdout);
    expect(errors).toEqual([]);
    expect(claims.map((c) => [c.claimNumber, c.portal, c.source, c.payer, c.paidDate])).toEqual([
      ['94060555410000', 'era835', MANAGED_CARE_835, 'RUSHMORE LIFE', '2002-03-14'],
      ['94077799230000', 'era835', MANAGED_CARE_835, 'RUSHMORE LIFE', '2002-03-14'],
    ]);
    expect(lineByCode(claims[0]!, '99211')).toMatchObject({
      allowed: 800,
      expected: 800,
      shortfall: 0,
      flags: [],
    });
    // SVC*HC:93555*1200.00*550.00 with PR-1 600.00: allowed 1,150 (paid + deductible) against $1,200.
    expect(lineByCode(claims[1]!, '93555')).toMatchObject({ allowed: 1150, expected: 1200, shortfall: 50 });
    expect(lineByCode(claims[1]!, '93555').flags.map((f) => f.kind)).toEqual(['underpaid']);
    expect(claims[1]!.totals.shortfall).toBe(50);
    expect(claims[0]!.deadlines.appealBy).toBe('2002-09-10');
  });

  it('reads every shared 835 sample without an error', async () => {
    const files = [
      'affect-therapeutics-edi-835-parser/exhaustive_sample.txt',
      'chs-cds-aiml-edi-835-parser/test.835',
      'keironstoddart-edi-835-parser/emedny_sample.txt',
      'linuxforhealth-x12/secondary-payment.835',
      'oopfactory-x12parser/5010_835_WithMultipleInterchanges_deidentified.txt',
      'pyx12/835_mult_loops.txt',
    ].map((f) => path.join(ERA835_DIR, f));
    const r = await oon(['score', '--json', '--as-of', AS_OF, ...files]);
    expect(r.code).toBe(0);
    const { claims, errors } = parseReport(r.stdout);
    expect(errors).toEqual([]);
    expect(new Set(claims.map((c) => c.source))).toEqual(new Set(files));
  });
});

/** The CMS formula by hand from the raw CSV rows: [(wRVU×wGPCI) + (PE×peGPCI) + (MP×mpGPCI)] × CF. */
function independentMedicareCents(code: string, mac: string, locality: string): number {
  const rvu = readFileSync(path.join(CMS_DIR, 'PPRRVU25_JAN_nodesc.csv'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.split(','))
    .find((c) => c[0] === code && c[1] === '')!;
  const gpci = readFileSync(path.join(CMS_DIR, 'GPCI2025.csv'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.split(','))
    .find((c) => c[0] === mac && c[2] === locality)!;
  const [work, nonFacilityPe, mp, cf] = [rvu[4], rvu[5], rvu[9], rvu[23]].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const [gw, gp, gm] = [gpci[4], gpci[5], gpci[6]].map(Number) as [number, number, number];
  return Math.round((work * gw + nonFacilityPe * gp + mp * gm) * cf * 100);
}

describe('oon score: percent of Medicare from the real 2025 CMS files', () => {
  it('prices 99214 at 150% of the Los Angeles non-facility amount', async () => {
    const r = await oon([
      'score',
      '--json',
      '--medicare-rvu',
      path.join(CMS_DIR, 'PPRRVU25_JAN_nodesc.csv'),
      '--medicare-gpci',
      path.join(CMS_DIR, 'GPCI2025.csv'),
      '--locality',
      '01182-18',
      '--policy',
      `${FIXTURES}/policy-medicare.json`,
      '--as-of',
      AS_OF,
      AVAILITY_UNDERPAID,
    ]);
    expect(r.code).toBe(0);
    const claim = parseReport(r.stdout).claims[0]!;
    const medicareCents = independentMedicareCents('99214', '1182', '18');
    expect(medicareCents).toBe(13758); // (1.92×1.042 + 1.80×1.194 + 0.15×0.690) × 32.3465 = 137.581
    const line = lineByCode(claim, '99214');
    expect(line.expected).toBe((medicareCents * 1.5) / 100);
    expect(line.shortfall).toBe((medicareCents * 1.5 - 12840) / 100);
    expect(line.expectedBasis).toContain('150% of 2025 Medicare, locality 01182-18, non-facility');
    expect(line.flags.map((f) => f.kind)).toEqual(['underpaid']);
  });
});

describe('oon score: UCR and history from the claims of this run', () => {
  it('prices by the 80th percentile, then by what the payer allowed on the other claims read', async () => {
    const r = await oon([
      'score',
      '--json',
      '--ucr',
      `${FIXTURES}/ucr.csv`,
      '--region',
      '10001',
      '--policy',
      `${FIXTURES}/policy-ucr-history.json`,
      '--as-of',
      AS_OF,
      AVAILITY_UNDERPAID,
    ]);
    expect(r.code).toBe(0);
    const claim = parseReport(r.stdout).claims[0]!;
    expect(lineByCode(claim, '99214')).toMatchObject({ expected: 240, shortfall: 111.6 });
    expect(lineByCode(claim, '36415').expectedBasis).toContain(
      'median allowed by ACME HEALTH PLAN for 36415',
    );
  });
});

describe('oon score: inputs that cannot be read', () => {
  it('reports a missing file by name, exits 1 and still reports the other inputs', async () => {
    const missing = 'no/such/claim.html';
    const r = await oon(['score', '--json', '--schedule', SAMPLE_SCHEDULE, missing, AVAILITY_UNDERPAID]);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.claims.map((c) => c.claimNumber)).toEqual(['A26110400017']);
    expect(report.errors).toEqual([{ source: missing, message: expect.stringContaining(missing) }]);
    expect(r.stderr).toContain(missing);
  });

  it.each([
    ['a .txt that is not X12', `${FIXTURES}/not-x12.txt`, 'X12'],
    ['an .835 that is not X12', 'broken.835', 'broken.835'],
    ['a file of an unknown type', 'notes.docx', 'not a file oon reads'],
  ])('refuses %s', async (_, file, says) => {
    const r = await oon(['score', '--json', AVAILITY_UNDERPAID, file], {
      'broken.835': 'hello',
      'notes.docx': 'just words',
    });
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.claims).toHaveLength(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.source).toBe(file);
    expect(report.errors[0]!.message).toContain(says);
  });

  it('refuses a page neither a portal rule nor the generic reader can read, saying why', async () => {
    const file = `${FIXTURES}/unknown-page.html`;
    const r = await oon(['score', '--json', file]);
    expect(r.code).toBe(1);
    const report = parseReport(r.stdout);
    expect(report.claims).toEqual([]);
    expect(report.errors[0]).toMatchObject({ source: file });
    expect(report.errors[0]!.message).toContain(
      'no portal rule recognises this page; generic reader: lines:',
    );
  });

  it('says a claim list page is not a claim', async () => {
    const file = 'tests/fixtures/portals/availity/claim-list--results.html';
    const r = await oon(['score', '--json', file]);
    expect(r.code).toBe(1);
    expect(parseReport(r.stdout).errors[0]!.message).toContain('claimList page with');
  });
});

describe('oon score: --as-of', () => {
  it('counts the days left to each deadline from --as-of, the only date used', async () => {
    const at = async (asOf: string | undefined) => {
      const r = await oon([
        'score',
        '--json',
        '--schedule',
        SAMPLE_SCHEDULE,
        ...(asOf ? ['--as-of', asOf] : []),
        'tests/fixtures/portals/availity/claim-detail--nsa.html',
      ]);
      return { r, claim: parseReport(r.stdout).claims[0]! };
    };
    const early = await at('2026-11-10');
    const late = await at('2027-01-01');
    expect(early.r.todayCalls).toBe(0);
    // The dates count from the remittance date (2026-11-06); --as-of decides how much time is left.
    expect(early.claim.deadlines).toMatchObject({
      appealBy: '2027-05-05',
      appealDaysLeft: 176,
      openNegotiationNoticeBy: '2026-12-21',
      openNegotiationDaysLeft: 41,
    });
    expect(late.claim.deadlines).toMatchObject({
      appealBy: '2027-05-05',
      appealDaysLeft: 124,
      openNegotiationNoticeBy: '2026-12-21',
      openNegotiationDaysLeft: -11,
    });
    const table = await oon([
      'score',
      '--as-of',
      '2027-01-01',
      'tests/fixtures/portals/availity/claim-detail--nsa.html',
    ]);
    expect(table.stdout).toContain('open negotiation notice by 2026-12-21 (passed 11 days ago)');
    const today = await at(undefined);
    expect(today.r.todayCalls).toBe(1);
    expect(JSON.parse(today.r.stdout).asOf).toBe(AS_OF);
  });
});

describe('oon score: pages no portal rule knows', () => {
  it('reads them with the generic reader and says so', async () => {
    const file = `${FIXTURES}/generic-claim.html`;
    const r = await oon(['score', '--json', '--schedule', SAMPLE_SCHEDULE, '--as-of', AS_OF, file]);
    expect(r.code).toBe(0);
    const claim = parseReport(r.stdout).claims[0]!;
    expect(claim).toMatchObject({ portal: 'generic', claimNumber: 'EXP-2026-0042', payer: 'EXAMPLE MUTUAL' });
    expect(lineByCode(claim, '99214')).toMatchObject({ allowed: 120, expected: 210, shortfall: 90 });
    expect(r.stderr).toContain('read by the generic reader');
  });
});
