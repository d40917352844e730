import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeeScheduleCsv } from '../../../../storage/imports/fee-schedule-csv';

describe('parseFeeScheduleCsv', () => {
  it('reads the sample schedule shipped with the extension without a single error', () => {
    const text = readFileSync(path.resolve(process.cwd(), 'public/samples/fee-schedule.csv'), 'utf8');
    const { rows, errors, fatal } = parseFeeScheduleCsv(text);
    expect(fatal).toBeUndefined();
    expect(errors).toEqual([]);
    expect(rows.length).toBe(15);
    expect(rows).toContainEqual({
      code: '29881',
      modifier: '',
      amountCents: 245000,
      description: 'Knee arthroscopy meniscectomy',
    });
    expect(rows).toContainEqual({
      code: '71046',
      modifier: '26',
      amountCents: 3800,
      description: 'Chest x-ray 2 views (professional)',
    });
  });

  it.each([
    ['$1,234.50', 123450],
    ['1234.5', 123450],
    ['  $95 ', 9500],
    ['0.99', 99],
  ])('accepts the amount %s as %d cents', (amount, cents) => {
    const { rows, errors } = parseFeeScheduleCsv(`code,modifier,amount\n99213,,"${amount}"\n`);
    expect(errors).toEqual([]);
    expect(rows[0]!.amountCents).toBe(cents);
  });

  it('lists every unreadable row with its line number and reason, and keeps the good rows', () => {
    const csv = [
      'code,modifier,amount,description',
      '99213,,$145.00,ok',
      '9921,,$10.00,short code',
      '99214,,abc,garbled amount',
      '',
      '99215,XYZ,$295.00,bad modifier',
      '99203,,-$12.00,negative',
      '99204,,,empty amount',
      '99213,,$150.00,duplicate',
      '"99205",,"$1,410.00","quoted, with comma"',
    ].join('\n');
    const { rows, errors } = parseFeeScheduleCsv(csv);
    expect(errors).toEqual([
      { line: 3, message: '"9921" is not a CPT/HCPCS code' },
      { line: 4, message: '"abc" is not an amount' },
      { line: 6, message: '"XYZ" is not a two-character modifier' },
      { line: 7, message: 'the amount -$12.00 is negative' },
      { line: 8, message: 'the amount is empty' },
      { line: 9, message: '99213 is already on line 2' },
    ]);
    expect(rows.map((r) => [r.code, r.amountCents])).toEqual([
      ['99213', 14500],
      ['99205', 141000],
    ]);
  });

  it('refuses a file without the required columns, saying what the header should be', () => {
    const r = parseFeeScheduleCsv('cpt_code;price\n99213;145\n');
    expect(r.rows).toEqual([]);
    expect(r.fatal).toMatch(/no "code" column.*code,modifier,amount/);
  });

  it('reads optional payer and effective dates', () => {
    const r = parseFeeScheduleCsv(
      'code,modifier,amount,payer,effective_from,effective_to\n99213,,100,Acme,01/01/2026,2026-12-31\n99214,,100,,2026-13-01,\n',
    );
    expect(r.rows).toEqual([
      {
        code: '99213',
        modifier: '',
        amountCents: 10000,
        payer: 'Acme',
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-12-31',
      },
    ]);
    expect(r.errors).toEqual([
      { line: 3, message: '"2026-13-01" is not a date (use YYYY-MM-DD or MM/DD/YYYY)' },
    ]);
  });
});
