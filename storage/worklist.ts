import Dexie from 'dexie';
import type { ClaimStatus, DenialCategory, FlagKind } from '../rules/model';
import type { ClaimRecord, OonDatabase, WorklistStatus } from './db';

/**
 * The worklist and its reports. The dashboard keeps one slim `WorklistItem` per claim in memory
 * (a few hundred bytes instead of the whole claim, its sources and its score) and reads the full
 * record only when a claim is opened. Pure functions over items (filters, order, CSV rows,
 * aggregations), plus thin Dexie wrappers. Nothing here reads the clock: callers pass `asOf`.
 */

export type { WorklistStatus } from './db';
export const WORKLIST_STATUSES: readonly WorklistStatus[] = ['open', 'appealed', 'resolved'];
/** ClaimStatusSchema's options, restated so that the dashboard loads no zod (a unit test keeps them equal). */
export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'paid',
  'partial',
  'denied',
  'pending',
  'reversed',
  'unknown',
];

export interface WorklistFilter {
  payer?: string;
  status?: ClaimStatus;
  flagKind?: FlagKind;
  /** Keep claims whose appeal or NSA open-negotiation deadline falls in [asOf, asOf + N days]. */
  deadlineWithinDays?: number;
  /** Inclusive bounds on paidDate, ISO. */
  paidFrom?: string;
  paidTo?: string;
  followUp?: WorklistStatus;
  /** Claim number or patient account, any part, case-insensitive; spaces and hyphens ignored. */
  search?: string;
}

const DAY_MS = 86_400_000;

function isoToDay(iso: string): number {
  return Math.floor(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS,
  );
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoToDay(to) - isoToDay(from);
}

function normaliseSearch(s: string): string {
  return s.toUpperCase().replace(/[\s-]+/g, '');
}

/** One worklist row: what the table shows and the CSV carries. Money in cents, dates ISO. */
export interface WorklistRow {
  key: string;
  claimNumber: string;
  patientAccount: string;
  payerName: string;
  status: ClaimStatus;
  serviceDate: string;
  paidDate: string;
  billedCents: number;
  allowedCents: number | null;
  expectedCents: number | null;
  paidCents: number;
  shortfallCents: number;
  flagKinds: FlagKind[];
  appealBy: string;
  nsaNoticeBy: string;
  priority: number;
  worklistStatus: WorklistStatus;
}

/** A line as the reports need it: only lines with a shortfall or a denial category are kept. */
export interface ReportLine {
  code: string;
  shortfallCents: number;
  categories: DenialCategory[];
}

/**
 * The slim in-memory row for one stored claim: the table row plus what filters and reports need
 * (deadline day numbers, a normalised search key, the report lines). Built once per record read.
 */
export interface WorklistItem extends WorklistRow {
  /** Days since 1970-01-01 of appealBy / nsaNoticeBy; null when there is none. */
  appealByDay: number | null;
  nsaNoticeByDay: number | null;
  /** Normalised claim key and patient account, for search. */
  searchKey: string;
  /** The score's paid total; null when the claim is not scored. */
  scoredPaidCents: number | null;
  recoveredCents: number;
  lines: ReportLine[];
}

const NOT_DENIALS: ReadonlySet<DenialCategory> = new Set<DenialCategory>([
  'contractual',
  'patient-cost-share',
]);

export function toWorklistItem(r: ClaimRecord): WorklistItem {
  const t = r.score?.totals;
  const d = r.score?.deadlines;
  const account = r.claim.patientAccount ?? '';
  const lines: ReportLine[] = [];
  if (r.score) {
    for (const ls of r.score.lines) {
      if (ls.shortfallCents <= 0 && !ls.categories.some((c) => !NOT_DENIALS.has(c))) continue;
      const code = r.claim.lines.find((l) => l.lineNumber === ls.lineNumber)?.code ?? '?';
      lines.push({ code, shortfallCents: ls.shortfallCents, categories: ls.categories });
    }
  }
  return {
    key: r.key,
    claimNumber: r.claim.claimNumber,
    patientAccount: account,
    payerName: r.payerName,
    status: r.status,
    serviceDate: r.claim.serviceDateFrom ?? '',
    paidDate: r.paidDate,
    billedCents: r.claim.billedCents,
    allowedCents: t?.allowedCents ?? r.claim.allowedCents ?? null,
    expectedCents: t ? t.expectedCents : null,
    paidCents: r.claim.paidCents,
    shortfallCents: r.shortfallCents,
    flagKinds: r.flagKinds,
    appealBy: d?.appealBy ?? '',
    nsaNoticeBy: d?.openNegotiationNoticeBy ?? '',
    priority: r.priority,
    worklistStatus: r.worklistStatus ?? 'open',
    appealByDay: d?.appealBy ? isoToDay(d.appealBy) : null,
    nsaNoticeByDay: d?.openNegotiationNoticeBy ? isoToDay(d.openNegotiationNoticeBy) : null,
    searchKey: `${r.key}\n${normaliseSearch(account)}`,
    scoredPaidCents: t ? t.paidCents : null,
    recoveredCents: r.recoveredCents ?? 0,
    lines,
  };
}

