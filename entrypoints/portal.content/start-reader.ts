import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detect, matchPatternMatches } from '../../rules/extract/detect';
import { PORTAL_RULES } from '../../rules/portals/registry';
import { type PortalRule, PortalRuleSchema } from '../../rules/portals/schema';
import { FillAppealFormSchema, sendMessage } from '../../utils/messaging';
import { fillDisputeForm } from './fill';
import type { PortalReaderApi } from './hook';
import { showOverlay } from './overlay';
import { PortalReader } from './reader';
import { installTeachMode } from './teach';

/** Rules taught for this origin, from the background (content scripts never open IndexedDB). */
async function taughtRules(origin: string): Promise<PortalRule[]> {
  const r = await sendMessage('getTaughtRules', { origin }).catch(() => ({ rules: [] as unknown[] }));
  return r.rules.flatMap((rule) => {
    const parsed = PortalRuleSchema.safeParse(rule);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The reading half of the portal content script: reads the page with the built-in or taught rules
 * (or the generic reader on origins the biller granted), reports to the background, shows the
 * overlay, fills dispute forms and runs teach mode. The content script (index.ts) loads it into the
 * frame only where something could be read, and passes its context, navigation and messages on.
 */
export function startPortalReader(ctx: ContentScriptContext): PortalReaderApi {
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
  ctx.onInvalidated(() => reader.stop());
  // Only our own extension can message a content script; the payload is still parsed like any input.
  return {
    check: (href) => reader.check(href),
    fillAppealForm: (message) => {
      if (message.sender.id !== browser.runtime.id) return { ok: false, error: 'not from OON Guard' };
      const parsed = FillAppealFormSchema.safeParse(message.data);
      if (!parsed.success) return { ok: false, error: 'malformed fill request' };
      const page = detect(window.location.href, reader.currentRules);
      if (page?.kind.kind !== 'disputeForm')
        return { ok: false, error: 'This page is not a dispute or appeal form.' };
      return fillDisputeForm(window, page.kind, parsed.data);
    },
    readPageAgain: (message) => {
      if (message.sender.id !== browser.runtime.id) return { ok: false };
      reader.reset();
      reader.check();
      return { ok: true };
    },
    startTeachMode: (message) =>
      message.sender.id === browser.runtime.id
        ? installTeachMode(ctx, window, async (rule) => {
            const saved = await sendMessage('saveTaughtRule', { rule });
            // The page the biller just taught is read at once with the stored rule.
            if (saved.ok) await loadTaught();
            return saved;
          })
        : { ok: false, error: 'not from OON Guard' },
  };
}
