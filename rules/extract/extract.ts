import {
  type Adjustment,
  type Claim,
  type ClaimLine,
  ClaimSchema,
  type ClaimStatus,
  type ClaimSummary,
  ClaimSummarySchema,
} from '../model';
import type {
  ClaimField,
  FieldStrategy,
  LineField,
  ListField,
  PageKindRule,
  PortalRule,
} from '../portals/schema';
import {
  type ColumnPlace,
  cellAt,
  cellItems,
  cellsOf,
  elementText,
  LabelIndex,
  locate,
  placeColumn,
  readField,
  readTableShape,
  type TableShape,
} from './dom';
import { lineMeetsSchema } from './line-check';
import {
  isEmptyText,
  normalizeText,
  type Parsed,
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
} from './parse-value';

export type ExtractFailure = {
  ok: false;
  rule: string;
  pageKind: string;
  /** Field names that could not be read, with the reason: `lines[2].billed: not an amount`. */
  missing: string[];
};

export type ExtractResult =
  | { ok: true; kind: 'claim'; claim: Claim }
  | { ok: true; kind: 'list'; claims: ClaimSummary[] }
  | { ok: true; kind: 'form' }
  | ExtractFailure;

/** True when the page kind's readiness check matches: the app has rendered what we read. */
export function isReady(root: ParentNode, kind: PageKindRule): boolean {
  return locate(root, kind.ready) !== undefined;
}

class Problems {
  readonly list: string[] = [];
  add(field: string, reason: string): void {
    this.list.push(`${field}: ${reason}`);
  }
}

function read<T>(
  problems: Problems,
  name: string,
  text: string | undefined,
  parse: (s: string) => Parsed<T>,
  what: string,
  required: boolean,
): T | undefined {
  if (text === undefined || isEmptyText(text)) {
    if (required) problems.add(name, 'not found on the page');
    return undefined;
  }
  const v = parse(text);
  if (v === null) {
    problems.add(name, `not ${what}`);
    return undefined;
  }
  if (v === undefined && required) problems.add(name, 'empty');
  return v;
}

const text = (s: string): Parsed<string> => normalizeText(s) || undefined;

function readClaimFields(root: ParentNode, kind: PageKindRule, problems: Problems, index: LabelIndex) {
  const f = kind.fields;
  const req = new Set<ClaimField>(kind.required);
  const get = (k: ClaimField): string | undefined => {
    const s = f[k] as FieldStrategy | undefined;
    return s ? readField(root, s, index) : undefined;
  };
  const r = <T>(k: ClaimField, parse: (s: string) => Parsed<T>, what: string) =>
    read(problems, k, get(k), parse, what, req.has(k));
  const dates = r('serviceDateFrom', parseDateRange, 'a date or date range');
  const to = r('serviceDateTo', parseDate, 'a date');
  return {
    claimNumber: r('claimNumber', text, 'text'),
    patientAccount: r('patientAccount', text, 'text'),
    patientName: r('patientName', text, 'text'),
    memberId: r('memberId', text, 'text'),
    payerName: r('payerName', text, 'text'),
    payerId: r('payerId', text, 'text'),
    providerName: r('providerName', text, 'text'),
    providerNpi: r('providerNpi', (s) => parseDigits(s, 10), 'a 10-digit NPI'),
    providerTin: r('providerTin', (s) => parseDigits(s, 9), 'a 9-digit TIN'),
    serviceDateFrom: dates?.[0],
    serviceDateTo: to ?? dates?.[1],
    receivedDate: r('receivedDate', parseDate, 'a date'),
    paidDate: r('paidDate', parseDate, 'a date'),
    status: r('status', parseStatus, 'a claim status'),
    statusText: get('status'),
    billed: r('billed', parseMoney, 'an amount'),
    allowed: r('allowed', parseMoney, 'an amount'),
    paid: r('paid', parseMoney, 'an amount'),
    patientResponsibility: r('patientResponsibility', parseMoney, 'an amount'),
    checkNumber: r('checkNumber', text, 'text'),
    remarks: r('remarks', parseRemarks, 'remark codes') ?? [],
  };
}

