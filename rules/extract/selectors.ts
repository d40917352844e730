import type { Column, FieldStrategy, Locator } from '../portals/schema';
import { cellsOf, elementText, locateAll, type TableShape, tableShapeOf } from './dom';
import { normalizeText } from './parse-value';

/**
 * Selector proposals for teach mode: given the element a biller pointed at, the sturdiest ways to
 * find it again after the portal ships a new build. Preference: test hooks and ids, the visible
 * label beside the value, other data-/aria-/name attributes, and only then a short path from the
 * nearest sturdy ancestor. Generated class names (css-1x2y3z, sc-abc123, Button_root__3xYz1) are
 * never used: they change with every build. Every proposal is checked to find the element it was
 * made for before it is offered.
 */

/** CSS-in-JS and framework prefixes whose suffix is a build or instance counter. */
const GENERATED_PREFIX =
  /^(?:(?:css|sc|jss|emotion|styled|svelte|astro|react|radix|headlessui|mantine|chakra|mat|ng|ui)-|ember|jss)(.*)$/i;

/** True when a class name, id or attribute value looks machine-generated rather than written by a person. */
export function isGeneratedName(name: string): boolean {
  const s = name.trim();
  if (s === '' || s.length > 60) return true;
  if (/^[0-9]/.test(s)) return true;
  // CSS modules: Component_part__hash
  if (/__[A-Za-z0-9-]{5,}$/.test(s) && /_[A-Za-z0-9-]*\d[A-Za-z0-9-]*$/.test(s)) return true;
  if (/^[a-f0-9]{8}-[a-f0-9]{4}-/i.test(s)) return true;
  if (/^:r[0-9a-z]+:$/i.test(s)) return true;
  const prefixed = GENERATED_PREFIX.exec(s);
  if (prefixed && (/\d/.test(prefixed[1]!) || /^(css|sc|jss)-/i.test(s))) return true;
  return s
    .split(/[-_:.]+/)
    .filter(Boolean)
    .some(looksHashed);
}

/** One segment of a name (no separators) that reads like a hash, not a word. */
function looksHashed(seg: string): boolean {
  if (/\d{3,}/.test(seg)) return true;
  let transitions = 0;
  for (let i = 1; i < seg.length; i++) {
    const a = /\d/.test(seg[i - 1]!);
    const b = /\d/.test(seg[i]!);
    if (a !== b) transitions++;
  }
  if (transitions >= 3) return true;
  // bdVaJa, kKZfgI: case flips inside a short token, the shape of styled-components' class hashes.
  if (seg.length <= 10 && /^[a-z]/.test(seg)) {
    const shortParts = seg.split(/(?<=[a-z0-9])(?=[A-Z])/).slice(1);
    if (shortParts.filter((p) => p.length <= 2 && /[a-z]/.test(p)).length >= 2) return true;
    if (/[A-Z]{2}[a-z]/.test(seg) && seg.length <= 8) return true;
  }
  return false;
}

/** Values that change from claim to claim: amounts, dates, claim numbers. A selector must not name them. */
function isDataValue(value: string, el: Element): boolean {
  if (/\d{4,}/.test(value) || /[$€]|\d[.,]\d{2}\b/.test(value)) return true;
  const text = normalizeText(el.textContent);
  return text.length > 2 && normalizeText(value).includes(text);
}

/** Test hooks first: portals keep them stable for their own test suites. */
const TEST_ATTRS = ['data-testid', 'data-test', 'data-test-id', 'data-qa', 'data-cy', 'data-automation-id'];
const OTHER_ATTRS = ['name', 'aria-label', 'headers', 'for'];

export function cssString(s: string): string {
  return `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

export function cssIdent(s: string): string {
  return s.replace(/^-?\d/, (m) => `\\3${m.slice(-1)} `).replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`);
}

function queryAll(root: ParentNode, css: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(css));
  } catch {
    return [];
  }
}

function uniqueIn(root: ParentNode, css: string, el: Element): boolean {
  const found = queryAll(root, css);
  return found.length === 1 && found[0] === el;
}

