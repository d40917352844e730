import { describe, expect, it } from 'vitest';
import { headerKey, readGeneric } from '../../../../rules/extract/generic';
import type { Claim } from '../../../../rules/model';
import { parseHtml } from '../../../../scripts/lib/dom';
import { fixtureDocument, portalFixtures } from './portal-fixtures';

type Expected = { ok: true; claim: Claim } | { ok: false; missing: string[] };
const fixtures = portalFixtures().filter(
  (f) => f.kind.kind === 'claimDetail' || f.kind.kind === 'remittance',
);
const readable = fixtures.filter((f) => (f.expected as Expected).ok);

describe('the generic reader on every portal fixture, with the rule removed', () => {
  it.each(readable.map((f) => [f.name, f] as const))(
    '%s reads the same lines and totals as the rule',
    (_n, f) => {
      const expected = (f.expected as { claim: Claim }).claim;
      const result = readGeneric(fixtureDocument(f), { payerName: expected.payerName });
      if (!result.ok) throw new Error(`${f.name}: ${result.missing.join('; ')}`);
      expect(result.claim.lines).toEqual(expected.lines);
      expect(result.claim.claimNumber).toBe(expected.claimNumber);
      expect(result.claim.billedCents).toBe(expected.billedCents);
      expect(result.claim.paidCents).toBe(expected.paidCents);
      expect(result.claim.status).toBe(expected.status);
      expect(result.confidence).toBeGreaterThan(0.8);
      expect(result.confidence).toBeLessThanOrEqual(1);
    },
  );

  it('reads the UHC layout the rule no longer understands, with lower confidence and notes why', () => {
    const broken = fixtures.find((f) => f.name === 'uhc/claim-detail--broken-renamed')!;
    const sameData = fixtures.find((f) => f.name === 'availity/claim-detail--underpaid')!;
    const result = readGeneric(fixtureDocument(broken), { payerName: 'UnitedHealthcare' });
    if (!result.ok) throw new Error(result.missing.join('; '));
    expect(result.claim.claimNumber).toBe('U26110400099');
    expect(result.claim.lines).toEqual((sameData.expected as { claim: Claim }).claim.lines);
    expect(result.confidence).toBeLessThan(0.9);
    expect(result.notes.join('\n')).toMatch(/no billed total/);
  });

  it.each(fixtures.filter((f) => f.name.includes('no-lines')).map((f) => [f.name, f] as const))(
    '%s: no line table → ok:false naming the lines',
    (_n, f) => {
      const result = readGeneric(fixtureDocument(f), { payerName: 'X' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.missing.join()).toMatch(/^lines: no table/);
    },
  );

  it('does not read a claim list as a claim', () => {
    const list = portalFixtures().find((f) => f.name === 'uhc/claim-list--results')!;
    expect(readGeneric(fixtureDocument(list), { payerName: 'X' }).ok).toBe(false);
  });
});

function page(opts: {
  summary?: string;
  headers: string[];
  rows: string[][];
  extra?: string;
  grid?: boolean;
}): Document {
  const summary =
    opts.summary ??
    '<dl><dt>Claim Number</dt><dd>SYN-CLM-1</dd><dt>Payer</dt><dd>SYNTHETIC PLAN</dd><dt>Total Paid</dt><dd>$80.00</dd></dl>';
  const table = opts.grid
    ? `<div role="grid" aria-label="Lines"><div role="row">${opts.headers.map((h) => `<div role="columnheader">${h}</div>`).join('')}</div>${opts.rows
        .map((r) => `<div role="row">${r.map((c) => `<div role="gridcell">${c}</div>`).join('')}</div>`)
        .join('')}</div>`
    : `<table><thead><tr>${opts.headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${opts.rows
        .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  return parseHtml(`<main>${summary}${table}${opts.extra ?? ''}</main>`);
}

describe('the generic reader on hand-made pages', () => {
  it.each([
    ['plain order', ['CPT', 'Charges', 'Allowed', 'Paid'], ['99213', '$150.00', '$100.00', '$80.00']],
    [
      'any column order',
      ['Paid Amount', 'Allowed Amount', 'Procedure Code', 'Billed Amount'],
      ['80.00', '100.00', '99213', '1,50.00'.replace('1,50', '150')],
    ],
    ['money formats', ['Proc', 'Charge', 'Allowed', 'Net Paid'], ['99213', 'USD 150.00', '$100', '80.0']],
    [
      'headers with (s) and punctuation',
      ['Proc/Mod', 'Billed Amt.', 'Allowed', 'Provider Paid:'],
      ['99213', '150.00', '100.00', '80.00'],
    ],
  ] as const)('%s', (_name, headers, row) => {
    const result = readGeneric(page({ headers: [...headers], rows: [[...row]] }));
    if (!result.ok) throw new Error(result.missing.join('; '));
    expect(result.claim.lines[0]).toMatchObject({
      code: '99213',
      billedCents: 15000,
      allowedCents: 10000,
      paidCents: 8000,
    });
    expect(result.claim.payerName).toBe('SYNTHETIC PLAN');
  });

  it('reads an ARIA grid, split adjustments and negative amounts', () => {
    const result = readGeneric(
      page({
        grid: true,
        headers: [
          'DOS',
          'Code',
          'Modifier(s)',
          'Units',
          'Billed',
          'Paid',
          'Group',
          'Reason Code',
          'Adj Amount',
          'Remark Codes',
        ],
        rows: [
          [
            '10/06/2026',
            '29881',
            'RT',
            '1',
            '$150.00',
            '$80.00',
            '<div>CO</div><div>OA</div>',
            '<div>45</div><div>23</div>',
            '<div>$80.00</div><div>(10.00)</div>',
            'N381',
          ],
        ],
      }),
    );
    if (!result.ok) throw new Error(result.missing.join('; '));
    expect(result.claim.lines[0]).toMatchObject({
      code: '29881',
      modifiers: ['RT'],
      serviceDate: '2026-10-06',
      adjustments: [
        { group: 'CO', reason: '45', amountCents: 8000 },
        { group: 'OA', reason: '23', amountCents: -1000 },
      ],
      remarks: ['N381'],
    });
  });

  it('skips total rows and derives the status from the lines', () => {
    const result = readGeneric(
      page({
        headers: ['CPT', 'Billed', 'Paid'],
        rows: [
          ['99213', '150.00', '80.00'],
          ['97110', '50.00', '0.00'],
          ['Total', '200.00', '80.00'],
        ],
      }),
    );
    if (!result.ok) throw new Error(result.missing.join('; '));
    expect(result.claim.lines).toHaveLength(2);
    expect(result.claim.status).toBe('partial');
  });

  it('refuses two columns that both mean paid', () => {
    const result = readGeneric(
      page({
        headers: ['CPT', 'Billed', 'Paid', 'Plan Paid'],
        rows: [['99213', '150.00', '80.00', '70.00']],
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      missing: [expect.stringMatching(/^lines\.paid: 2 columns match .*refusing to guess/)],
    });
  });

  it('refuses two tables that both look like service lines', () => {
    const doc = page({
      headers: ['CPT', 'Billed', 'Paid'],
      rows: [['99213', '150.00', '80.00']],
      extra:
        '<table><thead><tr><th>Procedure</th><th>Charges</th><th>Payment</th></tr></thead><tbody><tr><td>99214</td><td>1.00</td><td>1.00</td></tr></tbody></table>',
    });
    const result = readGeneric(doc);
    expect(result).toMatchObject({
      ok: false,
      missing: [expect.stringMatching(/^lines: 2 tables look like service lines/)],
    });
  });

  it('refuses two different values labelled as the paid total', () => {
    const result = readGeneric(
      page({
        summary:
          '<dl><dt>Claim Number</dt><dd>SYN1</dd><dt>Payer</dt><dd>P</dd><dt>Total Paid</dt><dd>$80.00</dd><dt>Amount Paid</dt><dd>$70.00</dd></dl>',
        headers: ['CPT', 'Billed', 'Paid'],
        rows: [['99213', '150.00', '80.00']],
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      missing: [expect.stringMatching(/^paid: 2 different values/)],
    });
  });

  it('refuses lines that do not add up to the total shown', () => {
    const result = readGeneric(
      page({ headers: ['CPT', 'Billed', 'Paid'], rows: [['99213', '150.00', '60.00']] }),
    );
    expect(result).toMatchObject({
      ok: false,
      missing: ["paid: claim total $80.00 differs from the lines' $60.00"],
    });
  });

  it('names an unreadable cell instead of skipping it', () => {
    const result = readGeneric(
      page({ headers: ['CPT', 'Billed', 'Paid'], rows: [['99213', '150.00', 'eighty']] }),
    );
    expect(result).toMatchObject({ ok: false, missing: ['lines[1].paid: not an amount: "eighty"'] });
  });

  it('needs a payer: from the page or the caller', () => {
    const doc = () =>
      page({
        summary: '<dl><dt>Claim #</dt><dd>SYN1</dd></dl>',
        headers: ['CPT', 'Billed', 'Paid'],
        rows: [['99213', '150.00', '80.00']],
      });
    expect(readGeneric(doc())).toMatchObject({
      ok: false,
      missing: ['payerName: the page names no payer and none was given'],
    });
    const given = readGeneric(doc(), { payerName: 'Given Plan' });
    expect(given.ok && given.claim.payerName).toBe('Given Plan');
    expect(given.ok && given.confidence).toBeLessThan(0.9);
  });

  it.each([
    ['Date(s) of Service', 'date of service'],
    ['Proc/Mod', 'proc mod'],
    ['  Paid  Amount: ', 'paid amount'],
  ])('headerKey(%j) = %j', (text, key) => expect(headerKey(text)).toBe(key));
});