/** Column places for every column a table spec names; ambiguous ones are reported, never guessed. */
function placeColumns<F extends string>(
  shape: TableShape,
  columns: Partial<Record<F, Parameters<typeof placeColumn>[1]>>,
  problems: Problems,
  prefix: string,
): Map<F, ColumnPlace> {
  const places = new Map<F, ColumnPlace>();
  for (const [field, column] of Object.entries(columns) as [
    F,
    Parameters<typeof placeColumn>[1] | undefined,
  ][]) {
    if (!column) continue;
    const place = placeColumn(shape, column);
    if (place.found === 'ambiguous') {
      const names = place.indexes.map((i) => `"${shape.headers[i]}"`).join(' and ');
      problems.add(
        `${prefix}.${field}`,
        `${place.indexes.length} columns match (${names}): refusing to guess`,
      );
    } else if (place.found !== 'none') places.set(field, place);
  }
  return places;
}

/** Reads stacked group / reason / amount cells into adjustments; null when they do not line up. */
function splitAdjustments(groups: string[], reasons: string[], amounts: string[]): Parsed<Adjustment[]> {
  if (groups.length === 0 && reasons.length === 0 && amounts.length === 0) return [];
  if (groups.length !== reasons.length || reasons.length !== amounts.length) return null;
  const out: Adjustment[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = parseGroup(groups[i]!);
    const reason = normalizeText(reasons[i]).toUpperCase();
    const amount = parseMoney(amounts[i]!);
    if (!group || !CARC.test(reason) || amount === undefined || amount === null) return null;
    out.push({ group, reason, amountCents: amount });
  }
  return out;
}

const CARC = /^[A-Z]?\d{1,3}$/;
const SPLIT_ADJUSTMENT: LineField[] = ['groupCode', 'reasonCodes', 'adjustmentAmount'];

