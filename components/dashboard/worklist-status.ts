/** What the worklist has listed so far, for the status line above it. */
export interface WorklistProgress {
  /** Claims listed (all of them once complete). */
  listed: number;
  /** Listed claims passing the filters. */
  shown: number;
  /** Claims stored; undefined until counted. */
  total: number | undefined;
  /** Only the top of the priority index is listed yet. */
  topOnly: boolean;
  complete: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The status line. While the store is still being read it says so, with how many are listed, so that
 * a partial list is never taken for the whole.
 */
export function worklistStatusText(p: WorklistProgress): string {
  if (p.complete) return `${n(p.shown)} of ${n(p.total ?? p.listed)} claims shown`;
  if (p.listed === 0) return 'Loading claims…';
  if (p.topOnly)
    return `Showing the top ${n(p.listed)} by priority; loading ${p.total === undefined ? 'every claim' : `all ${n(p.total)} claims`}…`;
  return `Showing ${n(p.listed)} of ${p.total === undefined ? 'the' : n(p.total)} claims so far; loading the rest…`;
}
