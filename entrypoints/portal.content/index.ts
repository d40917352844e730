import { defineContentScript } from 'wxt/utils/define-content-script';
import { z } from 'zod';
import { PORTAL_RULES, portalMatches } from '../../rules/portals/registry';
import { sendMessage } from '../../utils/messaging';
import { PortalReader } from './reader';

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
            ? sendMessage('saveScrapedClaim', { ...ref, claim: result.claim })
            : result.kind === 'list'
              ? sendMessage('saveClaimList', { ...ref, claims: result.claims })
              : sendMessage('reportFormPage', ref);
        sent.catch(() => undefined);
      },
    });
    reader.check();
    ctx.addEventListener(window, 'wxt:locationchange', () => reader.check());
    ctx.addEventListener(window, 'hashchange', () => reader.check());
    ctx.onInvalidated(() => reader.stop());
  },
});
