import { detect } from '../../rules/extract/detect';
import { type ExtractResult, extract, isReady } from '../../rules/extract/extract';
import { type GenericResult, readGeneric } from '../../rules/extract/generic';
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
  /**
   * Pages no rule knows, on origins the biller granted: read with the generic reader once the page
   * has settled, and called only when it reads a claim (a page with nothing to read stays quiet).
   */
  generic?: (page: { url: string; result: Extract<GenericResult, { ok: true }> }) => void;
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
  private rules: readonly PortalRule[];

  constructor(private readonly env: ReaderEnv) {
    this.rules = env.rules;
  }

  /** The rules in force: built-ins first, then the ones taught for this origin. */
  get currentRules(): readonly PortalRule[] {
    return this.rules;
  }

  /** Replaces the rules (taught rules arrive after start, or were just saved) and reads again. */
  useRules(rules: readonly PortalRule[]): void {
    this.rules = rules;
    this.reset();
    this.check();
  }

  /** Call on start and on every location change. */
  check(href: string = this.env.window.location.href): void {
    const detected = detect(href, this.rules);
    const key = detected
      ? `${detected.rule.id}|${detected.kind.kind}|${href.split('?')[0]}`
      : this.env.generic
        ? `generic|${href.split('?')[0]}`
        : '';
    if (key === this.lastKey) return;
    this.stop();
    this.lastKey = key;
    if (detected) this.waitAndRead(detected.rule, detected.kind, href);
    else if (this.env.generic) this.waitAndReadGeneric(this.env.generic, href);
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

  /** Reads with the generic reader after each quiet spell, until it reads a claim or time runs out. */
  private waitAndReadGeneric(report: NonNullable<ReaderEnv['generic']>, href: string): void {
    const doc = this.env.window.document;
    const quietMs = (this.env.settleMs ?? 150) * 4;
    let quietTimer: number | undefined;
    const attempt = () => {
      const result = readGeneric(doc);
      if (!result.ok) return;
      this.stop();
      report({ url: pageUrl(href), result });
    };
    const onChange = () => {
      if (quietTimer !== undefined) this.env.window.clearTimeout(quietTimer);
      quietTimer = this.env.window.setTimeout(attempt, quietMs);
      this.timers.push(quietTimer);
    };
    const Observer = (this.env.window as Window & typeof globalThis).MutationObserver;
    this.observer = new Observer(onChange);
    this.observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.later(() => this.stop(), this.env.readyTimeoutMs ?? 15_000);
    onChange();
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
