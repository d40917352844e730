import { type Adjustment, type Claim, type ClaimLine, ClaimSchema, type ClaimStatus } from '../model';
import { cellItems, cellsOf, elementText, LabelIndex, locateAll, theadCells } from './dom';
import {
  isEmptyText,
  normalizeText,
  type Parsed,
  parseAdjustments,
  parseDate,
  parseDateRange,
  parseGroup,
  parseModifiers,
  parseMoney,
  parseProcedure,
  parseRemarks,
  parseStatus,
  parseUnits,
} from './parse-value';

/**
 * The reader for portals without a rule. It finds the service-line table (or ARIA grid) by its
 * headers and the claim fields by their labels, and says how sure it is. It refuses rather than
 * guesses: two columns that both mean "paid", two tables that both look like service lines, or two
 * different values labelled "paid" make it return `ok: false` naming the ambiguity. A number is
 * only ever read from a column or label whose words say what it is.
 */

/** Service-line columns the generic reader knows. `line` is recognised and ignored. */
export type GenericColumn =
  | 'line'
  | 'serviceDate'
  | 'code'
  | 'modifiers'
  | 'units'
  | 'placeOfService'
  | 'billed'
  | 'allowed'
  | 'deductible'
  | 'coinsurance'
  | 'copay'
  | 'patientResponsibility'
  | 'paid'
  | 'adjustments'
  | 'groupCode'
  | 'reasonCodes'
  | 'adjustmentAmount'
  | 'remarks';

/**
 * Header words → column, compared after {@link headerKey} (lower case, "(s)" dropped, punctuation
 * folded to spaces). Exact phrases only: "patient paid" is not "paid", so it is left unread.
 */
export const COLUMN_SYNONYMS: Record<GenericColumn, readonly string[]> = {
  line: ['line', 'line #', 'ln', 'line no', 'line number', 'seq'],
  serviceDate: [
    'date of service',
    'dates of service',
    'service date',
    'service dates',
    'dos',
    'from date',
    'svc date',
    'service from',
  ],
  code: [
    'procedure',
    'procedure code',
    'proc',
    'proc code',
    'cpt',
    'hcpcs',
    'cpt hcpcs',
    'cpt code',
    'code',
    'service code',
    'proc mod',
    'procedure modifier',
    'cpt mod',
  ],
  modifiers: ['modifier', 'modifiers', 'mod', 'mods'],
  units: ['units', 'unit', 'qty', 'quantity', 'service units', 'svc units', 'days units'],
  placeOfService: ['pos', 'place of service'],
  billed: [
    'billed',
    'billed amount',
    'billed amt',
    'charge',
    'charges',
    'charged',
    'amount charged',
    'amount billed',
    'total charge',
    'submitted',
    'submitted charges',
    'submitted amount',
    'billed charges',
    'charge amount',
  ],
  allowed: [
    'allowed',
    'allowed amount',
    'allowed amt',
    'amount allowed',
    'allowable',
    'eligible amount',
    'approved amount',
  ],
  deductible: ['deductible', 'deductible amount', 'ded'],
  coinsurance: ['coinsurance', 'co ins', 'coins', 'co insurance', 'coinsurance amount'],
  copay: ['copay', 'co pay', 'copayment', 'copay amount'],
  patientResponsibility: [
    'patient responsibility',
    'patient resp',
    'member responsibility',
    'pt resp',
    'patient owes',
  ],
  paid: [
    'paid',
    'paid amount',
    'paid amt',
    'amount paid',
    'provider paid',
    'plan paid',
    'net paid',
    'paid to provider',
    'payment',
    'payment amount',
    'plan payment',
    'insurance paid',
  ],
  adjustments: [
    'adjustments',
    'adjustment',
    'adjustment codes',
    'adjustment reason codes',
    'adj codes',
    'adjustment reason',
    'adj reason',
    'adjustment reason code',
  ],
  groupCode: ['group', 'group code', 'adj group', 'adjustment group', 'grp'],
  reasonCodes: ['reason', 'reason code', 'reason codes', 'carc', 'carc code', 'adj reason code'],
  adjustmentAmount: [
    'adj amount',
    'adjustment amount',
    'adj amt',
    'adjustment amt',
    'adjusted amount',
    'amount adjusted',
  ],
  remarks: ['remarks', 'remark', 'remark codes', 'remark code', 'rarc', 'remittance remarks'],
};

type ClaimLabelField =
  | 'claimNumber'
  | 'patientAccount'
  | 'patientName'
  | 'memberId'
  | 'payerName'
  | 'serviceDates'
  | 'receivedDate'
  | 'paidDate'
  | 'status'
  | 'billed'
  | 'allowed'
  | 'paid'
  | 'patientResponsibility'
  | 'checkNumber';

