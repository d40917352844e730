import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../entrypoints/background/service';
import { type OonDatabase, openDatabase } from '../../../../storage/db';
import { parseFeeScheduleCsv } from '../../../../storage/imports/fee-schedule-csv';
import { saveActiveSchedule } from '../../../../storage/schedules';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PORTAL_URL = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';
const expected = JSON.parse(
  readFileSync(
    path.resolve(process.cwd(), 'tests/fixtures/portals/availity/claim-detail--underpaid.expected.json'),
    'utf8',
  ),
);
const claim = expected.claim;

const contentSender = (url = PORTAL_URL, id = ID) => ({ id, url, tab: { id: 7 } }) as never;
const payload = (over: Record<string, unknown> = {}) => ({
  url: PORTAL_URL,
  portal: 'availity',
  pageKind: 'claimDetail',
  claim,
  ...over,
});

let db: OonDatabase;
let badges: [number, string][];
let n = 0;

beforeEach(async () => {
  db = openDatabase(`test-${++n}`);
  badges = [];
  const csv = readFileSync(path.resolve(process.cwd(), 'public/samples/fee-schedule.csv'), 'utf8');
  await saveActiveSchedule(db, {
    id: 's',
    name: 'Sample',
    practiceId: '',
    rows: parseFeeScheduleCsv(csv).rows,
    importedAt: '',
  });
});
afterEach(() => db.delete());

function handlers() {
  return createHandlers({
    db,
    runtimeId: ID,
    today: () => '2026-11-27',
    now: () => '2026-11-27T10:00:00.000Z',
    setBadge: async (tabId, text) => {
      badges.push([tabId, text]);
    },
    grantedOrigins: async () => ['https://portal.example-payer.com'],
  });
}

describe('saveScrapedClaim', () => {
  it('stores and scores a claim from our content script on a supported portal, and sets the badge', async () => {
    const r = await handlers().saveScrapedClaim(payload(), contentSender());
    expect(r).toEqual({
      ok: true,
      claimKey: 'A26110400017',
      flaggedLines: 2,
      summary: 'Underpaid $182.40 on 2 lines',
    });
    const stored = await db.claims.get('A26110400017');
    expect(stored?.score?.totals.shortfallCents).toBe(18240);
    expect(badges).toEqual([[7, '2']]);
  });

  it('updates the same record when the page is read twice', async () => {
    await handlers().saveScrapedClaim(payload(), contentSender());
    await handlers().saveScrapedClaim(payload(), contentSender());
    expect(await db.claims.count()).toBe(1);
    expect((await db.claims.get('A26110400017'))?.sources).toHaveLength(1);
  });

  it.each([
    [
      'another extension',
      contentSender(PORTAL_URL, 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'),
      payload(),
      /another extension/,
    ],
    [
      'a page on an unsupported origin',
      contentSender('https://evil.example.com/x'),
      payload({ url: 'https://evil.example.com/x' }),
      /unsupported origin/,
    ],
    [
      'a frame speaking for another origin',
      contentSender(),
      payload({ url: 'https://essentials.availity.com/public/apps/claim-status/claims/X' }),
      /does not match/,
    ],
    ['no tab', { id: ID, url: PORTAL_URL } as never, payload(), /outside a portal tab/],
    ['a string instead of a claim', contentSender(), payload({ claim: 'DROP TABLE' }), /malformed payload/],
    [
      'amounts in dollars with decimals',
      contentSender(),
      payload({ claim: { ...claim, billedCents: 3435.5 } }),
      /malformed payload/,
    ],
    ['an unknown extra field', contentSender(), payload({ evil: true }), /malformed payload/],
    [
      'a bad date',
      contentSender(),
      payload({ claim: { ...claim, paidDate: '11/04/2026' } }),
      /malformed payload/,
    ],
    [
      'markup in a code field',
      contentSender(),
      payload({ claim: { ...claim, lines: [{ ...claim.lines[0], code: '<img src=x>' }] } }),
      /malformed payload/,
    ],
    ['an unknown page kind', contentSender(), payload({ pageKind: 'admin' }), /malformed payload/],
  ])('rejects %s and stores nothing', async (_what, sender, data, message) => {
    const r = await handlers().saveScrapedClaim(data, sender);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(message);
    expect(await db.claims.count()).toBe(0);
    expect(badges).toEqual([]);
  });

  it('accepts a content script on an origin the biller granted', async () => {
    const url = 'https://portal.example-payer.com/claims/1';
    const r = await handlers().saveScrapedClaim(payload({ url, portal: 'generic' }), contentSender(url));
    expect(r.ok).toBe(true);
  });
});

describe('reportUnreadablePage', () => {
  it('records what failed for the tab, stores no claim, and marks the badge', async () => {
    const r = await handlers().reportUnreadablePage(
      {
        url: PORTAL_URL,
        portal: 'availity',
        pageKind: 'claimDetail',
        missing: ['lines.paid: column not found in the service-line table'],
      },
      contentSender(),
    );
    expect(r.ok).toBe(true);
    expect(await db.pageReads.get(7)).toMatchObject({
      ok: false,
      portalName: 'Availity Essentials',
      missing: ['lines.paid: column not found in the service-line table'],
    });
    expect(await db.claims.count()).toBe(0);
    expect(badges).toEqual([[7, '!']]);
  });
});

describe('rescoreClaims', () => {
  it('is only for our own extension pages', async () => {
    expect(await handlers().rescoreClaims(undefined, contentSender())).toEqual({ ok: false, count: 0 });
    await handlers().saveScrapedClaim(payload(), contentSender());
    const page = { id: ID, url: `chrome-extension://${ID}/options.html` } as never;
    expect(await handlers().rescoreClaims(undefined, page)).toEqual({ ok: true, count: 1 });
  });
});
