import { describe, expect, it } from 'vitest';
import {
  type CodingRule,
  checkClaimCoding,
  indicatorRow,
  isEvaluationAndManagement,
} from '../../../../rules/coding/index';
import type { Adjustment, ClaimLine } from '../../../../rules/model';
import { claim, medicare2025, readCms } from '../pricing/fixtures';

/**
 * Every coding check against rows of the shared 2025 PPRRVU file (domain.md 1.4), positive and negative.
 * Each row names the raw CSV field its premise rests on; `premise` re-reads that field from the file
 * itself, so a test cannot pass on an indicator the parser got wrong.
 */

const RAW = new Map<string, string[]>();
for (const cells of readCms('PPRRVU25_JAN_nodesc.csv')
  .split(/\r?\n/)
  .map((l) => l.split(','))) {
  if (/^[A-Z0-9]{5}$/.test(cells[0] ?? '')) RAW.set(`${cells[0]}|${cells[1]}`, cells);
}
const FIELD = {
  status: 2,
  pcTc: 12,
  globalDays: 13,
  bilateral: 18,
  assistant: 19,
  coSurgeon: 20,
  team: 21,
} as const;

function premise(code: string, field: keyof typeof FIELD, modifier = ''): string {
  const cells = RAW.get(`${code}|${modifier}`);
  if (!cells) throw new Error(`${code} is not in PPRRVU25_JAN_nodesc.csv: pick a code from the shared file`);
  return cells[FIELD[field]]!;
}

type L = Partial<ClaimLine> & { code: string };
const mods = (s: string) => (s ? s.split('-') : []);
const rules = (lines: L[], extra = {}) =>
  checkClaimCoding(claim(lines, extra), medicare2025()).map((f) => f.rule as CodingRule);

interface Row {
  name: string;
  /** The raw PPRRVU field and its value the case relies on. */
  field: keyof typeof FIELD;
  code: string;
  value: string;
  modifiers: string;
  rule: CodingRule;
  flagged: boolean;
}

