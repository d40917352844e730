import { describe, expect, it } from 'vitest';
import {
  parseAdjustments,
  parseDate,
  parseDateRange,
  parseDigits,
  parseGroup,
  parseModifiers,
  parseMoney,
  parseProcedure,
  parseRemarks,
  parseStatus,
  parseUnits,
} from '../../../../rules/extract/parse-value';

describe('parseMoney', () => {
  it.each([
    ['$1,234.50', 123450],
    ['1234.5', 123450],
    ['$0.00', 0],
    ['0', 0],
    ['.5', 50],
    ['(12.00)', -1200],
    ['($12.00)', -1200],
    ['-12.00', -1200],
    ['-$12.00', -1200],
    ['$-12.00', -1200],
    ['12.00 CR', -1200],
    ['USD 1,450.00', 145000],
    ['  $ 25.68 ', 2568],
    ['$1,000,000.00', 100000000],
  ])('%s → %i cents', (text, cents) => expect(parseMoney(text)).toBe(cents));

  it.each([['-'], ['N/A'], [''], ['—'], ['none']])('%j is empty', (text) =>
    expect(parseMoney(text)).toBeUndefined(),
  );

  it.each([
    ['1,23.45'],
    ['$12.345'],
    ['(12.00'],
    ['12.00)'],
    ['abc'],
    ['$'],
    ['12 00'],
    ['1.2.3'],
    ['$12.00 USD'],
    ['CO-45'],
  ])('%j is rejected, not guessed', (text) => expect(parseMoney(text)).toBeNull());
});

describe('parseDate and parseDateRange', () => {
  it.each([
    ['10/06/2026', '2026-10-06'],
    ['1/2/26', '2026-01-02'],
    ['2026-10-06', '2026-10-06'],
    ['Nov 4, 2026', '2026-11-04'],
    ['Sept 4, 2026', '2026-09-04'],
    ['04-Nov-2026', '2026-11-04'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each([['02/30/2026'], ['13/01/2026'], ['yesterday'], ['2026/10']])('%s is rejected', (text) =>
    expect(parseDate(text)).toBeNull(),
  );

  it.each([
    ['10/06/2026 - 10/08/2026', ['2026-10-06', '2026-10-08']],
    ['10/06/2026 to 10/08/2026', ['2026-10-06', '2026-10-08']],
    ['10/06/2026', ['2026-10-06', '2026-10-06']],
  ])('range %s', (text, range) => expect(parseDateRange(text)).toEqual(range));

  it('refuses a range that ends before it starts', () =>
    expect(parseDateRange('10/08/2026 - 10/06/2026')).toBeNull());
});

describe('parseAdjustments', () => {
  it.each([
    [
      'CO-45: $121.60; PR-2: $25.68',
      [
        { group: 'CO', reason: '45', amountCents: 12160 },
        { group: 'PR', reason: '2', amountCents: 2568 },
      ],
    ],
    [
      'CO 45 121.60 | PR 2 25.68',
      [
        { group: 'CO', reason: '45', amountCents: 12160 },
        { group: 'PR', reason: '2', amountCents: 2568 },
      ],
    ],
    [
      'CO45 121.60 PR2 25.68',
      [
        { group: 'CO', reason: '45', amountCents: 12160 },
        { group: 'PR', reason: '2', amountCents: 2568 },
      ],
    ],
    ['CO-197 1,450.00', [{ group: 'CO', reason: '197', amountCents: 145000 }]],
    ['OA-23: (10.00)', [{ group: 'OA', reason: '23', amountCents: -1000 }]],
    ['PI-B7 $5.00', [{ group: 'PI', reason: 'B7', amountCents: 500 }]],
    ['', []],
  ])('%j', (text, adjustments) => expect(parseAdjustments(text)).toEqual(adjustments));

  it.each([['CO-45'], ['CO-45: $121.60; see notes'], ['XX-45 $1.00']])(
    '%j has no attributable amount → null',
    (text) => expect(parseAdjustments(text)).toBeNull(),
  );

  it.each([
    ['CO', 'CO'],
    ['pr', 'PR'],
    ['', undefined],
    ['XY', null],
  ])('group %j → %j', (text, group) => expect(parseGroup(text)).toBe(group));
});

describe('procedure codes and modifiers', () => {
  it.each([
    ['99214', { code: '99214', modifiers: [] }],
    ['29881-RT', { code: '29881', modifiers: ['RT'] }],
    ['29881 RT', { code: '29881', modifiers: ['RT'] }],
    ['71046-26-59', { code: '71046', modifiers: ['26', '59'] }],
    ['g0121', { code: 'G0121', modifiers: [] }],
    ['0042T', { code: '0042T', modifiers: [] }],
  ])('%s', (text, parsed) => expect(parseProcedure(text)).toEqual(parsed));

  it.each([['9921'], ['Total'], ['NOTES'], ['$250.00']])('%j is not a procedure code', (text) =>
    expect(parseProcedure(text)).toBeNull(),
  );

  it.each([
    ['25, 59', ['25', '59']],
    ['RT LT', ['RT', 'LT']],
    ['26', ['26']],
    ['', []],
    ['-', []],
  ])('modifiers %j', (text, mods) => expect(parseModifiers(text)).toEqual(mods));

  it.each([['RTX'], ['1, 2, 3, 4, 5']])('modifiers %j rejected', (text) =>
    expect(parseModifiers(text)).toBeNull(),
  );
});

describe('remarks, units, digits', () => {
  it.each([
    ['N130, MA01', ['N130', 'MA01']],
    ['N381 - Consult our contractual agreement', ['N381']],
    ['M15 M15', ['M15']],
    ['None', []],
  ])('remarks %j', (text, codes) => expect(parseRemarks(text)).toEqual(codes));

  it('remarks text without codes is rejected', () => expect(parseRemarks('see letter')).toBeNull());

  it.each([
    ['1', 1],
    ['2.5', 2.5],
    ['0', null],
    ['one', null],
  ])('units %j → %j', (text, units) => expect(parseUnits(text)).toBe(units));

  it.each([
    ['1234567893', 10, '1234567893'],
    ['12-3456789', 9, '123456789'],
    ['12345', 10, null],
    ['12345678AB', 10, null],
  ])('digits %j (%i) → %j', (text, length, out) => expect(parseDigits(text, length)).toBe(out));
});

describe('parseStatus', () => {
  it.each([
    ['Paid', 'paid'],
    ['Finalized/Payment', 'paid'],
    ['Processed', 'paid'],
    ['Finalized/Denial', 'denied'],
    ['Denied', 'denied'],
    ['Rejected', 'denied'],
    ['Processed - Not Paid', 'denied'],
    ['Partially Paid', 'partial'],
    ['Pending', 'pending'],
    ['Pended', 'pending'],
    ['In Process', 'pending'],
    ['Not yet paid', 'pending'],
    ['Reversed', 'reversed'],
    ['Mystery', 'unknown'],
  ])('%s → %s', (text, status) => expect(parseStatus(text)).toBe(status));
});
