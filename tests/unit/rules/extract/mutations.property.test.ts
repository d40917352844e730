import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOf, readTableShape } from '../../../../rules/extract/dom';
import { extract } from '../../../../rules/extract/extract';
import { COLUMN_SYNONYMS, headerKey, readGeneric } from '../../../../rules/extract/generic';
import { parseMoney } from '../../../../rules/extract/parse-value';
import type { Claim, ClaimLine } from '../../../../rules/model';
import { fixtureDocument, type PortalFixture, portalFixtures } from './portal-fixtures';

/**
 * Layout changes a portal might ship, applied to every readable fixture: the readers never throw,
 * and either return the right amounts (the expected JSON) or say what is missing. A number is never
 * attributed to the wrong field.
 */

type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'rename'; at: number; text: string }
  | { op: 'duplicate'; at: number }
  | { op: 'noise'; at: number; text: string }
  | { op: 'money'; format: number }
  | { op: 'removeTable' };

const noiseWord = fc.constantFrom(
  'lorem',
  'ipsum',
  '$12.34',
  '99',
  'Note',
  '(5.00)',
  'claim',
  '2026',
  'CO-45',
  'N130',
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat(20) }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(20), to: fc.nat(20) }),
  fc.record({
    op: fc.constant('rename' as const),
    at: fc.nat(20),
    text: fc.constantFrom('Zqx', 'Misc', 'Col 7', 'Info'),
  }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(20) }),
  fc.record({
    op: fc.constant('noise' as const),
    at: fc.nat(20),
    text: fc.array(noiseWord, { maxLength: 6 }).map((w) => w.join(' ')),
  }),
  fc.record({ op: fc.constant('money' as const), format: fc.nat(3) }),
  fc.constant({ op: 'removeTable' as const }),
);
const benign: fc.Arbitrary<Mutation> = mutation.filter(
  (m) => m.op === 'move' || m.op === 'noise' || m.op === 'money',
);

const MONEY_TEXT = /^(USD )?\$?[\d,]*\d\.\d{1,2}$/;

function formatMoney(cents: number, format: number): string {
  const abs = Math.abs(cents);
  const plain = (abs / 100).toFixed(2);
  const withCommas = `${Number(plain.split('.')[0]).toLocaleString('en-US')}.${plain.split('.')[1]}`;
  const body = [`$${withCommas}`, plain, `USD ${withCommas}`, `$${(abs / 100).toString()}`][format] ?? plain;
  return cents < 0 ? `(${body})` : body;
}

/** What a dropped or renamed column held, as both readers name it. */
function fieldsOfHeader(f: PortalFixture, header: string): string[] {
  const out = new Set<string>();
  const key = header.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [field, col] of Object.entries(f.kind.lines?.columns ?? {})) {
    if (col && 'header' in col && col.header.some((h) => h.toLowerCase() === key)) out.add(field);
  }
  for (const [field, words] of Object.entries(COLUMN_SYNONYMS))
    if (words.includes(headerKey(header))) out.add(field);
  if (['groupCode', 'reasonCodes', 'adjustmentAmount'].some((x) => out.has(x))) out.add('adjustments');
  if (out.has('code')) out.add('modifiers');
  return [...out];
}

interface Applied {
  doc: Document;
  lost: Set<string>;
}

function apply(f: PortalFixture, mutations: Mutation[]): Applied {
  const doc = fixtureDocument(f);
  const lost = new Set<string>();
  // Duplicates go last: a duplicate whose original is later dropped is simply the page's column,
  // and reading it is right. What is tested is that two columns with one header are never guessed between.
  const ordered = [
    ...mutations.filter((m) => m.op !== 'duplicate'),
    ...mutations.filter((m) => m.op === 'duplicate'),
  ];
  for (const m of ordered) {
    const shape = f.kind.lines ? readTableShape(doc, f.kind.lines) : undefined;
    if (m.op === 'noise') {
      const spots = Array.from(doc.body.querySelectorAll('main, section, dl, p, div')).filter(
        (el) => !shape?.table.contains(el),
      );
      const spot = spots[m.at % Math.max(1, spots.length)] ?? doc.body;
      const p = doc.createElement('p');
      p.textContent = m.text;
      spot.insertBefore(p, spot.firstChild);
      continue;
    }
    if (m.op === 'money') {
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        if (el.children.length > 0) continue;
        const t = (el.textContent ?? '').trim();
        if (!MONEY_TEXT.test(t)) continue;
        const cents = parseMoney(t);
        if (typeof cents === 'number') el.textContent = formatMoney(cents, m.format);
      }
      for (const input of Array.from(doc.body.querySelectorAll('input[value]'))) {
        const v = input.getAttribute('value') ?? '';
        const cents = MONEY_TEXT.test(v) ? parseMoney(v) : undefined;
        if (typeof cents === 'number') input.setAttribute('value', formatMoney(cents, m.format));
      }
      continue;
    }
    if (!shape) continue;
    if (m.op === 'removeTable') {
      shape.table.remove();
      continue;
    }
    const isGrid = shape.table.tagName !== 'TABLE';
    const headerCells = Array.from(
      shape.table.querySelectorAll(isGrid ? '[role="columnheader"]' : 'thead th, thead td'),
    );
    if (headerCells.length === 0) continue;
    const i = m.at % headerCells.length;
    const header = headerCells[i]!;
    const columnCells = [header, ...shape.rows.map((r) => cellsOf(r)[i])];
    if (m.op === 'drop' || m.op === 'rename') {
      for (const field of fieldsOfHeader(f, header.textContent ?? '')) lost.add(field);
      if (m.op === 'drop') for (const c of columnCells) c?.remove();
      else header.textContent = m.text;
    } else if (m.op === 'move') {
      const j = m.to % headerCells.length;
      const rows = [header.parentElement!, ...shape.rows];
      rows.forEach((row) => {
        const cells = row === header.parentElement ? headerCells : cellsOf(row);
        const from = cells[i];
        const before = cells[j];
        if (from && before && from !== before) row.insertBefore(from, j > i ? before.nextSibling : before);
      });
    } else if (m.op === 'duplicate') {
      // A second column with the same header but different numbers: a reader must not pick either.
      for (const c of columnCells) {
        if (!c) continue;
        const copy = c.cloneNode(true) as Element;
        const cents = parseMoney(copy.textContent ?? '');
        if (typeof cents === 'number' && c !== header) copy.textContent = formatMoney(cents + 100, 0);
        c.after(copy);
      }
    }
  }
  return { doc, lost };
}

