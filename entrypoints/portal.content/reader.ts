import { detect } from '../../rules/extract/detect';
import { type ExtractResult, extract, isReady } from '../../rules/extract/extract';
import type { PageKindRule, PortalRule } from '../../rules/portals/schema';

/** What the reader needs from its surroundings; the content script passes the real ones, tests fakes. */
export interface ReaderEnv {
  window: Window;
  rules: readonly PortalRule[];
  /** Called once per page read with the result; the content script sends it to the background. */
  report: (page: { url: string; rule: PortalRule; kind: PageKindRule; result: ExtractResult }) => void;
  /** How long to wait for a late-rendering app before reporting the page unreadable. */
  readyTimeoutMs?: number;
  /** Quiet time after the page is ready, so a table still rendering row by row is read whole. */
  settleMs?: number;
}

/** URL without query or fragment: it is what we store, and query strings can carry patient data. */
export function pageUrl(href: string): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname}`;
}

/**
 * Reads the current page once per URL. Single-page navigation starts a new read and tears the old
 * watchers down; a page that never becomes ready is reported as unreadable, never guessed at.
 */
export class PortalReader {
  private lastKey = '';
  private observer: MutationObserver | undefined;
  private timers: number[] = [];

  constructor(private readonly env: ReaderEnv) {}

  /** Call on start and on every location change. */
  check(href: string = this.env.window.location.href): void {
    const detected = detect(href, this.env.rules);
    const key = detected ? `${detected.rule.id}|${detected.kind.kind}|${href.split('?')[0]}` : '';
    if (key === this.lastKey) return;
    this.stop();
    this.lastKey = key;
    if (!detected) return;
    this.waitAndRead(detected.rule, detected.kind, href);
  }

  /** Forget what was read, so the next check reads the page again. */
  reset(): void {
    this.stop();
    this.lastKey = '';
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    for (const t of this.timers) this.env.window.clearTimeout(t);
    this.timers = [];
  }

  private later(fn: () => void, ms: number): void {
    this.timers.push(this.env.window.setTimeout(fn, ms));
  }

  private waitAndRead(rule: PortalRule, kind: PageKindRule, href: string): void {
    const doc = this.env.window.document;
    const settleMs = this.env.settleMs ?? 150;
    let settleTimer: number | undefined;
    const read = () => {
      this.stop();
      const result = extract(rule, kind, doc);
      this.env.report({ url: pageUrl(href), rule, kind, result });
    };
    const onChange = () => {
      if (!isReady(doc, kind)) return;
      if (settleTimer !== undefined) this.env.window.clearTimeout(settleTimer);
      settleTimer = this.env.window.setTimeout(read, settleMs);
      this.timers.push(settleTimer);
    };
    const Observer = (this.env.window as Window & typeof globalThis).MutationObserver;
    this.observer = new Observer(onChange);
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.later(() => {
      if (isReady(doc, kind)) return;
      this.stop();
      this.env.report({
        url: pageUrl(href),
        rule,
        kind,
        result: {
          ok: false,
          rule: rule.id,
          pageKind: kind.kind,
          missing: ['page: never finished loading what this rule reads'],
        },
      });
    }, this.env.readyTimeoutMs ?? 15_000);
    onChange();
  }
}
