import { defineExtensionMessaging } from '@webext-core/messaging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onWire, sendWire } from '../../../../entrypoints/portal.content/wire';
import type { ProtocolMap } from '../../../../utils/messaging';

/**
 * The small portal content script speaks @webext-core/messaging's wire format without the library:
 * the library's senders must get its answers, and the library's listeners (the background) its requests.
 */
type Listener = (message: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => unknown;

let listeners: Listener[];
const SENDER = { id: 'oon-guard-id' };

beforeEach(() => {
  listeners = [];
  // One extension runtime: sendMessage reaches every onMessage listener, as between our contexts.
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      id: SENDER.id,
      onMessage: {
        addListener: (l: Listener) => listeners.push(l),
        removeListener: (l: Listener) => {
          listeners = listeners.filter((x) => x !== l);
        },
      },
      sendMessage: (message: unknown, a: unknown, b?: unknown) => {
        const callback = (typeof a === 'function' ? a : b) as (r: unknown) => void;
        let answered = false;
        const respond = (r: unknown) => {
          if (!answered) callback(r);
          answered = true;
        };
        const async = listeners.map((l) => l(message, SENDER, respond)).some((r) => r === true);
        if (!async) queueMicrotask(() => respond(undefined));
      },
    },
  };
});
afterEach(() => {
  delete (globalThis as unknown as { chrome?: unknown }).chrome;
});

describe('the portal content script wire format', () => {
  it("answers the library's sendMessage (side panel, menus)", async () => {
    const seen: unknown[] = [];
    onWire({
      fillAppealForm: async (m) => {
        seen.push(m);
        return { ok: true, filled: ['claimNumber'] };
      },
    });
    const lib = defineExtensionMessaging<ProtocolMap>();
    const r = await lib.sendMessage('fillAppealForm', { claimNumber: 'A1' });
    expect(r).toEqual({ ok: true, filled: ['claimNumber'] });
    expect(seen).toEqual([{ data: { claimNumber: 'A1' }, sender: SENDER }]);
  });

  it("reaches the library's onMessage (the background) and resolves with its answer", async () => {
    const lib = defineExtensionMessaging<ProtocolMap>();
    lib.onMessage('loadPortalReader', (m) => ({ ok: m.data === undefined }));
    await expect(sendWire('loadPortalReader', undefined)).resolves.toEqual({ ok: true });
  });

  it('leaves other message types and other formats to other listeners', async () => {
    const remove = onWire({ readPageAgain: async () => ({ ok: true }) });
    const other = listeners[0]!;
    expect(other({ type: 'saveScrapedClaim', timestamp: 1, data: {} }, SENDER, () => undefined)).toBe(
      undefined,
    );
    expect(other({ type: 'readPageAgain' }, SENDER, () => undefined)).toBe(undefined);
    expect(other('readPageAgain', SENDER, () => undefined)).toBe(undefined);
    remove();
    expect(listeners).toEqual([]);
  });

  it('rejects when nothing answers', async () => {
    await expect(sendWire('loadPortalReader', undefined)).rejects.toThrow();
  });
});
