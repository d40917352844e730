import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClaimScore, ClaimStatusSchema, type DenialCategory, type FlagKind } from '../../../rules/model';
import { type ClaimRecord, openDatabase } from '../../../storage/db';
import {
  agingOfOpenFindings,
  appendPage,
  applyChanges,
  CLAIM_STATUSES,
  centsToDecimal,
  csvField,
  denialCategories,
  filterItems,
  flaggedVsRecovered,
  loadClaimRecord,
  loadWorklistChunk,
  loadWorklistItems,
  loadWorklistPage,
  mergeSorted,
  payerScorecard,
  setWorklistStatus,
  shortfallByCode,
  shortfallByPayer,
  sortByPriority,
  toWorklistItem,
  type WorklistFilter,
  type WorklistItem,
  watchClaims,
  worklistCsv,
} from '../../../storage/worklist';

interface Synth {
  n: number;
  payer?: string;
  status?: ClaimRecord['status'];
  priority?: number;
  flags?: FlagKind[];
  shortfall?: number;
  paidDate?: string;
  appealBy?: string;
  nsaBy?: string;
  worklistStatus?: ClaimRecord['worklistStatus'];
  lines?: { code: string; shortfall: number; categories?: DenialCategory[] }[];
  expected?: number;
  paid?: number;
}

/** A synthetic stored record: TESTPATIENT names, SYN accounts, invented T-claim numbers. */
function rec(s: Synth): ClaimRecord {
  const lines = s.lines ?? [{ code: '99214', shortfall: s.shortfall ?? 0 }];
  const paid = s.paid ?? 10_000;
  const expected = s.expected ?? paid + (s.shortfall ?? 0);
  const score: ClaimScore = {
    asOf: '2026-12-01',
    totals: {
      billedCents: 50_000,
      allowedCents: expected,
      paidCents: paid,
      patientResponsibilityCents: 0,
      expectedCents: expected,
      shortfallCents: s.shortfall ?? 0,
    },
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      allowedCents: 0,
      allowedDerived: false,
      expectedCents: null,
      expectedBasis: null,
      shortfallCents: l.shortfall,
      categories: l.categories ?? ['contractual'],
      flags: [],
    })),
    flags: (s.flags ?? []).map((kind) => ({ kind, message: kind })),
    categories: [],
    deadlines: { appealBy: s.appealBy, openNegotiationNoticeBy: s.nsaBy },
    nsa: false,
    priority: s.priority ?? 0,
    flaggedLineCount: 0,
  };
  const claimNumber = `T-${String(s.n).padStart(5, '0')}`;
  return {
    key: claimNumber.replace('-', ''),
    claim: {
      claimNumber,
      patientAccount: `SYN-ACCT-${s.n}`,
      patientName: `TESTPATIENT, NUMBER ${s.n}`,
      payerName: s.payer ?? 'TEST PAYER A',
      status: s.status ?? 'paid',
      serviceDateFrom: '2026-10-01',
      paidDate: s.paidDate,
      billedCents: 50_000,
      allowedCents: expected,
      paidCents: paid,
      adjustments: [],
      remarks: [],
      lines: lines.map((l, i) => ({
        lineNumber: i + 1,
        code: l.code,
        modifiers: [],
        units: 1,
        billedCents: 10_000,
        paidCents: 5_000,
        adjustments: [],
        remarks: [],
      })),
    },
    sources: [],
    score,
    payerName: s.payer ?? 'TEST PAYER A',
    status: s.status ?? 'paid',
    priority: s.priority ?? 0,
    flagKinds: s.flags ?? [],
    shortfallCents: s.shortfall ?? 0,
    paidDate: s.paidDate ?? '',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...(s.worklistStatus ? { worklistStatus: s.worklistStatus } : {}),
  };
}

const ASOF = '2026-12-01';
const RECORDS: ClaimRecord[] = [
  rec({
    n: 1,
    priority: 50,
    flags: ['underpaid'],
    shortfall: 18_240,
    paidDate: '2026-11-04',
    appealBy: '2027-05-03',
  }),
  rec({
    n: 2,
    priority: 90,
    status: 'denied',
    flags: ['denied'],
    shortfall: 78_000,
    paidDate: '2026-11-05',
    appealBy: '2026-12-10',
  }),
  rec({
    n: 3,
    priority: 70,
    payer: 'TEST PAYER B',
    flags: ['nsa', 'balance-billing'],
    paidDate: '2026-08-20',
    nsaBy: '2026-12-20',
  }),
  rec({ n: 4, priority: 0, payer: 'TEST PAYER B', paidDate: '2026-10-01' }),
  rec({
    n: 5,
    priority: 50,
    flags: ['underpaid'],
    shortfall: 100,
    paidDate: '2026-09-15',
    worklistStatus: 'appealed',
  }),
];
const ITEMS = RECORDS.map(toWorklistItem);
const items = (rs: ClaimRecord[]) => rs.map(toWorklistItem);
const keysOf = (rs: { key: string }[]) => rs.map((r) => r.key);

