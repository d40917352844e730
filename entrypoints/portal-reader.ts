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
 * The portal reader, injected by the background into a frame whose content script found something it
 * could read (`loadPortalReader`) or whose address in-app navigation made readable
 * (background/follow-navigation.ts), or by the side panel or popup into a frame they need an answer
 * from (utils/messaging.ts sendToPortal). It runs in that content script's isolated world, marks itself
 * started through the hook (a second injection into the same frame does nothing), follows in-app
 * navigation and answers the extension's messages to this frame; injected where the content script
 * did not run it does nothing.
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
  followNavigation(ctx, api);
});

/**
 * Reads each page single-page navigation lands on. The Navigation API where there is one: it fires
 * before history.pushState commits the URL, so the destination is read from the event (the reader
 * waits for the page's content). Elsewhere (older Firefox) WXT's location watcher, which looks at the
 * URL every second. Both stop with the context (extension update or removal).
 */
function followNavigation(ctx: ContentScriptContext, api: PortalReaderApi): void {
  let lastUrl = window.location.href;
  const moved = (href: string) => {
    if (href === lastUrl) return;
    lastUrl = href;
    api.check(href);
  };
  const navigation = (globalThis as unknown as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener(
      'navigate',
      (e) => moved(new URL((e as Event & { destination: { url: string } }).destination.url).href),
      { signal: ctx.signal },
    );
  } else {
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => moved(newUrl.href));
  }
  // Hash-only changes the Navigation API also reports; the watcher may miss one between its looks.
  ctx.addEventListener(window, 'hashchange', () => moved(window.location.href));
}

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
