import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { PortalGateRule } from '../rules/portals/registry';
import { gateAllows } from '../rules/portals/url-prefixes';
import { type PortalReaderApi, READER_HOOK, type ReaderHook } from './portal.content/hook';
import { sendWire } from './portal.content/wire';

/**
 * The portal content script (portal.js, listed in the manifest by wxt.config.ts) runs in every frame
 * of every supported portal, most of which have nothing to read (home pages, menus, eligibility, the
 * portal shell around its app iframes). So it is a small gate: it decides from the address (the
 * rule's host, then a literal prefix, and only then the rule's URL patterns: portalGate) whether
 * this frame could hold a page a rule reads, and only then asks the background to inject the reader
 * (entrypoints/portal-reader.ts: rules, zod, overlay, teach mode, WXT's content-script context and
 * the answers to the side panel's and menus' messages) into this frame. It stays to follow single-page
 * navigation. A frame with nothing to read touches no extension API: it neither listens nor asks, and
 * the extension loads the reader there first when it needs an answer (utils/messaging.ts sendToPortal).
 * The reader's code is in entrypoints/portal.content/.
 */

/** The built-in rules' addresses (portalGate), put here at build time by wxt.config.ts. */
declare const __OON_PORTAL_GATE__: PortalGateRule[];
const GATE = __OON_PORTAL_GATE__;

/** What rules test of an address: origin, path and hash (rules/extract detectionTarget), never the query. */
const target = (u: { origin: string; pathname: string; hash: string }) => `${u.origin}${u.pathname}${u.hash}`;

/** The extension's id, or undefined once this script is orphaned (the extension was updated or removed). */
function extensionId(): string | undefined {
  try {
    return (globalThis as unknown as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id;
  } catch {
    return undefined;
  }
}

export default defineUnlistedScript(() => {
  // The extension API globals (chrome, browser) are own properties of this isolated world's global
  // object; a page's named elements (<form name="chrome">) sit lower on the prototype chain and
  // cannot shadow them (tests/e2e/hostile.spec.ts, "a form named chrome").
  const here = window.location;
  // On a built-in portal the manifest injected us, and only addresses a rule knows are read. Anywhere
  // else the background registered us for an origin the biller granted: taught rules and the
  // generic reader may read any page there, so the reader is always loaded.
  // One pass over the rules for this frame's host: whether a rule applies here (builtIn) and whether
  // one of its prefixes starts this address (only then are patterns compiled, in gateAllows).
  let builtIn = false;
  let prefixed = false;
  if (here.protocol === 'https:') {
    const host = here.hostname;
    const address = target(here);
    for (const rule of GATE) {
      if (!rule.hosts.includes(host)) continue;
      builtIn = true;
      for (const p of rule.prefixes) if (address.startsWith(p)) prefixed = true;
    }
  }
  const couldRead = (u: URL | Location) => !builtIn || gateAllows(GATE, u, target(u));

  let api: PortalReaderApi | undefined;
  let loading: Promise<void> | undefined;
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
  /** Asks the background, once, to inject the reader into this frame (it checks who asks). */
  const load = (): Promise<void> =>
    (loading ??= sendWire('loadPortalReader', undefined).then(
      () => undefined,
      () => {
        loading = undefined;
      },
    ));
  if (!builtIn || (prefixed && couldRead(here))) void load();

  // Single-page navigation, as WXT's location watcher sees it: the Navigation API where there is one
  // (it fires before history.pushState commits the URL, so the destination is read from the event),
  // else a once-a-second look at the URL. The reader reads the page it lands on.
  let lastUrl = here.href;
  const follow = (href: string) => {
    if (!extensionId()) return; // orphaned: nothing to load or report any more
    if (api) api.check(href);
    else if (couldRead(new URL(href))) void load().then(() => api?.check(href));
  };
  const moved = (href: string) => {
    if (href === lastUrl) return;
    lastUrl = href;
    follow(href);
  };
  const navigation = (globalThis as unknown as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function')
    navigation.addEventListener('navigate', (e) =>
      moved(new URL((e as Event & { destination: { url: string } }).destination.url).href),
    );
  else {
    // Without the Navigation API (older Firefox): a look at the URL every second, and hash changes.
    const timer = setInterval(() => {
      if (!extensionId()) clearInterval(timer);
      else moved(here.href);
    }, 1000);
    window.addEventListener('hashchange', () => follow(here.href));
  }
});