describe('filtering', () => {
  it.each<[string, WorklistFilter, string[]]>([
    ['no filter keeps all', {}, ['T00001', 'T00002', 'T00003', 'T00004', 'T00005']],
    ['payer', { payer: 'TEST PAYER B' }, ['T00003', 'T00004']],
    ['claim status', { status: 'denied' }, ['T00002']],
    ['flag kind', { flagKind: 'underpaid' }, ['T00001', 'T00005']],
    ['appeal deadline within 10 days', { deadlineWithinDays: 10 }, ['T00002']],
    ['NSA notice deadline within 30 days', { deadlineWithinDays: 30 }, ['T00002', 'T00003']],
    ['paid date range, inclusive', { paidFrom: '2026-10-01', paidTo: '2026-11-04' }, ['T00001', 'T00004']],
    ['follow-up: appealed', { followUp: 'appealed' }, ['T00005']],
    [
      'follow-up: open includes records without a status',
      { followUp: 'open', payer: 'TEST PAYER A' },
      ['T00001', 'T00002'],
    ],
    ['search a claim number, hyphen and case ignored', { search: 't-00003' }, ['T00003']],
    ['search part of a patient account', { search: 'acct-4' }, ['T00004']],
    ['filters combine', { payer: 'TEST PAYER A', flagKind: 'underpaid', followUp: 'open' }, ['T00001']],
  ])('%s', (_name, filter, expected) => {
    expect(keysOf(filterItems(ITEMS, filter, ASOF))).toEqual(expected);
  });
});

describe('sorting', () => {
  it('puts the highest priority first, then the larger shortfall, then the claim key', () => {
    expect(keysOf(sortByPriority(ITEMS))).toEqual(['T00002', 'T00003', 'T00001', 'T00005', 'T00004']);
  });
});

