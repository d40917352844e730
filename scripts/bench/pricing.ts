import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adjustment, Claim, ClaimLine } from '../../rules/model';
import { buildHistoryIndex } from '../../rules/pricing/history';
import type { PricingContext } from '../../rules/pricing/index';
import { buildMedicareFeeSchedule } from '../../rules/pricing/medicare-pfs';
import type { PolicySet } from '../../rules/pricing/policy';
import { indexSchedule } from '../../rules/pricing/schedule';
import { indexUcr } from '../../rules/pricing/ucr';
import { type ClaimNotes, type ScoringContext, scoreClaim } from '../../rules/score';
import { parseGpciCsv, parsePprrvuCsv } from '../../storage/imports/cms-pfs';

/**
 * Scoring throughput (issue 3): the real 2025 PPRRVU and GPCI files, a practice schedule, a UCR table,
 * claim history and a payer policy set all loaded; ~1,000,000 synthetic lines over claims of 1-8 lines,
 * each claim scored by the real scoreClaim (pricing by policy, modifiers, allowed derivation, CARC/RARC
 * categories, coding checks, NSA, appeal and NSA deadlines over many remittance dates, priority).
 * Prints lines per second, wall and CPU.
 */

const CMS_DIR = path.resolve(process.cwd(), '../shared/data/cms-pfs/gmills21-2025');
const TARGET_LINES = Number(process.env.PRICING_BENCH_LINES ?? 1_000_000);
const TARGET_RATE = 500_000;
const CODES = ['99213', '99214', '99215', '27447', '29881', '11042', '71046', '70553', '20610', '97110'];
const MODIFIER_SETS: string[][] = [
  [],
  [],
  [],
  [],
  ['26'],
  ['TC'],
  ['51'],
  ['50'],
  ['RT'],
  ['LT'],
  ['80'],
  ['25'],
  ['62'],
  ['AS'],
];
const PLACES = ['11', '22', '21', '24'];
const PAYERS = ['Acme Health', 'Beta Care', 'Aetna', 'UnitedHealthcare', 'Blue Cross of Somewhere'];
const REMARK_SETS: string[][] = [[], [], [], ['M15'], ['N864'], ['MA01', 'N130'], ['N877'], ['N879']];

/** Deterministic pseudo-random numbers so runs compare. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A remittance-like line: allowed shown or derived from PR adjustments, some denied, some PR-45. */
function makeLine(i: number, random: () => number): ClaimLine {
  const billedCents = 50_000 + Math.floor(random() * 500_000);
  const r = random();
  const adjustments: Adjustment[] = [];
  let paidCents = 4_000 + Math.floor(random() * 40_000);
  let allowedCents: number | undefined = paidCents + 2_000;
  if (r < 0.1) {
    // Denied: nothing allowed, a denial reason.
    paidCents = 0;
    allowedCents = 0;
    adjustments.push({
      group: 'CO',
      reason: pick(['50', '97', '197', '29', '18'], random),
      amountCents: billedCents,
    });
  } else if (r < 0.55) {
    // Allowed not shown: derived from paid + PR cost share.
    allowedCents = undefined;
    adjustments.push(
      { group: 'CO', reason: '45', amountCents: billedCents - paidCents - 3_000 },
      { group: 'PR', reason: pick(['1', '2', '3'], random), amountCents: 3_000 },
    );
    if (random() < 0.2) adjustments.push({ group: 'PR', reason: '45', amountCents: 1_500 });
  } else {
    adjustments.push({ group: 'CO', reason: '45', amountCents: billedCents - (allowedCents ?? 0) });
    adjustments.push({ group: 'PR', reason: '2', amountCents: 2_000 });
  }
  return {
    lineNumber: i + 1,
    code: pick(CODES, random),
    modifiers: pick(MODIFIER_SETS, random),
    units: random() < 0.9 ? 1 : 2,
    billedCents,
    ...(allowedCents === undefined ? {} : { allowedCents }),
    paidCents,
    adjustments,
    remarks: random() < 0.1 ? ['N130'] : [],
  };
}