/** Visible labels → claim field (case-insensitive, trailing colon ignored), for th/td, dt/dd, label/input pairs. */
export const LABEL_SYNONYMS: Record<ClaimLabelField, readonly string[]> = {
  claimNumber: [
    'Claim Number',
    'Claim #',
    'Claim No',
    'Claim No.',
    'Claim ID',
    'Payer Claim Control #',
    'Payer Claim Number',
    'Claim Control Number',
    'ICN',
    'DCN',
    'Claim Reference',
  ],
  patientAccount: [
    'Patient Account Number',
    'Patient Account',
    'Patient Account #',
    'Patient Acct #',
    'Patient Control #',
    'Patient Control Number',
    'Account Number',
    'Account #',
  ],
  patientName: ['Patient Name', 'Patient'],
  memberId: ['Member ID', 'Subscriber ID', 'Customer ID', 'Member #', 'Humana ID'],
  payerName: ['Payer', 'Payer Name', 'Health Plan', 'Insurer', 'Insurance'],
  serviceDates: [
    'Dates of Service',
    'Date of Service',
    'Date(s) of Service',
    'Service Dates',
    'Service Date',
    'DOS',
  ],
  receivedDate: ['Received Date', 'Date Received', 'Received'],
  paidDate: ['Paid Date', 'Payment Date', 'Check Date', 'EFT Date', 'Check/EFT Date', 'Remittance Date'],
  status: ['Claim Status', 'Status'],
  billed: [
    'Billed Amount',
    'Total Billed',
    'Total Charge',
    'Total Charges',
    'Total Claim Charge Amount',
    'Amount Billed',
    'Amount Charged',
    'Total Charged',
  ],
  allowed: ['Allowed Amount', 'Total Allowed', 'Amount Allowed'],
  paid: ['Paid Amount', 'Total Paid', 'Claim Payment Amount', 'Amount Paid', 'Paid to Provider'],
  patientResponsibility: ['Patient Responsibility', 'Patient Resp', 'Member Responsibility'],
  checkNumber: [
    'Check Number',
    'Check #',
    'Check/EFT Number',
    'Check/EFT #',
    'EFT Number',
    'EFT Trace Number',
    'Remittance Trace #',
    'Payment Number',
    'Trace Number',
  ],
};

export interface GenericOptions {
  /** Payer to use when the page names none (a single-payer portal): the caller knows the site. */
  payerName?: string;
}

export type GenericResult =
  | { ok: true; claim: Claim; confidence: number; notes: string[] }
  | { ok: false; missing: string[]; notes: string[] };

/** Header text → the form {@link COLUMN_SYNONYMS} is written in. */
export function headerKey(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
}

const COLUMN_BY_KEY: ReadonlyMap<string, GenericColumn> = new Map(
  (Object.entries(COLUMN_SYNONYMS) as [GenericColumn, readonly string[]][]).flatMap(([col, words]) =>
    words.map((w) => [headerKey(w), col] as const),
  ),
);

const TABLE_CSS = 'table, [role="grid"], [role="table"], [role="treegrid"]';
const TOTAL_ROW = /^(claim )?(sub)?totals?\b/i;
const CARC = /^[A-Z]?\d{1,3}$/;

interface Candidate {
  table: Element;
  rows: Element[];
  headers: string[];
  columns: Map<GenericColumn, number[]>;
}

function ownerTable(el: Element): Element | null {
  return el.parentElement?.closest(TABLE_CSS) ?? null;
}

/** Header cells and rows that belong to this table, not to a table nested inside it. */
function candidateOf(table: Element): Candidate {
  const isTable = table.tagName === 'TABLE';
  const own = (el: Element) => ownerTable(el) === table || el.closest(TABLE_CSS) === table;
  let headerCells = (
    isTable ? theadCells(table) : Array.from(table.querySelectorAll('[role="columnheader"]'))
  ).filter((h) => h.closest(TABLE_CSS) === table);
  if (headerCells.length === 0 && isTable) {
    const first = Array.from(table.querySelectorAll('tr')).find(own);
    headerCells = first ? Array.from(first.children).filter((c) => c.tagName === 'TH') : [];
  }
  const headerRows = new Set(headerCells.map((h) => h.parentElement));
  const rows = Array.from(table.querySelectorAll(isTable ? 'tr' : '[role="row"]')).filter(
    (r) => r.closest(TABLE_CSS) === table && !headerRows.has(r as HTMLElement),
  );
  const headers = headerCells.map((h) => headerKey(h.textContent ?? ''));
  const columns = new Map<GenericColumn, number[]>();
  headers.forEach((h, i) => {
    const col = COLUMN_BY_KEY.get(h);
    if (!col) return;
    const list = columns.get(col);
    if (list) list.push(i);
    else columns.set(col, [i]);
  });
  return { table, rows, headers, columns };
}

