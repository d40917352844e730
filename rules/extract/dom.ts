import type { Column, FieldStrategy, Locator } from '../portals/schema';
import { normalizeText } from './parse-value';

/** Minimal DOM surface used by the readers, so that Node (happy-dom) and the browser both fit. */
export type Root = ParentNode & { querySelector: Document['querySelector'] };

function labelKey(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[:*]\s*$/, '')
    .trim();
}

/** The text a biller sees in an element: form controls give their value, others their text. */
export function elementText(el: Element, attr?: string): string {
  if (attr) return normalizeText(el.getAttribute(attr));
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return normalizeText((el as HTMLInputElement).value);
  if (tag === 'SELECT') {
    const sel = el as HTMLSelectElement;
    return normalizeText(sel.selectedOptions?.[0]?.textContent ?? sel.value);
  }
  return normalizeText(el.textContent);
}

function safeQueryAll(root: ParentNode, css: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(css));
  } catch {
    return [];
  }
}

function safeQuery(root: ParentNode, css: string): Element | null {
  try {
    return root.querySelector(css);
  } catch {
    return null;
  }
}

/** The value element that belongs to a label element, by the page's own structure. */
function valueForLabel(labelEl: Element): Element | null {
  const doc = labelEl.ownerDocument;
  const tag = labelEl.tagName;
  if (tag === 'TH' || labelEl.getAttribute('role') === 'rowheader') {
    const next = labelEl.nextElementSibling;
    if (next) return next;
  }
  if (tag === 'DT') {
    let n = labelEl.nextElementSibling;
    while (n && n.tagName !== 'DD') n = n.nextElementSibling;
    if (n) return n;
  }
  if (tag === 'LABEL') {
    const forId = labelEl.getAttribute('for');
    if (forId) {
      const byId = doc.getElementById(forId);
      if (byId) return byId;
    }
    const nested = labelEl.querySelector('input, select, textarea');
    if (nested) return nested;
  }
  if (labelEl.id) {
    const labelled = safeQuery(doc, `[aria-labelledby~="${CSS_escape(labelEl.id)}"]`);
    if (labelled) return labelled;
  }
  return labelEl.nextElementSibling;
}

function CSS_escape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

const LABEL_CANDIDATES = 'th, dt, label, [role="rowheader"], .label, [data-label], span, div, strong, b';
/** LABEL_CANDIDATES split into its tags and its attribute selectors. */
const LABEL_TAGS = ['th', 'dt', 'label', 'span', 'div', 'strong', 'b'];
const LABEL_TAG_SET = new Set(LABEL_TAGS);
const LABEL_ATTRIBUTES = '[role="rowheader"], .label, [data-label]';

/** Labels are short; a longer text is content, not a label (and reading it is wasted work). */
const MAX_LABEL_LENGTH = 80;

function isLabelShaped(el: Element): boolean {
  // Only leaf-ish elements: a container whose text happens to equal a label is not a label.
  // One inline child is allowed (`<th><span>Claim Number</span></th>`, `<label>Claim <abbr>#</abbr></label>`).
  const kids = el.children;
  if (kids.length > 1) return false;
  if (kids.length === 1 && kids[0]!.children.length > 0) return false;
  // Column headers name columns, not values beside them.
  if (el.tagName === 'TH' && (el.closest('thead') || el.getAttribute('scope') === 'col')) return false;
  if (el.getAttribute('role') === 'columnheader') return false;
  return true;
}

/**
 * Every label-shaped element of a page, by its normalised text, built in one pass. A read makes one
 * index and looks every field's labels up in it, instead of walking the document once per field.
 * Build a new one per read: the page changes between reads.
 */
export class LabelIndex {
  private byKey: Map<string, Element[]> | undefined;

  constructor(private readonly root: ParentNode) {}

  private build(): Map<string, Element[]> {
    const map = new Map<string, Element[]>();
    const add = (el: Element) => {
      if (!isLabelShaped(el)) return;
      const raw = el.textContent ?? '';
      if (raw.length > MAX_LABEL_LENGTH * 2) return;
      const key = labelKey(raw);
      if (!key || key.length > MAX_LABEL_LENGTH) return;
      const list = map.get(key);
      if (list) list.push(el);
      else map.set(key, [el]);
    };
    const root = this.root as ParentNode & Partial<Pick<Element, 'getElementsByTagName'>>;
    if (typeof root.getElementsByTagName === 'function') {
      // The same elements as LABEL_CANDIDATES, found by tag (the browser's cached tag lists) and then
      // by the three attribute selectors, which alone test every element: a third of the work.
      for (const tag of LABEL_TAGS) {
        const found = root.getElementsByTagName(tag);
        for (let i = 0; i < found.length; i++) add(found[i]!);
      }
      for (const el of safeQueryAll(root, LABEL_ATTRIBUTES)) if (!LABEL_TAG_SET.has(el.localName)) add(el);
    } else {
      for (const el of safeQueryAll(this.root, LABEL_CANDIDATES)) add(el);
    }
    return map;
  }