function isoDay(base: number, offset: number): string {
  return new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
}

function makeClaims(count: number, random: () => number): Claim[] {
  const claims: Claim[] = [];
  const base = Date.UTC(2025, 0, 2);
  let lines = 0;
  for (let c = 0; lines < count; c += 1) {
    const lineCount = 1 + Math.floor(random() * 8);
    const claimLines: ClaimLine[] = [];
    for (let i = 0; i < lineCount; i += 1) claimLines.push(makeLine(i, random));
    lines += lineCount;
    const service = Math.floor(random() * 330);
    claims.push({
      claimNumber: `B${c}`,
      payerName: PAYERS[c % PAYERS.length]!,
      status: claimLines.every((l) => l.paidCents === 0) ? 'denied' : 'paid',
      billedCents: claimLines.reduce((n, l) => n + l.billedCents, 0),
      paidCents: claimLines.reduce((n, l) => n + l.paidCents, 0),
      adjustments: [],
      remarks: pick(REMARK_SETS, random),
      serviceDateFrom: isoDay(base, service),
      // Remittance dates spread over the year: deadlines are computed from many different dates.
      paidDate: isoDay(base, service + 14 + Math.floor(random() * 30)),
      placeOfService: PLACES[c % PLACES.length]!,
      lines: claimLines,
    });
  }
  return claims;
}

/** The biller's notes on some claims: NSA marks and a sent open negotiation notice. */
function makeNotes(claims: readonly Claim[]): (ClaimNotes | undefined)[] {
  return claims.map((claim, i) =>
    i % 11 === 0
      ? { nsaMark: 'emergency', openNegotiationSentDate: claim.paidDate! }
      : i % 7 === 0
        ? { nsaMark: 'facility' }
        : undefined,
  );
}

const POLICIES: PolicySet = {
  default: { methods: [{ method: 'schedule' }, { method: 'percent-of-medicare', percent: 150 }] },
  payers: [
    {
      match: 'ACME HEALTH',
      methods: [
        { method: 'schedule' },
        { method: 'ucr', percentile: 80 },
        { method: 'history', minCount: 3 },
        { method: 'percent-of-medicare', percent: 200, locality: '01182-18' },
        { method: 'percent-of-billed', percent: 60 },
      ],
      tolerance: { dollars: 1, percent: 1 },
      appealWindowDays: 180,
    },
    {
      match: 'Beta Care',
      methods: [
        { method: 'history', minCount: 3 },
        { method: 'percent-of-medicare', percent: 175, locality: 'MANHATTAN' },
        { method: 'schedule' },
      ],
      tolerance: { dollars: 5, percent: 2 },
    },
    {
      match: 'AETNA',
      methods: [
        { method: 'ucr', percentile: 50 },
        { method: 'percent-of-medicare', percent: 140 },
      ],
    },
  ],
};

