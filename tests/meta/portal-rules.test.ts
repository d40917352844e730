import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect, detectionTarget } from '../../rules/extract/detect';
import { PORTAL_RULES } from '../../rules/portals/registry';
import { type PageKindName, PortalRuleSchema } from '../../rules/portals/schema';
import { FIXTURE_ROOT, kindFileName } from '../unit/rules/extract/portal-fixtures';

/**
 * Lints the portal rules as reviewed data (darkreader's config tests, refined-github's feature
 * registry test, github-url-detection's cross-negative URL tests). Each failure says how to fix it.
 */

const PORTALS_DIR = path.resolve(import.meta.dirname, '../../rules/portals');
const NOT_RULES = new Set(['registry.ts', 'schema.ts', 'generic.ts', 'url-prefixes.ts']);
const ruleFiles = readdirSync(PORTALS_DIR)
  .filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f))
  .map((f) => f.replace(/\.ts$/, ''));
const READS_DATA: PageKindName[] = ['claimList', 'claimDetail', 'remittance'];

const kinds = PORTAL_RULES.flatMap((rule) => rule.pageKinds.map((kind) => ({ rule, kind })));

describe('the registry', () => {
  it.each(ruleFiles)('rules/portals/%s.ts is registered', (id) => {
    expect(
      PORTAL_RULES.map((r) => r.id),
      `rules/portals/${id}.ts is not registered: import it in rules/portals/registry.ts and add it to PORTAL_RULES`,
    ).toContain(id);
  });

  it('lists each rule file once, sorted by id', () => {
    const ids = PORTAL_RULES.map((r) => r.id);
    expect(ids, 'keep PORTAL_RULES sorted by id').toEqual([...ids].sort());
    expect(new Set(ids).size, 'a rule is listed twice in PORTAL_RULES').toBe(ids.length);
    expect(ids.sort(), 'every registered rule needs its own file rules/portals/<id>.ts').toEqual(
      [...ruleFiles].sort(),
    );
  });
});

describe.each(PORTAL_RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('parses with PortalRuleSchema and is plain JSON data', () => {
    const parsed = PortalRuleSchema.safeParse(rule);
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    expect(JSON.parse(JSON.stringify(rule)), 'rules are JSON: no RegExp, functions or undefined').toEqual(
      rule,
    );
  });

  it('has the id of its file name', () => {
    expect(existsSync(path.join(PORTALS_DIR, `${id}.ts`)), `rename the file to rules/portals/${id}.ts`).toBe(
      true,
    );
  });

  it('has URL patterns that compile and examples without query strings', () => {
    for (const kind of rule.pageKinds) {
      for (const p of kind.urlPatterns)
        expect(() => new RegExp(p), `${id}.${kind.kind}: bad pattern ${p}`).not.toThrow();
      for (const ex of kind.examples) {
        expect(
          new URL(ex).search,
          `${ex}: examples must not carry a query string (it can hold patient data)`,
        ).toBe('');
      }
    }
  });

  it('declares each page kind once', () => {
    const names = rule.pageKinds.map((k) => k.kind);
    expect(new Set(names).size, `${id} declares a page kind twice`).toBe(names.length);
  });
});

describe('page detection: positive and cross-negative', () => {
  const cases = kinds.flatMap(({ rule, kind }) =>
    kind.examples.map((url) => [rule.id, kind.kind, url] as const),
  );

  it.each(cases)('%s %s example %s is detected as that kind', (id, kind, url) => {
    const found = detect(url, PORTAL_RULES);
    expect(found && `${found.rule.id}.${found.kind.kind}`, `${url} should be ${id}.${kind}`).toBe(
      `${id}.${kind}`,
    );
  });

  it.each(cases)('%s %s example %s matches no other kind of any rule', (id, kindName, url) => {
    const target = detectionTarget(new URL(url));
    for (const { rule, kind } of kinds) {
      if (rule.id === id && kind.kind === kindName) continue;
      const hit = kind.urlPatterns.find((p) => new RegExp(p).test(target));
      expect(
        hit,
        `${url} (${id}.${kindName}) also matches ${rule.id}.${kind.kind} pattern ${hit}: tighten one of them`,
      ).toBe(undefined);
    }
  });

  it('reads nothing on pages of the portals that are not claim pages', () => {
    for (const url of [
      'https://provider.uhc.com/',
      'https://www.uhcprovider.com/en/claims-payments-billing.html',
      'https://navinet.navimedix.com/navinet/portal/claims/E26110400017',
      'https://cignaforhcp.cigna.com/app/dashboard',
      'https://provider.humana.com/coverage-claims/payment-integrity/reconsiderations-appeals',
    ]) {
      expect(detect(url, PORTAL_RULES), url).toBeUndefined();
    }
  });
});

