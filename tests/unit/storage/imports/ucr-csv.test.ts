import { describe, expect, it } from 'vitest';
import { dollarsToCents, parseUcrCsv, percentileOfHeader } from '../../../../storage/imports/ucr-csv';

describe('percentileOfHeader', () => {
  it.each([
    ['p50', 50],
    ['P80', 80],
    ['50th', 50],
    ['80th percentile', 80],
    ['pct_75', 75],
    ['region', undefined],
    ['p100', undefined],
  ])('%s → %s', (header, percentile) => {
    expect(percentileOfHeader(header)).toBe(percentile);
  });
});

describe('dollarsToCents', () => {
  it.each([
    ['125.50', 12_550],
    ['$1,234.56', 123_456],
    ['80', 8_000],
    ['10.005', 1_001],
    ['-5.00', 'amount "-5.00" is negative'],
    ['(5.00)', 'amount "(5.00)" is negative'],
    ['12,5O', 'amount "12,5O" is not a dollar amount'],
  ])('%s → %s', (raw, want) => {
    expect(dollarsToCents(raw)).toBe(want);
  });
});

describe('parseUcrCsv', () => {
  it('reads code, modifier, geozip and the percentile columns', () => {
    const text = [
      'Synthetic UCR table, de-identified',
      'code,modifier,geozip,p50,p60,p70,p75,p80,p90,p95',
      '99214,,900,150,160,170,175,180,190,195',
      '71046,26,900,30,,,,40,,',
    ].join('\n');
    const result = parseUcrCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.notes).toEqual([{ line: 1, text: 'Synthetic UCR table, de-identified' }]);
    expect(result.percentiles).toEqual([50, 60, 70, 75, 80, 90, 95]);
    expect(result.rows).toEqual([
      {
        code: '99214',
        modifier: '',
        region: '900',
        amountsCents: [15_000, 16_000, 17_000, 17_500, 18_000, 19_000, 19_500],
      },
      {
        code: '71046',
        modifier: '26',
        region: '900',
        amountsCents: [3_000, undefined, undefined, undefined, 4_000, undefined, undefined],
      },
    ]);
  });

  it('accepts "50th" headers and a region column', () => {
    const result = parseUcrCsv('CPT,Mod,Region,50th,80th\r\n99213,,LOS ANGELES,"$1,100.00",$1500\r\n');
    expect(result.rows).toEqual([
      { code: '99213', modifier: '', region: 'LOS ANGELES', amountsCents: [110_000, 150_000] },
    ]);
  });

  it.each([
    ['99214,,900,-1,2', '99214: p50: amount "-1" is negative'],
    ['99214,,900,abc,2', '99214: p50: amount "abc" is not a dollar amount'],
    ['9,,900,1,2', 'code "9" is not a procedure code'],
    ['99214,ABC,900,1,2', '99214: modifier "ABC" is not two characters'],
    ['99214,,,1,2', '99214: region is blank'],
  ])('reports %s by line', (row, message) => {
    const result = parseUcrCsv(`code,modifier,geozip,p50,p80\n99213,,900,1,2\n${row}`);
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([{ line: 3, message }]);
  });

  it('reports duplicates and files with no percentile columns', () => {
    expect(parseUcrCsv('code,modifier,geozip,p50\n99213,,900,1\n99213,,900,2').errors).toEqual([
      { line: 3, message: 'duplicate row for 99213 in 900 (first at line 2)' },
    ]);
    expect(parseUcrCsv('code,modifier,geozip,amount\n99213,,900,1').errors[0]?.message).toContain(
      'no header row with a code column and percentile columns',
    );
  });
});