describe('CSV export', () => {
  it.each([
    [123_450, '1234.50'],
    [5, '0.05'],
    [-1_205, '-12.05'],
    [0, '0.00'],
  ])('%i cents is written %s', (cents, text) => {
    expect(centsToDecimal(cents)).toBe(text);
  });

  it.each([
    ['plain', 'plain'],
    ['A, B', '"A, B"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ])('escapes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('round-trips: parsed back, every row equals the stored record it came from', () => {
    const tricky = rec({
      n: 6,
      payer: 'TEST "QUOTED", PAYER\nLLC',
      flags: ['underpaid', 'coding'],
      shortfall: 1_234_550,
    });
    const records = sortByPriority([...RECORDS, tricky].map((r) => ({ ...toWorklistItem(r), r }))).map(
      (x) => x.r,
    );
    const parsed = Papa.parse<Record<string, string>>(worklistCsv(items(records)), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([
      'claim number',
      'payer',
      'status',
      'service date',
      'paid date',
      'billed',
      'allowed',
      'expected',
      'paid',
      'shortfall',
      'flags',
      'appeal by',
      'NSA notice by',
      'worklist status',
    ]);
    const cents = (s: string | undefined) => Math.round(Number(s) * 100);
    expect(parsed.data).toHaveLength(records.length);
    parsed.data.forEach((row, i) => {
      const r = records[i]!;
      expect(row['claim number']).toBe(r.claim.claimNumber);
      expect(row.payer).toBe(r.payerName);
      expect(row.status).toBe(r.status);
      expect(row['paid date']).toBe(r.paidDate);
      expect(cents(row.billed)).toBe(r.claim.billedCents);
      expect(cents(row.expected)).toBe(r.score!.totals.expectedCents);
      expect(cents(row.paid)).toBe(r.claim.paidCents);
      expect(cents(row.shortfall)).toBe(r.shortfallCents);
      expect(row.flags ? row.flags.split('; ') : []).toEqual(r.flagKinds);
      expect(row['appeal by']).toBe(r.score!.deadlines.appealBy ?? '');
      expect(row['NSA notice by']).toBe(r.score!.deadlines.openNegotiationNoticeBy ?? '');
      expect(row['worklist status']).toBe(r.worklistStatus ?? 'open');
      for (const money of ['billed', 'allowed', 'expected', 'paid', 'shortfall'])
        expect(row[money]).toMatch(/^-?\d+\.\d{2}$/);
    });
    expect(parsed.data.find((r) => r['claim number'] === 'T-00006')?.shortfall).toBe('12345.50');
  });

  it('writes no patient name into the export', () => {
    expect(worklistCsv(ITEMS)).not.toContain('TESTPATIENT');
  });
});

describe('reports', () => {
  it('sums shortfall per payer, largest first, leaving out claims without one', () => {
    expect(shortfallByPayer(ITEMS)).toEqual([
      { payerName: 'TEST PAYER A', claims: 3, shortfallCents: 96_340 },
    ]);
  });

  it('sums line shortfall per procedure code', () => {
    const rs = [
      rec({
        n: 1,
        lines: [
          { code: '99214', shortfall: 500 },
          { code: '29881', shortfall: 9_000 },
        ],
      }),
      rec({
        n: 2,
        lines: [
          { code: '99214', shortfall: 700 },
          { code: '36415', shortfall: 0 },
        ],
      }),
    ];
    expect(shortfallByCode(items(rs))).toEqual([
      { code: '29881', lines: 1, shortfallCents: 9_000 },
      { code: '99214', lines: 2, shortfallCents: 1_200 },
    ]);
  });

  it('scores each payer per month as paid over expected', () => {
    const rs = [
      rec({ n: 1, paidDate: '2026-11-04', paid: 8_000, expected: 10_000 }),
      rec({ n: 2, paidDate: '2026-11-20', paid: 10_000, expected: 10_000 }),
      rec({ n: 3, paidDate: '2026-10-02', paid: 5_000, expected: 20_000 }),
      rec({ n: 4, paidDate: '2026-10-02', paid: 0, expected: 0 }),
    ];
    expect(payerScorecard(items(rs))).toEqual([
      {
        payerName: 'TEST PAYER A',
        month: '2026-10',
        claims: 1,
        paidCents: 5_000,
        expectedCents: 20_000,
        paidPercent: 25,
      },
      {
        payerName: 'TEST PAYER A',
        month: '2026-11',
        claims: 2,
        paidCents: 18_000,
        expectedCents: 20_000,
        paidPercent: 90,
      },
    ]);
  });

  it('counts denial categories per line and per claim, without contractual and cost share', () => {
    const rs = [
      rec({
        n: 1,
        lines: [{ code: '73721', shortfall: 78_000, categories: ['authorization', 'contractual'] }],
      }),
      rec({
        n: 2,
        lines: [
          { code: '99214', shortfall: 100, categories: ['authorization'] },
          { code: '99215', shortfall: 200, categories: ['authorization', 'bundling'] },
        ],
      }),
    ];
    expect(denialCategories(items(rs))).toEqual([
      { category: 'authorization', claims: 2, lines: 3, shortfallCents: 78_300 },
      { category: 'bundling', claims: 1, lines: 1, shortfallCents: 200 },
    ]);
  });

  it('ages open findings by days since payment, leaving out resolved and unflagged claims', () => {
    const rs = [
      ...RECORDS,
      rec({ n: 7, flags: ['underpaid'], shortfall: 1, paidDate: '2026-01-01', worklistStatus: 'resolved' }),
      rec({ n: 8, flags: ['underpaid'], shortfall: 2 }),
    ];
    expect(agingOfOpenFindings(items(rs), ASOF)).toEqual([
      { bucket: '0–30', claims: 2, shortfallCents: 96_240 },
      { bucket: '31–60', claims: 0, shortfallCents: 0 },
      { bucket: '61–90', claims: 1, shortfallCents: 100 },
      { bucket: '90+', claims: 1, shortfallCents: 0 },
      { bucket: 'no paid date', claims: 1, shortfallCents: 2 },
    ]);
  });

  it('sets flagged against recovered per month, recovered 0 until outcomes are recorded', () => {
    const rs = [...RECORDS, { ...rec({ n: 9, paidDate: '2026-11-30' }), recoveredCents: 4_200 }];
    expect(flaggedVsRecovered(items(rs))).toEqual([
      { month: '2026-08', flaggedClaims: 1, flaggedCents: 0, recoveredCents: 0 },
      { month: '2026-09', flaggedClaims: 1, flaggedCents: 100, recoveredCents: 0 },
      { month: '2026-11', flaggedClaims: 2, flaggedCents: 96_240, recoveredCents: 4_200 },
    ]);
  });
});

describe('keeping order as pages and changes arrive', () => {
  const many = Array.from({ length: 40 }, (_, n) =>
    toWorklistItem(rec({ n, priority: n % 4, shortfall: (n * 37) % 11, flags: ['underpaid'] })),
  );
  const indexOrder = [...many].sort((a, b) => b.priority - a.priority || (a.key < b.key ? 1 : -1));

  it.each([1, 3, 7, 10, 40])('pages of %i appended in index order end in worklist order', (size) => {
    let list: WorklistItem[] = [];
    for (let i = 0; i < indexOrder.length; i += size) list = appendPage(list, indexOrder.slice(i, i + size));
    expect(keysOf(list)).toEqual(keysOf(sortByPriority(many)));
  });

  it('moves a changed claim to its new place and drops a deleted one', () => {
    const sorted = sortByPriority(many);
    const moved = { ...sorted[30]!, priority: 99 };
    const next = applyChanges(sorted, [moved], [sorted[0]!.key]);
    expect(next).toHaveLength(39);
    expect(next[0]!.key).toBe(moved.key);
    expect(keysOf(next)).toEqual(keysOf(sortByPriority(next)));
  });
});

describe('storage', () => {
  const db = openDatabase(`worklist-test-${Math.random()}`);
  afterEach(async () => {
    await db.claims.clear();
  });

  it.each([1, 2, 3, 5])(
    'pages slim items by the priority index, %i at a time, ties included',
    async (size) => {
      const tied = [...RECORDS, rec({ n: 6, priority: 50, shortfall: 5 }), rec({ n: 7, priority: 50 })];
      await db.claims.bulkPut(tied);
      let list: WorklistItem[] = [];
      let cursor: Parameters<typeof loadWorklistPage>[1];
      do {
        const page = await loadWorklistPage(db, cursor, size);
        list = appendPage(list, page.items);
        cursor = page.next;
      } while (cursor);
      expect(keysOf(list)).toEqual(keysOf(sortByPriority(items(tied))));
      expect(list[0]).not.toHaveProperty('claim');
    },
  );

  it.each([1, 2, 4, 10])(
    'the first page from the index, then key-ordered chunks of %i merged in, gives worklist order',
    async (size) => {
      const tied = [...RECORDS, rec({ n: 6, priority: 50, shortfall: 5 }), rec({ n: 7, priority: 50 })];
      await db.claims.bulkPut(tied);
      let list = (await loadWorklistPage(db, undefined, 2)).items;
      const listed = new Set(keysOf(list));
      let after: string | undefined;
      do {
        const chunk = await loadWorklistChunk(db, after, size);
        list = mergeSorted(list, chunk.items, listed);
        after = chunk.next;
      } while (after !== undefined);
      expect(keysOf(list)).toEqual(keysOf(sortByPriority(items(tied))));
    },
  );

  it('reads the items of changed keys, reports deleted ones, and the full record on demand', async () => {
    await db.claims.bulkPut(RECORDS);
    const { items: got, removed } = await loadWorklistItems(db, ['T00003', 'T99999']);
    expect(keysOf(got)).toEqual(['T00003']);
    expect(removed).toEqual(['T99999']);
    expect((await loadClaimRecord(db, 'T00003'))?.claim.patientName).toBe('TESTPATIENT, NUMBER 3');
  });

  it('tells a watcher which claims were written', async () => {
    const seen: unknown[] = [];
    const stop = watchClaims(db, (c) => seen.push(c));
    await db.claims.bulkPut(RECORDS.slice(0, 2));
    await setWorklistStatus(db, ['T00001'], 'resolved', '2026-12-01T10:00:00.000Z');
    stop();
    await db.claims.put(RECORDS[3]!);
    expect(seen).toEqual([{ keys: ['T00001', 'T00002'] }, { keys: ['T00001'] }]);
  });

  it('stores a worklist status on the selected records only', async () => {
    await db.claims.bulkPut(RECORDS);
    expect(await setWorklistStatus(db, ['T00001', 'T00002'], 'appealed', '2026-12-01T10:00:00.000Z')).toBe(2);
    const all = await db.claims.toArray();
    expect(Object.fromEntries(all.map((r) => [r.key, r.worklistStatus]))).toEqual({
      T00001: 'appealed',
      T00002: 'appealed',
      T00003: undefined,
      T00004: undefined,
      T00005: 'appealed',
    });
  });
});

describe('the status filter', () => {
  it('offers every claim status of the model (restated so the dashboard loads no zod)', () => {
    expect(CLAIM_STATUSES).toEqual(ClaimStatusSchema.options);
  });
});

describe('slim items through JSON (the dashboard loader worker posts them as text)', () => {
  it('come back equal, field for field', () => {
    const items = [
      rec({ n: 1, flags: ['underpaid'], lines: [{ code: '99213', shortfall: 500 }] }),
      rec({ n: 2, flags: [], nsaBy: '2026-12-20', appealBy: '2026-12-01' }),
      rec({
        n: 3,
        flags: ['denied'],
        lines: [{ code: '73721', shortfall: 0, categories: ['authorization'] }],
      }),
    ].map(toWorklistItem);
    expect(JSON.parse(JSON.stringify(items))).toStrictEqual(items);
  });
});
