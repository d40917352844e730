import type { ReportSection } from '../../components/dashboard/ReportsView';
import { formatCents } from '../../components/format';
import { REPORT_CSV, toCsv, type WorklistReports } from '../../storage/worklist';

const dollars = (v: number) => formatCents(Math.round(v * 100)).replace(/\.00$/, '');
const percent = (v: number) => `${v}%`;
const TOP = 15;

/** The report figures as page sections: formatted tables, and charts over the same numbers. */
export function reportSections(r: WorklistReports): ReportSection[] {
  const months = [...new Set(r.payerScorecard.map((c) => c.month))].sort();
  const scorecardPayers = [...new Set(r.payerScorecard.map((c) => c.payerName))];
  return [
    {
      id: 'shortfall-by-payer',
      title: 'Shortfall by payer',
      description: 'Underpayment against expected, summed over claims with a shortfall.',
      columns: [
        { header: 'Payer' },
        { header: 'Claims', numeric: true },
        { header: 'Shortfall', numeric: true },
      ],
      rows: r.shortfallByPayer.map((x) => [x.payerName, String(x.claims), formatCents(x.shortfallCents)]),
      chart: {
        kind: 'bars',
        labels: r.shortfallByPayer.slice(0, TOP).map((x) => x.payerName),
        series: [
          { label: 'Shortfall', values: r.shortfallByPayer.slice(0, TOP).map((x) => x.shortfallCents / 100) },
        ],
        formatValue: dollars,
      },
    },
    {
      id: 'shortfall-by-code',
      title: 'Shortfall by procedure code',
      description: 'Line shortfalls per code.',
      columns: [
        { header: 'Code' },
        { header: 'Lines', numeric: true },
        { header: 'Shortfall', numeric: true },
      ],
      rows: r.shortfallByCode.map((x) => [x.code, String(x.lines), formatCents(x.shortfallCents)]),
      chart: {
        kind: 'bars',
        labels: r.shortfallByCode.slice(0, TOP).map((x) => x.code),
        series: [
          { label: 'Shortfall', values: r.shortfallByCode.slice(0, TOP).map((x) => x.shortfallCents / 100) },
        ],
        formatValue: dollars,
      },
    },
    {
      id: 'payer-scorecard',
      title: 'Payer scorecard',
      description: 'Paid as a percentage of expected, per payer, per month of payment.',
      columns: [
        { header: 'Payer' },
        { header: 'Month' },
        { header: 'Claims', numeric: true },
        { header: 'Paid', numeric: true },
        { header: 'Expected', numeric: true },
        { header: 'Paid of expected', numeric: true },
      ],
      rows: r.payerScorecard.map((c) => [
        c.payerName,
        c.month,
        String(c.claims),
        formatCents(c.paidCents),
        formatCents(c.expectedCents),
        c.paidPercent === null ? '—' : `${c.paidPercent.toFixed(1)}%`,
      ]),
      chart: {
        kind: 'lines',
        labels: months,
        series: scorecardPayers.slice(0, 5).map((p) => ({
          label: p,
          values: months.map(
            (m) => r.payerScorecard.find((c) => c.payerName === p && c.month === m)?.paidPercent ?? null,
          ),
        })),
        formatValue: percent,
      },
    },
    {
      id: 'denial-categories',
      title: 'Denial categories',
      description: 'Why lines were denied or cut, beyond contractual adjustments and patient cost share.',
      columns: [
        { header: 'Category' },
        { header: 'Claims', numeric: true },
        { header: 'Lines', numeric: true },
        { header: 'Shortfall', numeric: true },
      ],
      rows: r.denialCategories.map((x) => [
        x.category,
        String(x.claims),
        String(x.lines),
        formatCents(x.shortfallCents),
      ]),
      chart: {
        kind: 'bars',
        labels: r.denialCategories.map((x) => x.category),
        series: [{ label: 'Lines', values: r.denialCategories.map((x) => x.lines) }],
        formatValue: (v) => String(v),
      },
    },
    {
      id: 'aging',
      title: 'Aging of open findings',
      description: 'Flagged claims not yet resolved, by days since payment.',
      columns: [
        { header: 'Days since paid' },
        { header: 'Claims', numeric: true },
        { header: 'Shortfall', numeric: true },
      ],
      rows: r.aging.map((x) => [x.bucket, String(x.claims), formatCents(x.shortfallCents)]),
      chart: {
        kind: 'bars',
        labels: r.aging.map((x) => x.bucket),
        series: [{ label: 'Claims', values: r.aging.map((x) => x.claims) }],
        formatValue: (v) => String(v),
      },
    },
    {
      id: 'flagged-vs-recovered',
      title: 'Flagged against recovered',
      description:
        'Shortfall flagged and money recovered, per month of payment. Recovered stays 0 until appeals record outcomes.',
      columns: [
        { header: 'Month' },
        { header: 'Flagged claims', numeric: true },
        { header: 'Flagged', numeric: true },
        { header: 'Recovered', numeric: true },
      ],
      rows: r.flaggedVsRecovered.map((x) => [
        x.month,
        String(x.flaggedClaims),
        formatCents(x.flaggedCents),
        formatCents(x.recoveredCents),
      ]),
      chart: {
        kind: 'bars',
        labels: r.flaggedVsRecovered.map((x) => x.month),
        series: [
          { label: 'Flagged', values: r.flaggedVsRecovered.map((x) => x.flaggedCents / 100) },
          { label: 'Recovered', values: r.flaggedVsRecovered.map((x) => x.recoveredCents / 100) },
        ],
        formatValue: dollars,
      },
    },
  ];
}

/** The CSV of one report section, from the unformatted figures. */
export function reportCsv(r: WorklistReports, sectionId: string): string {
  switch (sectionId) {
    case 'shortfall-by-payer':
      return toCsv(REPORT_CSV.shortfallByPayer, r.shortfallByPayer);
    case 'shortfall-by-code':
      return toCsv(REPORT_CSV.shortfallByCode, r.shortfallByCode);
    case 'payer-scorecard':
      return toCsv(REPORT_CSV.payerScorecard, r.payerScorecard);
    case 'denial-categories':
      return toCsv(REPORT_CSV.denialCategories, r.denialCategories);
    case 'aging':
      return toCsv(REPORT_CSV.aging, r.aging);
    default:
      return toCsv(REPORT_CSV.flaggedVsRecovered, r.flaggedVsRecovered);
  }
}
