import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { z } from 'zod';
import {
  type IncomingMessage,
  type PortalReaderApi,
  READER_HOOK,
  type ReaderHook,
} from './portal.content/hook';
import { startPortalReader } from './portal.content/start-reader';
import { onWire } from './portal.content/wire';

/**
 * The portal reader, injected by the background (scripting.executeScript, `loadPortalReader`) into a
 * frame whose content script found something it could read, or by the side panel or popup into a frame
 * they need an answer from (utils/messaging.ts sendToPortal). It runs in that content script's
 * isolated world, hands itself to it through the hook (the content script calls it on in-app
 * navigation) and answers the extension's messages to this frame; injected anywhere else it does nothing.
 */
export default defineUnlistedScript(() => {
  z.config({ jitless: true });
  const hook = (globalThis as unknown as { [READER_HOOK]?: ReaderHook })[READER_HOOK];
  if (!hook || hook.started) return;
  // WXT's context for the reader's listeners, timers and overlay: a newer copy of the reader in this
  // world (extension update) invalidates this one. Its started event stays off the page's messages.
  const ctx = new ContentScriptContext('portal', { noScriptStartedPostMessage: true } as never);
  const api = startPortalReader(ctx);
  hook.attach(api);
  const stop = answerMessages(api);
  ctx.onInvalidated(stop);
});

const UNAVAILABLE: { ok: boolean; error?: string } = {
  ok: false,
  error: 'OON Guard could not start on this page; reload it.',
};

/**
 * Answers the side panel's, popup's and menus' messages to this frame. Only our own extension can
 * message a content script; the reader still checks the sender and parses the payload.
 */
function answerMessages(api: PortalReaderApi): () => void {
  const ownId = browser.runtime.id;
  const guard =
    <R>(handle: (m: IncomingMessage) => R, failed: R) =>
    async (m: IncomingMessage): Promise<R> => {
      if (m.sender.id !== ownId) return failed;
      try {
        return handle(m);
      } catch {
        return failed;
      }
    };
  return onWire({
    fillAppealForm: guard((m) => api.fillAppealForm(m), UNAVAILABLE),
    readPageAgain: guard((m) => api.readPageAgain(m), { ok: false }),
    startTeachMode: guard((m) => api.startTeachMode(m), UNAVAILABLE),
  });
}
