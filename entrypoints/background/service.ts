import type { Browser } from 'wxt/browser';
import type { z } from 'zod';
import { matchPatternMatches } from '../../rules/extract/detect';
import { type Claim, type ClaimSource, claimKey as claimKeyOf } from '../../rules/model';
import { PORTAL_RULES } from '../../rules/portals/registry';
import { rescoreAll, saveClaims } from '../../storage/claims';
import type { OonDatabase } from '../../storage/db';
import { refreshGlance } from '../../storage/reminders';
import { loadScorer } from '../../storage/scoring';
import {
  type ProtocolMap,
  ReportFormPageSchema,
  ReportUnreadablePageSchema,
  SaveClaimListSchema,
  type SaveResult,
  SaveScrapedClaimSchema,
} from '../../utils/messaging';

type Sender = Browser.runtime.MessageSender;

export interface BackgroundEnv {
  db: OonDatabase;
  runtimeId: string;
  /** Today's date, ISO, in the biller's time zone. */
  today: () => string;
  now: () => string;
  setBadge: (tabId: number, text: string, color: string) => Promise<void>;
  /** Origins the biller granted at run time for portals without a built-in rule. */
  grantedOrigins: () => Promise<string[]>;
  /** Opens the side panel for a tab (a click on the in-page overlay). */
  openSidePanel?: (tabId: number) => Promise<void>;
}

export class MessageRejected extends Error {}

/** Messages this module handles; teach.ts and lock.ts handle theirs, content scripts the rest. */
type BackgroundMessage =
  | 'saveScrapedClaim'
  | 'saveClaimList'
  | 'reportUnreadablePage'
  | 'reportFormPage'
  | 'rescoreClaims'
  | 'openSidePanel';

