import { type ComponentType, render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ClaimFindings } from '../../components/ClaimFindings';
import { EMPTY_FILTER, type FilterValues, WorklistFilters } from '../../components/dashboard/WorklistFilters';
import { WorklistTable } from '../../components/dashboard/WorklistTable';
import { worklistStatusText } from '../../components/dashboard/worklist-status';
import { audit } from '../../storage/audit';
import { type ClaimRecord, openDatabase } from '../../storage/db';
import {
  applyChanges,
  CLAIM_STATUSES,
  type ClaimsChange,
  compileFilter,
  countClaims,
  filterOptions,
  loadClaimRecord,
  loadWorklistChunk,
  loadWorklistItems,
  loadWorklistPage,
  mergeSorted,
  setWorklistStatus,
  WORKLIST_STATUSES,
  type WorklistFilter,
  type WorklistItem,
  type WorklistStatus,
  watchClaims,
  worklistCsv,
} from '../../storage/worklist';
import '../../components/theme.css';
import './dashboard.css';
import { countGlanceAgain } from './count-glance';
import type { ReportsPanelProps } from './reports-panel';
import type { LoaderMessage, LoaderRequest } from './worklist-loader';

// No zod on this page (nothing here parses outside data): the first paint needs only Preact, Dexie and
// the worklist. The reports and uPlot load when the Reports tab is first opened (or the page is idle).
performance.mark('oon:script-start');
const db = openDatabase();
/** The first screen, from the priority index; then the whole store in chunks, once that is painted. */
const FIRST_PAGE = 60;
/** The first screen is asked for as the script starts, not after the empty page has been painted. */
let firstPage: ReturnType<typeof loadWorklistPage> | undefined = loadWorklistPage(db, undefined, FIRST_PAGE);
// Awaited (and its failure shown) by the worklist below; this only keeps it from counting as unhandled.
firstPage.catch(() => undefined);
/**
 * Claims per chunk. From the worker a chunk costs this thread a JSON parse and a merge; read here, the
 * full records too, so the fallback takes smaller chunks to keep each task short.
 */
const WORKER_PAGE = 5_000;
const PAGE = 2_000;
/** Writes arrive in bursts (an 835 import, a bulk mark): gather them before reading. */
const CHANGE_DEBOUNCE_MS = 150;

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function toFilter(v: FilterValues): WorklistFilter {
  const days = Number.parseInt(v.deadlineWithinDays, 10);
  return {
    payer: v.payer || undefined,
    status: v.status || undefined,
    flagKind: v.flagKind || undefined,
    deadlineWithinDays: Number.isFinite(days) && days >= 0 ? days : undefined,
    paidFrom: v.paidFrom || undefined,
    paidTo: v.paidTo || undefined,
    followUp: (v.followUp || undefined) as WorklistStatus | undefined,
    search: v.search.trim() || undefined,
  };
}

/** Resolves once the frame being drawn has been painted. */
const afterPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const loadReportsPanel = () => import('./reports-panel').then((m) => m.ReportsPanel);

/**
 * Every stored claim as slim items, chunk by chunk in key order, each sorted. Read in a worker
 * (./worklist-loader.ts) so the full records are never deserialised on this thread; here, when no
 * worker can be started.
 */
async function* storeChunks(): AsyncGenerator<WorklistItem[]> {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./worklist-loader.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (worker) {
    const queue: (LoaderMessage | 'failed')[] = [];
    let wake: (() => void) | undefined;
    const push = (m: LoaderMessage | 'failed') => {
      queue.push(m);
      wake?.();
    };
    worker.onmessage = (e: MessageEvent<LoaderMessage>) => push(e.data);
    worker.onerror = () => push('failed');
    worker.postMessage({ pageSize: WORKER_PAGE } satisfies LoaderRequest);
    let received = false;
    try {
      for (;;) {
        if (queue.length === 0) await new Promise<void>((r) => (wake = r));
        const m = queue.shift()!;
        if (m === 'failed' && !received) break; // the worker could not start: read here instead
        if (m === 'failed') throw new Error('The worklist loader stopped.');
        if ('error' in m) throw new Error(m.error);
        received = true;
        yield JSON.parse(m.items) as WorklistItem[];
        if (m.done) return;
      }
    } finally {
      worker.terminate();
    }
  }
  let after: string | undefined;
  do {
    const chunk = await loadWorklistChunk(db, after, PAGE);
    yield chunk.items;
    after = chunk.next;
  } while (after !== undefined);
}

