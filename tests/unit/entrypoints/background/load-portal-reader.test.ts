import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTeachHandlers,
  PORTAL_READER_FILE,
  type ScriptingApi,
} from '../../../../entrypoints/background/teach';
import { type OonDatabase, openDatabase } from '../../../../storage/db';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const PORTAL = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';

let db: OonDatabase | undefined;
let n = 0;
afterEach(() => db?.delete());

function setup() {
  db = openDatabase(`load-reader-${++n}`);
  const injected: unknown[] = [];
  const scripting: ScriptingApi = {
    executeScript: async (injection) => {
      injected.push(injection);
      return [];
    },
    getRegisteredContentScripts: async () => [],
    registerContentScripts: async () => undefined,
    updateContentScripts: async () => undefined,
    unregisterContentScripts: async () => undefined,
  };
  const handlers = createTeachHandlers(
    {
      db,
      runtimeId: ID,
      today: () => '2026-11-27',
      now: () => '2026-11-27T10:00:00.000Z',
      setBadge: async () => undefined,
      grantedOrigins: async () => ['https://portal.example-payer.com'],
    },
    scripting,
  );
  return { handlers, injected };
}

describe('loadPortalReader: the content script asks for the reader where something could be read', () => {
  it('injects the reader into the asking frame of a supported portal, at once', async () => {
    const { handlers, injected } = setup();
    const r = await handlers.loadPortalReader(undefined, {
      id: ID,
      url: PORTAL,
      tab: { id: 7 },
      frameId: 3,
    } as never);
    expect(r).toEqual({ ok: true });
    expect(injected).toEqual([
      { target: { tabId: 7, frameIds: [3] }, files: [PORTAL_READER_FILE], injectImmediately: true },
    ]);
  });

  it('injects into a granted origin too (the generic reader and taught rules read there)', async () => {
    const { handlers, injected } = setup();
    const r = await handlers.loadPortalReader(undefined, {
      id: ID,
      url: 'https://portal.example-payer.com/claims/1',
      tab: { id: 9 },
      frameId: 0,
    } as never);
    expect(r.ok).toBe(true);
    expect(injected).toHaveLength(1);
  });

  it.each([
    ['another extension', { id: 'x'.repeat(32), url: PORTAL, tab: { id: 7 }, frameId: 0 }],
    [
      'a site the biller never granted',
      { id: ID, url: 'https://evil.example/x', tab: { id: 7 }, frameId: 0 },
    ],
    ['an extension page', { id: ID, url: `chrome-extension://${ID}/sidepanel.html`, frameId: 0 }],
    ['a sender without a tab', { id: ID, url: PORTAL, frameId: 0 }],
    // Its host and a prefix passed the content script's look, but no rule's URL pattern reads it.
    [
      'a supported portal page no rule reads',
      { id: ID, url: 'https://provider.uhc.com/claims/A1/attachments', tab: { id: 7 }, frameId: 0 },
    ],
  ])('refuses %s and injects nothing', async (_name, sender) => {
    const { handlers, injected } = setup();
    const r = await handlers.loadPortalReader(undefined, sender as never);
    expect(r.ok).toBe(false);
    expect(injected).toEqual([]);
  });
});