describe('fixtures', () => {
  const dataKinds = kinds.filter(({ kind }) => READS_DATA.includes(kind.kind));
  it.each(dataKinds.map(({ rule, kind }) => [rule.id, kind.kind] as const))(
    'page kind %s.%s has a fixture with an expected JSON',
    (id, kind) => {
      const dir = path.join(FIXTURE_ROOT, id);
      const prefix = `${kindFileName(kind)}--`;
      const files = existsSync(dir)
        ? readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.html'))
        : [];
      expect(
        files.length,
        `page kind ${kind} of ${id} has no fixture: add tests/fixtures/portals/${id}/${kindFileName(kind)}--<case>.html`,
      ).toBeGreaterThan(0);
      for (const f of files) {
        const expected = path.join(dir, f.replace(/\.html$/, '.expected.json'));
        expect(
          existsSync(expected),
          `add ${path.relative(process.cwd(), expected)}: the extract() result, checked by hand`,
        ).toBe(true);
      }
    },
  );

  const allFixtures = readdirSync(FIXTURE_ROOT).flatMap((id) =>
    readdirSync(path.join(FIXTURE_ROOT, id))
      .filter((f) => f.endsWith('.html'))
      .map((f) => [`${id}/${f}`, readFileSync(path.join(FIXTURE_ROOT, id, f), 'utf8')] as const),
  );

  it.each(allFixtures)('%s starts with a comment saying where its shape comes from', (name, html) => {
    expect(
      html.startsWith('<!--'),
      `${name}: start the file with <!-- Synthetic fixture. Shape: ... -->`,
    ).toBe(true);
  });

  // Fixtures are synthetic and de-identified: no SSN-, MBI- or DOB-shaped strings.
  const SSN = /\b\d{3}-\d{2}-\d{4}\b/;
  // Medicare Beneficiary Identifier: 11 characters, letters without S L O I B Z, dashes optional (1EG4-TE5-MK73).
  const L = '[AC-HJKMNP-RT-Y]';
  const MBI = new RegExp(
    `\\b[1-9]${L}[${L.slice(1, -1)}0-9]\\d-?${L}[${L.slice(1, -1)}0-9]\\d-?${L}{2}\\d{2}\\b`,
  );
  const DOB =
    /(\bDOB\b|date of birth|birth ?date)[^\n]{0,120}?\b(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})\b/i;

  it('the PHI patterns catch what they are meant to catch', () => {
    expect(SSN.test('SSN 123-45-6789')).toBe(true);
    expect(MBI.test('MBI 1EG4-TE5-MK73')).toBe(true);
    expect(MBI.test('1EG4TE5MK73')).toBe(true);
    expect(DOB.test('<dt>Date of Birth</dt><dd>01/02/1960</dd>')).toBe(true);
    expect(MBI.test('U26110400017') || SSN.test('PA-100234') || DOB.test('Dates of Service 10/06/2026')).toBe(
      false,
    );
  });

  it.each(allFixtures)('%s holds no SSN-, MBI- or DOB-like strings', (name, html) => {
    expect(html.match(SSN)?.[0], `${name}: SSN-like string; use synthetic ids (SYN...)`).toBeUndefined();
    expect(html.match(MBI)?.[0], `${name}: MBI-like string; use synthetic ids (SYN...)`).toBeUndefined();
    expect(html.match(DOB)?.[0], `${name}: date of birth; leave DOB out of fixtures`).toBeUndefined();
  });
});
