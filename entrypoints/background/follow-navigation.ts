import { detectionTarget } from '../../rules/extract/detect';
import { type PortalGateRule, portalGate, portalHosts } from '../../rules/portals/registry';
import { gateAllows } from '../../rules/portals/url-prefixes';

/** The built-in rules' hosts, prefixes and URL patterns (rules/portals/registry.ts portalGate). */
const GATE: readonly PortalGateRule[] = portalGate();

/** Whether a built-in rule could read the page at `url` (the same answer detect() gives). */
export function builtInRuleReads(url: string, gate: readonly PortalGateRule[] = GATE): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return gateAllows(gate, parsed, detectionTarget(parsed));
}

/** One in-app navigation as webNavigation reports it. */
export interface FrameNavigation {
  tabId: number;
  frameId: number;
  url: string;
}

/** The part of chrome.webNavigation used here, so tests can pass a fake. */
export interface WebNavigationApi {
  onHistoryStateUpdated: NavigationEvent;
  onReferenceFragmentUpdated: NavigationEvent;
}

interface NavigationEvent {
  addListener(
    callback: (details: FrameNavigation) => void,
    filters?: { url: { hostEquals: string; schemes: string[] }[] },
  ): void;
}

/**
 * Single-page navigation in a portal frame that had nothing to read: the portal content script
 * (entrypoints/portal.ts) does not watch navigation itself, so that such a page costs it nothing
 * beyond a look at its address. webNavigation reports every history.pushState and hash change in
 * every frame of the portals' hosts; when the new address is one a built-in rule reads, the reader is
 * injected into that frame. Where the reader already runs, the injection does nothing (it follows
 * navigation itself). Events are filtered to the portals' hosts, so other sites never wake the worker.
 */
export function followPortalNavigation(
  navigation: WebNavigationApi | undefined,
  injectReader: ((tabId: number, frameId: number) => Promise<unknown>) | undefined,
  gate: readonly PortalGateRule[] = GATE,
): void {
  if (!navigation || !injectReader) return;
  const filters = { url: portalHosts(gate).map((host) => ({ hostEquals: host, schemes: ['https'] })) };
  const onNavigation = (details: FrameNavigation) => {
    if (!builtInRuleReads(details.url, gate)) return;
    // The frame may be gone already (closed, navigated away): nothing to read there then.
    injectReader(details.tabId, details.frameId).catch(() => undefined);
  };
  navigation.onHistoryStateUpdated.addListener(onNavigation, filters);
  navigation.onReferenceFragmentUpdated.addListener(onNavigation, filters);
}