function readLines(
  shape: TableShape,
  spec: NonNullable<PageKindRule['lines']>,
  problems: Problems,
): ClaimLine[] {
  const places = placeColumns<LineField>(shape, spec.columns, problems, 'lines');
  for (const must of ['code', 'billed', 'paid'] as const) {
    if (!places.has(must) && !problems.list.some((p) => p.startsWith(`lines.${must}:`))) {
      problems.add(`lines.${must}`, 'column not found in the service-line table');
    }
  }
  // Adjustments and remarks are lists: a missing column cannot be told apart from "none", so a
  // column the rule names but the page lacks is a layout change, not an empty list.
  for (const listField of ['adjustments', 'remarks'] as const) {
    if (spec.columns[listField] && !places.has(listField)) {
      problems.add(`lines.${listField}`, 'column not found in the service-line table');
    }
  }
  const splitNamed = SPLIT_ADJUSTMENT.filter((f) => spec.columns[f]);
  const splitFound = splitNamed.filter((f) => places.has(f));
  if (splitFound.length !== splitNamed.length) {
    const lost = splitNamed.filter((f) => !places.has(f)).join(', ');
    problems.add('lines.adjustments', `split adjustment columns incomplete (${lost} not found)`);
  }
  if (problems.list.length > 0) return [];
  const useSplit = splitNamed.length === SPLIT_ADJUSTMENT.length && !places.has('adjustments');
  const skip = spec.skipRowsMatching ? skipPattern(spec.skipRowsMatching) : undefined;
  // Every column is placed once per table, not looked up per cell; `code`, `billed` and `paid` are
  // placed (checked above). Reads happen in a fixed order, so problems are named in that order.
  const pCode = places.get('code')!;
  const pModifiers = places.get('modifiers');
  const pDate = places.get('serviceDate');
  const pAdjustments = places.get('adjustments');
  const pUnits = places.get('units');
  const pBilled = places.get('billed')!;
  const pPaid = places.get('paid')!;
  const pRemarks = places.get('remarks');
  const pPos = places.get('placeOfService');
  const pGroup = useSplit ? places.get('groupCode') : undefined;
  const pReason = useSplit ? places.get('reasonCodes') : undefined;
  const pAmount = useSplit ? places.get('adjustmentAmount') : undefined;
  const pAllowed = places.get('allowed');
  const pDeductible = places.get('deductible');
  const pCoinsurance = places.get('coinsurance');
  const pCopay = places.get('copay');
  const pPatient = places.get('patientResponsibility');
  const lines: ClaimLine[] = [];
  for (const row of shape.rows) {
    const cells = cellsOf(row);
    if (cells.length === 0) continue;
    if (skip?.test(normalizeText(cells[0]?.textContent))) continue;
    const n = lines.length + 1;
    const codeText = cellText(row, cells, pCode);
    // Only a row without a code needs every cell's text: blank rows, and totals rows whose label
    // moved out of the first cell. Reading every cell of every row would double the work.
    if (isEmptyText(codeText ?? '')) {
      const texts = cells.map((c) => normalizeText(c.textContent));
      if (texts.every(isEmptyText) || (skip && texts.some((t) => skip.test(t)))) continue;
    }
    const r = <T>(
      f: LineField,
      place: ColumnPlace | undefined,
      parse: (s: string) => Parsed<T>,
      what: string,
      required = false,
    ) => readCell(problems, n, f, place ? cellText(row, cells, place) : undefined, parse, what, required);

    const proc = readCell(problems, n, 'code', codeText, parseProcedure, 'a procedure code', true);
    const extraModifiers = pModifiers ? r('modifiers', pModifiers, parseModifiers, 'modifiers') : [];
    const dates = r('serviceDate', pDate, parseDateRange, 'a date');
    let adjustments: Adjustment[] | undefined = pAdjustments
      ? r('adjustments', pAdjustments, parseAdjustments, 'adjustments with amounts')
      : [];
    if (useSplit) {
      const items = (place: ColumnPlace | undefined) => {
        const el = place ? cellAt(row, cells, place) : undefined;
        return el ? cellItems(el) : [];
      };
      const split = splitAdjustments(items(pGroup), items(pReason), items(pAmount));
      if (split === null)
        problems.add(`lines[${n}].adjustments`, 'group, reason and amount cells do not line up');
      else if (split !== undefined) adjustments = split;
    }
    const units = (pUnits ? r('units', pUnits, parseUnits, 'a number of units') : undefined) ?? 1;
    const billedCents = r('billed', pBilled, parseMoney, 'an amount', true) ?? 0;
    const paidCents = r('paid', pPaid, parseMoney, 'an amount', true) ?? 0;
    const remarks = (pRemarks ? r('remarks', pRemarks, parseRemarks, 'remark codes') : undefined) ?? [];
    const pos = pPos ? normalizeText(cellText(row, cells, pPos)) : '';
    const allowed = pAllowed ? r('allowed', pAllowed, parseMoney, 'an amount') : undefined;
    const deductible = pDeductible ? r('deductible', pDeductible, parseMoney, 'an amount') : undefined;
    const coinsurance = pCoinsurance ? r('coinsurance', pCoinsurance, parseMoney, 'an amount') : undefined;
    const copay = pCopay ? r('copay', pCopay, parseMoney, 'an amount') : undefined;
    const patient = pPatient ? r('patientResponsibility', pPatient, parseMoney, 'an amount') : undefined;
    // Keys in the model's order (ClaimLineSchema), absent rather than undefined when not shown.
    const line: ClaimLine = {
      lineNumber: n,
      code: proc?.code ?? '00000',
      modifiers: mergeModifiers(proc?.modifiers, extraModifiers),
      units,
    } as ClaimLine;
    if (dates) {
      line.serviceDate = dates[0];
      if (dates[1] !== dates[0]) line.serviceDateTo = dates[1];
    }
    if (TWO_DIGITS.test(pos)) line.placeOfService = pos;
    line.billedCents = billedCents;
    if (allowed != null) line.allowedCents = allowed;
    line.paidCents = paidCents;
    if (deductible != null) line.deductibleCents = deductible;
    if (coinsurance != null) line.coinsuranceCents = coinsurance;
    if (copay != null) line.copayCents = copay;
    if (patient != null) line.patientResponsibilityCents = patient;
    line.adjustments = adjustments ?? [];
    line.remarks = remarks;
    lines.push(line);
  }
  if (lines.length === 0) problems.add('lines', 'the service-line table has no rows');
  return lines;
}

const TWO_DIGITS = /^\d{2}$/;

/** The procedure cell's modifiers, then the modifier column's, each once. */
function mergeModifiers(fromCode: string[] | undefined, extra: string[] | null | undefined): string[] {
  if (!extra || extra.length === 0) return fromCode ? [...new Set(fromCode)] : [];
  return [...new Set([...(fromCode ?? []), ...extra])];
}