const LINE_CASES: Row[] = [
  // PC/TC indicator
  {
    name: '26 and TC together on a diagnostic test',
    field: 'pcTc',
    code: '71046',
    value: '1',
    modifiers: '26-TC',
    rule: 'pc-tc',
    flagged: true,
  },
  {
    name: '26 alone on a diagnostic test',
    field: 'pcTc',
    code: '71046',
    value: '1',
    modifiers: '26',
    rule: 'pc-tc',
    flagged: false,
  },
  {
    name: 'TC alone on a diagnostic test',
    field: 'pcTc',
    code: '71046',
    value: '1',
    modifiers: 'TC',
    rule: 'pc-tc',
    flagged: false,
  },
  {
    name: '26 on a physician service',
    field: 'pcTc',
    code: '99214',
    value: '0',
    modifiers: '26',
    rule: 'pc-tc',
    flagged: true,
  },
  {
    name: '26 on a professional-only code',
    field: 'pcTc',
    code: '93010',
    value: '2',
    modifiers: '26',
    rule: 'pc-tc',
    flagged: true,
  },
  {
    name: 'TC on a technical-only code',
    field: 'pcTc',
    code: '93005',
    value: '3',
    modifiers: 'TC',
    rule: 'pc-tc',
    flagged: true,
  },
  {
    name: '26 on a global-test-only code',
    field: 'pcTc',
    code: '93000',
    value: '4',
    modifiers: '26',
    rule: 'pc-tc',
    flagged: true,
  },
  {
    name: '26 on a lab interpretation code',
    field: 'pcTc',
    code: '83020',
    value: '6',
    modifiers: '26',
    rule: 'pc-tc',
    flagged: false,
  },
  {
    name: 'TC on a lab interpretation code',
    field: 'pcTc',
    code: '83020',
    value: '6',
    modifiers: 'TC',
    rule: 'pc-tc',
    flagged: true,
  },
  {
    name: 'no modifier on a physician service',
    field: 'pcTc',
    code: '99214',
    value: '0',
    modifiers: '',
    rule: 'pc-tc',
    flagged: false,
  },
  // Bilateral indicator
  {
    name: '50 where 150% applies',
    field: 'bilateral',
    code: '27447',
    value: '1',
    modifiers: '50',
    rule: 'bilateral',
    flagged: false,
  },
  {
    name: '50 where each side is paid',
    field: 'bilateral',
    code: '73721',
    value: '3',
    modifiers: '50',
    rule: 'bilateral',
    flagged: false,
  },
  {
    name: '50 where bilateral does not apply',
    field: 'bilateral',
    code: '99214',
    value: '0',
    modifiers: '50',
    rule: 'bilateral',
    flagged: true,
  },
  {
    name: '50 on an already bilateral code',
    field: 'bilateral',
    code: 'G0268',
    value: '2',
    modifiers: '50',
    rule: 'bilateral',
    flagged: true,
  },
  {
    name: 'RT+LT on an already bilateral code',
    field: 'bilateral',
    code: 'G0268',
    value: '2',
    modifiers: 'RT-LT',
    rule: 'bilateral',
    flagged: true,
  },
  {
    name: 'RT alone on an already bilateral code',
    field: 'bilateral',
    code: 'G0268',
    value: '2',
    modifiers: 'RT',
    rule: 'bilateral',
    flagged: false,
  },
  {
    name: '50 where the concept does not apply',
    field: 'bilateral',
    code: 'G0102',
    value: '9',
    modifiers: '50',
    rule: 'bilateral',
    flagged: true,
  },
  {
    name: '50 with RT on the same line',
    field: 'bilateral',
    code: '27447',
    value: '1',
    modifiers: '50-RT',
    rule: 'bilateral',
    flagged: true,
  },
  // Assistant at surgery
  {
    name: '80 where an assistant is never paid',
    field: 'assistant',
    code: '20610',
    value: '1',
    modifiers: '80',
    rule: 'assistant',
    flagged: true,
  },
  {
    name: 'AS where an assistant is never paid',
    field: 'assistant',
    code: '20610',
    value: '1',
    modifiers: 'AS',
    rule: 'assistant',
    flagged: true,
  },
  {
    name: '80 where an assistant may be paid',
    field: 'assistant',
    code: '27447',
    value: '2',
    modifiers: '80',
    rule: 'assistant',
    flagged: false,
  },
  {
    name: '82 where documentation is required',
    field: 'assistant',
    code: '29881',
    value: '0',
    modifiers: '82',
    rule: 'assistant',
    flagged: false,
  },
  {
    name: '80 where the concept does not apply',
    field: 'assistant',
    code: 'G0102',
    value: '9',
    modifiers: '80',
    rule: 'assistant',
    flagged: true,
  },
  {
    name: 'no assistant modifier',
    field: 'assistant',
    code: '20610',
    value: '1',
    modifiers: '',
    rule: 'assistant',
    flagged: false,
  },
  // Co-surgeons
  {
    name: '62 where co-surgeons are not permitted',
    field: 'coSurgeon',
    code: '20610',
    value: '0',
    modifiers: '62',
    rule: 'co-surgeon',
    flagged: true,
  },
  {
    name: '62 with documentation',
    field: 'coSurgeon',
    code: '27447',
    value: '1',
    modifiers: '62',
    rule: 'co-surgeon',
    flagged: false,
  },
  {
    name: '62 with two specialties',
    field: 'coSurgeon',
    code: '22612',
    value: '2',
    modifiers: '62',
    rule: 'co-surgeon',
    flagged: false,
  },
  {
    name: '62 where the concept does not apply',
    field: 'coSurgeon',
    code: 'G0102',
    value: '9',
    modifiers: '62',
    rule: 'co-surgeon',
    flagged: true,
  },
  // Team surgery
  {
    name: '66 where team surgery is not permitted',
    field: 'team',
    code: '27447',
    value: '0',
    modifiers: '66',
    rule: 'team-surgery',
    flagged: true,
  },
  {
    name: '66 where team surgery is permitted',
    field: 'team',
    code: '22818',
    value: '2',
    modifiers: '66',
    rule: 'team-surgery',
    flagged: false,
  },
  {
    name: '66 where the concept does not apply',
    field: 'team',
    code: 'G0102',
    value: '9',
    modifiers: '66',
    rule: 'team-surgery',
    flagged: true,
  },
  // Status codes
  {
    name: 'status X (statutory exclusion)',
    field: 'status',
    code: '36415',
    value: 'X',
    modifiers: '',
    rule: 'status',
    flagged: true,
  },
  {
    name: 'status B (bundled)',
    field: 'status',
    code: 'A4550',
    value: 'B',
    modifiers: '',
    rule: 'status',
    flagged: true,
  },
  {
    name: 'status N (non-covered)',
    field: 'status',
    code: 'A4210',
    value: 'N',
    modifiers: '',
    rule: 'status',
    flagged: true,
  },
  {
    name: 'status I (not valid for Medicare)',
    field: 'status',
    code: 'A0021',
    value: 'I',
    modifiers: '',
    rule: 'status',
    flagged: true,
  },
  {
    name: 'status A (active)',
    field: 'status',
    code: '99214',
    value: 'A',
    modifiers: '',
    rule: 'status',
    flagged: false,
  },
  {
    name: 'status E (excluded by regulation, not in the list)',
    field: 'status',
    code: 'J1100',
    value: 'E',
    modifiers: '',
    rule: 'status',
    flagged: false,
  },
];

