import type { Column, FieldStrategy, Locator } from '../portals/schema';
import { normalizeText } from './parse-value';

/** Minimal DOM surface used by the readers, so that Node (happy-dom) and the browser both fit. */
export type Root = ParentNode & { querySelector: Document['querySelector'] };

function labelKey(s: string): string {
  return normalizeText(s).toLowerCase().replace(/[:*]\s*$/, '').trim();
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

/** Elements whose own text is one of the labels, in document order. */
export function findLabelElements(root: ParentNode, labels: string[]): Element[] {
  const wanted = new Set(labels.map(labelKey));
  const out: Element[] = [];
  for (const el of safeQueryAll(root, LABEL_CANDIDATES)) {
    // Only leaf-ish elements: a container whose text happens to equal a label is not a label.
    if (el.children.length > 1) continue;
    // Column headers name columns, not values beside them.
    if (el.tagName === 'TH' && (el.closest('thead') || el.getAttribute('scope') === 'col')) continue;
    if (wanted.has(labelKey(el.textContent ?? ''))) out.push(el);
  }
  return out;
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
};

/** Every element a locator points at, in document order. */
export function locateAll(root: ParentNode, locator: Locator): Element[] {
  if ('css' in locator) return safeQueryAll(root, locator.css);
  if ('label' in locator) {
    return findLabelElements(root, locator.label)
      .map(valueForLabel)
      .filter((e): e is Element => e !== null);
  }
  const names = new Set(locator.name.map(labelKey));
  const css = [`[role="${CSS_escape(locator.role)}"]`, IMPLICIT_ROLE[locator.role]].filter(Boolean).join(', ');
  return safeQueryAll(root, css).filter((el) => names.has(accessibleName(el)));
}

/** The first element any alternative finds. */
export function locate(root: ParentNode, strategy: FieldStrategy): { el: Element; locator: Locator } | undefined {
  for (const locator of strategy) {
    const el = locateAll(root, locator)[0];
    if (el) return { el, locator };
  }
  return undefined;
}

/** The text of the first alternative that finds a non-empty value. */
export function readField(root: ParentNode, strategy: FieldStrategy): string | undefined {
  for (const locator of strategy) {
    for (const el of locateAll(root, locator)) {
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

function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((c) => {
    const t = c.tagName;
    const role = c.getAttribute('role');
    return t === 'TD' || t === 'TH' || role === 'cell' || role === 'gridcell' || role === 'rowheader' || role === 'columnheader';
  });
}

export { cellsOf };

/** Finds a table and its rows and header cells. */
export function readTableShape(
  root: ParentNode,
  spec: { table: FieldStrategy; rows?: string | undefined; headers?: string | undefined },
): TableShape | undefined {
  const found = locate(root, spec.table);
  if (!found) return undefined;
  const table = found.el;
  const isGrid = table.tagName !== 'TABLE';
  const headerCss = spec.headers ?? (isGrid ? '[role="columnheader"]' : 'thead th, thead td');
  let headerCells = safeQueryAll(table, headerCss);
  if (headerCells.length === 0 && !isGrid) {
    const first = table.querySelector('tr');
    headerCells = first ? Array.from(first.querySelectorAll('th')) : [];
  }
  const headers = headerCells.map((h) => labelKey(h.textContent ?? ''));
  const rowCss = spec.rows ?? (isGrid ? '[role="row"]' : 'tbody tr');
  const rows = safeQueryAll(table, rowCss).filter((r) => !headerCells.some((h) => r.contains(h)));
  const headerIndex = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!headerIndex.has(h)) headerIndex.set(h, i);
  });
  return { table, rows, headerIndex, headers };
}

/** Resolves a column spec to a cell reader for rows of this table; undefined when the column is absent. */
export function columnReader(
  shape: TableShape,
  column: Column,
): ((row: Element) => string | undefined) | undefined {
  if ('css' in column) {
    return (row) => {
      const el = safeQuery(row, column.css);
      return el ? elementText(el, column.attr) : undefined;
    };
  }
  const wanted = column.header.map(labelKey);
  const matches = shape.headers.map((h, i) => (wanted.includes(h) ? i : -1)).filter((i) => i >= 0);
  if (matches.length === 0) return undefined;
  const index = matches[0]!;
  return (row) => {
    const cell = cellsOf(row)[index];
    return cell ? elementText(cell) : undefined;
  };
}