const looksLikeLines = (c: Candidate) =>
  c.columns.has('code') && c.columns.has('billed') && c.columns.has('paid');

function describeTable(table: Element): string {
  const label = table.getAttribute('aria-label') ?? table.id ?? '';
  const kind = table.tagName === 'TABLE' ? 'table' : `[role=${table.getAttribute('role')}]`;
  return label ? `${kind} "${label}"` : kind;
}

class Report {
  readonly missing: string[] = [];
  readonly notes: string[] = [];
  penalty = 0;
  miss(field: string, reason: string): void {
    this.missing.push(`${field}: ${reason}`);
  }
  note(text: string, penalty = 0): void {
    this.notes.push(text);
    this.penalty += penalty;
  }
}

function parseOrReport<T>(
  report: Report,
  name: string,
  text: string | undefined,
  parse: (s: string) => Parsed<T>,
  what: string,
): T | undefined {
  if (text === undefined || isEmptyText(text)) return undefined;
  const v = parse(text);
  if (v === null) {
    report.miss(name, `not ${what}: "${text}"`);
    return undefined;
  }
  return v;
}

/** Reads the one labelled value of a claim field; two different values are refused. */
function labelled<T>(
  root: ParentNode,
  index: LabelIndex,
  report: Report,
  field: ClaimLabelField,
  parse: (s: string) => Parsed<T>,
  what: string,
): T | undefined {
  const values: { text: string; value: T }[] = [];
  for (const el of locateAll(root, { label: [...LABEL_SYNONYMS[field]], note: 'generic' }, index)) {
    const text = elementText(el);
    if (isEmptyText(text)) continue;
    const value = parse(text);
    if (value === null) {
      report.miss(field, `labelled value is not ${what}: "${text}"`);
      return undefined;
    }
    if (value !== undefined) values.push({ text, value });
  }
  const distinct = [...new Map(values.map((v) => [JSON.stringify(v.value), v])).values()];
  if (distinct.length > 1) {
    report.miss(
      field,
      `${distinct.length} different values labelled as ${field} (${distinct.map((d) => `"${d.text}"`).join(', ')}): refusing to guess`,
    );
    return undefined;
  }
  return distinct[0]?.value;
}

