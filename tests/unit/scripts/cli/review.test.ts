import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, AVAILITY_UNDERPAID, CMS_DIR, oon, SAMPLE_SCHEDULE } from './helpers';

const MEDICARE = [
  '--medicare-rvu',
  path.join(CMS_DIR, 'PPRRVU25_JAN_nodesc.csv'),
  '--medicare-gpci',
  path.join(CMS_DIR, 'GPCI2025.csv'),
];

/** A saved Availity page for the coding demo claim: 71046 billed with 26 and TC on one line. */
const CODING_PAGE = 'coding-demo.html';
const CODING_HTML = `<!doctype html><html><head><title>Claim A26110400021</title></head><body>
<main><div class="av-breadcrumb">Claims &amp; Payments › Claim Status › Claim Detail</div>
<section class="av-card" aria-labelledby="claim-title" data-testid="claim-header">
<h1 id="claim-title">Claim Detail <span class="av-status">Finalized/Payment</span></h1>
<dl class="av-summary">
<div><dt>Claim Number</dt><dd>A26110400021</dd></div><div><dt>Patient Account Number</dt><dd>PA-100288</dd></div>
<div><dt>Payer</dt><dd>ACME HEALTH PLAN</dd></div><div><dt>Service Dates</dt><dd>10/20/2026</dd></div>
<div><dt>Claim Status</dt><dd>Finalized/Payment</dd></div><div><dt>Billed Amount</dt><dd>$95.00</dd></div>
<div><dt>Allowed Amount</dt><dd>$38.00</dd></div><div><dt>Paid Amount</dt><dd>$30.40</dd></div>
<div><dt>Patient Responsibility</dt><dd>$7.60</dd></div><div><dt>Check/EFT Number</dt><dd>EFT88120049</dd></div>
<div><dt>Check/EFT Date</dt><dd>11/10/2026</dd></div></dl></section>
<section class="av-card"><h2>Service Lines</h2>
<table data-testid="service-lines" aria-label="Service lines">
<thead><tr><th>Line</th><th>Service Date</th><th>Procedure</th><th>Modifiers</th><th>Units</th><th>Billed</th>
<th>Allowed</th><th>Deductible</th><th>Coinsurance</th><th>Copay</th><th>Paid</th><th>Adjustments</th><th>Remark Codes</th></tr></thead>
<tbody><tr><td>1</td><td>10/20/2026</td><td>71046</td><td>26, TC</td><td>1</td><td class="num">$95.00</td><td class="num">$38.00</td>
<td class="num">$0.00</td><td class="num">$7.60</td><td class="num">$0.00</td><td class="num">$30.40</td>
<td>CO-45: $57.00; PR-2: $7.60</td><td></td></tr></tbody></table></section></main></body></html>`;

interface ReviewJson {
  claims: {
    claimNumber: string;
    findings: { rule: string; lineNumber: number; message: string; fix: string }[];
  }[];
  chargeReview: {
    notes: string[];
    rows: {
      code: string;
      modifier: string;
      charge: number | null;
      medicare: number | null;
      flags: { kind: string }[];
    }[];
  } | null;
  denialPatterns: unknown[];
}

describe('oon review', () => {
  it('prints each claim with its coding findings and their fix', async () => {
    const r = await oon(['review', ...MEDICARE, '--as-of', AS_OF, AVAILITY_UNDERPAID, CODING_PAGE], {
      [CODING_PAGE]: CODING_HTML,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Claim A26110400021  ACME HEALTH PLAN');
    expect(r.stdout).toContain(
      'line 1  pc-tc: 71046-26-TC: PC/TC indicator 1 allows 26 or TC, not both: bill the global code without a modifier, or one component',
    );
    // The underpaid demo claim: 99214 the same day as 29881 (global 090) without 25 or 57, and 36415 status X.
    expect(r.stdout).toContain(
      'line 1  global-period: 99214: E/M on 2026-10-06 falls inside the global period of 29881',
    );
    expect(r.stdout).toContain('line 3  status: 36415: PFS status X');
    expect(r.stdout).toContain('2 claims reviewed; 3 coding findings on 2 claims (as of 2026-11-27).');
    expect(r.stdout).not.toContain('Charge review');
  });

  it('--json gives the findings and, with a schedule and locality, the charge review', async () => {
    const r = await oon(
      [
        'review',
        '--json',
        ...MEDICARE,
        '--locality',
        '01182-18',
        '--schedule',
        SAMPLE_SCHEDULE,
        '--as-of',
        AS_OF,
        CODING_PAGE,
      ],
      { [CODING_PAGE]: CODING_HTML },
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as ReviewJson;
    expect(json.claims).toHaveLength(1);
    expect(json.claims[0]!.findings.map((f) => [f.rule, f.lineNumber])).toEqual([['pc-tc', 1]]);
    expect(json.claims[0]!.findings[0]!.fix).toBe(
      'bill the global code without a modifier, or one component',
    );
    const rows = json.chargeReview!.rows;
    expect(rows.find((x) => x.code === '99214')!.medicare).toBeGreaterThan(0);
    expect(rows.find((x) => x.code === '71046' && x.modifier === '26')!.charge).toBe(38);
    expect(json.chargeReview!.notes).toContain('No UCR table loaded: percentile ranks are left blank.');
  });

  it('needs the Medicare files: the coding checks read the PFS indicators', async () => {
    const r = await oon(['review', AVAILITY_UNDERPAID]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('review needs --medicare-rvu and --medicare-gpci');
  });

  it('prints its own usage with --help', async () => {
    const r = await oon(['review', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run oon -- review --medicare-rvu CSV --medicare-gpci CSV');
  });
});