describe('coding checks on one line, from the 2025 PPRRVU indicators', () => {
  it.each(LINE_CASES)('$code-$modifiers, $name ($field $value): flagged $flagged', (row) => {
    expect(premise(row.code, row.field, row.code === '83020' ? '26' : '')).toBe(row.value);
    const found = rules([{ code: row.code, modifiers: mods(row.modifiers) }]);
    expect(found.includes(row.rule)).toBe(row.flagged);
  });

  it('says the rule, the source and the fix in one message', () => {
    const [f] = checkClaimCoding(claim([{ code: '71046', modifiers: ['26', 'TC'] }]), medicare2025());
    expect(f!.message).toBe(
      '71046-26-TC: PC/TC indicator 1 allows 26 or TC, not both: bill the global code without a modifier, or one component (CMS 2025 PFS relative value file, PC/TC indicator; domain.md 1.4)',
    );
  });

  it('reads a lab code split from its 26 row (PC/TC 6) and its status from the row billed', () => {
    expect(premise('83020', 'pcTc')).toBe('9');
    expect(premise('83020', 'status')).toBe('X');
    expect(premise('83020', 'status', '26')).toBe('A');
    expect(rules([{ code: '83020', modifiers: ['26'] }])).toEqual([]);
    expect(rules([{ code: '83020' }])).toEqual(['status']);
    const tc = checkClaimCoding(claim([{ code: '83020', modifiers: ['TC'] }]), medicare2025());
    expect(tc.find((f) => f.rule === 'pc-tc')!.problem).toBe(
      'PC/TC indicator 6 (laboratory physician interpretation) does not allow TC',
    );
    expect(indicatorRow(medicare2025(), '71046')?.modifier).toBe('');
  });

  it('leaves codes the PFS does not list alone', () => {
    expect(rules([{ code: 'ZZ999', modifiers: ['26', 'TC', '50'] }])).toEqual([]);
  });
});

describe('bilateral pairs over two lines', () => {
  it.each([
    ['G0268', '2', true],
    ['99214', '0', true],
    ['27447', '1', false],
    ['73721', '3', false],
  ] as const)('%s RT and %s LT the same day (bilateral %s): flagged %s', (code, value, flagged) => {
    expect(premise(code, 'bilateral')).toBe(value);
    const found = checkClaimCoding(
      claim([
        { code, modifiers: ['RT'] },
        { code, modifiers: ['LT'] },
      ]),
      medicare2025(),
    ).filter((f) => f.rule === 'bilateral');
    expect(found.map((f) => f.lineNumber)).toEqual(flagged ? [2] : []);
  });

  it('lists a pair found on an earlier line before the later lines’ findings', () => {
    expect(premise('11042', 'bilateral')).toBe('0');
    expect(premise('11042', 'coSurgeon')).toBe('0');
    const found = checkClaimCoding(
      claim([
        { code: '11042', modifiers: ['LT'] },
        { code: '11042', modifiers: ['RT', '62'] },
      ]),
      medicare2025(),
    );
    expect(found.map((f) => [f.lineNumber, f.rule])).toEqual([
      [1, 'bilateral'],
      [2, 'co-surgeon'],
    ]);
  });

  it('does not pair RT and LT on different days', () => {
    expect(
      rules([
        { code: 'G0268', modifiers: ['RT'], serviceDate: '2025-03-04' },
        { code: 'G0268', modifiers: ['LT'], serviceDate: '2025-03-05' },
      ]),
    ).toEqual([]);
  });
});

