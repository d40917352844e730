import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { ClaimSchema, ClaimSummarySchema } from '../rules/model';
import { PageKindNameSchema } from '../rules/portals/schema';

/**
 * The whole message protocol. Every payload has a zod schema; the background parses each message
 * with it before acting (a page script can reach a content script's DOM, never our schemas).
 */

const PageRef = {
  /** Page URL without query or fragment. */
  url: z.string().url().max(2000),
  portal: z.string().min(1).max(80),
  pageKind: PageKindNameSchema,
};

export const SaveScrapedClaimSchema = z.strictObject({ ...PageRef, claim: ClaimSchema });
export const SaveClaimListSchema = z.strictObject({
  ...PageRef,
  claims: z.array(ClaimSummarySchema).max(1000),
});
export const ReportUnreadablePageSchema = z.strictObject({
  ...PageRef,
  missing: z.array(z.string().max(300)).min(1).max(200),
});
export const ReportFormPageSchema = z.strictObject({
  ...PageRef,
  claimNumber: z.string().max(60).optional(),
});

/** Side panel or popup → the content script of a tab: fill its dispute form (never submit). */
export const FillAppealFormSchema = z.strictObject({
  claimNumber: z.string().max(60).optional(),
  patientAccount: z.string().max(200).optional(),
  message: z.string().max(60_000).optional(),
  amount: z
    .string()
    .regex(/^\d+\.\d{2}$/)
    .optional(),
  serviceDate: z.string().max(20).optional(),
  reason: z.string().max(200).optional(),
  reasonKeywords: z.array(z.string().max(60)).max(10).optional(),
});
export type FillAppealForm = z.infer<typeof FillAppealFormSchema>;

export type SaveScrapedClaim = z.infer<typeof SaveScrapedClaimSchema>;
export type SaveClaimList = z.infer<typeof SaveClaimListSchema>;
export type ReportUnreadablePage = z.infer<typeof ReportUnreadablePageSchema>;
export type ReportFormPage = z.infer<typeof ReportFormPageSchema>;

export interface SaveResult {
  ok: boolean;
  claimKey?: string;
  flaggedLines?: number;
  /** One line for the in-page overlay: "Underpaid $182.40 on 2 lines", "Denied: authorization". */
  summary?: string;
  error?: string;
}

export interface ProtocolMap {
  /** Content script → background: a claim read from a portal page. */
  saveScrapedClaim(data: SaveScrapedClaim): SaveResult;
  /** Content script → background: claim rows from a list page. */
  saveClaimList(data: SaveClaimList): SaveResult;
  /** Content script → background: a page that matched a rule but could not be read. */
  reportUnreadablePage(data: ReportUnreadablePage): SaveResult;
  /** Content script → background: a dispute form is on screen. */
  reportFormPage(data: ReportFormPage): SaveResult;
  /** Content script (overlay click) → background: open the side panel for this tab. */
  openSidePanel(data: undefined): { ok: boolean };
  /** Side panel → content script of a tab: start the teach-mode picker on that page. */
  startTeachMode(data: undefined): { ok: boolean; error?: string };
  /** Content script → background: rules the biller taught for this origin (validated there). */
  getTaughtRules(data: { origin: string }): { rules: unknown[] };
  /** Content script → background: save a rule the biller just taught (parsed with PortalRuleSchema). */
  saveTaughtRule(data: { rule: unknown }): SaveResult;
  /**
   * Content script → background: inject the portal reader into the sending frame (the content script
   * is small and loads it only where something could be read).
   */
  loadPortalReader(data: undefined): { ok: boolean; error?: string };
  /** Background → content script: read the page again (context menu, shortcut). */
  readPageAgain(data: undefined): { ok: boolean };
  /** Extension page → background: lock state of the patient-data encryption. */
  lockState(data: undefined): { enabled: boolean; locked: boolean };
  /** Extension page → background: unlock with the passphrase (kept in memory only). */
  unlock(data: { passphrase: string }): { ok: boolean; error?: string };
  /** Extension page → background: lock now. */
  lock(data: undefined): { ok: boolean };
  /** Extension page → background: patient fields of stored claims, when unlocked (sealed by the lock). */
  revealPhi(data: { claimKeys: string[] }): {
    locked: boolean;
    phi: Record<string, { patientName?: string; memberId?: string; patientAccount?: string }>;
  };
  /** Extension page → content script: fill the dispute form in that frame with the appeal. */
  fillAppealForm(data: FillAppealForm): { ok: boolean; error?: string; filled?: string[] };
  /** Extension page → background: the active schedule or policies changed; re-score stored claims. */
  rescoreClaims(data: undefined): { ok: boolean; count: number };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({
  logger: { debug() {}, log() {}, warn() {}, error() {} },
});

/** The browser's refusal when no frame of the tab listens. */
function noReceiver(e: unknown): boolean {
  return /Receiving end does not exist|Could not establish connection/i.test(String(e));
}

/**
 * Asks the portal content script of a tab (one frame, else every frame) to fill its dispute form. A
 * frame where nothing could be read runs only the small content script, which listens once its
 * reader is loaded (entrypoints/portal.ts): when nothing listens, the reader (the extension's own
 * file, on a portal it may read) is injected into that frame, else the top frame, and the message
 * sent once more, so the biller still gets the page's answer ("This page is not a dispute or appeal
 * form.") rather than silence.
 */
export async function sendToPortal(
  type: 'fillAppealForm',
  data: FillAppealForm,
  target: { tabId: number; frameId?: number },
  via: PortalDelivery = browserDelivery,
): Promise<{ ok: boolean; error?: string; filled?: string[] }> {
  try {
    return await via.send(type, data, target);
  } catch (e) {
    if (!noReceiver(e)) throw e;
    await via.loadReader(target.tabId, target.frameId ?? 0);
    return via.send(type, data, target);
  }
}

/** How sendToPortal reaches a tab (the browser's, or a test's). */
export interface PortalDelivery {
  send(
    type: 'fillAppealForm',
    data: FillAppealForm,
    target: { tabId: number; frameId?: number },
  ): Promise<{ ok: boolean; error?: string; filled?: string[] }>;
  loadReader(tabId: number, frameId: number): Promise<unknown>;
}

const browserDelivery: PortalDelivery = {
  send: (type, data, target) => sendMessage(type, data, target),
  loadReader: (tabId, frameId) =>
    browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/portal-reader.js'] }),
};