/** The text of a placed column's cell in a row whose cells are already split. */
function cellText(row: Element, cells: Element[], place: ColumnPlace): string | undefined {
  const el = cellAt(row, cells, place);
  if (!el) return undefined;
  return place.found === 'css' ? elementText(el, place.attr) : elementText(el);
}

/** `read` for a service-line cell; the problem's name (`lines[3].billed`) is built only when needed. */
function readCell<T>(
  problems: Problems,
  n: number,
  field: LineField,
  text: string | undefined,
  parse: (s: string) => Parsed<T>,
  what: string,
  required: boolean,
): T | undefined {
  if (text === undefined || isEmptyText(text)) {
    if (required) problems.add(`lines[${n}].${field}`, 'not found on the page');
    return undefined;
  }
  const v = parse(text);
  if (v === null) {
    problems.add(`lines[${n}].${field}`, `not ${what}`);
    return undefined;
  }
  if (v === undefined && required) problems.add(`lines[${n}].${field}`, 'empty');
  return v;
}

const skipPatterns = new Map<string, RegExp>();

/** A rule's skip-rows pattern, compiled once per pattern rather than once per read. */
function skipPattern(source: string): RegExp {
  let re = skipPatterns.get(source);
  if (!re) {
    re = new RegExp(source, 'i');
    skipPatterns.set(source, re);
  }
  return re;
}

function sum(lines: ClaimLine[], pick: (l: ClaimLine) => number): number {
  return lines.reduce((a, l) => a + pick(l), 0);
}

function deriveStatus(lines: ClaimLine[], paidCents: number): ClaimStatus {
  if (lines.length > 0 && lines.every((l) => l.paidCents === 0)) return 'denied';
  if (paidCents > 0) return lines.some((l) => l.paidCents === 0) ? 'partial' : 'paid';
  return 'unknown';
}

/** ClaimSchema's `lines` maximum. */
const MAX_LINES = 5000;

function dollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

function extractClaim(rule: PortalRule, kind: PageKindRule, root: ParentNode): ExtractResult {
  const problems = new Problems();
  const index = new LabelIndex(root);
  const fields = readClaimFields(root, kind, problems, index);
  let lines: ClaimLine[] = [];
  if (kind.lines) {
    const shape = readTableShape(root, kind.lines, index);
    if (!shape) problems.add('lines', 'service-line table not found');
    else lines = readLines(shape, kind.lines, problems);
  }
  const fail = (): ExtractFailure => ({
    ok: false,
    rule: rule.id,
    pageKind: kind.kind,
    missing: problems.list,
  });
  if (problems.list.length > 0) return fail();

  // Totals shown on the page must agree with the lines read: a mismatch means a column was misread.
  const lineBilled = sum(lines, (l) => l.billedCents);
  const linePaid = sum(lines, (l) => l.paidCents);
  if (lines.length > 0 && fields.billed !== undefined && fields.billed !== lineBilled) {
    problems.add(
      'billed',
      `claim total ${dollars(fields.billed)} differs from the lines' ${dollars(lineBilled)}`,
    );
  }
  if (lines.length > 0 && fields.paid !== undefined && fields.paid !== linePaid) {
    problems.add('paid', `claim total ${dollars(fields.paid)} differs from the lines' ${dollars(linePaid)}`);
  }
  const payerName = fields.payerName ?? rule.payerName;
  if (!payerName) problems.add('payerName', 'not found on the page and the rule names no payer');
  if (!fields.claimNumber) problems.add('claimNumber', 'not found on the page');
  if (problems.list.length > 0) return fail();

  const billedCents = fields.billed ?? lineBilled;
  const paidCents = fields.paid ?? linePaid;
  const candidate: Claim = {
    claimNumber: fields.claimNumber!,
    payerName: payerName!,
    status: fields.status && fields.status !== 'unknown' ? fields.status : deriveStatus(lines, paidCents),
    billedCents,
    paidCents,
    adjustments: [],
    remarks: fields.remarks,
    lines,
  };
  const optional = {
    patientAccount: fields.patientAccount,
    patientName: fields.patientName,
    memberId: fields.memberId,
    payerId: fields.payerId,
    providerName: fields.providerName,
    providerNpi: fields.providerNpi,
    providerTin: fields.providerTin,
    serviceDateFrom: fields.serviceDateFrom ?? lines[0]?.serviceDate,
    serviceDateTo: fields.serviceDateTo,
    receivedDate: fields.receivedDate,
    paidDate: fields.paidDate,
    statusText: fields.statusText,
    allowedCents: fields.allowed,
    patientResponsibilityCents: fields.patientResponsibility,
    checkNumber: fields.checkNumber,
  };
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (candidate as Record<string, unknown>)[k] = v;
  }
  // The header through zod, the lines through a check that accepts only what zod would return
  // unchanged; anything else goes through zod whole, so its problems are reported as before.
  const header = ClaimSchema.safeParse({ ...candidate, lines: [] });
  if (header.success && lines.length <= MAX_LINES && lines.every(lineMeetsSchema)) {
    return { ok: true, kind: 'claim', claim: { ...header.data, lines } };
  }
  const parsed = ClaimSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(issue.path.join('.') || 'claim', issue.message);
    return fail();
  }
  return { ok: true, kind: 'claim', claim: parsed.data };
}