  /** Label elements whose text is one of `labels`, in document order. */
  find(labels: readonly string[]): Element[] {
    this.byKey ??= this.build();
    const out: Element[] = [];
    for (const l of labels) out.push(...(this.byKey.get(labelKey(l)) ?? []));
    // Lists were built tag by tag, not in document order.
    if (out.length > 1) out.sort(documentOrder);
    return out;
  }
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  // 4 = DOCUMENT_POSITION_FOLLOWING: b comes after a.
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

/** Elements whose own text is one of the labels, in document order. */
export function findLabelElements(root: ParentNode, labels: string[], index?: LabelIndex): Element[] {
  return (index ?? new LabelIndex(root)).find(labels);
}

function accessibleName(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return labelKey(aria);
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const names = by
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ');
    return labelKey(names);
  }
  if (el.id) {
    const label = safeQuery(el.ownerDocument, `label[for="${CSS_escape(el.id)}"]`);
    if (label) return labelKey(label.textContent ?? '');
  }
  return labelKey(el.getAttribute('title') ?? '');
}

const IMPLICIT_ROLE: Record<string, string> = {
  textbox: 'input:not([type]), input[type="text"], input[type="number"], textarea',
  combobox: 'select',
  button: 'button',
  table: 'table',
  grid: 'table',
  group: 'fieldset',
};

/** Every element a locator points at, in document order. */
export function locateAll(root: ParentNode, locator: Locator, index?: LabelIndex): Element[] {
  if ('css' in locator) return safeQueryAll(root, locator.css);
  if ('label' in locator) {
    return findLabelElements(root, locator.label, index)
      .map(valueForLabel)
      .filter((e): e is Element => e !== null);
  }
  const names = new Set(locator.name.map(labelKey));
  const css = [`[role="${CSS_escape(locator.role)}"]`, IMPLICIT_ROLE[locator.role]]
    .filter(Boolean)
    .join(', ');
  return safeQueryAll(root, css).filter((el) => names.has(accessibleName(el)));
}

/** The first element any alternative finds. */
export function locate(
  root: ParentNode,
  strategy: FieldStrategy,
  index?: LabelIndex,
): { el: Element; locator: Locator } | undefined {
  for (const locator of strategy) {
    const el = locateAll(root, locator, index).find((e) => !isHidden(e));
    if (el) return { el, locator };
  }
  return undefined;
}

/**
 * True when the biller cannot see the element: a hostile or stale page can keep a decoy value in a
 * hidden node placed before the real one, and what is not shown is never read.
 */
export function isHidden(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"], template')) return true;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return !check.call(el, { visibilityProperty: true });
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const style = view.getComputedStyle(n);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
  }
  return false;
}

/** The text of the first alternative that finds a non-empty, visible value. */
export function readField(root: ParentNode, strategy: FieldStrategy, index?: LabelIndex): string | undefined {
  for (const locator of strategy) {
    for (const el of locateAll(root, locator, index)) {
      if (isHidden(el)) continue;
      const text = elementText(el, 'attr' in locator ? locator.attr : undefined);
      if (text) return text;
    }
  }
  return undefined;
}

export interface TableShape {
  table: Element;
  rows: Element[];
  /** Column name → index in the row's cells, for header-based columns. */
  headerIndex: Map<string, number>;
  /** Header texts, lower-cased, as found. */
  headers: string[];
}

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

/** The cells of a table row or ARIA grid row, in order. */
export function cellsOf(row: Element): Element[] {
  const out: Element[] = [];
  // Sibling walk rather than Array.from(row.children): no live-collection copy per row.
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    const t = c.tagName;
    if (t === 'TD' || t === 'TH' || CELL_ROLES.has(c.getAttribute('role') ?? '')) out.push(c);
  }
  return out;
}

/**
 * The separate values stacked in one cell: one per child element (`<div>CO</div><div>PR</div>`,
 * list items, line breaks between spans), else the cell's text split on semicolons or line breaks.
 * Portals that split adjustments into group / reason / amount columns stack them this way.
 */
