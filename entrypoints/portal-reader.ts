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
  hook?.attach(startPortalReader);
});