function extractList(rule: PortalRule, kind: PageKindRule, root: ParentNode): ExtractResult {
  const problems = new Problems();
  const spec = kind.list;
  const shape = spec ? readTableShape(root, spec) : undefined;
  if (!spec || !shape) {
    problems.add('list', 'claim list table not found');
    return { ok: false, rule: rule.id, pageKind: kind.kind, missing: problems.list };
  }
  const places = placeColumns<ListField>(shape, spec.columns, problems, 'list');
  if (!places.has('claimNumber') && problems.list.length === 0)
    problems.add('list.claimNumber', 'column not found');
  const skip = spec.skipRowsMatching ? skipPattern(spec.skipRowsMatching) : undefined;
  const claims: ClaimSummary[] = [];
  if (problems.list.length === 0) {
    shape.rows.forEach((row, i) => {
      const cells = cellsOf(row);
      if (cells.length === 0 || cells.every((c) => isEmptyText(normalizeText(c.textContent)))) return;
      if (skip?.test(normalizeText(cells[0]?.textContent))) return;
      const at = (f: ListField): string | undefined => {
        const place = places.get(f);
        const el = place ? cellAt(row, cells, place) : undefined;
        if (!el) return undefined;
        return place?.found === 'css' ? elementText(el, place.attr) : elementText(el);
      };
      const r = <T>(f: ListField, parse: (s: string) => Parsed<T>, what: string, required = false) =>
        read(problems, `rows[${i + 1}].${f}`, at(f), parse, what, required);
      const claimNumber = r('claimNumber', text, 'text', true);
      if (!claimNumber) return;
      const dates = r('serviceDateFrom', parseDateRange, 'a date');
      const summary = {
        claimNumber,
        patientAccount: r('patientAccount', text, 'text'),
        payerName: r('payerName', text, 'text') ?? rule.payerName,
        serviceDateFrom: dates?.[0],
        serviceDateTo: r('serviceDateTo', parseDate, 'a date') ?? dates?.[1],
        billedCents: r('billed', parseMoney, 'an amount'),
        paidCents: r('paid', parseMoney, 'an amount'),
        status: r('status', parseStatus, 'a status') ?? 'unknown',
        statusText: at('status'),
      };
      const clean = Object.fromEntries(Object.entries(summary).filter(([, v]) => v !== undefined));
      const parsed = ClaimSummarySchema.safeParse(clean);
      if (parsed.success) claims.push(parsed.data);
      else
        problems.add(
          `rows[${i + 1}]`,
          parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; '),
        );
    });
  }
  if (problems.list.length > 0)
    return { ok: false, rule: rule.id, pageKind: kind.kind, missing: problems.list };
  return { ok: true, kind: 'list', claims };
}

/**
 * Applies a portal rule's page kind to a DOM. Returns the claim, the claim rows, or the named list
 * of what could not be read. A partly read page is never returned as a claim.
 */
export function extract(rule: PortalRule, kind: PageKindRule, root: ParentNode): ExtractResult {
  switch (kind.kind) {
    case 'claimDetail':
    case 'remittance':
      return extractClaim(rule, kind, root);
    case 'claimList':
      return extractList(rule, kind, root);
    case 'disputeForm':
      return { ok: true, kind: 'form' };
  }
}