export function cellItems(cell: Element): string[] {
  const kids = Array.from(cell.children).filter((k) => k.tagName !== 'BR');
  if (kids.length > 1 || (kids.length === 1 && kids[0]!.tagName === 'UL')) {
    const items = kids.length === 1 ? Array.from(kids[0]!.children) : kids;
    return items.map((k) => normalizeText(k.textContent)).filter((t) => t !== '');
  }
  if (cell.querySelector('br')) {
    const parts: string[] = [];
    let current = '';
    for (const node of Array.from(cell.childNodes)) {
      if (node.nodeName === 'BR') {
        parts.push(current);
        current = '';
      } else current += node.textContent ?? '';
    }
    parts.push(current);
    return parts.map(normalizeText).filter((t) => t !== '');
  }
  return normalizeText(cell.textContent)
    .split(/\s*[;|]\s*/)
    .filter((t) => t !== '');
}

/** Finds a table (or ARIA grid) and its rows and header cells. */
export function readTableShape(
  root: ParentNode,
  spec: { table: FieldStrategy; rows?: string | undefined; headers?: string | undefined },
  index?: LabelIndex,
): TableShape | undefined {
  const found = locate(root, spec.table, index);
  if (!found) return undefined;
  return tableShapeOf(found.el, spec);
}

/** Rows and header cells of a table element or an element with role grid / table / treegrid. */
export function tableShapeOf(
  table: Element,
  spec: { rows?: string | undefined; headers?: string | undefined } = {},
): TableShape {
  const isGrid = table.tagName !== 'TABLE';
  let headerCells =
    spec.headers === undefined && !isGrid
      ? theadCells(table)
      : safeQueryAll(table, spec.headers ?? '[role="columnheader"]');
  if (headerCells.length === 0 && !isGrid) {
    const first = table.querySelector('tr');
    headerCells = first ? Array.from(first.querySelectorAll('th')) : [];
  }
  const headers = headerCells.map((h) => labelKey(h.textContent ?? ''));
  const headerRows = new Set<Element | null>(headerCells.map((h) => h.parentElement));
  const rowCss = spec.rows ?? (isGrid ? '[role="row"]' : 'tbody tr');
  let rows = safeQueryAll(table, rowCss).filter((r) => !headerRows.has(r) && !isHidden(r));
  // A table without tbody markup in the source still gets one from the parser; a header-only first
  // row found above is excluded by headerRows.
  if (rows.length === 0 && !isGrid && spec.rows === undefined) {
    rows = safeQueryAll(table, 'tr').filter((r) => !headerRows.has(r) && !isHidden(r));
  }
  const headerIndex = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!headerIndex.has(h)) headerIndex.set(h, i);
  });
  return { table, rows, headerIndex, headers };
}

/**
 * `table.querySelectorAll('thead th, thead td')`, without testing every body cell for a thead
 * ancestor: with one thead in the table (and none around it) its th/td descendants are exactly that.
 */
export function theadCells(table: Element): Element[] {
  const heads = table.getElementsByTagName('thead');
  if (heads.length === 1 && !table.parentElement?.closest('thead')) {
    return Array.from(heads[0]!.querySelectorAll('th, td'));
  }
  return safeQueryAll(table, 'thead th, thead td');
}

/** Where a column is: a cell index, a CSS selector in the row, absent, or ambiguous (several headers match). */
export type ColumnPlace =
  | { found: 'index'; index: number }
  | { found: 'css'; css: string; attr?: string | undefined }
  | { found: 'none' }
  | { found: 'ambiguous'; indexes: number[] };

/** Resolves a column spec against a table's headers. Two matching headers are ambiguous, never "the first". */
export function placeColumn(shape: TableShape, column: Column): ColumnPlace {
  if ('css' in column) return { found: 'css', css: column.css, attr: column.attr };
  const wanted = new Set(column.header.map(labelKey));
  const matches: number[] = [];
  shape.headers.forEach((h, i) => {
    if (wanted.has(h)) matches.push(i);
  });
  if (matches.length === 0) return { found: 'none' };
  if (matches.length > 1) return { found: 'ambiguous', indexes: matches };
  return { found: 'index', index: matches[0]! };
}

/** The cell element of a placed column in a row whose cells are already split. */
export function cellAt(row: Element, cells: Element[], place: ColumnPlace): Element | undefined {
  if (place.found === 'index') return cells[place.index];
  if (place.found === 'css') return safeQuery(row, place.css) ?? undefined;
  return undefined;
}

/** Resolves a column spec to a cell reader for rows of this table; undefined when the column is absent. */
export function columnReader(
  shape: TableShape,
  column: Column,
): ((row: Element) => string | undefined) | undefined {
  const place = placeColumn(shape, column);
  if (place.found === 'none') return undefined;
  if (place.found === 'ambiguous') return () => undefined;
  return (row) => {
    const cell = cellAt(row, cellsOf(row), place);
    if (!cell) return undefined;
    return place.found === 'css' ? elementText(cell, place.attr) : elementText(cell);
  };
}