/** The earliest of the claim's appeal and NSA notice deadlines, ISO, or ''. */
export function nextDeadline(r: WorklistRow): string {
  return [r.appealBy, r.nsaNoticeBy].filter(Boolean).sort()[0] ?? '';
}

/**
 * A compiled filter: normalises the search once so a 50,000-row pass does no repeated work.
 */
export function compileFilter(filter: WorklistFilter, asOf: string): (r: WorklistItem) => boolean {
  const search = filter.search ? normaliseSearch(filter.search) : '';
  const asOfDay = isoToDay(asOf);
  const within = filter.deadlineWithinDays;
  const inWindow = (day: number | null) =>
    day !== null && within !== undefined && day - asOfDay >= 0 && day - asOfDay <= within;
  return (r) => {
    if (filter.payer && r.payerName !== filter.payer) return false;
    if (filter.status && r.status !== filter.status) return false;
    if (filter.flagKind && !r.flagKinds.includes(filter.flagKind)) return false;
    if (filter.followUp && r.worklistStatus !== filter.followUp) return false;
    if (filter.paidFrom && (!r.paidDate || r.paidDate < filter.paidFrom)) return false;
    if (filter.paidTo && (!r.paidDate || r.paidDate > filter.paidTo)) return false;
    if (within !== undefined && !inWindow(r.appealByDay) && !inWindow(r.nsaNoticeByDay)) return false;
    if (search && !r.searchKey.includes(search)) return false;
    return true;
  };
}

export function filterItems<T extends WorklistItem>(
  items: readonly T[],
  filter: WorklistFilter,
  asOf: string,
): T[] {
  return items.filter(compileFilter(filter, asOf));
}

type Ordered = Pick<WorklistRow, 'key' | 'priority' | 'shortfallCents'>;

/** Priority first (higher first), then shortfall, then claim key: a total order, so ties are stable. */
export function compareByPriority(a: Ordered, b: Ordered): number {
  return (
    b.priority - a.priority ||
    b.shortfallCents - a.shortfallCents ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

export function sortByPriority<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareByPriority);
}

/**
 * Appends a page read in priority-index order. The index orders ties by key, descending; the
 * worklist breaks ties by shortfall then key, so only the run of equal priority at the seam is
 * re-sorted. Returns a new array.
 */
export function appendPage<T extends Ordered>(list: readonly T[], page: readonly T[]): T[] {
  if (page.length === 0) return list as T[];
  const out = list.concat(page);
  const p = page[0]!.priority;
  let start = list.length;
  while (start > 0 && out[start - 1]!.priority === p) start -= 1;
  let end = list.length;
  while (end < out.length && out[end]!.priority === p) end += 1;
  const seam = out.slice(start, end).sort(compareByPriority);
  for (let i = 0; i < seam.length; i += 1) out[start + i] = seam[i]!;
  // Rows within the page after the seam come from the index in key-descending order: sort each run.
  let i = end;
  while (i < out.length) {
    let j = i + 1;
    while (j < out.length && out[j]!.priority === out[i]!.priority) j += 1;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(compareByPriority);
      for (let k = 0; k < run.length; k += 1) out[i + k] = run[k]!;
    }
    i = j;
  }
  return out;
}

/**
 * Replaces changed items and removes deleted keys, keeping worklist order. Changed items are taken
 * out and inserted again by binary search: O(changes × log n) plus one copy.
 */
export function applyChanges<T extends Ordered>(
  list: readonly T[],
  changed: readonly T[],
  removedKeys: readonly string[] = [],
): T[] {
  const drop = new Set<string>(removedKeys);
  for (const c of changed) drop.add(c.key);
  const out = drop.size > 0 ? list.filter((r) => !drop.has(r.key)) : [...list];
  for (const c of [...changed].sort(compareByPriority)) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareByPriority(out[mid]!, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, c);
  }
  return out;
}