/** Sturdy attribute selectors for an element on its own (tag-qualified where that helps readers). */
function attributeSelectors(el: Element): { css: string; note: string }[] {
  const tag = el.tagName.toLowerCase();
  const out: { css: string; note: string }[] = [];
  for (const attr of TEST_ATTRS) {
    const v = el.getAttribute(attr);
    if (v && !isGeneratedName(v) && !isDataValue(v, el))
      out.push({ css: `[${attr}=${cssString(v)}]`, note: `taught: by its ${attr} hook` });
  }
  if (el.id && !isGeneratedName(el.id) && !isDataValue(el.id, el))
    out.push({ css: `#${cssIdent(el.id)}`, note: 'taught: by its id' });
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name;
    if (!name.startsWith('data-') || TEST_ATTRS.includes(name)) continue;
    if (!attr.value || isGeneratedName(attr.value) || isDataValue(attr.value, el)) continue;
    out.push({ css: `${tag}[${name}=${cssString(attr.value)}]`, note: `taught: by its ${name} attribute` });
  }
  for (const name of OTHER_ATTRS) {
    const v = el.getAttribute(name);
    if (v && !isGeneratedName(v.replace(/\s+/g, '-')) && !isDataValue(v, el))
      out.push({ css: `${tag}[${name}=${cssString(v)}]`, note: `taught: by its ${name} attribute` });
  }
  return out;
}

/** The nearest ancestor (or the element) that a sturdy selector finds on its own. */
function sturdyAnchor(root: ParentNode, el: Element): { el: Element; css: string } | undefined {
  for (let n: Element | null = el; n && n !== (root as unknown); n = n.parentElement) {
    const own = attributeSelectors(n).find((s) => uniqueIn(root, s.css, n!));
    if (own) return { el: n, css: own.css };
    if (n.tagName === 'BODY') break;
  }
  return undefined;
}

