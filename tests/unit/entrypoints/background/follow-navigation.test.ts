import { describe, expect, it } from 'vitest';
import {
  builtInRuleReads,
  type FrameNavigation,
  followPortalNavigation,
  type WebNavigationApi,
} from '../../../../entrypoints/background/follow-navigation';
import { detect } from '../../../../rules/extract/detect';
import { contentScriptGate, PORTAL_RULES, portalGate } from '../../../../rules/portals/registry';

const EXAMPLES = PORTAL_RULES.flatMap((r) => r.pageKinds.flatMap((k) => k.examples));
/** Portal pages no rule reads: home pages, menus, look-alike paths. */
const QUIET = [
  'https://provider.uhc.com/dashboard',
  'https://provider.uhc.com/claims/A1/attachments',
  'https://apps.availity.com/public/apps/home/',
  'https://provider.humana.com/coverage-claims/overview',
  'https://cignaforhcp.cigna.com/app/claims/detail/',
  'https://navinet.navimedix.com/insurers/aetna/eligibility',
];

function fakeNavigation() {
  const listeners: { event: string; callback: (d: FrameNavigation) => void; filters: unknown }[] = [];
  const event = (name: string) => ({
    addListener: (callback: (d: FrameNavigation) => void, filters?: unknown) =>
      listeners.push({ event: name, callback, filters }),
  });
  const api: WebNavigationApi = {
    onHistoryStateUpdated: event('history'),
    onReferenceFragmentUpdated: event('fragment'),
  };
  return { api, listeners };
}

describe('in-app navigation in a portal frame is followed by the background', () => {
  it('injects the reader into the frame whose address became readable, by pushState or by hash', async () => {
    const { api, listeners } = fakeNavigation();
    const injected: [number, number][] = [];
    followPortalNavigation(api, async (tab, frame) => injected.push([tab, frame]));
    expect(listeners.map((l) => l.event)).toEqual(['history', 'fragment']);
    const [history, fragment] = listeners;
    history!.callback({ tabId: 4, frameId: 0, url: 'https://provider.uhc.com/claims' });
    history!.callback({ tabId: 4, frameId: 0, url: 'https://provider.uhc.com/dashboard' });
    fragment!.callback({ tabId: 5, frameId: 2, url: EXAMPLES[0]! });
    expect(injected).toEqual([
      [4, 0],
      [5, 2],
    ]);
  });

  it('listens only on the portals’ hosts, over https', () => {
    const { api, listeners } = fakeNavigation();
    followPortalNavigation(api, async () => undefined);
    const hosts = [...new Set(portalGate().flatMap((r) => r.hosts))].sort();
    for (const l of listeners) {
      const { url } = l.filters as { url: { hostEquals: string; schemes: string[] }[] };
      expect(url.map((f) => f.hostEquals).sort()).toEqual(hosts);
      expect(url.every((f) => f.schemes.join() === 'https')).toBe(true);
    }
  });

  it('a frame that is gone by the time the reader is injected is not an error', async () => {
    const { api, listeners } = fakeNavigation();
    followPortalNavigation(api, () => Promise.reject(new Error('No frame with id 9')));
    expect(() =>
      listeners[0]!.callback({ tabId: 1, frameId: 9, url: 'https://provider.uhc.com/claims' }),
    ).not.toThrow();
  });

  it('does nothing without webNavigation (or scripting)', () => {
    expect(() => followPortalNavigation(undefined, async () => undefined)).not.toThrow();
  });
});

describe('what the content script checks of an address, and what the background checks after it', () => {
  const gate = contentScriptGate();
  /** The content script's own test (entrypoints/portal.ts), written out. */
  const passesContentScript = (url: string) => {
    const u = new URL(url);
    if (!gate.hosts.includes(` ${u.hostname} `)) return true;
    const address = u.origin + u.pathname + u.hash;
    return gate.prefixes.some((p) => address.startsWith(p));
  };

  it('lets every page a rule reads through, and the background agrees with detect()', () => {
    for (const url of EXAMPLES) {
      expect(passesContentScript(url), url).toBe(true);
      expect(builtInRuleReads(url), url).toBe(true);
    }
    for (const url of [...EXAMPLES, ...QUIET])
      expect(builtInRuleReads(url), url).toBe(Boolean(detect(url, PORTAL_RULES)));
  });

  it('stops portal pages with nothing to read at the content script or, failing that, the background', () => {
    for (const url of QUIET) expect(builtInRuleReads(url), url).toBe(false);
    expect(passesContentScript('https://provider.uhc.com/dashboard')).toBe(false);
    expect(passesContentScript('https://provider.humana.com/coverage-claims/overview')).toBe(false);
  });

  it('carries the hosts as one spaced string, so a host inside another never passes for it', () => {
    expect(gate.hosts.startsWith(' ') && gate.hosts.endsWith(' ')).toBe(true);
    expect(gate.hosts.includes(' provider.uhc.com ')).toBe(true);
    expect(gate.hosts.includes(' uhc.com ')).toBe(false);
  });
});