/** Choices for the filter controls: payers and flag kinds present in the items, sorted. */
export function filterOptions(items: readonly WorklistRow[]): { payers: string[]; flagKinds: FlagKind[] } {
  const payers = new Set<string>();
  const kinds = new Set<FlagKind>();
  for (const r of items) {
    payers.add(r.payerName);
    for (const k of r.flagKinds) kinds.add(k);
  }
  return { payers: [...payers].sort(), flagKinds: [...kinds].sort() };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Integer cents as a plain decimal: 123450 → "1234.50", -5 → "-0.05". No symbol, no grouping. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (= + - @ first) gets a
 * leading apostrophe: payer names and claim numbers come from web pages.
 */
export function csvField(value: string, kind: 'text' | 'number' = 'text'): string {
  const safe = kind === 'text' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvColumn<T> {
  header: string;
  kind: 'text' | 'number';
  value: (row: T) => string;
}

/** A whole CSV document, CRLF line ends, header first. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row), c.kind)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const money = (c: number | null) => (c === null ? '' : centsToDecimal(c));

export const WORKLIST_CSV_COLUMNS: readonly CsvColumn<WorklistRow>[] = [
  { header: 'claim number', kind: 'text', value: (r) => r.claimNumber },
  { header: 'payer', kind: 'text', value: (r) => r.payerName },
  { header: 'status', kind: 'text', value: (r) => r.status },
  { header: 'service date', kind: 'text', value: (r) => r.serviceDate },
  { header: 'paid date', kind: 'text', value: (r) => r.paidDate },
  { header: 'billed', kind: 'number', value: (r) => money(r.billedCents) },
  { header: 'allowed', kind: 'number', value: (r) => money(r.allowedCents) },
  { header: 'expected', kind: 'number', value: (r) => money(r.expectedCents) },
  { header: 'paid', kind: 'number', value: (r) => money(r.paidCents) },
  { header: 'shortfall', kind: 'number', value: (r) => money(r.shortfallCents) },
  { header: 'flags', kind: 'text', value: (r) => r.flagKinds.join('; ') },
  { header: 'appeal by', kind: 'text', value: (r) => r.appealBy },
  { header: 'NSA notice by', kind: 'text', value: (r) => r.nsaNoticeBy },
  { header: 'worklist status', kind: 'text', value: (r) => r.worklistStatus },
];

/** The worklist export: the given records, in the given order. */
export function worklistCsv(rows: readonly WorklistRow[]): string {
  return toCsv(WORKLIST_CSV_COLUMNS, rows);
}

// ---------------------------------------------------------------------------------------------
// Reports

export interface ShortfallByPayer {
  payerName: string;
  claims: number;
  shortfallCents: number;
}

/** Claims with a shortfall, summed per payer, largest first. */
export function shortfallByPayer(records: readonly WorklistItem[]): ShortfallByPayer[] {
  const m = new Map<string, ShortfallByPayer>();
  for (const r of records) {
    if (r.shortfallCents <= 0) continue;
    const row = m.get(r.payerName) ?? { payerName: r.payerName, claims: 0, shortfallCents: 0 };
    row.claims += 1;
    row.shortfallCents += r.shortfallCents;
    m.set(r.payerName, row);
  }
  return [...m.values()].sort(
    (a, b) => b.shortfallCents - a.shortfallCents || a.payerName.localeCompare(b.payerName),
  );
}

export interface ShortfallByCode {
  code: string;
  lines: number;
  shortfallCents: number;
}

/** Line shortfalls per procedure code, largest first. */
export function shortfallByCode(records: readonly WorklistItem[]): ShortfallByCode[] {
  const m = new Map<string, ShortfallByCode>();
  for (const r of records) {
    for (const ls of r.lines) {
      if (ls.shortfallCents <= 0) continue;
      const code = ls.code;
      const row = m.get(code) ?? { code, lines: 0, shortfallCents: 0 };
      row.lines += 1;
      row.shortfallCents += ls.shortfallCents;
      m.set(code, row);
    }
  }
  return [...m.values()].sort((a, b) => b.shortfallCents - a.shortfallCents || a.code.localeCompare(b.code));
}

export interface ScorecardCell {
  payerName: string;
  /** YYYY-MM of paidDate. */
  month: string;
  claims: number;
  paidCents: number;
  expectedCents: number;
  /** paid / expected × 100, one decimal; null when nothing was expected. */
  paidPercent: number | null;
}

/** The payer scorecard: paid as a share of expected, per payer per month of payment. */
export function payerScorecard(records: readonly WorklistItem[]): ScorecardCell[] {
  const m = new Map<string, ScorecardCell>();
  for (const r of records) {
    if (r.scoredPaidCents === null || r.expectedCents === null || !r.paidDate || r.expectedCents <= 0)
      continue;
    const month = r.paidDate.slice(0, 7);
    const id = `${r.payerName}\u0000${month}`;
    const cell = m.get(id) ?? {
      payerName: r.payerName,
      month,
      claims: 0,
      paidCents: 0,
      expectedCents: 0,
      paidPercent: null,
    };
    cell.claims += 1;
    cell.paidCents += r.scoredPaidCents;
    cell.expectedCents += r.expectedCents;
    m.set(id, cell);
  }
  const cells = [...m.values()];
  for (const c of cells)
    c.paidPercent = c.expectedCents > 0 ? Math.round((c.paidCents / c.expectedCents) * 1000) / 10 : null;
  return cells.sort((a, b) => a.payerName.localeCompare(b.payerName) || a.month.localeCompare(b.month));
}

export interface DenialCategoryRow {
  category: DenialCategory;
  claims: number;
  lines: number;
  shortfallCents: number;
}

/**
 * Why lines were cut or denied. Contractual and patient cost share are left out: they sit on nearly
 * every paid line and are not denials.
 */
export function denialCategories(records: readonly WorklistItem[]): DenialCategoryRow[] {
  const m = new Map<DenialCategory, DenialCategoryRow & { seen: Set<string> }>();
  for (const r of records) {
    for (const ls of r.lines) {
      for (const category of ls.categories) {
        if (category === 'contractual' || category === 'patient-cost-share') continue;
        const row = m.get(category) ?? {
          category,
          claims: 0,
          lines: 0,
          shortfallCents: 0,
          seen: new Set<string>(),
        };
        row.lines += 1;
        row.shortfallCents += ls.shortfallCents;
        row.seen.add(r.key);
        m.set(category, row);
      }
    }
  }
  return [...m.values()]
    .map(({ seen, ...row }) => ({ ...row, claims: seen.size }))
    .sort((a, b) => b.lines - a.lines || a.category.localeCompare(b.category));
}

export const AGING_BUCKETS = ['0–30', '31–60', '61–90', '90+', 'no paid date'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface AgingRow {
  bucket: AgingBucket;
  claims: number;
  shortfallCents: number;
}

export function agingBucket(paidDate: string, asOf: string): AgingBucket {
  if (!paidDate) return 'no paid date';
  const days = daysBetween(paidDate, asOf);
  if (days <= 30) return '0–30';
  if (days <= 60) return '31–60';
  if (days <= 90) return '61–90';
  return '90+';
}

/** Open findings (flagged, not resolved) by days since payment. Every bucket is listed, even empty. */
export function agingOfOpenFindings(records: readonly WorklistItem[], asOf: string): AgingRow[] {
  const rows = new Map<AgingBucket, AgingRow>(
    AGING_BUCKETS.map((b) => [b, { bucket: b, claims: 0, shortfallCents: 0 }]),
  );
  for (const r of records) {
    if (r.flagKinds.length === 0 || r.worklistStatus === 'resolved') continue;
    const row = rows.get(agingBucket(r.paidDate, asOf))!;
    row.claims += 1;
    row.shortfallCents += r.shortfallCents;
  }
  return [...rows.values()];
}

export interface FlaggedRecoveredRow {
  month: string;
  flaggedClaims: number;
  flaggedCents: number;
  recoveredCents: number;
}

/** Per month of payment: what was flagged and what came back. Recovered stays 0 until appeals record outcomes. */
export function flaggedVsRecovered(records: readonly WorklistItem[]): FlaggedRecoveredRow[] {
  const m = new Map<string, FlaggedRecoveredRow>();
  for (const r of records) {
    if (r.flagKinds.length === 0 && !r.recoveredCents) continue;
    const month = r.paidDate ? r.paidDate.slice(0, 7) : 'unknown';
    const row = m.get(month) ?? { month, flaggedClaims: 0, flaggedCents: 0, recoveredCents: 0 };
    if (r.flagKinds.length > 0) {
      row.flaggedClaims += 1;
      row.flaggedCents += r.shortfallCents;
    }
    row.recoveredCents += r.recoveredCents;
    m.set(month, row);
  }
  return [...m.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** Months (YYYY-MM) that have payments, newest first: the choices for a monthly report. */
export function paidMonths(records: readonly WorklistRow[]): string[] {
  const s = new Set<string>();
  for (const r of records) if (r.paidDate) s.add(r.paidDate.slice(0, 7));
  return [...s].sort().reverse();
}

export function inPaidMonth<T extends WorklistRow>(records: readonly T[], month: string): T[] {
  return records.filter((r) => r.paidDate.startsWith(month));
}

export const REPORT_CSV = {
  shortfallByPayer: [
    { header: 'payer', kind: 'text', value: (r) => r.payerName },
    { header: 'claims', kind: 'number', value: (r) => String(r.claims) },
    { header: 'shortfall', kind: 'number', value: (r) => centsToDecimal(r.shortfallCents) },
  ] as CsvColumn<ShortfallByPayer>[],
  shortfallByCode: [
    { header: 'code', kind: 'text', value: (r) => r.code },
    { header: 'lines', kind: 'number', value: (r) => String(r.lines) },
    { header: 'shortfall', kind: 'number', value: (r) => centsToDecimal(r.shortfallCents) },
  ] as CsvColumn<ShortfallByCode>[],
  payerScorecard: [
    { header: 'payer', kind: 'text', value: (r) => r.payerName },
    { header: 'month', kind: 'text', value: (r) => r.month },
    { header: 'claims', kind: 'number', value: (r) => String(r.claims) },
    { header: 'paid', kind: 'number', value: (r) => centsToDecimal(r.paidCents) },
    { header: 'expected', kind: 'number', value: (r) => centsToDecimal(r.expectedCents) },
    {
      header: 'paid percent of expected',
      kind: 'number',
      value: (r) => (r.paidPercent === null ? '' : r.paidPercent.toFixed(1)),
    },
  ] as CsvColumn<ScorecardCell>[],
  denialCategories: [
    { header: 'category', kind: 'text', value: (r) => r.category },
    { header: 'claims', kind: 'number', value: (r) => String(r.claims) },
    { header: 'lines', kind: 'number', value: (r) => String(r.lines) },
    { header: 'shortfall', kind: 'number', value: (r) => centsToDecimal(r.shortfallCents) },
  ] as CsvColumn<DenialCategoryRow>[],
  aging: [
    { header: 'days since paid', kind: 'text', value: (r) => r.bucket },
    { header: 'claims', kind: 'number', value: (r) => String(r.claims) },
    { header: 'shortfall', kind: 'number', value: (r) => centsToDecimal(r.shortfallCents) },
  ] as CsvColumn<AgingRow>[],
  flaggedVsRecovered: [
    { header: 'month', kind: 'text', value: (r) => r.month },
    { header: 'flagged claims', kind: 'number', value: (r) => String(r.flaggedClaims) },
    { header: 'flagged', kind: 'number', value: (r) => centsToDecimal(r.flaggedCents) },
    { header: 'recovered', kind: 'number', value: (r) => centsToDecimal(r.recoveredCents) },
  ] as CsvColumn<FlaggedRecoveredRow>[],
};

export interface WorklistReports {
  shortfallByPayer: ShortfallByPayer[];
  shortfallByCode: ShortfallByCode[];
  payerScorecard: ScorecardCell[];
  denialCategories: DenialCategoryRow[];
  aging: AgingRow[];
  flaggedVsRecovered: FlaggedRecoveredRow[];
}

export function buildReports(records: readonly WorklistItem[], asOf: string): WorklistReports {
  return {
    shortfallByPayer: shortfallByPayer(records),
    shortfallByCode: shortfallByCode(records),
    payerScorecard: payerScorecard(records),
    denialCategories: denialCategories(records),
    aging: agingOfOpenFindings(records, asOf),
    flaggedVsRecovered: flaggedVsRecovered(records),
  };
}

// ---------------------------------------------------------------------------------------------
// Dexie: thin wrappers

/** Where the next page starts: the last priority read and how many records with it were read. */
export interface PageCursor {
  priority: number;
  seenAtPriority: number;
}

/**
 * One page of the worklist from the priority index, as slim items. Keyset paging (priority, then
 * the ties already read) so page 20 costs what page 1 costs; the full records are dropped at once.
 */
export async function loadWorklistPage(
  db: OonDatabase,
  after: PageCursor | undefined,
  limit: number,
): Promise<{ items: WorklistItem[]; next: PageCursor | undefined }> {
  const records = after
    ? await db.claims
        .where('priority')
        .belowOrEqual(after.priority)
        .reverse()
        .offset(after.seenAtPriority)
        .limit(limit)
        .toArray()
    : await db.claims.orderBy('priority').reverse().limit(limit).toArray();
  const items = records.map(toWorklistItem);
  const last = items.at(-1);
  if (!last || items.length < limit) return { items, next: undefined };
  let same = 0;
  for (let i = items.length - 1; i >= 0 && items[i]!.priority === last.priority; i -= 1) same += 1;
  const carried = after && after.priority === last.priority ? after.seenAtPriority : 0;
  return { items, next: { priority: last.priority, seenAtPriority: carried + same } };
}

/**
 * A chunk of the store in primary-key order, as slim items sorted into worklist order. Reading by
 * key lets IndexedDB hand over the chunk in one getAll; a reversed index cursor pays one round trip
 * per record (about 13 s for 50,000 in Chromium). Merge chunks with `mergeSorted`.
 */
export async function loadWorklistChunk(
  db: OonDatabase,
  afterKey: string | undefined,
  limit: number,
): Promise<{ items: WorklistItem[]; next: string | undefined }> {
  const records =
    afterKey === undefined
      ? await db.claims.orderBy(':id').limit(limit).toArray()
      : await db.claims.where(':id').above(afterKey).limit(limit).toArray();
  const next = records.length < limit ? undefined : records.at(-1)?.key;
  return { items: records.map(toWorklistItem).sort(compareByPriority), next };
}

/** Merges a sorted chunk into a sorted list, leaving out keys already listed. O(n + m). */
export function mergeSorted<T extends Ordered>(
  list: readonly T[],
  chunk: readonly T[],
  listed: ReadonlySet<string>,
): T[] {
  const out: T[] = [];
  let i = 0;
  for (const c of chunk) {
    if (listed.has(c.key)) continue;
    while (i < list.length && compareByPriority(list[i]!, c) < 0) out.push(list[i++]!);
    out.push(c);
  }
  while (i < list.length) out.push(list[i++]!);
  return out;
}

/** Items for the given keys, and the keys no longer stored. */
export async function loadWorklistItems(
  db: OonDatabase,
  keys: readonly string[],
): Promise<{ items: WorklistItem[]; removed: string[] }> {
  const records = await db.claims.bulkGet([...keys]);
  const items: WorklistItem[] = [];
  const removed: string[] = [];
  records.forEach((r, i) => {
    if (r) items.push(toWorklistItem(r));
    else removed.push(keys[i]!);
  });
  return { items, removed };
}

/** The whole stored record, for the claim the biller opens. */
export function loadClaimRecord(db: OonDatabase, key: string): Promise<ClaimRecord | undefined> {
  return db.claims.get(key);
}

export async function countClaims(db: OonDatabase): Promise<number> {
  return db.claims.count();
}

/** What changed in the claims table: the keys, or `all` when Dexie reports a range. */
export type ClaimsChange = { keys: string[] } | 'all';

interface RangeNode {
  from: unknown;
  to: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** Single keys of a Dexie range set (a plain object once it crossed a BroadcastChannel), or undefined. */
function keysOfRangeSet(node: RangeNode | null | undefined, out: string[]): boolean {
  if (!node || !('from' in node)) return true;
  if (typeof node.from !== 'string' || node.from !== node.to) return false;
  out.push(node.from);
  return keysOfRangeSet(node.l, out) && keysOfRangeSet(node.r, out);
}

/**
 * Calls `onChange` when claims are written, here or in another extension context (Dexie relays
 * its mutation events over a BroadcastChannel), with the keys written. Replaces a live query over
 * the whole table: a change costs a read of the changed records, not of 50,000.
 */
export function watchClaims(db: OonDatabase, onChange: (change: ClaimsChange) => void): () => void {
  const part = `idb://${db.name}/claims/`;
  const listener = (parts: Record<string, unknown>) => {
    if (parts.all) return onChange('all');
    const set = parts[part] as RangeNode | undefined;
    if (!set) return;
    const keys: string[] = [];
    onChange(keysOfRangeSet(set, keys) ? { keys } : 'all');
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** Marks claims appealed, resolved or open again. Returns how many records changed. */
export async function setWorklistStatus(
  db: OonDatabase,
  keys: readonly string[],
  status: WorklistStatus,
  now: string,
): Promise<number> {
  return db.claims
    .where('key')
    .anyOf([...keys])
    .modify((r) => {
      r.worklistStatus = status;
      r.worklistStatusAt = now;
    });
}
