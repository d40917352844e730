import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { couldDetect, matchPatternMatches } from '../rules/extract/detect';
import type { PortalUrlRule } from '../rules/portals/registry';
import {
  type IncomingMessage,
  type PortalReaderApi,
  READER_HOOK,
  type ReaderHook,
} from './portal.content/hook';
import { onWire, sendWire } from './portal.content/wire';

/**
 * The portal content script (portal.js, listed in the manifest by wxt.config.ts) runs in every frame
 * of every supported portal, most of which have nothing to read (home pages, menus, eligibility, the
 * portal shell around its app iframes). So it is kept small: it decides from the URL (literal
 * prefixes first, the rules' patterns only where one matches) whether this frame could hold a page a
 * rule reads, and only then asks the background to inject the reader (entrypoints/portal-reader.ts:
 * rules, zod, overlay, teach mode and WXT's content-script context) into this frame. It stays to
 * follow single-page navigation. It answers the side panel's and menus' messages once the reader is
 * loaded; a frame with nothing to read touches no extension API at all, and the extension loads the
 * reader there first when it needs an answer (utils/messaging.ts, sendToPortal). No zod, no message
 * schemas and no WXT wrapper here: the background parses what it gets, the reader owns the context.
 * Its code is in entrypoints/portal.content/ (the reader's too).
 */

/** The built-in rules' URL side (portalUrlRules), put here at build time by wxt.config.ts. */
declare const __OON_PORTAL_URL_RULES__: PortalUrlRule[];
const URL_RULES = __OON_PORTAL_URL_RULES__;

/** The extension's id, or undefined once this script is orphaned (the extension was updated or removed). */
function extensionId(): string | undefined {
  try {
    return (globalThis as unknown as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id;
  } catch {
    return undefined;
  }
}

/** Whether a rule of this portal could read the frame's own address (a prefix first; then the patterns). */
function couldReadHere(rules: readonly PortalUrlRule[]): boolean {
  const here = window.location;
  const target = `${here.origin}${here.pathname}${here.hash}`; // detectionTarget: no query string
  return rules.some(
    (r) =>
      r.prefixes.some((p) => target.startsWith(p)) &&
      r.matches.some((p) => matchPatternMatches(p, here)) &&
      couldDetect(here.href, [r]),
  );
}

export default defineUnlistedScript(() => {
  // The extension API globals (chrome, browser) are own properties of this isolated world's global
  // object; a page's named elements (<form name="chrome">) sit lower on the prototype chain and
  // cannot shadow them (tests/e2e/hostile.spec.ts, "a form named chrome"). Nothing is touched here
  // until a page could be read.
  // On a built-in portal the manifest injected us, and only URLs a rule knows are read. Anywhere
  // else the background registered us for an origin the biller granted: taught rules and the
  // generic reader may read any page there, so the reader is always loaded.
  const builtIn = URL_RULES.some((r) => r.matches.some((p) => matchPatternMatches(p, window.location)));
  const couldRead = (href: string) => !builtIn || couldDetect(href, URL_RULES);

  let api: PortalReaderApi | undefined;
  let loading: Promise<PortalReaderApi> | undefined;
  // A frame with nothing to read touches no extension API: it neither listens for messages nor asks
  // for anything until in-app navigation reaches a page a rule reads, or the extension loads its
  // reader to ask it something (utils/messaging.ts sendToPortal). Listening starts with the reader.
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    answerMessages();
  };
  const hook: ReaderHook = {
    attach(reader) {
      api ??= reader;
      listen();
    },
    get started() {
      return api !== undefined;
    },
  };
  // Replaced, not kept, when a newer copy of this script starts in the same world (extension update).
  Object.defineProperty(globalThis, READER_HOOK, { value: hook, configurable: true });
  /** The reader in this frame: injected once by the background, which checks who asks. */
  const reader = (): Promise<PortalReaderApi> => {
    if (api) return Promise.resolve(api);
    listen();
    loading ??= sendWire('loadPortalReader', undefined)
      .then((r) => {
        if (!api) throw new Error(r.error ?? 'the reader did not start in this frame');
        return api;
      })
      .catch((e: unknown) => {
        loading = undefined;
        throw e;
      });
    return loading;
  };
  if (!builtIn || couldReadHere(URL_RULES)) reader().catch(() => undefined);

  // Single-page navigation, as WXT's location watcher sees it: the Navigation API where there is one
  // (it fires before history.pushState commits the URL, so the destination is read from the event),
  // else a once-a-second look at the URL.
  let lastUrl = window.location.href;
  const follow = (href: string) => {
    if (!extensionId()) return; // orphaned: nothing to load or report any more
    if (api) api.check(href);
    else if (couldRead(href))
      reader().then(
        (a) => a.check(href),
        () => undefined,
      );
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
      else moved(window.location.href);
    }, 1000);
    window.addEventListener('hashchange', () => follow(window.location.href));
  }

  // Only our own extension can message a content script; the reader checks the sender and parses
  // the payload.
  function answerMessages(): void {
    const ownId = extensionId();
    const forward =
      <R>(handle: (a: PortalReaderApi, m: IncomingMessage) => R, failed: R) =>
      async (message: IncomingMessage): Promise<R> => {
        if (message.sender.id !== ownId) return failed;
        try {
          return handle(await reader(), message);
        } catch {
          return failed;
        }
      };
    const unavailable: { ok: boolean; error?: string } = {
      ok: false,
      error: 'OON Guard could not start on this page; reload it.',
    };
    onWire({
      fillAppealForm: forward((a, m) => a.fillAppealForm(m), unavailable),
      // "Read this page again" reaches every listening frame of the tab: where no rule could read
      // anything the reader would find nothing, so the answer is given without waiting for it.
      readPageAgain: (m) =>
        !api && !couldRead(window.location.href) && m.sender.id === ownId
          ? Promise.resolve({ ok: true })
          : forward((a, m2) => a.readPageAgain(m2), { ok: false })(m),
      startTeachMode: forward((a, m) => a.startTeachMode(m), unavailable),
    });
  }
});