const OPTIONAL_MONEY = [
  'allowedCents',
  'deductibleCents',
  'coinsuranceCents',
  'copayCents',
  'patientResponsibilityCents',
] as const;
const SOURCE: Record<(typeof OPTIONAL_MONEY)[number], string> = {
  allowedCents: 'allowed',
  deductibleCents: 'deductible',
  coinsuranceCents: 'coinsurance',
  copayCents: 'copay',
  patientResponsibilityCents: 'patientResponsibility',
};

/** Every value read is the expected one; a value may be absent or defaulted only where its column was lost. */
function misattributions(got: Claim, want: Claim, lost: Set<string>): string[] {
  const bad: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (got.claimNumber !== want.claimNumber) bad.push(`claimNumber ${got.claimNumber}`);
  if (got.billedCents !== want.billedCents) bad.push(`billed ${got.billedCents}`);
  if (got.paidCents !== want.paidCents) bad.push(`paid ${got.paidCents}`);
  if (got.lines.length !== want.lines.length) return [...bad, `${got.lines.length} lines`];
  got.lines.forEach((g: ClaimLine, i) => {
    const w = want.lines[i]!;
    const at = `lines[${i + 1}]`;
    if (g.code !== w.code) bad.push(`${at}.code ${g.code}`);
    if (g.billedCents !== w.billedCents) bad.push(`${at}.billed ${g.billedCents}`);
    if (g.paidCents !== w.paidCents) bad.push(`${at}.paid ${g.paidCents}`);
    for (const k of OPTIONAL_MONEY) {
      if (g[k] === undefined && (w[k] === undefined || lost.has(SOURCE[k]))) continue;
      if (g[k] !== w[k]) bad.push(`${at}.${k} ${g[k]} (want ${w[k]})`);
    }
    if (!same(g.adjustments, w.adjustments) && !(lost.has('adjustments') && g.adjustments.length === 0)) {
      bad.push(`${at}.adjustments ${JSON.stringify(g.adjustments)}`);
    }
    if (!same(g.remarks, w.remarks) && !(lost.has('remarks') && g.remarks.length === 0))
      bad.push(`${at}.remarks`);
    if (
      !same(g.modifiers, w.modifiers) &&
      !(lost.has('modifiers') && g.modifiers.every((x) => w.modifiers.includes(x)))
    ) {
      bad.push(`${at}.modifiers ${g.modifiers}`);
    }
    if (g.units !== w.units && !(lost.has('units') && g.units === 1)) bad.push(`${at}.units ${g.units}`);
    if (g.serviceDate !== w.serviceDate && !(lost.has('serviceDate') && g.serviceDate === undefined)) {
      bad.push(`${at}.serviceDate ${g.serviceDate}`);
    }
  });
  return bad;
}

const readable = portalFixtures().filter(
  (f) =>
    (f.kind.kind === 'claimDetail' || f.kind.kind === 'remittance') && (f.expected as { ok: boolean }).ok,
);
// PROPERTY_RUNS=500 for a deeper search before changing the engine.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);
const TIMEOUT_MS = Math.max(20_000, RUNS * 300);

describe.each(readable.map((f) => [f.name, f] as const))('%s under layout changes', (_name, f) => {
  const want = (f.expected as { claim: Claim }).claim;

  it(
    'the rule never throws and never attributes a number to the wrong field',
    () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const { doc, lost } = apply(f, mutations);
          const result = extract(f.rule, f.kind, doc);
          if (!result.ok) {
            expect(result.missing.length).toBeGreaterThan(0);
            return;
          }
          if (result.kind !== 'claim') throw new Error('not a claim');
          expect(misattributions(result.claim, want, lost)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'the rule reads reordered columns, reformatted money and noise exactly',
    () => {
      fc.assert(
        fc.property(fc.array(benign, { minLength: 1, maxLength: 4 }), (mutations) => {
          const { doc } = apply(f, mutations);
          expect(JSON.parse(JSON.stringify(extract(f.rule, f.kind, doc)))).toEqual(f.expected);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'the generic reader never throws and never attributes a number to the wrong field',
    () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const { doc, lost } = apply(f, mutations);
          const result = readGeneric(doc, { payerName: want.payerName });
          if (!result.ok) {
            expect(result.missing.length).toBeGreaterThan(0);
            return;
          }
          expect(result.confidence).toBeGreaterThan(0);
          expect(result.confidence).toBeLessThanOrEqual(1);
          expect(misattributions(result.claim, want, lost)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