/** Set by a bulk mark; the worklist counts the popup's glance again once the marked rows are refreshed. */
let glanceStale = false;

/** Saves a CSV and notes the export in the local audit log (kind and row count, no patient values). */
function download(fileName: string, csv: string): void {
  const rows = Math.max(0, csv.split('\n').filter((l) => l.trim()).length - 1);
  void audit(db, 'export', `${fileName.replace(/-\d{4}-\d{2}(-\d{2})?|-all/g, '')}, ${rows} rows`).catch(
    () => undefined,
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

interface WorklistState {
  items: WorklistItem[];
  /** How many claims are stored; undefined until counted. */
  total: number | undefined;
  /** True while only the top of the priority index is listed (no chunk of the store merged yet). */
  topOnly: boolean;
  complete: boolean;
  error: unknown;
  /** What the last refresh brought in, for the live region ("2 new flagged claims"). */
  announcement: string;
  /** Bumped on every change so an open claim can be read again. */
  changedKeys: ReadonlySet<string>;
}

/**
 * Slim items in pages from the priority index, appended as they arrive; afterwards, only the
 * claims that change are read again (or everything, when Dexie reports a range).
 */
function useWorklist(): WorklistState {
  const [state, setState] = useState<WorklistState>({
    items: [],
    total: undefined,
    topOnly: true,
    complete: false,
    error: undefined,
    announcement: '',
    changedKeys: new Set(),
  });
  useEffect(() => {
    let stopped = false;
    let loading = true;
    let pending: Set<string> | 'all' = new Set();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: unknown) => setState((s) => ({ ...s, error }));

    // The first screen comes from the priority index (a few records) and is painted before anything
    // else is read; the rest arrives in key-ordered chunks merged in below it, so the rows on screen
    // stay put while the count grows.
    const loadAll = async (replace: boolean) => {
      loading = true;
      const first = await (firstPage ?? loadWorklistPage(db, undefined, FIRST_PAGE));
      firstPage = undefined;
      if (stopped) return;
      let list = first.items;
      const listed = new Set(list.map((r) => r.key));
      const more = first.next !== undefined;
      if (!replace) {
        setState((s) => ({
          ...s,
          items: list,
          complete: !more,
          total: more ? undefined : list.length,
        }));
        if (more) {
          await afterPaint();
          if (stopped) return;
          // Counting walks the store (some 100 ms with 50,000 claims), but only in IndexedDB.
          void countClaims(db).then((t) => setState((s) => ({ ...s, total: s.complete ? s.total : t })));
        }
      }
      if (more) {
        for await (const chunk of storeChunks()) {
          if (stopped) return;
          list = mergeSorted(list, chunk, listed);
          if (!replace) {
            const snapshot = list;
            setState((s) => ({ ...s, items: snapshot, topOnly: false }));
          }
        }
      }
      setState((s) => ({ ...s, items: list, total: list.length, topOnly: false, complete: true }));
      loading = false;
      flush();
    };

    const refresh = async (keys: string[]) => {
      const { items, removed } = await loadWorklistItems(db, keys);
      if (stopped) return;
      setState((s) => {
        const before = new Map(s.items.map((r) => [r.key, r]));
        const added = items.filter((r) => !before.has(r.key));
        const newlyFlagged = items.filter(
          (r) => r.flagKinds.length > 0 && (before.get(r.key)?.flagKinds.length ?? 0) === 0,
        );
        const next = applyChanges(s.items, items, removed);
        const said = [
          added.length ? `${plural(added.length, 'new claim')} listed.` : '',
          newlyFlagged.length ? `${plural(newlyFlagged.length, 'claim')} newly flagged.` : '',
        ]
          .filter(Boolean)
          .join(' ');
        return { ...s, items: next, total: next.length, announcement: said, changedKeys: new Set(keys) };
      });
      // After this page's own marks, once their rows are shown: the count reads every flagged claim
      // and would otherwise hold up the rows' refresh.
      if (glanceStale) {
        glanceStale = false;
        countGlanceAgain(todayIso());
      }
    };

    const flush = () => {
      timer = undefined;
      if (loading) return;
      const work = pending;
      pending = new Set();
      if (work === 'all') void loadAll(true).catch(fail);
      else if (work.size > 0) void refresh([...work]).catch(fail);
    };

    const stop = watchClaims(db, (change: ClaimsChange) => {
      if (change === 'all' || pending === 'all') pending = 'all';
      else for (const k of change.keys) pending.add(k);
      if (timer === undefined) timer = setTimeout(flush, CHANGE_DEBOUNCE_MS);
    });
    void loadAll(false).catch(fail);
    return () => {
      stopped = true;
      stop();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return state;
}

/** The full stored record of the open claim, read again when it changes. */
function useClaimRecord(key: string | undefined, changedKeys: ReadonlySet<string>): ClaimRecord | undefined {
  const [record, setRecord] = useState<ClaimRecord | undefined>();
  const stale = key !== undefined && changedKeys.has(key);
  useEffect(() => {
    if (key === undefined) {
      setRecord(undefined);
      return;
    }
    let live = true;
    void loadClaimRecord(db, key).then((r) => {
      if (live) setRecord(r);
    });
    return () => {
      live = false;
    };
  }, [key, stale ? changedKeys : undefined]);
  return record?.key === key ? record : undefined;
}

type Tab = 'worklist' | 'reports';

function App() {
  const asOf = useMemo(todayIso, []);
  const { items: records, total, topOnly, complete, error, announcement, changedKeys } = useWorklist();
  const [tab, setTab] = useState<Tab>('worklist');
  const [filterValues, setFilterValues] = useState<FilterValues>(EMPTY_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [openKey, setOpenKey] = useState<string | undefined>();
  const [month, setMonth] = useState('');
  const [notice, setNotice] = useState('');
  const detailHeading = useRef<HTMLHeadingElement>(null);

  const filtered = useMemo(() => {
    const keep = compileFilter(toFilter(filterValues), asOf);
    return records.filter(keep);
  }, [records, filterValues, asOf]);
  const options = useMemo(() => filterOptions(records), [records]);
  const getRow = (i: number) => filtered[i]!;

  useEffect(() => {
    if (records.length > 0 && performance.getEntriesByName('oon:first-rows').length === 0) {
      performance.mark('oon:first-rows');
    }
    if (complete && performance.getEntriesByName('oon:all-rows').length === 0)
      performance.mark('oon:all-rows');
  }, [records, complete]);

  // The reports code (and uPlot) loads when the tab is opened, or once every claim is listed.
  const [ReportsPanel, setReportsPanel] = useState<ComponentType<ReportsPanelProps>>();
  useEffect(() => {
    if (ReportsPanel || (tab !== 'reports' && !complete)) return;
    void loadReportsPanel().then((panel) => setReportsPanel(() => panel));
  }, [tab, complete, ReportsPanel]);

  const selectedRecords = () => filtered.filter((r) => selected.has(r.key));
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const mark = async (status: WorklistStatus) => {
    const keys = [...selected];
    const n = await setWorklistStatus(db, keys, status, new Date().toISOString());
    setNotice(`${n} ${n === 1 ? 'claim' : 'claims'} marked ${status}.`);
    if (n > 0) glanceStale = true;
  };
  const opened = useClaimRecord(openKey, changedKeys);
  // Focus moves to the claim once its full record has been read (not when it is re-read).
  const openedKey = opened?.key;
  useEffect(() => {
    if (openedKey) detailHeading.current?.focus();
  }, [openedKey]);
  const countText = worklistStatusText({
    listed: records.length,
    shown: filtered.length,
    total,
    topOnly,
    complete,
  });
  useEffect(() => {
    if (announcement) setNotice(announcement);
  }, [announcement]);

  const tabButton = (id: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={tab === id}
      aria-controls={`panel-${id}`}
      tabIndex={tab === id ? 0 : -1}
      onClick={() => setTab(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next: Tab = tab === 'worklist' ? 'reports' : 'worklist';
          setTab(next);
          document.getElementById(`tab-${next}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <main class="dashboard">
      <h1>OON Guard: worklist and reports</h1>
      {error !== undefined && (
        <p class="notice notice-error" role="alert">
          The claim store could not be read: {String(error)}
        </p>
      )}
      <div class="tabs" role="tablist" aria-label="Dashboard">
        {tabButton('worklist', 'Worklist')}
        {tabButton('reports', 'Reports')}
      </div>
      <div class="row status-line">
        <p aria-live={complete ? 'polite' : 'off'} class="muted" data-testid="result-count">
          {countText}
        </p>
        <p role="status" class="muted" data-testid="dashboard-notice">
          {notice}
        </p>
      </div>
      {tab === 'worklist' && (
        <section id="panel-worklist" role="tabpanel" aria-labelledby="tab-worklist" data-panel="worklist">
          <WorklistFilters
            value={filterValues}
            payers={options.payers}
            flagKinds={options.flagKinds}
            statuses={CLAIM_STATUSES}
            followUps={WORKLIST_STATUSES}
            onChange={(v) => {
              setFilterValues(v);
              setNotice('');
            }}
          />
          <div class="row bulk" data-testid="bulk-actions">
            <span class="muted">{selected.size} selected</span>
            <button type="button" disabled={selected.size === 0} onClick={() => void mark('appealed')}>
              Mark appealed
            </button>
            <button type="button" disabled={selected.size === 0} onClick={() => void mark('resolved')}>
              Mark resolved
            </button>
            <button
              type="button"
              class="secondary"
              disabled={selected.size === 0}
              onClick={() => void mark('open')}
            >
              Reopen
            </button>
            <button
              type="button"
              class="secondary"
              disabled={selected.size === 0}
              data-testid="export-selected"
              onClick={() => download(`oon-guard-selected-${asOf}.csv`, worklistCsv(selectedRecords()))}
            >
              Export selected as CSV
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="export-csv"
              onClick={() => download(`oon-guard-worklist-${asOf}.csv`, worklistCsv(filtered))}
            >
              Export listed as CSV
            </button>
          </div>
          {total === 0 ? (
            <p class="empty" data-testid="empty-worklist">
              No claims stored yet. Open claim pages on a supported payer portal, or import an 835 file, and
              they are listed here.
            </p>
          ) : (
            <WorklistTable
              rowCount={filtered.length}
              getRow={getRow}
              selected={selected}
              onToggle={toggle}
              onToggleAll={(all) => setSelected(all ? new Set(filtered.map((r) => r.key)) : new Set())}
              onOpen={setOpenKey}
            />
          )}
          {opened?.score && (
            <aside class="detail" aria-labelledby="detail-heading" data-testid="claim-detail">
              <div class="row report-head">
                <h2 id="detail-heading" tabIndex={-1} ref={detailHeading}>
                  Claim {opened.claim.claimNumber}: {opened.worklistStatus ?? 'open'}
                </h2>
                <button type="button" class="secondary" onClick={() => setOpenKey(undefined)}>
                  Close claim
                </button>
              </div>
              <ClaimFindings claim={opened.claim} score={opened.score} />
            </aside>
          )}
        </section>
      )}
      {tab === 'reports' && (
        <section id="panel-reports" role="tabpanel" aria-labelledby="tab-reports" data-panel="reports">
          {complete && ReportsPanel ? (
            <ReportsPanel
              records={records}
              asOf={asOf}
              month={month}
              onMonthChange={setMonth}
              onDownload={download}
            />
          ) : (
            // A report over part of the store would show wrong totals: they wait for every claim.
            <p class="muted" data-testid="reports-loading">
              {complete ? 'Loading the reports…' : 'The reports are counted once every claim is listed…'}
            </p>
          )}
        </section>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
