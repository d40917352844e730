import type { ClaimStatus, DenialCategory, FlagKind } from '../rules/model';
import type { ClaimRecord, OonDatabase } from './db';

/**
 * The worklist and its reports: pure functions over stored claim records (filters, order, CSV rows,
 * aggregations), plus thin Dexie wrappers. Nothing here reads the clock: callers pass `asOf`.
 */

/** Where the biller is with a claim. Absent on a record means `open`. */
export type WorklistStatus = 'open' | 'appealed' | 'resolved';
export const WORKLIST_STATUSES: readonly WorklistStatus[] = ['open', 'appealed', 'resolved'];

/**
 * A stored record as the worklist sees it. `worklistStatus` and `recoveredCents` are extra
 * properties Dexie keeps without an index until the schema names them (see setWorklistStatus).
 */
export type WorklistRecord = ClaimRecord & {
  worklistStatus?: WorklistStatus;
  worklistStatusAt?: string;
  /** Money recovered by appeal or negotiation; absent until appeals record outcomes. */
  recoveredCents?: number;
};

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

export function worklistStatusOf(r: WorklistRecord): WorklistStatus {
  return r.worklistStatus ?? 'open';
}

/** The earliest of the claim's appeal and NSA notice deadlines, ISO, or undefined. */
export function nextDeadline(r: ClaimRecord): string | undefined {
  const d = r.score?.deadlines;
  const dates = [d?.appealBy, d?.openNegotiationNoticeBy].filter((x): x is string => !!x).sort();
  return dates[0];
}

/**
 * A compiled filter: normalises the search once so a 50,000-row pass does no repeated work.
 */
export function compileFilter(filter: WorklistFilter, asOf: string): (r: WorklistRecord) => boolean {
  const search = filter.search ? normaliseSearch(filter.search) : '';
  const asOfDay = isoToDay(asOf);
  const within = filter.deadlineWithinDays;
  return (r) => {
    if (filter.payer && r.payerName !== filter.payer) return false;
    if (filter.status && r.status !== filter.status) return false;
    if (filter.flagKind && !r.flagKinds.includes(filter.flagKind)) return false;
    if (filter.followUp && worklistStatusOf(r) !== filter.followUp) return false;
    if (filter.paidFrom && (!r.paidDate || r.paidDate < filter.paidFrom)) return false;
    if (filter.paidTo && (!r.paidDate || r.paidDate > filter.paidTo)) return false;
    if (within !== undefined) {
      const d = r.score?.deadlines;
      const hit = [d?.appealBy, d?.openNegotiationNoticeBy].some((iso) => {
        if (!iso) return false;
        const days = isoToDay(iso) - asOfDay;
        return days >= 0 && days <= within;
      });
      if (!hit) return false;
    }
    if (search) {
      const inNumber = r.key.includes(search);
      const account = r.claim.patientAccount;
      if (!inNumber && !(account && normaliseSearch(account).includes(search))) return false;
    }
    return true;
  };
}

export function filterRecords<T extends WorklistRecord>(
  records: readonly T[],
  filter: WorklistFilter,
  asOf: string,
): T[] {
  return records.filter(compileFilter(filter, asOf));
}