describe('E/M inside a global surgical period', () => {
  const SURGERY = '2025-03-04';
  it.each([
    // code, global days, E/M date, E/M modifiers, flagged, suggested modifier
    ['27447', '090', '2025-03-20', '', true, '24'],
    ['27447', '090', '2025-03-20', '24', false, ''],
    ['27447', '090', '2025-03-03', '', true, '57'],
    ['27447', '090', '2025-03-03', '57', false, ''],
    ['27447', '090', '2025-03-02', '', false, ''],
    ['27447', '090', '2025-06-02', '', true, '24'], // day 90
    ['27447', '090', '2025-06-03', '', false, ''], // day 91
    ['10060', '010', '2025-03-14', '', true, '24'], // day 10
    ['10060', '010', '2025-03-15', '', false, ''], // day 11
    ['10060', '010', SURGERY, '', true, '25'],
    ['20610', '000', SURGERY, '', true, '25'],
    ['20610', '000', SURGERY, '25', false, ''],
    ['20610', '000', '2025-03-05', '', false, ''],
    ['71046', 'XXX', SURGERY, '', false, ''],
  ] as const)(
    '%s (global %s) and 99213 on %s with "%s": flagged %s',
    (code, days, date, modifier, flagged, suggested) => {
      expect(premise(code, 'globalDays').padStart(3, '0')).toBe(days);
      const found = checkClaimCoding(
        claim([
          { code, serviceDate: SURGERY },
          { code: '99213', serviceDate: date, modifiers: mods(modifier) },
        ]),
        medicare2025(),
      ).filter((f) => f.rule === 'global-period');
      expect(found.length > 0).toBe(flagged);
      if (flagged) {
        expect(found[0]!.lineNumber).toBe(2);
        expect(found[0]!.fix).toMatch(new RegExp(`^append ${suggested} `));
        expect(found[0]!.message).toContain(`global period of ${code} (line 1, ${SURGERY}`);
      }
    },
  );

  it('finds the global period of a procedure on a prior claim', () => {
    const prior = claim([{ code: '27447', serviceDate: '2025-02-20' }], { claimNumber: 'PRIOR-1' });
    const visit = claim([{ code: '99214', serviceDate: '2025-03-04' }]);
    const found = checkClaimCoding(visit, medicare2025(), { priorClaims: [prior] });
    expect(found.map((f) => f.rule)).toEqual(['global-period']);
    expect(found[0]!.message).toContain('global period of 27447 (claim PRIOR-1, 2025-02-20');
    expect(checkClaimCoding(visit, medicare2025())).toEqual([]);
  });

  it.each([
    ['99202', true],
    ['99499', true],
    ['99201', false],
    ['99500', false],
    ['27447', false],
  ])('%s is an E/M code: %s', (code, expected) => {
    expect(isEvaluationAndManagement(code)).toBe(expected);
  });
});

describe('units the payer did not allow', () => {
  const adj = (a: Partial<Adjustment>): Adjustment => ({ group: 'CO', reason: '45', amountCents: 100, ...a });
  it.each([
    [
      'an adjustment with a quantity',
      [adj({ reason: '151', quantity: 2 })],
      true,
      'did not allow 2 of the units',
    ],
    ['CARC 151 without a quantity', [adj({ reason: '151' })], true, 'CARC 151'],
    ['a contractual adjustment only', [adj({})], false, ''],
    ['a zero quantity', [adj({ quantity: 0 })], false, ''],
  ] as const)('%s: flagged %s', (_name, adjustments, flagged, text) => {
    const found = checkClaimCoding(
      claim([{ code: '97110', units: 4, adjustments: [...adjustments] }]),
      medicare2025(),
    ).filter((f) => f.rule === 'units');
    expect(found.length > 0).toBe(flagged);
    if (flagged) expect(found[0]!.problem).toContain(text);
  });
});