function readLines(c: Candidate, report: Report): ClaimLine[] {
  const col = (f: GenericColumn) => c.columns.get(f)?.[0];
  const has = (f: GenericColumn) => c.columns.has(f);
  // A combined-looking header beside group and amount columns is the reason column of a split layout.
  const splitReason =
    !has('reasonCodes') && has('groupCode') && has('adjustmentAmount') && has('adjustments');
  const reasonCol = splitReason ? col('adjustments') : col('reasonCodes');
  const split = has('groupCode') && reasonCol !== undefined && has('adjustmentAmount');
  const combinedCol = split ? undefined : (col('adjustments') ?? col('reasonCodes'));
  if (!split && (has('groupCode') || has('adjustmentAmount'))) {
    report.note(
      'adjustment group/amount columns without a matching reason column: adjustments not read',
      0.1,
    );
  }
  if (!split && combinedCol === undefined) report.note('no adjustment column: adjustments not shown', 0.05);
  if (!has('units')) report.note('no units column: 1 unit assumed per line', 0.05);
  if (!has('allowed')) report.note('no allowed column: allowed left to be derived', 0.05);

  const lines: ClaimLine[] = [];
  for (const row of c.rows) {
    const cells = cellsOf(row);
    if (cells.length === 0) continue;
    const n = lines.length + 1;
    const at = (i: number | undefined) =>
      i === undefined ? undefined : cells[i] ? elementText(cells[i]!) : undefined;
    const codeText = at(col('code'));
    const proc = codeText === undefined ? null : parseProcedure(codeText);
    if (!proc) {
      // Only rows without a code are read whole: blank rows and totals rows are skipped.
      const texts = cells.map((cell) => normalizeText(cell.textContent));
      if (texts.every(isEmptyText) || texts.some((t) => TOTAL_ROW.test(t))) continue;
      report.miss(`lines[${n}].code`, `not a procedure code: "${codeText ?? ''}"`);
      continue;
    }
    const r = <T>(f: GenericColumn, parse: (s: string) => Parsed<T>, what: string) =>
      parseOrReport(report, `lines[${n}].${f}`, at(col(f)), parse, what);
    const billed = r('billed', parseMoney, 'an amount');
    const paid = r('paid', parseMoney, 'an amount');
    const unread = (f: string) => !report.missing.some((m) => m.startsWith(`lines[${n}].${f}:`));
    if (billed === undefined && unread('billed')) report.miss(`lines[${n}].billed`, 'empty');
    if (paid === undefined && unread('paid')) report.miss(`lines[${n}].paid`, 'empty');
    let adjustments: Adjustment[] = [];
    if (split) {
      const items = (i: number | undefined) => (i === undefined || !cells[i] ? [] : cellItems(cells[i]!));
      const groups = items(col('groupCode'));
      const reasons = items(reasonCol);
      const amounts = items(col('adjustmentAmount'));
      if (groups.length !== reasons.length || reasons.length !== amounts.length) {
        report.miss(`lines[${n}].adjustments`, 'group, reason and amount cells do not line up');
      } else {
        for (let k = 0; k < groups.length; k++) {
          const group = parseGroup(groups[k]!);
          const reason = normalizeText(reasons[k]).toUpperCase();
          const amount = parseMoney(amounts[k]!);
          if (!group || !CARC.test(reason) || amount === null || amount === undefined) {
            report.miss(
              `lines[${n}].adjustments`,
              `not an adjustment: "${groups[k]} ${reasons[k]} ${amounts[k]}"`,
            );
            break;
          }
          adjustments.push({ group, reason, amountCents: amount });
        }
      }
    } else if (combinedCol !== undefined) {
      adjustments =
        parseOrReport(
          report,
          `lines[${n}].adjustments`,
          at(combinedCol),
          parseAdjustments,
          'adjustments with amounts',
        ) ?? [];
    }
    const line: ClaimLine = {
      lineNumber: n,
      code: proc.code,
      modifiers: [...new Set([...proc.modifiers, ...(r('modifiers', parseModifiers, 'modifiers') ?? [])])],
      units: r('units', parseUnits, 'a number of units') ?? 1,
      billedCents: billed ?? 0,
      paidCents: paid ?? 0,
      adjustments,
      remarks: r('remarks', parseRemarks, 'remark codes') ?? [],
    };
    const dates = r('serviceDate', parseDateRange, 'a date');
    if (dates) {
      line.serviceDate = dates[0];
      if (dates[1] !== dates[0]) line.serviceDateTo = dates[1];
    }
    const pos = normalizeText(at(col('placeOfService')));
    if (/^\d{2}$/.test(pos)) line.placeOfService = pos;
    const money: [GenericColumn, keyof ClaimLine][] = [
      ['allowed', 'allowedCents'],
      ['deductible', 'deductibleCents'],
      ['coinsurance', 'coinsuranceCents'],
      ['copay', 'copayCents'],
      ['patientResponsibility', 'patientResponsibilityCents'],
    ];
    for (const [f, key] of money) {
      const v = r(f, parseMoney, 'an amount');
      if (v !== undefined) (line as Record<string, unknown>)[key] = v;
    }
    lines.push(line);
  }
  if (lines.length === 0 && report.missing.length === 0)
    report.miss('lines', 'the service-line table has no rows');
  return lines;
}