/** Loads every benchmark the engine can use, as the background does for a practice. */
function loadContext(random: () => number): { ctx: ScoringContext; rvuRows: number; localities: number } {
  const rvus = parsePprrvuCsv(readFileSync(path.join(CMS_DIR, 'PPRRVU25_JAN_nodesc.csv'), 'utf8'));
  const gpci = parseGpciCsv(readFileSync(path.join(CMS_DIR, 'GPCI2025.csv'), 'utf8'));
  const medicare = buildMedicareFeeSchedule({
    year: rvus.year ?? 2025,
    rvus: rvus.rows,
    localities: gpci.rows,
  });
  const schedule = indexSchedule({
    id: 'practice',
    name: 'Practice 2025',
    practiceId: '',
    importedAt: '2025-01-01',
    rows: [
      ...['99213', '99214', '27447', '71046'].map((code, i) => ({
        code,
        modifier: '',
        amountCents: 10_000 * (i + 1),
      })),
      { code: '71046', modifier: '26', amountCents: 3_500 },
      { code: '99214', modifier: '', amountCents: 16_000, payer: 'Acme Health' },
      { code: '99215', modifier: '', amountCents: 21_000, effectiveFrom: '2025-07-01' },
    ],
  });
  const ucr = indexUcr({
    name: 'Synthetic UCR',
    percentiles: [50, 80],
    rows: ['29881', '11042', '20610', '70553'].map((code) => ({
      code,
      modifier: '',
      region: '900',
      amountsCents: [20_000, 30_000],
    })),
  });
  const history = buildHistoryIndex(makeClaims(50_000, random));
  const pricing: PricingContext = {
    schedules: [schedule],
    medicare,
    ucr,
    history,
    region: '90012',
    defaultLocality: '01182-18',
    pcTcSplit: { professionalPercent: 40 },
  };
  return {
    ctx: { asOf: '2025-09-15', policies: POLICIES, pricing },
    rvuRows: rvus.rows.length,
    localities: gpci.rows.length,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** The loaded context and the claims to score, for this benchmark and for profiling its parts. */
export function benchData(lines = TARGET_LINES): {
  ctx: ScoringContext;
  claims: Claim[];
  notes: (ClaimNotes | undefined)[];
  rvuRows: number;
  localities: number;
} {
  const random = rng(42);
  const { ctx, rvuRows, localities } = loadContext(random);
  const claims = makeClaims(lines, random);
  return { ctx, claims, notes: makeNotes(claims), rvuRows, localities };
}

export function main(): void {
  const PASSES = Number(process.env.PRICING_BENCH_PASSES ?? 5);
  const loadStart = performance.now();
  const { ctx, claims, notes, rvuRows, localities } = benchData();
  const lineCount = claims.reduce((n, c) => n + c.lines.length, 0);
  const loadMs = performance.now() - loadStart;

  // What the run computes, so a faster engine is seen to give the same answers (printed, not timed).
  const hash = createHash('sha256');
  let flagged = 0;
  let expected = 0;
  for (let i = 0; i < claims.length; i += 1) {
    const score = scoreClaim(claims[i]!, ctx, notes[i]);
    hash.update(JSON.stringify(score));
    flagged += score.flaggedLineCount;
    for (const line of score.lines) if (line.expectedCents !== null) expected += 1;
  }
  const digest = hash.digest('hex').slice(0, 16);
  if (PASSES === 0) {
    console.log(`scored ${lineCount} lines on ${claims.length} claims: output digest ${digest}`);
    return;
  }

  const walls: number[] = [];
  const cpus: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < PASSES; pass += 1) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < claims.length; i += 1) sink += scoreClaim(claims[i]!, ctx, notes[i]).priority;
    walls.push((performance.now() - start) / 1000);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1e6);
  }
  const wall = median(walls);
  const best = Math.min(...walls);
  const cpu = median(cpus);
  const rate = lineCount / wall;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `loaded ${rvuRows} RVU rows, ${localities} localities, a schedule, a UCR table, history and ${POLICIES.payers.length + 1} policies in ${loadMs.toFixed(0)} ms`,
  );
  console.log(
    `scored ${lineCount} lines on ${claims.length} claims with scoreClaim: ${expected} lines priced, ${flagged} flagged (output digest ${digest}, priority sum ${Math.round(sink / PASSES)})`,
  );
  console.log(
    `wall: median ${wall.toFixed(2)} s, best ${best.toFixed(2)} s of ${PASSES} passes (${walls.map((w) => w.toFixed(2)).join(', ')}); CPU median ${cpu.toFixed(2)} s (GC threads count too)`,
  );
  console.log(
    `${fmt(rate)} lines/second wall (best pass ${fmt(lineCount / best)}), ${fmt(lineCount / cpu)} lines per CPU second; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `target: >= ${fmt(TARGET_RATE)} lines/second on one core: ${rate >= TARGET_RATE ? 'met' : 'NOT met'}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
