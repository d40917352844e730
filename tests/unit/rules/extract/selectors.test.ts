import { describe, expect, it } from 'vitest';
import { locate, readField, readTableShape } from '../../../../rules/extract/dom';
import { extract } from '../../../../rules/extract/extract';
import {
  isGeneratedName,
  proposeColumn,
  proposeFieldLocators,
  proposeTableLocators,
} from '../../../../rules/extract/selectors';
import type {
  ClaimField,
  Column,
  FieldStrategy,
  LineField,
  PageKindRule,
  PortalRule,
} from '../../../../rules/portals/schema';
import { parseHtml } from '../../../../scripts/lib/dom';
import { type PortalFixture, portalFixtures } from './portal-fixtures';

/**
 * Teach mode's selector proposals, on every portal fixture: point at the elements the built-in rule
 * reads, propose selectors, then churn every class name (a redeploy of a CSS-in-JS build) and check
 * the proposals still find the same values, and a rule built from them reads the same claim.
 */

describe('generated names are never used', () => {
  it.each([
    ['css-1x2y3z', true],
    ['sc-abc123', true],
    ['sc-bdVaJa', true],
    ['kKZfgI', true],
    ['Button_root__3xYz1', true],
    ['ember123', true],
    ['jss12', true],
    ['react-select-5-input', true],
    [':r1:', true],
    ['mat-input-3', true],
    ['claim-number', false],
    ['claimNumber', false],
    ['service-lines', false],
    ['amount-paid', false],
    ['patientID', false],
    ['totChg', false],
  ] as const)('%s → generated: %s', (name, generated) => {
    expect(isGeneratedName(name)).toBe(generated);
  });
});

/** Every class attribute replaced by build hashes, plus an extra hashed class on every element. */
function churnClasses(doc: Document, seed: number): void {
  let n = seed;
  const hash = () => {
    n = (n * 1103515245 + 12345) >>> 0;
    return n.toString(36).slice(0, 6);
  };
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    el.setAttribute('class', `css-${hash()} sc-${hash()}`);
  }
}

const claimFixtures = portalFixtures().filter(
  (f) =>
    (f.kind.kind === 'claimDetail' || f.kind.kind === 'remittance') &&
    (f.expected as { ok?: boolean }).ok === true,
);

const CLASS_IN_CSS = /(^|[\s>+~(])\.[A-Za-z_-]|\[class[~|^$*]?=/;

function cssOf(strategy: FieldStrategy | [] | Column): string[] {
  const list = Array.isArray(strategy) ? strategy : [strategy];
  return list.flatMap((l) => ('css' in l ? [l.css] : []));
}

/** The rule a biller would teach by pointing at what the built-in rule reads on this fixture. */
function teachFromBuiltIn(f: PortalFixture, doc: Document): { rule: PortalRule; kind: PageKindRule } {
  const fields: Partial<Record<ClaimField, FieldStrategy>> = {};
  for (const [field, strategy] of Object.entries(f.kind.fields) as [ClaimField, FieldStrategy][]) {
    const found = locate(doc, strategy);
    if (!found || !readField(doc, strategy)) continue;
    const proposed = proposeFieldLocators(doc, found.el);
    if (proposed.length > 0) fields[field] = proposed as FieldStrategy;
  }
  const spec = f.kind.lines!;
  const shape = readTableShape(doc, spec)!;
  const table = proposeTableLocators(doc, shape.table) as FieldStrategy;
  const columns: Partial<Record<LineField, Column>> = {};
  const firstRow = shape.rows[0]!;
  for (const [field, column] of Object.entries(spec.columns) as [LineField, Column][]) {
    if (!('header' in column)) continue;
    const wanted = new Set(column.header.map((h) => h.toLowerCase()));
    const index = shape.headers.findIndex((h) => wanted.has(h));
    if (index < 0) continue;
    const cell = Array.from(firstRow.children)[index];
    const proposed = cell ? proposeColumn(shape.table, cell) : undefined;
    if (proposed) columns[field] = proposed;
  }
  const kind: PageKindRule = {
    ...f.kind,
    ready: table,
    fields,
    lines: { ...spec, table, columns },
  };
  return { rule: { ...f.rule, id: `taught-${f.rule.id}`, pageKinds: [kind] }, kind };
}

describe.each(claimFixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
  it('proposes sturdy locators for every field the built-in rule reads, without class names', () => {
    const doc = parseHtml(f.html);
    for (const [field, strategy] of Object.entries(f.kind.fields) as [ClaimField, FieldStrategy][]) {
      const found = locate(doc, strategy);
      const value = readField(doc, strategy);
      if (!found || !value) continue;
      const proposed = proposeFieldLocators(doc, found.el);
      expect(proposed.length, `${field}: no sturdy locator for "${value}"`).toBeGreaterThan(0);
      expect(readField(doc, proposed as FieldStrategy), field).toBe(value);
      for (const css of cssOf(proposed)) expect(css, `${field} names a class`).not.toMatch(CLASS_IN_CSS);
    }
  });

  it.each([1, 2, 3])('finds the same values after class names churn (build %i)', (seed) => {
    const doc = parseHtml(f.html);
    const proposals = (Object.entries(f.kind.fields) as [ClaimField, FieldStrategy][]).flatMap(
      ([field, strategy]) => {
        const found = locate(doc, strategy);
        const value = readField(doc, strategy);
        return found && value ? [{ field, value, proposed: proposeFieldLocators(doc, found.el) }] : [];
      },
    );
    const churned = parseHtml(f.html);
    churnClasses(churned, seed);
    for (const p of proposals) expect(readField(churned, p.proposed as FieldStrategy), p.field).toBe(p.value);
  });

  it('a rule taught from the same elements reads the expected claim, also after churn', () => {
    const { rule, kind } = teachFromBuiltIn(f, parseHtml(f.html));
    for (const css of [...cssOf(kind.lines!.table), ...Object.values(kind.lines!.columns).flatMap(cssOf)])
      expect(css).not.toMatch(CLASS_IN_CSS);
    const churned = parseHtml(f.html);
    churnClasses(churned, 7);
    const result = extract(rule, kind, churned);
    const expected = f.expected as { claim: unknown };
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({ ok: true, claim: expected.claim });
  });
});