/** `anchor > tag:nth-of-type(i) > ...`: a last resort, short, never naming classes. */
function pathFrom(anchor: Element, el: Element): string | undefined {
  const steps: string[] = [];
  for (let n: Element | null = el; n && n !== anchor; n = n.parentElement) {
    const parent: Element | null = n.parentElement;
    if (!parent) return undefined;
    const tag = n.tagName.toLowerCase();
    const same = Array.from(parent.children).filter((c) => c.tagName === n!.tagName);
    steps.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(n) + 1})` : tag);
    if (steps.length > 5) return undefined;
  }
  return steps.join(' > ');
}

const LABEL_TEXT_MAX = 60;

function labelShaped(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= LABEL_TEXT_MAX &&
    /[A-Za-z]{2}/.test(text) &&
    !/\d{3,}|[$]\s*\d/.test(text)
  );
}

/** Texts that may label `el`: label[for], aria-labelledby, and the element just before it (or its parent). */
function labelCandidates(el: Element): string[] {
  const doc = el.ownerDocument;
  const out: string[] = [];
  if (el.id) {
    for (const l of queryAll(doc, `label[for=${cssString(el.id)}]`)) out.push(normalizeText(l.textContent));
  }
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) out.push(normalizeText(doc.getElementById(id)?.textContent));
  let n: Element | null = el;
  for (let depth = 0; n && depth < 3; depth++, n = n.parentElement) {
    const prev = n.previousElementSibling;
    if (prev) out.push(normalizeText(prev.textContent));
    const parentLabel = n.parentElement?.tagName === 'LABEL' ? n.parentElement : null;
    if (parentLabel) out.push(normalizeText(parentLabel.firstChild?.textContent));
  }
  return [...new Set(out.map((t) => t.replace(/[:*]\s*$/, '').trim()).filter(labelShaped))];
}

/** The element a locator finds reads the same value as the one pointed at (it is it, or wraps it). */
function findsSameValue(root: ParentNode, locator: Locator, el: Element): boolean {
  const first = locateAll(root, locator)[0];
  if (!first) return false;
  if (first === el) return true;
  const related = first.contains(el) || el.contains(first);
  return related && elementText(first) === elementText(el) && elementText(el) !== '';
}

/**
 * Locator alternatives for a claim-level value, sturdiest first, each verified to find `el` (or the
 * element wrapping exactly its text) in `root`. Empty when nothing sturdy finds it.
 */
export function proposeFieldLocators(root: ParentNode, el: Element, max = 3): FieldStrategy | [] {
  const out: Locator[] = [];
  const add = (l: Locator) => {
    if (out.length >= max) return;
    const key = JSON.stringify({ ...l, note: '' });
    if (out.some((o) => JSON.stringify({ ...o, note: '' }) === key)) return;
    if (findsSameValue(root, l, el)) out.push(l);
  };
  const attrs = attributeSelectors(el).filter((s) => uniqueIn(root, s.css, el));
  const hooks = attrs.filter((a) => !a.css.includes('[name=') && !a.css.includes('[aria-label='));
  for (const a of hooks.slice(0, 1)) add(a);
  for (const text of labelCandidates(el))
    add({ label: [text], note: `taught: value beside the label "${text}"` });
  for (const a of attrs) add(a);
  if (out.length === 0) {
    const anchor = sturdyAnchor(root, el.parentElement ?? el);
    const path = anchor && anchor.el !== el ? pathFrom(anchor.el, el) : undefined;
    if (anchor && path)
      add({ css: `${anchor.css} > ${path}`, note: 'taught: position under a sturdy ancestor' });
  }
  return out as FieldStrategy | [];
}

const TABLE_CSS = 'table, [role="grid"], [role="table"], [role="treegrid"]';

/** The table (or ARIA grid) an element belongs to. */
export function tableOf(el: Element): Element | undefined {
  return el.closest(TABLE_CSS) ?? undefined;
}

/** Locator alternatives for a table or grid: hooks, id, accessible name, the heading before it, a path. */
export function proposeTableLocators(root: ParentNode, table: Element, max = 3): FieldStrategy | [] {
  const out: Locator[] = [];
  const add = (l: Locator) => {
    if (out.length < max && locateAll(root, l)[0] === table) out.push(l);
  };
  for (const a of attributeSelectors(table)) if (uniqueIn(root, a.css, table)) add(a);
  const role = table.tagName === 'TABLE' ? 'table' : (table.getAttribute('role') ?? 'table');
  const aria = normalizeText(table.getAttribute('aria-label'));
  if (aria && labelShaped(aria)) add({ role, name: [aria], note: `taught: ${role} named "${aria}"` });
  const prev = table.previousElementSibling;
  const heading = normalizeText(prev?.textContent);
  if (prev && /^H[1-6]$|^CAPTION$|^LEGEND$/.test(prev.tagName) && labelShaped(heading))
    add({ label: [heading], note: `taught: the table after the heading "${heading}"` });
  if (out.length === 0) {
    const anchor = sturdyAnchor(root, table.parentElement ?? table);
    const path = anchor ? pathFrom(anchor.el, table) : undefined;
    if (anchor && path)
      add({ css: `${anchor.css} > ${path}`, note: 'taught: position under a sturdy ancestor' });
    else if (queryAll(root, TABLE_CSS).filter((t) => t.tagName === table.tagName).length === 1)
      add({ css: table.tagName.toLowerCase(), note: 'taught: the only table on the page' });
  }
  return out as FieldStrategy | [];
}

/** The cell of `table` that `el` is in, with its column index; undefined outside the table's rows. */
export function cellPosition(table: Element, el: Element): { cell: Element; index: number } | undefined {
  for (let n: Element | null = el; n && n !== table; n = n.parentElement) {
    const row = n.parentElement;
    if (!row) return undefined;
    const cells = cellsOf(row);
    const index = cells.indexOf(n);
    if (index >= 0) return { cell: n, index };
  }
  return undefined;
}

/** Header texts as the page shows them (case kept), by column index. */
export function headerTexts(shape: TableShape): string[] {
  const isGrid = shape.table.tagName !== 'TABLE';
  let cells = queryAll(shape.table, isGrid ? '[role="columnheader"]' : 'thead th, thead td');
  if (cells.length === 0 && !isGrid)
    cells = Array.from(shape.table.querySelector('tr')?.querySelectorAll('th') ?? []);
  return cells.map((c) => normalizeText(c.textContent));
}

/**
 * How to find the column of the cell a biller pointed at: its header text when that names exactly
 * one column, else the cell's own sturdy attribute, else its position in the row.
 */
export function proposeColumn(table: Element, el: Element): Column | undefined {
  const pos = cellPosition(table, el);
  if (!pos) return undefined;
  const shape = tableShapeOf(table);
  const header = headerTexts(shape)[pos.index];
  const key = shape.headers[pos.index];
  if (header && key && shape.headers.filter((h) => h === key).length === 1) return { header: [header] };
  const row = pos.cell.parentElement!;
  const own = attributeSelectors(pos.cell).find((s) => uniqueIn(row, s.css, pos.cell));
  if (own) return { css: own.css, note: `${own.note} in each row` };
  const tag = pos.cell.tagName.toLowerCase();
  const same = Array.from(row.children).filter((c) => c.tagName === pos.cell.tagName);
  return {
    css: `${tag}:nth-of-type(${same.indexOf(pos.cell) + 1})`,
    note: 'taught: column position, the table has no header for it',
  };
}
