import { liveQuery } from 'dexie';
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { ClaimFindings } from '../../components/ClaimFindings';
import { ReportsView } from '../../components/dashboard/ReportsView';
import { EMPTY_FILTER, type FilterValues, WorklistFilters } from '../../components/dashboard/WorklistFilters';
import { WorklistTable } from '../../components/dashboard/WorklistTable';
import { formatDate } from '../../components/format';
import { useSubscription } from '../../components/use-subscription';
import { ClaimStatusSchema } from '../../rules/model';
import { openDatabase } from '../../storage/db';
import {
  buildReports,
  compileFilter,
  countClaims,
  filterOptions,
  inPaidMonth,
  loadAllByPriority,
  loadPriorityPage,
  paidMonths,
  setWorklistStatus,
  toWorklistRow,
  WORKLIST_STATUSES,
  type WorklistFilter,
  type WorklistRecord,
  type WorklistStatus,
  worklistCsv,
} from '../../storage/worklist';
import '../../components/theme.css';
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import { reportCsv, reportSections } from './reports';

z.config({ jitless: true });
performance.mark('oon:script-start');
const db = openDatabase();
const FIRST_PAGE = 100;

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

function download(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The first rows from the priority index straight away; the whole store (live) follows. */
function useRecords(): {
  records: WorklistRecord[];
  total: number | undefined;
  complete: boolean;
  error: unknown;
} {
  const [first, setFirst] = useState<{ records: WorklistRecord[]; total: number } | undefined>();
  const firstLoaded = first !== undefined;
  // The full read waits for the first page: started together, it delays the first paint by seconds.
  const all = useSubscription<WorklistRecord[]>(
    (next, fail) => {
      if (!firstLoaded) return () => undefined;
      const sub = liveQuery(() => loadAllByPriority(db)).subscribe({ next, error: fail });
      return () => sub.unsubscribe();
    },
    [firstLoaded],
  );
  useEffect(() => {
    void Promise.all([loadPriorityPage(db, 0, FIRST_PAGE), countClaims(db)]).then(([records, total]) =>
      setFirst({ records, total }),
    );
  }, []);
  if (all.value) return { records: all.value, total: all.value.length, complete: true, error: all.error };
  return { records: first?.records ?? [], total: first?.total, complete: false, error: all.error };
}

type Tab = 'worklist' | 'reports';

function App() {
  const asOf = useMemo(todayIso, []);
  const { records, total, complete, error } = useRecords();
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
  const rowCache = useMemo(() => new Map<number, ReturnType<typeof toWorklistRow>>(), [filtered]);
  const getRow = (i: number) => {
    let row = rowCache.get(i);
    if (!row) {
      row = toWorklistRow(filtered[i]!);
      rowCache.set(i, row);
    }
    return row;
  };

  useEffect(() => {
    if (records.length > 0 && performance.getEntriesByName('oon:first-rows').length === 0) {
      performance.mark('oon:first-rows');
    }
  }, [records]);
  useEffect(() => {
    if (openKey) detailHeading.current?.focus();
  }, [openKey]);

  const reports = useMemo(
    () => (tab === 'reports' ? buildReports(month ? inPaidMonth(records, month) : records, asOf) : undefined),
    [tab, records, month, asOf],
  );
  const sections = useMemo(() => (reports ? reportSections(reports) : []), [reports]);
  const months = useMemo(() => (tab === 'reports' ? paidMonths(records) : []), [tab, records]);

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
  };
  const opened = openKey ? records.find((r) => r.key === openKey) : undefined;
  const countText =
    total === undefined
      ? 'Loading claims…'
      : complete
        ? `${filtered.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} claims shown`
        : `Showing the first ${records.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} claims while the rest load`;

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
      <p role="status" aria-live="polite" class="muted" data-testid="result-count">
        {countText}
        {notice ? ` ${notice}` : ''}
      </p>
      {tab === 'worklist' && (
        <section id="panel-worklist" role="tabpanel" aria-labelledby="tab-worklist" data-panel="worklist">
          <WorklistFilters
            value={filterValues}
            payers={options.payers}
            flagKinds={options.flagKinds}
            statuses={ClaimStatusSchema.options}
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
      {tab === 'reports' && reports && (
        <section id="panel-reports" role="tabpanel" aria-labelledby="tab-reports" data-panel="reports">
          <ReportsView
            sections={sections}
            months={months}
            month={month}
            asOfLabel={formatDate(asOf)}
            onMonthChange={setMonth}
            onExportCsv={(id) => download(`oon-guard-${id}-${month || 'all'}.csv`, reportCsv(reports, id))}
            onPrint={() => window.print()}
          />
        </section>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
