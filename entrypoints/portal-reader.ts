import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { z } from 'zod';
import { READER_HOOK, type ReaderHook } from './portal.content/hook';
import { startPortalReader } from './portal.content/start-reader';

/**
 * The portal reader, injected by the background (scripting.executeScript, `loadPortalReader`) into a
 * frame whose content script found something it could read. It runs in that content script's
 * isolated world and hands itself to it through the hook; injected anywhere else it does nothing.
 */
export default defineUnlistedScript(() => {
  z.config({ jitless: true });
  const hook = (globalThis as unknown as { [READER_HOOK]?: ReaderHook })[READER_HOOK];
  if (!hook || hook.started) return;
  // WXT's context for the reader's listeners, timers and overlay: a newer copy of the reader in this
  // world (extension update) invalidates this one. Its started event stays off the page's messages.
  const ctx = new ContentScriptContext('portal', { noScriptStartedPostMessage: true } as never);
  hook.attach(startPortalReader(ctx));
});
