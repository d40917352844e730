import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TeachPrompt } from '../../components/TeachPrompt';
import { matchPatternMatches } from '../../rules/extract/detect';
import { PORTAL_RULES } from '../../rules/portals/registry';
import type { PageReadRecord } from '../../storage/db';
import { sendMessage } from '../../utils/messaging';

/** The built content script, injected into the open tab right after the biller grants its site. */
const PORTAL_SCRIPT_FILE = '/portal.js';

/** The tab's https origin when no built-in rule reads it, following navigation; else undefined. */
function useTeachableOrigin(tabId: number): string | undefined {
  const [origin, setOrigin] = useState<string>();
  useEffect(() => {
    const update = (url: string | undefined) => {
      try {
        const u = new URL(url ?? '');
        const builtIn = PORTAL_RULES.some((r) => r.matches.some((p) => matchPatternMatches(p, u)));
        setOrigin(u.protocol === 'https:' && !builtIn ? u.origin : undefined);
      } catch {
        setOrigin(undefined);
      }
    };
    void browser.tabs.get(tabId).then(
      (t) => update(t.url),
      () => update(undefined),
    );
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id === tabId && change.url) update(change.url);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);
  return origin;
}

async function startTeachMode(tabId: number): Promise<{ ok: boolean; error?: string } | undefined> {
  return sendMessage('startTeachMode', undefined, { tabId, frameId: 0 }).catch(() => undefined);
}

/**
 * "Teach this page" on pages of portals without a built-in rule, when nothing (or only the generic
 * reader) read the page. The click asks for the site's permission first: the browser only shows that
 * prompt in answer to a user gesture, so nothing may be awaited before it.
 */
export function TeachSection({ tabId, read }: { tabId: number; read?: PageReadRecord | undefined }) {
  const origin = useTeachableOrigin(tabId);
  const [granted, setGranted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  useEffect(() => {
    if (!origin) return;
    void browser.permissions.contains({ origins: [`${origin}/*`] }).then(setGranted, () => setGranted(false));
  }, [origin]);
  const readHere = read && origin && new URL(read.url).origin === origin;
  if (!origin || (readHere && read.ok && !read.portal.startsWith('generic'))) return null;
  const host = new URL(origin).host;

  const teach = () => {
    setBusy(true);
    setMessage(undefined);
    void browser.permissions
      .request({ origins: [`${origin}/*`] })
      .then(async (allowed) => {
        if (!allowed) {
          setMessage({ text: `OON Guard was not allowed to read ${host}. Nothing changed.`, error: true });
          return;
        }
        setGranted(true);
        let started = await startTeachMode(tabId);
        if (!started) {
          // First time on this site: the background registers the content script for later visits;
          // this open page gets it now.
          await browser.scripting.executeScript({ target: { tabId }, files: [PORTAL_SCRIPT_FILE] });
          for (let i = 0; i < 5 && !started; i++) {
            started = await startTeachMode(tabId);
            if (!started) await new Promise((r) => setTimeout(r, 200));
          }
        }
        if (started?.ok)
          setMessage({ text: 'Teach mode is open on the page: point at each field, then save.' });
        else
          setMessage({
            text: started?.error ?? 'The page did not answer. Reload it and try again.',
            error: true,
          });
      })
      .catch((e: unknown) => setMessage({ text: `Teach mode could not start: ${String(e)}`, error: true }))
      .finally(() => setBusy(false));
  };

  return (
    <TeachPrompt
      host={host}
      granted={granted}
      readSomething={Boolean(readHere && read.ok)}
      busy={busy}
      message={message?.text}
      error={message?.error}
      onTeach={teach}
    />
  );
}