function urlOf(s: string | undefined): URL | undefined {
  try {
    return s ? new URL(s) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who sent a message. Content scripts must come from our extension, in a tab, on a supported or
 * granted portal origin; extension pages from our own origin. Anything else is rejected.
 */
export async function senderKind(env: BackgroundEnv, sender: Sender): Promise<'content' | 'page'> {
  if (sender.id !== env.runtimeId) throw new MessageRejected('message from another extension or a web page');
  const url = urlOf(sender.url);
  if (!url) throw new MessageRejected('message without a sender URL');
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') {
    if (url.host !== env.runtimeId && !sender.url?.startsWith(`${url.protocol}//${env.runtimeId}/`)) {
      throw new MessageRejected('message from another extension page');
    }
    return 'page';
  }
  if (!sender.tab || url.protocol !== 'https:')
    throw new MessageRejected('message from outside a portal tab');
  const supported = PORTAL_RULES.some((r) => r.matches.some((p) => matchPatternMatches(p, url)));
  const granted = supported ? true : (await env.grantedOrigins()).includes(url.origin);
  if (!granted) throw new MessageRejected(`content script message from an unsupported origin ${url.origin}`);
  return 'content';
}

/** A content script may only speak for the frame it runs in. */
function assertSameOrigin(sender: Sender, pageUrl: string): void {
  if (urlOf(sender.url)?.origin !== urlOf(pageUrl)?.origin) {
    throw new MessageRejected('page URL does not match the sending frame');
  }
}

function parse<T>(schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new MessageRejected(
      `malformed payload: ${r.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')} ${i.message}`)
        .join('; ')}`,
    );
  }
  return r.data;
}

async function contentMessage<T extends { url: string }>(
  env: BackgroundEnv,
  schema: z.ZodType<T>,
  data: unknown,
  sender: Sender,
): Promise<{ payload: T; tabId: number }> {
  const kind = await senderKind(env, sender);
  if (kind !== 'content' || sender.tab?.id === undefined)
    throw new MessageRejected('expected a content script');
  const payload = parse(schema, data);
  assertSameOrigin(sender, payload.url);
  return { payload, tabId: sender.tab.id };
}

/** The name the biller knows the portal by: a built-in rule's, a taught rule's, or the host for the generic reader. */
async function portalName(db: OonDatabase, id: string, pageUrl: string): Promise<string> {
  const builtIn = PORTAL_RULES.find((r) => r.id === id)?.name;
  if (builtIn) return builtIn;
  if (id === 'generic') return `${urlOf(pageUrl)?.hostname ?? 'this site'} (generic reader)`;
  if (id.startsWith('taught-')) return (await db.taughtRules.get(id))?.rule.name ?? id;
  return id;
}

const rejected = (e: unknown): SaveResult => {
  if (e instanceof MessageRejected) return { ok: false, error: e.message };
  throw e;
};

/** The background's handlers, one per message, each validating sender and payload first. */
export function createHandlers(env: BackgroundEnv) {
  // The popup's glance counts are recounted once the reading settles, not on every page.
  let glanceTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshGlanceSoon = () => {
    if (glanceTimer !== undefined) clearTimeout(glanceTimer);
    glanceTimer = setTimeout(() => {
      glanceTimer = undefined;
      void refreshGlance(env.db, env.today()).catch(() => undefined);
    }, 2000);
  };

  return {
    async saveScrapedClaim(data: unknown, sender: Sender): Promise<SaveResult> {
      try {
        const { payload, tabId } = await contentMessage(env, SaveScrapedClaimSchema, data, sender);
        const source: ClaimSource = {
          kind: 'portal',
          portal: payload.portal,
          pageKind: payload.pageKind,
          url: payload.url,
          readAt: env.now(),
        };
        const scorer = await loadScorer(env.db, env.today());
        const [record] = await saveClaims(env.db, [{ claim: payload.claim, source }], scorer, env.now());
        refreshGlanceSoon();
        const flagged = record?.score?.flaggedLineCount ?? 0;
        await env.db.pageReads.put({
          tabId,
          url: payload.url,
          portal: payload.portal,
          portalName: await portalName(env.db, payload.portal, payload.url),
          pageKind: payload.pageKind,
          ok: true,
          claimKey: record!.key,
          at: env.now(),
        });
        await env.setBadge(tabId, flagged > 0 ? String(flagged) : '', '#b3261e');
        // A denial says more than the money: it names what to fix before any appeal.
        const flags = record?.score?.flags ?? [];
        const headline = flags.find((f) => f.kind === 'denied') ?? flags.find((f) => f.kind === 'underpaid');
        return {
          ok: true,
          claimKey: record!.key,
          flaggedLines: flagged,
          ...(headline ? { summary: headline.message } : {}),
        };
      } catch (e) {
        return rejected(e);
      }
    },

    async saveClaimList(data: unknown, sender: Sender): Promise<SaveResult> {
      try {
        const { payload, tabId } = await contentMessage(env, SaveClaimListSchema, data, sender);
        const rule = PORTAL_RULES.find((r) => r.id === payload.portal);
        const readAt = env.now();
        // A row becomes a claim only when the page shows its payer and both amounts: a missing amount
        // is never stored as zero. The claim's detail page later enriches the same record.
        const reads = payload.claims.flatMap((row) => {
          const payerName = row.payerName ?? rule?.payerName;
          if (!payerName || row.billedCents === undefined || row.paidCents === undefined) return [];
          const claim: Claim = {
            claimNumber: row.claimNumber,
            payerName,
            status: row.status,
            billedCents: row.billedCents,
            paidCents: row.paidCents,
            adjustments: [],
            remarks: [],
            lines: [],
            ...(row.statusText ? { statusText: row.statusText } : {}),
            ...(row.patientAccount ? { patientAccount: row.patientAccount } : {}),
            ...(row.serviceDateFrom ? { serviceDateFrom: row.serviceDateFrom } : {}),
            ...(row.serviceDateTo ? { serviceDateTo: row.serviceDateTo } : {}),
          };
          const source: ClaimSource = {
            kind: 'portal',
            portal: payload.portal,
            pageKind: payload.pageKind,
            url: payload.url,
            readAt,
          };
          return [{ claim, source }];
        });
        const scorer = await loadScorer(env.db, env.today());
        const records = reads.length ? await saveClaims(env.db, reads, scorer, readAt) : [];
        await env.db.pageReads.put({
          tabId,
          url: payload.url,
          portal: payload.portal,
          portalName: await portalName(env.db, payload.portal, payload.url),
          pageKind: payload.pageKind,
          ok: true,
          listKeys: records.map((r) => r.key),
          at: readAt,
        });
        const flagged = payload.claims.filter(
          (c) => c.status === 'denied' || (c.paidCents === 0 && c.status !== 'pending'),
        ).length;
        await env.setBadge(tabId, flagged > 0 ? String(flagged) : '', '#b3261e');
        return { ok: true, flaggedLines: flagged };
      } catch (e) {
        return rejected(e);
      }
    },

    async reportUnreadablePage(data: unknown, sender: Sender): Promise<SaveResult> {
      try {
        const { payload, tabId } = await contentMessage(env, ReportUnreadablePageSchema, data, sender);
        await env.db.pageReads.put({
          tabId,
          url: payload.url,
          portal: payload.portal,
          portalName: await portalName(env.db, payload.portal, payload.url),
          pageKind: payload.pageKind,
          ok: false,
          missing: payload.missing,
          at: env.now(),
        });
        await env.setBadge(tabId, '!', '#8a5a00');
        return { ok: true };
      } catch (e) {
        return rejected(e);
      }
    },

    async reportFormPage(data: unknown, sender: Sender): Promise<SaveResult> {
      try {
        const { payload, tabId } = await contentMessage(env, ReportFormPageSchema, data, sender);
        // The biller reaches the dispute form from the claim they were reading: keep that claim in view.
        const before = await env.db.pageReads.get(tabId);
        const claimKey = payload.claimNumber ? claimKeyOf(payload.claimNumber) : before?.claimKey;
        await env.db.pageReads.put({
          tabId,
          url: payload.url,
          portal: payload.portal,
          portalName: await portalName(env.db, payload.portal, payload.url),
          pageKind: payload.pageKind,
          ok: true,
          ...(claimKey ? { claimKey } : {}),
          ...(sender.frameId !== undefined ? { formFrameId: sender.frameId } : {}),
          at: env.now(),
        });
        return { ok: true };
      } catch (e) {
        return rejected(e);
      }
    },

    async openSidePanel(_data: unknown, sender: Sender): Promise<{ ok: boolean }> {
      const kind = await senderKind(env, sender).catch(() => undefined);
      if (kind !== 'content' || sender.tab?.id === undefined || !env.openSidePanel) return { ok: false };
      await env.openSidePanel(sender.tab.id).catch(() => undefined);
      return { ok: true };
    },

    async rescoreClaims(_data: unknown, sender: Sender): Promise<{ ok: boolean; count: number }> {
      if ((await senderKind(env, sender).catch(() => undefined)) !== 'page') return { ok: false, count: 0 };
      const scorer = await loadScorer(env.db, env.today());
      return { ok: true, count: await rescoreAll(env.db, scorer, env.now()) };
    },
  } satisfies {
    [K in BackgroundMessage & keyof ProtocolMap]: (data: unknown, sender: Sender) => Promise<unknown>;
  };
}
