import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { z } from 'zod';
import { detect, matchPatternMatches } from '../../rules/extract/detect';
import { PORTAL_RULES, portalMatches } from '../../rules/portals/registry';
import { type PortalRule, PortalRuleSchema } from '../../rules/portals/schema';
import { FillAppealFormSchema, onMessage, sendMessage } from '../../utils/messaging';
import { fillDisputeForm } from './fill';
import { showOverlay } from './overlay';
import { PortalReader } from './reader';
import { installTeachMode } from './teach';

z.config({ jitless: true });

/** Rules taught for this origin, from the background (content scripts never open IndexedDB). */
async function taughtRules(origin: string): Promise<PortalRule[]> {
  const r = await sendMessage('getTaughtRules', { origin }).catch(() => ({ rules: [] as unknown[] }));
  return r.rules.flatMap((rule) => {
    const parsed = PortalRuleSchema.safeParse(rule);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Makes the extension API globals own properties of this isolated world before the page's markup
 * exists. Named elements (<form name="chrome">) are exposed on window below own properties, so once
 * pinned they can never stand in for `chrome` or `browser` in this script or its libraries.
 */
function pinExtensionGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of ['chrome', 'browser']) {
    const value = g[name];
    if (
      typeof value !== 'object' ||
      value === null ||
      typeof (value as { runtime?: unknown }).runtime !== 'object'
    )
      continue;
    try {
      Object.defineProperty(globalThis, name, {
        value,
        writable: false,
        configurable: false,
        enumerable: false,
      });
    } catch {
      // Already an own, non-configurable property: nothing can shadow it.
    }
  }
}

export default defineContentScript({
  matches: portalMatches(),
  allFrames: true,
  // Start before the page's markup exists, so named elements (<form name="chrome">) cannot shadow the
  // extension API globals this script and its messaging library look up; reading waits for the DOM.
  runAt: 'document_start',
  // WXT would otherwise post its started-event name to the page, which could echo it back to stop us.
  noScriptStartedPostMessage: true,
  main(ctx) {
    pinExtensionGlobals();
    // On a built-in portal the manifest injected us; anywhere else the background registered us for
    // an origin the biller granted, where taught rules and the generic reader apply.
    const here = new URL(window.location.href);
    const builtIn = PORTAL_RULES.some((r) => r.matches.some((p) => matchPatternMatches(p, here)));
    // Messages go one way, to our background; nothing from the page's scripts is listened to.
    const reader = new PortalReader({
      window,
      rules: PORTAL_RULES,
      report: ({ url, rule, kind, result }) => {
        const ref = { url, portal: rule.id, pageKind: kind.kind };
        const sent = !result.ok
          ? sendMessage('reportUnreadablePage', { ...ref, missing: result.missing })
          : result.kind === 'claim'
            ? sendMessage('saveScrapedClaim', { ...ref, claim: result.claim }).then((r) => {
                showOverlay(ctx, r.ok ? r.summary : undefined);
                return r;
              })
            : result.kind === 'list'
              ? sendMessage('saveClaimList', { ...ref, claims: result.claims })
              : sendMessage('reportFormPage', ref);
        sent.catch(() => undefined);
      },
      ...(builtIn
        ? {}
        : {
            generic: ({ url, result }) => {
              sendMessage('saveScrapedClaim', {
                url,
                portal: 'generic',
                pageKind: 'claimDetail',
                claim: result.claim,
              })
                .then((r) => showOverlay(ctx, r.ok ? r.summary : undefined))
                .catch(() => undefined);
            },
          }),
    });
    const loadTaught = () =>
      taughtRules(here.origin).then((taught) => reader.useRules([...PORTAL_RULES, ...taught]));
    const start = () => (builtIn ? reader.check() : void loadTaught());
    if (document.readyState === 'loading')
      ctx.addEventListener(document, 'DOMContentLoaded', start, { once: true });
    else start();
    // Only our own extension can message a content script; the payload is still parsed like any input.
    const removeFill = onMessage('fillAppealForm', (message) => {
      if (message.sender.id !== browser.runtime.id) return { ok: false, error: 'not from OON Guard' };
      const parsed = FillAppealFormSchema.safeParse(message.data);
      if (!parsed.success) return { ok: false, error: 'malformed fill request' };
      const page = detect(window.location.href, reader.currentRules);
      if (page?.kind.kind !== 'disputeForm')
        return { ok: false, error: 'This page is not a dispute or appeal form.' };
      return fillDisputeForm(window, page.kind, parsed.data);
    });
    ctx.onInvalidated(removeFill);
    const removeReadAgain = onMessage('readPageAgain', (message) => {
      if (message.sender.id !== browser.runtime.id) return { ok: false };
      reader.reset();
      reader.check();
      return { ok: true };
    });
    ctx.onInvalidated(removeReadAgain);
    const removeTeach = onMessage('startTeachMode', (message) =>
      message.sender.id === browser.runtime.id
        ? installTeachMode(ctx, window, async (rule) => {
            const saved = await sendMessage('saveTaughtRule', { rule });
            // The page the biller just taught is read at once with the stored rule.
            if (saved.ok) await loadTaught();
            return saved;
          })
        : { ok: false, error: 'not from OON Guard' },
    );
    ctx.onInvalidated(removeTeach);
    // The Navigation API fires before history.pushState commits the URL: read the destination from the event.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => reader.check(e.newUrl.href));
    ctx.addEventListener(window, 'hashchange', () => reader.check());
    ctx.onInvalidated(() => reader.stop());
  },
});
