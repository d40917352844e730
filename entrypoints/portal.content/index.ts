import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { z } from 'zod';
import { detect } from '../../rules/extract/detect';
import { PORTAL_RULES, portalMatches } from '../../rules/portals/registry';
import { FillAppealFormSchema, onMessage, sendMessage } from '../../utils/messaging';
import { fillDisputeForm } from './fill';
import { showOverlay } from './overlay';
import { PortalReader } from './reader';
import { installTeachMode } from './teach';

z.config({ jitless: true });

export default defineContentScript({
  matches: portalMatches(),
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
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
    });
    reader.check();
    // Only our own extension can message a content script; the payload is still parsed like any input.
    const removeFill = onMessage('fillAppealForm', (message) => {
      if (message.sender.id !== browser.runtime.id) return { ok: false, error: 'not from OON Guard' };
      const parsed = FillAppealFormSchema.safeParse(message.data);
      if (!parsed.success) return { ok: false, error: 'malformed fill request' };
      const page = detect(window.location.href, PORTAL_RULES);
      if (!page || page.kind.kind !== 'disputeForm')
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
        ? installTeachMode(ctx, window)
        : { ok: false, error: 'not from OON Guard' },
    );
    ctx.onInvalidated(removeTeach);
    // The Navigation API fires before history.pushState commits the URL: read the destination from the event.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => reader.check(e.newUrl.href));
    ctx.addEventListener(window, 'hashchange', () => reader.check());
    ctx.onInvalidated(() => reader.stop());
  },
});
