import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ContentScriptGate } from '../rules/portals/registry';
import { type PortalReaderApi, READER_HOOK, type ReaderHook } from './portal.content/hook';
import { sendWire } from './portal.content/wire';

/**
 * The portal content script (portal.js, listed in the manifest by wxt.config.ts) runs in every frame
 * of every supported portal, most of which have nothing to read (home pages, menus, eligibility, the
 * portal shell around its app iframes). So it is a small gate: from the address alone (a built-in
 * host, then one of the rules' literal prefixes: contentScriptGate) it decides whether this frame could
 * hold a page a rule reads, and only then asks the background for the reader (entrypoints/portal-reader.ts:
 * rules, zod, overlay, teach mode, WXT's content-script context, the answers to the side panel's and
 * menus' messages). The background checks the rules' URL patterns and injects it into this frame.
 *
 * A frame with nothing to read does nothing more: no extension API, no listener. In-app navigation
 * there is seen by the background (webNavigation, entrypoints/background/follow-navigation.ts), which
 * injects the reader when the new address is readable; once loaded, the reader follows navigation
 * itself. The extension also loads the reader into such a frame when it needs an answer from it
 * (utils/messaging.ts sendToPortal). The reader's code is in entrypoints/portal.content/.
 */

/** The built-in rules' hosts and address prefixes (contentScriptGate), put here at build time by wxt.config.ts. */
declare const __OON_PORTAL_GATE__: ContentScriptGate;
const GATE = __OON_PORTAL_GATE__;

export default defineUnlistedScript(() => {
  // The extension API globals (chrome, browser) are own properties of this isolated world's global
  // object; a page's named elements (<form name="chrome">) sit lower on the prototype chain and
  // cannot shadow them (tests/e2e/hostile.spec.ts, "a form named chrome").
  let api: PortalReaderApi | undefined;
  const hook: ReaderHook = {
    attach(reader) {
      api ??= reader;
    },
    get started() {
      return api !== undefined;
    },
  };
  // Replaced, not kept, when a newer copy of this script starts in the same world (extension update).
  Object.defineProperty(globalThis, READER_HOOK, { value: hook, configurable: true });

  const here = window.location;
  if (here.protocol !== 'https:') return;
  // On a built-in portal the manifest injected us, and only addresses a rule knows are read. Anywhere
  // else the background registered us for an origin the biller granted: taught rules and the
  // generic reader may read any page there, so the reader is always asked for.
  if (GATE.hosts.includes(` ${here.hostname} `)) {
    // What rules test of an address: origin, path and hash (rules/extract detectionTarget), never the query.
    const address = here.origin + here.pathname + here.hash;
    let readable = false;
    for (const prefix of GATE.prefixes) if (address.startsWith(prefix)) readable = true;
    if (!readable) return;
  }
  void sendWire('loadPortalReader', undefined).catch(() => undefined);
});
