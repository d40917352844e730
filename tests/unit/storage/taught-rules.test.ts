import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PortalRule } from '../../../rules/portals/schema';
import { type OonDatabase, openDatabase } from '../../../storage/db';
import {
  checkTaughtRule,
  exportTaughtRules,
  importTaughtRules,
  listTaughtRules,
  parseTaughtRulesImport,
  removeTaughtRule,
  saveTaughtRule,
  taughtRuleId,
  taughtRulesFor,
} from '../../../storage/taught-rules';

const ORIGIN = 'https://provider.examplehealthplan.com';
const NOW = '2026-11-27T10:00:00.000Z';

function rule(
  over: Partial<PortalRule> = {},
  kind: 'claimDetail' | 'remittance' = 'claimDetail',
): PortalRule {
  const path = kind === 'claimDetail' ? 'claims/detail' : 'remits';
  return {
    id: 'taught-provider-examplehealthplan-com',
    name: 'Example Health Plan',
    payerName: 'Example Health Plan',
    matches: [`${ORIGIN}/*`],
    source: 'taught by the biller',
    pageKinds: [
      {
        kind,
        urlPatterns: [`^https://provider\\.examplehealthplan\\.com/${path}/[^/#?]+/?(#.*)?$`],
        examples: [`${ORIGIN}/${path}/EHP26110400017`],
        ready: [{ css: 'table', note: 'taught: the only table on the page' }],
        fields: { claimNumber: [{ label: ['Reference #'], note: 'taught: value beside the label' }] },
        required: ['claimNumber'],
        lines: {
          table: [{ css: 'table', note: 'taught: the only table on the page' }],
          columns: {
            code: { header: ['Svc Cd'] },
            billed: { header: ['Chg Amt'] },
            paid: { header: ['Pmt Amt'] },
          },
        },
      },
    ],
    ...over,
  };
}

let db: OonDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`taught-${++n}`);
});
afterEach(async () => {
  db.close();
});

describe('checkTaughtRule', () => {
  it('accepts a rule in the portal rule schema for one origin', () => {
    expect(checkTaughtRule(rule())).toMatchObject({ ok: true, origin: ORIGIN });
  });

  it.each([
    [
      'a built-in portal',
      rule({ id: 'taught-provider-uhc-com', matches: ['https://provider.uhc.com/*'] }),
      /built-in rule "UnitedHealthcare Provider Portal"/,
    ],
    ['a wildcard origin', rule({ matches: ['https://*.examplehealthplan.com/*'] }), /one origin/],
    ['two origins', rule({ matches: [`${ORIGIN}/*`, 'https://other.example.com/*'] }), /one origin/],
    [
      'an id that is not taught-<host>',
      rule({ id: 'uhc' }),
      /must have the id "taught-provider-examplehealthplan-com"/,
    ],
    [
      'an example its pattern does not match',
      rule({ pageKinds: [{ ...rule().pageKinds[0]!, examples: [`${ORIGIN}/home`] }] }),
      /not detected/,
    ],
    [
      'a broken pattern',
      rule({ pageKinds: [{ ...rule().pageKinds[0]!, urlPatterns: ['^https://(x'] }] }),
      /not a valid regular expression/,
    ],
    ['something that is not a rule', { id: 'taught-x' }, /name|matches|pageKinds/],
  ])('refuses %s, saying why', (_what, input, message) => {
    const r = checkTaughtRule(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });
});

describe('storage round trip', () => {
  it('saves, lists by origin, merges another page kind, removes', async () => {
    expect(await saveTaughtRule(db, rule(), NOW)).toMatchObject({ ok: true, merged: false });
    expect(await taughtRulesFor(db, ORIGIN)).toEqual([rule()]);
    expect(await taughtRulesFor(db, 'https://other.example.com')).toEqual([]);
    const later = '2026-11-28T10:00:00.000Z';
    const saved = await saveTaughtRule(db, rule({}, 'remittance'), later, { merge: true });
    expect(saved).toMatchObject({ ok: true, merged: true });
    const [record] = await listTaughtRules(db);
    expect(record?.rule.pageKinds.map((k) => k.kind)).toEqual(['remittance', 'claimDetail']);
    expect(record).toMatchObject({ createdAt: NOW, updatedAt: later, origin: ORIGIN });
    await removeTaughtRule(db, record!.id);
    expect(await listTaughtRules(db)).toEqual([]);
  });

  it('never stores a rule for a built-in portal', async () => {
    const r = await saveTaughtRule(
      db,
      rule({ id: 'taught-provider-uhc-com', matches: ['https://provider.uhc.com/*'] }),
      NOW,
    );
    expect(r.ok).toBe(false);
    expect(await db.taughtRules.count()).toBe(0);
  });

  it('ids are taught-<host>', () => {
    expect(taughtRuleId('https://provider.examplehealthplan.com')).toBe(
      'taught-provider-examplehealthplan-com',
    );
  });
});

describe('export and import', () => {
  it('an exported file imports to the same rules in a fresh database', async () => {
    await saveTaughtRule(db, rule(), NOW);
    const text = exportTaughtRules(
      (await listTaughtRules(db)).map((r) => r.rule),
      NOW,
    );
    const fresh = openDatabase(`taught-fresh-${n}`);
    expect(await importTaughtRules(fresh, text, NOW)).toEqual({ ok: true, count: 1 });
    expect(await taughtRulesFor(fresh, ORIGIN)).toEqual([rule()]);
    fresh.close();
  });

  it('accepts one bare rule', () => {
    expect(parseTaughtRulesImport(JSON.stringify(rule()))).toEqual({ ok: true, rules: [rule()] });
  });

  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /Not an OON Guard taught-rules file/],
    [
      'one bad rule among good ones',
      exportTaughtRules(
        [rule(), rule({ id: 'taught-provider-uhc-com', matches: ['https://provider.uhc.com/*'] })],
        NOW,
      ),
      /rule 2 \(taught-provider-uhc-com\): matches: provider\.uhc\.com is read by the built-in rule/,
    ],
    ['a rule twice', exportTaughtRules([rule(), rule()], NOW), /appears twice/],
  ])('refuses %s and imports nothing', async (_what, text, message) => {
    const r = await importTaughtRules(db, text, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
    expect(await db.taughtRules.count()).toBe(0);
  });
});
