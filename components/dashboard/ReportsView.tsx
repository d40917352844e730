import { type ChartSeries, ReportChart } from './ReportChart';

/** One report: a table (always shown: it is the chart's text alternative) and an optional chart. */
export interface ReportSection {
  id: string;
  title: string;
  description: string;
  columns: { header: string; numeric?: boolean }[];
  /** Cells already formatted for display. */
  rows: string[][];
  chart?: {
    kind: 'bars' | 'lines';
    labels: string[];
    series: ChartSeries[];
    formatValue: (v: number) => string;
  };
}

export interface ReportsViewProps {
  sections: readonly ReportSection[];
  months: readonly string[];
  /** '' for all months. */
  month: string;
  asOfLabel: string;
  onMonthChange: (month: string) => void;
  onExportCsv: (sectionId: string) => void;
  onPrint: () => void;
}

/** The reports tab: a month picker for the printable monthly report, then each report. */
export function ReportsView({
  sections,
  months,
  month,
  asOfLabel,
  onMonthChange,
  onExportCsv,
  onPrint,
}: ReportsViewProps) {
  return (
    <div class="reports">
      <div class="row no-print">
        <label>
          Month paid{' '}
          <select
            value={month}
            data-testid="report-month"
            onChange={(e) => onMonthChange((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">All months</option>
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onPrint}>
          Print report
        </button>
      </div>
      <p class="print-only">
        OON Guard report, {month || 'all months'}, as of {asOfLabel}
      </p>
      {sections.map((s) => (
        <section key={s.id} class="report" aria-labelledby={`report-${s.id}`} data-testid={`report-${s.id}`}>
          <div class="row report-head">
            <h2 id={`report-${s.id}`}>{s.title}</h2>
            <button
              type="button"
              class="secondary no-print"
              onClick={() => onExportCsv(s.id)}
              aria-label={`Export ${s.title} as CSV`}
            >
              Export CSV
            </button>
          </div>
          <p class="muted">{s.description}</p>
          {s.rows.length === 0 ? (
            <p class="empty">Nothing to report yet.</p>
          ) : (
            <>
              {s.chart && (
                <ReportChart
                  kind={s.chart.kind}
                  labels={s.chart.labels}
                  series={s.chart.series}
                  formatValue={s.chart.formatValue}
                />
              )}
              <table class="report-table">
                <caption class="visually-hidden">{s.title}</caption>
                <thead>
                  <tr>
                    {s.columns.map((c) => (
                      <th key={c.header} scope="col" class={c.numeric ? 'num' : undefined}>
                        {c.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r) => (
                    <tr key={r.join('\u0000')}>
                      {r.map((cell, i) => (
                        <td key={s.columns[i]?.header ?? i} class={s.columns[i]?.numeric ? 'num' : undefined}>
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