function deriveStatus(lines: ClaimLine[], paidCents: number): ClaimStatus {
  if (lines.length > 0 && lines.every((l) => l.paidCents === 0)) return 'denied';
  if (paidCents > 0) return lines.some((l) => l.paidCents === 0) ? 'partial' : 'paid';
  return 'unknown';
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const text = (s: string): Parsed<string> => normalizeText(s) || undefined;

/**
 * Reads a claim from a page no rule knows. `confidence` (0..1) drops for every thing the page did not
 * show (units, allowed, adjustments, claim totals to cross-check) and every column left unread; the
 * notes say why. The result is never a guess: ambiguity or a misread total makes it `ok: false`.
 */
export function readGeneric(root: ParentNode, options: GenericOptions = {}): GenericResult {
  const report = new Report();
  const candidates = Array.from(root.querySelectorAll(TABLE_CSS)).map(candidateOf).filter(looksLikeLines);
  if (candidates.length === 0) {
    report.miss('lines', 'no table or grid with procedure, billed and paid columns');
    return { ok: false, missing: report.missing, notes: report.notes };
  }
  if (candidates.length > 1) {
    report.miss(
      'lines',
      `${candidates.length} tables look like service lines (${candidates.map((c) => describeTable(c.table)).join(', ')}): refusing to guess`,
    );
    return { ok: false, missing: report.missing, notes: report.notes };
  }
  const lineTable = candidates[0]!;
  for (const [column, indexes] of lineTable.columns) {
    if (indexes.length > 1 && column !== 'line') {
      const names = indexes.map((i) => `"${lineTable.headers[i]}"`).join(' and ');
      report.miss(`lines.${column}`, `${indexes.length} columns match (${names}): refusing to guess`);
    }
  }
  const unknown = lineTable.headers.filter((h) => h !== '' && !COLUMN_BY_KEY.has(h));
  if (unknown.length > 0)
    report.note(
      `columns not read: ${unknown.map((h) => `"${h}"`).join(', ')}`,
      Math.min(0.1, 0.02 * unknown.length),
    );
  report.note(
    `service lines from ${describeTable(lineTable.table)}, ${lineTable.columns.size} recognised columns`,
  );
  if (report.missing.length > 0) return { ok: false, missing: report.missing, notes: report.notes };

  const lines = readLines(lineTable, report);
  const index = new LabelIndex(root);
  const get = <T>(f: ClaimLabelField, parse: (s: string) => Parsed<T>, what: string) =>
    labelled(root, index, report, f, parse, what);
  const claimNumber = get('claimNumber', text, 'text');
  const billed = get('billed', parseMoney, 'an amount');
  const paid = get('paid', parseMoney, 'an amount');
  const dates = get('serviceDates', parseDateRange, 'a date or date range');
  const statusText = get('status', text, 'text');
  const pagePayer = get('payerName', text, 'text');
  if (!claimNumber && !report.missing.some((m) => m.startsWith('claimNumber')))
    report.miss('claimNumber', 'no labelled claim number');
  const payerName = pagePayer ?? options.payerName;
  if (!payerName) report.miss('payerName', 'the page names no payer and none was given');
  else if (!pagePayer) report.note(`payer "${payerName}" given by the caller`, 0.05);
  if (report.missing.length > 0) return { ok: false, missing: report.missing, notes: report.notes };

  const lineBilled = lines.reduce((a, l) => a + l.billedCents, 0);
  const linePaid = lines.reduce((a, l) => a + l.paidCents, 0);
  for (const [name, shown, sum] of [
    ['billed', billed, lineBilled],
    ['paid', paid, linePaid],
  ] as const) {
    if (shown === undefined) report.note(`no ${name} total on the page to check the lines against`, 0.1);
    else if (shown !== sum)
      report.miss(name, `claim total ${dollars(shown)} differs from the lines' ${dollars(sum)}`);
    else report.note(`${name} total ${dollars(shown)} matches the lines`);
  }
  if (report.missing.length > 0) return { ok: false, missing: report.missing, notes: report.notes };

  const status = statusText ? parseStatus(statusText) : undefined;
  const candidate: Claim = {
    claimNumber: claimNumber!,
    payerName: payerName!,
    status: status && status !== 'unknown' ? status : deriveStatus(lines, linePaid),
    billedCents: billed ?? lineBilled,
    paidCents: paid ?? linePaid,
    adjustments: [],
    remarks: [],
    lines,
  };
  const optional: Partial<Claim> = {
    patientAccount: get('patientAccount', text, 'text'),
    patientName: get('patientName', text, 'text'),
    memberId: get('memberId', text, 'text'),
    serviceDateFrom: dates?.[0] ?? lines[0]?.serviceDate,
    serviceDateTo: dates?.[1],
    receivedDate: get('receivedDate', parseDate, 'a date'),
    paidDate: get('paidDate', parseDate, 'a date'),
    statusText,
    allowedCents: get('allowed', parseMoney, 'an amount'),
    patientResponsibilityCents: get('patientResponsibility', parseMoney, 'an amount'),
    checkNumber: get('checkNumber', text, 'text'),
  };
  // Optional fields that were ambiguous are dropped, not guessed; the claim is still usable.
  const dropped = report.missing.splice(0);
  for (const d of dropped) report.note(`left out ${d}`, 0.02);
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (candidate as Record<string, unknown>)[k] = v;
  }
  const parsed = ClaimSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      missing: parsed.error.issues.map((i) => `${i.path.join('.') || 'claim'}: ${i.message}`),
      notes: report.notes,
    };
  }
  const confidence = Math.max(0.05, Math.round((1 - report.penalty) * 100) / 100);
  return { ok: true, claim: parsed.data, confidence, notes: report.notes };
}
