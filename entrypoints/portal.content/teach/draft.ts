import { tableShapeOf } from '../../../rules/extract/dom';
import { COLUMN_SYNONYMS, type GenericColumn, headerKey } from '../../../rules/extract/generic';
import { headerTexts } from '../../../rules/extract/selectors';
import type {
  ClaimField,
  Column,
  FieldStrategy,
  LineField,
  PageKindRule,
  PortalRule,
} from '../../../rules/portals/schema';

/** The claim fields the picker offers, in the order a biller reads an EOB. */
export const TEACH_FIELDS: readonly { field: ClaimField; label: string }[] = [
  { field: 'claimNumber', label: 'claim number' },
  { field: 'payerName', label: 'payer' },
  { field: 'billed', label: 'total billed' },
  { field: 'paid', label: 'total paid' },
  { field: 'allowed', label: 'total allowed' },
  { field: 'patientAccount', label: 'patient account' },
  { field: 'serviceDateFrom', label: 'dates of service' },
  { field: 'paidDate', label: 'paid date' },
  { field: 'status', label: 'claim status' },
  { field: 'checkNumber', label: 'check or EFT number' },
];

/** The service-line columns the picker offers. */
export const TEACH_COLUMNS: readonly { field: LineField; label: string }[] = [
  { field: 'serviceDate', label: 'service date' },
  { field: 'code', label: 'procedure code' },
  { field: 'modifiers', label: 'modifiers' },
  { field: 'units', label: 'units' },
  { field: 'billed', label: 'billed' },
  { field: 'allowed', label: 'allowed' },
  { field: 'deductible', label: 'deductible' },
  { field: 'coinsurance', label: 'coinsurance' },
  { field: 'copay', label: 'copay' },
  { field: 'paid', label: 'paid' },
  { field: 'adjustments', label: 'adjustment codes' },
  { field: 'remarks', label: 'remark codes' },
];

export type TeachKind = 'claimDetail' | 'remittance';

/** What the biller has pointed at so far. */
export interface TeachDraft {
  href: string;
  name: string;
  /** Typed by the biller when the page never names the payer. */
  payerName: string;
  kind: TeachKind;
  fields: Partial<Record<ClaimField, FieldStrategy>>;
  table?: FieldStrategy;
  columns: Partial<Record<LineField, Column>>;
}

/**
 * The same id the background requires (storage/taught-rules.ts taughtRuleId); content scripts do not
 * import storage/, and the background refuses a rule whose id differs, so a drift here fails loudly.
 */
export function taughtRuleId(origin: string): string {
  return `taught-${new URL(origin).hostname.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A path segment that names one claim, member or session (has digits, or is a long token), not a page. */
function isIdSegment(seg: string): boolean {
  return /\d/.test(seg) || seg.length > 24;
}

function generalisePath(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg !== '' && isIdSegment(seg) ? '[^/#?]+' : escapeRe(seg)))
    .join('/');
}

/**
 * The URL pattern for pages like this one: the path with its ids generalised, so every claim's page
 * matches; a hash route (`#/claims/123`) is generalised the same way, any other hash is ignored.
 */
export function urlPatternFor(href: string): string {
  const url = new URL(href);
  const path = generalisePath(url.pathname.replace(/\/$/, ''));
  const hash = url.hash.startsWith('#/') ? `#${generalisePath(url.hash.slice(1))}` : '(#.*)?';
  return `^${escapeRe(url.origin)}${path}/?${hash}$`;
}

/** Columns whose header the generic reader's vocabulary already names, so the biller only fixes the rest. */
export function autoColumns(table: Element): Partial<Record<LineField, Column>> {
  const shape = tableShapeOf(table);
  const texts = headerTexts(shape);
  const byKey = new Map<string, GenericColumn>();
  for (const [col, words] of Object.entries(COLUMN_SYNONYMS) as [GenericColumn, readonly string[]][])
    for (const w of words) byKey.set(headerKey(w), col);
  const found = new Map<GenericColumn, number[]>();
  texts.forEach((t, i) => {
    const col = byKey.get(headerKey(t));
    if (col) found.set(col, [...(found.get(col) ?? []), i]);
  });
  const out: Partial<Record<LineField, Column>> = {};
  for (const { field } of TEACH_COLUMNS) {
    const at = found.get(field as GenericColumn);
    if (at?.length === 1) out[field] = { header: [texts[at[0]!]!] };
  }
  return out;
}

/** What is still needed before the draft can be a rule, in words for the biller. */
export function draftGaps(d: TeachDraft): string[] {
  const gaps: string[] = [];
  if (!d.fields.claimNumber) gaps.push('Point at the claim number.');
  if (!d.fields.payerName && !d.payerName.trim()) gaps.push('Point at the payer, or type its name.');
  if (!d.table) gaps.push('Point at the service-line table.');
  else
    for (const f of ['code', 'billed', 'paid'] as const)
      if (!d.columns[f]) gaps.push(`Point at the ${TEACH_COLUMNS.find((c) => c.field === f)!.label} column.`);
  return gaps;
}

/**
 * The portal rule the draft describes, in the built-in rules' schema. Required: the claim number and
 * every total the biller pointed at, so a page that stops showing them is reported, never guessed.
 */
export function buildTaughtRule(d: TeachDraft): PortalRule {
  const url = new URL(d.href);
  // The example keeps the page's URL shape but not its claim or member ids: rules are exported and
  // shared, and an id in a path is patient-adjacent data.
  const scrub = (path: string) =>
    path
      .split('/')
      .map((seg) => (isIdSegment(seg) ? seg.replace(/[0-9]/g, '0') : seg))
      .join('/');
  const example = `${url.origin}${scrub(url.pathname)}${url.hash.startsWith('#/') ? scrub(url.hash) : ''}`;
  const required = (['claimNumber', 'billed', 'paid'] as const).filter((f) => d.fields[f]);
  const kind: PageKindRule = {
    kind: d.kind,
    urlPatterns: [urlPatternFor(d.href)],
    examples: [example],
    ready: d.table ?? d.fields.claimNumber ?? [{ css: 'body', note: 'taught: the page itself' }],
    fields: d.fields,
    required: [...required],
    ...(d.table
      ? {
          lines: {
            table: d.table,
            skipRowsMatching: '^(total|totals|claim total|grand total)$',
            columns: d.columns,
          },
        }
      : {}),
  };
  const payerName = d.payerName.trim();
  return {
    id: taughtRuleId(url.origin),
    name: d.name.trim() || url.hostname,
    ...(payerName ? { payerName } : {}),
    matches: [`${url.origin}/*`],
    source: `taught by the biller on ${url.hostname}, ${new Date().toISOString().slice(0, 10)}`,
    pageKinds: [kind],
  };
}
