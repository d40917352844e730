/**
 * How the small content script (entrypoints/portal.ts) and the reader it loads on demand (entrypoints/portal-reader.ts,
 * injected by the background into the same frame and the same isolated world) find each other. A
 * symbol key: named elements of a hostile page (`<form name="...">`) can shadow string-named globals,
 * never a symbol, and the page's own scripts never see this world's globals at all.
 */
export const READER_HOOK: unique symbol = Symbol.for('oon-guard.portal-reader') as never;

/** A message as the content script received it: the payload and who sent it. */
export interface IncomingMessage {
  data: unknown;
  sender: { id?: string };
}

/** What the loaded reader offers the content script that loaded it. */
export interface PortalReaderApi {
  /** Reads the page at `href` (default: the current URL) if a rule knows it; called on navigation. */
  check(href?: string): void;
  fillAppealForm(message: IncomingMessage): { ok: boolean; error?: string; filled?: string[] };
  readPageAgain(message: IncomingMessage): { ok: boolean };
  startTeachMode(message: IncomingMessage): { ok: boolean; error?: string };
}

export interface ReaderHook {
  /** Called once by the reader file when it has started; the content script forwards to it from then on. */
  attach(reader: PortalReaderApi): void;
  /** True once the reader runs in this frame (tests look; a page with nothing to read keeps it false). */
  readonly started: boolean;
}
