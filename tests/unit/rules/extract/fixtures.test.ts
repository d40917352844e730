import { describe, expect, it } from 'vitest';
import { extract } from '../../../../rules/extract/extract';
import { fixtureDocument, portalFixtures } from './portal-fixtures';

const fixtures = portalFixtures();

describe('every portal fixture extracts to its expected JSON', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const result = extract(f.rule, f.kind, fixtureDocument(f));
    expect(JSON.parse(JSON.stringify(result))).toEqual(f.expected);
  });
});

describe('claim lists keep every row and make unpaid rows recognisable', () => {
  const lists = fixtures.filter((f) => f.kind.kind === 'claimList');
  it.each(lists.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const result = extract(f.rule, f.kind, fixtureDocument(f));
    if (!result.ok || result.kind !== 'list') throw new Error(`${f.name} did not read as a list`);
    const doc = fixtureDocument(f);
    const table = doc.querySelector('table');
    expect(result.claims).toHaveLength(table?.querySelectorAll('tbody tr').length ?? -1);
    const denied = result.claims.filter((c) => c.status === 'denied');
    expect(denied.length).toBeGreaterThan(0);
    for (const c of denied) expect(c.paidCents).toBe(0);
  });
});

describe('the rule engine refuses to guess between columns', () => {
  it('two columns headed like the paid column make the page unreadable, named', () => {
    const f = fixtures.find((x) => x.name === 'uhc/claim-detail--redesign-nsa')!;
    const doc = fixtureDocument(f);
    const allowed = Array.from(doc.querySelectorAll('thead th')).find(
      (th) => th.textContent === 'Allowed Amount',
    )!;
    allowed.textContent = 'Paid to Provider';
    const result = extract(f.rule, f.kind, doc);
    expect(result).toMatchObject({
      ok: false,
      missing: [
        expect.stringMatching(/^lines\.paid: 2 columns match \("paid to provider" and "paid to provider"\)/),
      ],
    });
  });
});