/** Priority first (higher first), then shortfall, then claim key: a total order, so ties are stable. */
export function compareByPriority(a: ClaimRecord, b: ClaimRecord): number {
  return (
    b.priority - a.priority ||
    b.shortfallCents - a.shortfallCents ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

export function sortByPriority<T extends ClaimRecord>(records: readonly T[]): T[] {
  return [...records].sort(compareByPriority);
}

/** Choices for the filter controls: payers and flag kinds present in the records, sorted. */
export function filterOptions(records: readonly ClaimRecord[]): { payers: string[]; flagKinds: FlagKind[] } {
  const payers = new Set<string>();
  const kinds = new Set<FlagKind>();
  for (const r of records) {
    payers.add(r.payerName);
    for (const k of r.flagKinds) kinds.add(k);
  }
  return { payers: [...payers].sort(), flagKinds: [...kinds].sort() };
}

// ---------------------------------------------------------------------------------------------
// Rows and CSV

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

export function toWorklistRow(r: WorklistRecord): WorklistRow {
  const t = r.score?.totals;
  return {
    key: r.key,
    claimNumber: r.claim.claimNumber,
    patientAccount: r.claim.patientAccount ?? '',
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
    appealBy: r.score?.deadlines.appealBy ?? '',
    nsaNoticeBy: r.score?.deadlines.openNegotiationNoticeBy ?? '',
    priority: r.priority,
    worklistStatus: worklistStatusOf(r),
  };
}

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
export function worklistCsv(records: readonly WorklistRecord[]): string {
  return toCsv(WORKLIST_CSV_COLUMNS, records.map(toWorklistRow));
}

// ---------------------------------------------------------------------------------------------
// Reports

export interface ShortfallByPayer {
  payerName: string;
  claims: number;
  shortfallCents: number;
}

/** Claims with a shortfall, summed per payer, largest first. */
export function shortfallByPayer(records: readonly ClaimRecord[]): ShortfallByPayer[] {
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
export function shortfallByCode(records: readonly ClaimRecord[]): ShortfallByCode[] {
  const m = new Map<string, ShortfallByCode>();
  for (const r of records) {
    if (!r.score) continue;
    for (const ls of r.score.lines) {
      if (ls.shortfallCents <= 0) continue;
      const code = r.claim.lines.find((l) => l.lineNumber === ls.lineNumber)?.code ?? '?';
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
export function payerScorecard(records: readonly ClaimRecord[]): ScorecardCell[] {
  const m = new Map<string, ScorecardCell>();
  for (const r of records) {
    if (!r.score || !r.paidDate || r.score.totals.expectedCents <= 0) continue;
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
    cell.paidCents += r.score.totals.paidCents;
    cell.expectedCents += r.score.totals.expectedCents;
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
export function denialCategories(records: readonly ClaimRecord[]): DenialCategoryRow[] {
  const m = new Map<DenialCategory, DenialCategoryRow & { seen: Set<string> }>();
  for (const r of records) {
    if (!r.score) continue;
    for (const ls of r.score.lines) {
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
export function agingOfOpenFindings(records: readonly WorklistRecord[], asOf: string): AgingRow[] {
  const rows = new Map<AgingBucket, AgingRow>(
    AGING_BUCKETS.map((b) => [b, { bucket: b, claims: 0, shortfallCents: 0 }]),
  );
  for (const r of records) {
    if (r.flagKinds.length === 0 || worklistStatusOf(r) === 'resolved') continue;
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
export function flaggedVsRecovered(records: readonly WorklistRecord[]): FlaggedRecoveredRow[] {
  const m = new Map<string, FlaggedRecoveredRow>();
  for (const r of records) {
    if (r.flagKinds.length === 0 && !r.recoveredCents) continue;
    const month = r.paidDate ? r.paidDate.slice(0, 7) : 'unknown';
    const row = m.get(month) ?? { month, flaggedClaims: 0, flaggedCents: 0, recoveredCents: 0 };
    if (r.flagKinds.length > 0) {
      row.flaggedClaims += 1;
      row.flaggedCents += r.shortfallCents;
    }
    row.recoveredCents += r.recoveredCents ?? 0;
    m.set(month, row);
  }
  return [...m.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** Months (YYYY-MM) that have payments, newest first: the choices for a monthly report. */
export function paidMonths(records: readonly ClaimRecord[]): string[] {
  const s = new Set<string>();
  for (const r of records) if (r.paidDate) s.add(r.paidDate.slice(0, 7));
  return [...s].sort().reverse();
}

export function inPaidMonth<T extends ClaimRecord>(records: readonly T[], month: string): T[] {
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

export function buildReports(records: readonly WorklistRecord[], asOf: string): WorklistReports {
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

/** One page of records in worklist order, read from the priority index: the first paint needs no full scan. */
export async function loadPriorityPage(
  db: OonDatabase,
  offset: number,
  limit: number,
): Promise<WorklistRecord[]> {
  return db.claims.orderBy('priority').reverse().offset(offset).limit(limit).toArray();
}

/** Every record, in worklist order (index order, ties broken as compareByPriority does). */
export async function loadAllByPriority(db: OonDatabase): Promise<WorklistRecord[]> {
  const all: WorklistRecord[] = await db.claims.orderBy('priority').reverse().toArray();
  return all.sort(compareByPriority);
}

export async function countClaims(db: OonDatabase): Promise<number> {
  return db.claims.count();
}

/**
 * Marks claims appealed, resolved or open again. The status is an extra property on the record; Dexie
 * stores it without an index. Returns how many records changed.
 */
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
      const w = r as WorklistRecord;
      w.worklistStatus = status;
      w.worklistStatusAt = now;
    });
}
