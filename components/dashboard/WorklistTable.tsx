import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ClaimStatus, FlagKind } from '../../rules/model';
import { formatCents, formatDate } from '../format';

/** What one worklist row shows. Money in cents, dates ISO; formatted here, at the edge. */
export interface WorklistRowView {
  key: string;
  claimNumber: string;
  payerName: string;
  status: ClaimStatus;
  paidDate: string;
  expectedCents: number | null;
  paidCents: number;
  shortfallCents: number;
  flagKinds: FlagKind[];
  appealBy: string;
  nsaNoticeBy: string;
  worklistStatus: string;
}

export interface WorklistTableProps {
  rowCount: number;
  /** Called only for rows on screen: a 50,000-row list builds about forty rows per frame. */
  getRow: (index: number) => WorklistRowView;
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: (select: boolean) => void;
  onOpen: (key: string) => void;
  rowHeightPx?: number;
  overscan?: number;
}

const COLUMNS = [
  'Claim',
  'Payer',
  'Status',
  'Paid',
  'Expected',
  'Paid amount',
  'Shortfall',
  'Flags',
  'Deadline',
  'Follow-up',
] as const;

/**
 * The worklist as a real table (screen readers get rows and columns) that renders only the rows in
 * view plus an overscan, at a fixed row height; aria-rowcount and aria-rowindex give the full size.
 * One row is in the tab order (roving tabindex): arrows, Page Up/Down, Home/End move; Space selects;
 * Enter opens the claim.
 */
export function WorklistTable({
  rowCount,
  getRow,
  selected,
  onToggle,
  onToggleAll,
  onOpen,
  rowHeightPx = 36,
  overscan = 10,
}: WorklistTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(600);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewportPx(el.clientHeight);
    const ro = new ResizeObserver(() => setViewportPx(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (active >= rowCount) setActive(Math.max(0, rowCount - 1));
  }, [rowCount, active]);

  const headerPx = rowHeightPx;
  const first = Math.max(0, Math.floor(scrollTop / rowHeightPx) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewportPx) / rowHeightPx) + overscan);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current
      ?.querySelector<HTMLElement>(`tr[data-index="${active}"]`)
      ?.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(rowCount - 1, index));
    const el = scroller.current;
    if (el) {
      const top = i * rowHeightPx;
      const visible = el.clientHeight - headerPx;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeightPx > el.scrollTop + visible) el.scrollTop = top + rowHeightPx - visible;
      setScrollTop(el.scrollTop);
    }
    focusPending.current = true;
    setActive(i);
  };

  const onKeyDown = (e: KeyboardEvent, index: number, key: string) => {
    const page = Math.max(1, Math.floor((viewportPx - headerPx) / rowHeightPx) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rowCount - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveTo(to);
    } else if (e.key === ' ' && e.target === e.currentTarget) {
      e.preventDefault();
      onToggle(key);
    } else if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      onOpen(key);
    }
  };

  const rows = [];
  for (let i = first; i < last; i += 1) {
    const r = getRow(i);
    const deadline = [r.appealBy, r.nsaNoticeBy].filter(Boolean).sort()[0] ?? '';
    const isSelected = selected.has(r.key);
    rows.push(
      <tr
        key={r.key}
        data-index={i}
        data-key={r.key}
        aria-rowindex={i + 2}
        aria-selected={isSelected}
        tabIndex={i === active ? 0 : -1}
        class={isSelected ? 'selected' : undefined}
        style={{ height: `${rowHeightPx}px` }}
        onKeyDown={(e) => onKeyDown(e, i, r.key)}
        onFocus={() => setActive(i)}
        onDblClick={() => onOpen(r.key)}
      >
        <td class="check">
          <input
            type="checkbox"
            tabIndex={-1}
            checked={isSelected}
            aria-label={`Select claim ${r.claimNumber}`}
            onChange={() => onToggle(r.key)}
          />
        </td>
        <td data-col="claim">
          <button type="button" class="link" tabIndex={-1} onClick={() => onOpen(r.key)}>
            {r.claimNumber}
          </button>
        </td>
        <td data-col="payer">{r.payerName}</td>
        <td data-col="status">{r.status}</td>
        <td data-col="paid-date">{formatDate(r.paidDate || undefined)}</td>
        <td data-col="expected" class="num">
          {formatCents(r.expectedCents)}
        </td>
        <td data-col="paid" class="num">
          {formatCents(r.paidCents)}
        </td>
        <td data-col="shortfall" class="num">
          {r.shortfallCents > 0 ? formatCents(r.shortfallCents) : '—'}
        </td>
        <td data-col="flags">{r.flagKinds.join(', ') || '—'}</td>
        <td data-col="deadline">{formatDate(deadline || undefined)}</td>
        <td data-col="follow-up">{r.worklistStatus}</td>
      </tr>,
    );
  }

  const allSelected = rowCount > 0 && selected.size >= rowCount;
  return (
    <div
      ref={scroller}
      class="vt-scroll"
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      data-testid="worklist-scroll"
    >
      <table class="worklist" aria-rowcount={rowCount + 1} aria-label="Worklist" data-testid="worklist">
        <thead>
          <tr aria-rowindex={1} style={{ height: `${headerPx}px` }}>
            <th scope="col" class="check">
              <input
                type="checkbox"
                checked={allSelected}
                aria-label={allSelected ? 'Clear the selection' : 'Select every listed claim'}
                onChange={(e) => onToggleAll((e.currentTarget as HTMLInputElement).checked)}
              />
            </th>
            {COLUMNS.map((c) => (
              <th
                scope="col"
                key={c}
                class={c === 'Expected' || c === 'Paid amount' || c === 'Shortfall' ? 'num' : undefined}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row has no tabindex; it stands in for rows not rendered
            <tr aria-hidden="true" class="spacer" style={{ height: `${first * rowHeightPx}px` }}>
              <td colSpan={COLUMNS.length + 1} />
            </tr>
          )}
          {rows}
          {last < rowCount && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row has no tabindex; it stands in for rows not rendered
            <tr aria-hidden="true" class="spacer" style={{ height: `${(rowCount - last) * rowHeightPx}px` }}>
              <td colSpan={COLUMNS.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
