import { type Browser, browser } from 'wxt/browser';
import { z } from 'zod';
import {
  builtInRuleFor,
  checkTaughtRule,
  saveTaughtRule as storeTaughtRule,
  taughtRulesFor,
} from '../../storage/taught-rules';
import type { SaveResult } from '../../utils/messaging';
import { builtInRuleReads } from './follow-navigation';
import { type BackgroundEnv, MessageRejected, senderKind } from './service';

type Sender = Browser.runtime.MessageSender;

/** The id of our one dynamic content-script registration: every granted origin is in its matches. */
export const GRANTED_SCRIPT_ID = 'oon-portal-granted-origins';
/** The built portal content script (entrypoints/portal.ts), the same file the manifest injects. */
export const PORTAL_SCRIPT_FILE = 'portal.js';
/** The reader the content script asks for where something could be read (entrypoints/portal-reader.ts). */
export const PORTAL_READER_FILE = 'portal-reader.js';

const GetTaughtRulesSchema = z.strictObject({ origin: z.string().url().max(300) });
const SaveTaughtRuleSchema = z.strictObject({ rule: z.unknown() });

/** What registration and injection need from chrome.scripting, so tests can pass a fake. */
export interface ScriptingApi {
  executeScript: (injection: Browser.scripting.ScriptInjection<unknown[], unknown>) => Promise<unknown>;
  getRegisteredContentScripts: (filter: { ids: string[] }) => Promise<{ id: string }[]>;
  registerContentScripts: (scripts: Browser.scripting.RegisteredContentScript[]) => Promise<void>;
  updateContentScripts: (scripts: Browser.scripting.RegisteredContentScript[]) => Promise<void>;
  unregisterContentScripts: (filter: { ids: string[] }) => Promise<void>;
}

/**
 * Keeps the portal content script registered for exactly the origins the biller granted at run time
 * that no built-in rule covers (the manifest already injects it there). Idempotent: called at start,
 * on every permission change and after a rule is taught.
 */
export async function syncGrantedScripts(scripting: ScriptingApi, granted: string[]): Promise<string[]> {
  const origins = [...new Set(granted)].filter((o) => o.startsWith('https://') && !builtInRuleFor(o)).sort();
  const existing = await scripting.getRegisteredContentScripts({ ids: [GRANTED_SCRIPT_ID] });
  if (origins.length === 0) {
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [GRANTED_SCRIPT_ID] });
    return origins;
  }
  const script: Browser.scripting.RegisteredContentScript = {
    id: GRANTED_SCRIPT_ID,
    matches: origins.map((o) => `${o}/*`),
    js: [PORTAL_SCRIPT_FILE],
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
  return origins;
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Handlers for rules the biller teaches (issue 8), and the run-time content-script registration for
 * granted origins (issue 4 item 3). Content scripts may only read and teach rules for their own origin.
 */
export function createTeachHandlers(
  env: BackgroundEnv,
  scripting: ScriptingApi | undefined = browserScripting(),
) {
  const sync = async () => {
    if (!scripting) return;
    await syncGrantedScripts(scripting, await env.grantedOrigins()).catch(() => undefined);
  };
  if (scripting && browser?.permissions?.onAdded) {
    browser.permissions.onAdded.addListener(() => void sync());
    browser.permissions.onRemoved.addListener(() => void sync());
    void sync();
  }
  return {
    /**
     * Injects the portal reader into the frame whose content script asks: a supported portal or an
     * origin the biller granted (senderKind), into that tab and frame only.
     */
    async loadPortalReader(_data: unknown, sender: Sender): Promise<{ ok: boolean; error?: string }> {
      try {
        if ((await senderKind(env, sender)) !== 'content' || sender.tab?.id === undefined)
          return { ok: false, error: 'expected a content script' };
        if (!scripting) return { ok: false, error: 'scripting is not available' };
        // On a built-in portal the content script looked at the address's host and prefix only; the
        // rules' URL patterns decide here. Granted origins are read anywhere (generic reader, taught rules).
        const origin = originOf(sender.url);
        if (origin && builtInRuleFor(origin) && !builtInRuleReads(sender.url ?? ''))
          return { ok: false, error: 'no rule reads this address' };
        await injectPortalReader(scripting, sender.tab.id, sender.frameId ?? 0);
        return { ok: true };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : 'the reader could not be injected' };
      }
    },

    async getTaughtRules(data: unknown, sender: Sender): Promise<{ rules: unknown[] }> {
      try {
        if ((await senderKind(env, sender)) !== 'content') return { rules: [] };
        const { origin } = GetTaughtRulesSchema.parse(data);
        if (origin !== originOf(sender.url) || builtInRuleFor(origin)) return { rules: [] };
        return { rules: await taughtRulesFor(env.db, origin) };
      } catch {
        return { rules: [] };
      }
    },

    async saveTaughtRule(data: unknown, sender: Sender): Promise<SaveResult> {
      try {
        const kind = await senderKind(env, sender);
        const parsed = SaveTaughtRuleSchema.safeParse(data);
        if (!parsed.success) return { ok: false, error: 'malformed rule message' };
        const checked = checkTaughtRule(parsed.data.rule);
        if (!checked.ok) return { ok: false, error: checked.errors.join('; ') };
        // A content script teaches only the origin it runs on.
        if (kind === 'content' && checked.origin !== originOf(sender.url))
          return { ok: false, error: 'a page may only teach a rule for its own site' };
        const saved = await storeTaughtRule(env.db, checked.rule, env.now(), { merge: true });
        if (!saved.ok) return { ok: false, error: saved.errors.join('; ') };
        await sync();
        return { ok: true };
      } catch (e) {
        if (e instanceof MessageRejected) return { ok: false, error: e.message };
        throw e;
      }
    },
  };
}

/** Injects the portal reader into one frame of a tab, as soon as it can run there. */
export function injectPortalReader(
  scripting: ScriptingApi,
  tabId: number,
  frameId: number,
): Promise<unknown> {
  return scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [PORTAL_READER_FILE],
    injectImmediately: true,
  });
}

export function browserScripting(): ScriptingApi | undefined {
  const s = (globalThis as { chrome?: { scripting?: ScriptingApi } }).chrome?.scripting;
  return s?.registerContentScripts ? s : undefined;
}
