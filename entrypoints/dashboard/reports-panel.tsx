import { useMemo } from 'preact/hooks';
import { ReportsView } from '../../components/dashboard/ReportsView';
import { formatDate } from '../../components/format';
import { buildReports, inPaidMonth, paidMonths, type WorklistItem } from '../../storage/worklist';
import 'uplot/dist/uPlot.min.css';
import { reportCsv, reportSections } from './reports';

/**
 * The reports tab, loaded on demand (with uPlot) so that none of it is on the worklist's first paint.
 */
export interface ReportsPanelProps {
  records: readonly WorklistItem[];
  asOf: string;
  /** YYYY-MM, or '' for all months. */
  month: string;
  onMonthChange: (month: string) => void;
  onDownload: (fileName: string, csv: string) => void;
}

export function ReportsPanel({ records, asOf, month, onMonthChange, onDownload }: ReportsPanelProps) {
  const reports = useMemo(
    () => buildReports(month ? inPaidMonth(records, month) : records, asOf),
    [records, month, asOf],
  );
  const sections = useMemo(() => reportSections(reports), [reports]);
  const months = useMemo(() => paidMonths(records), [records]);
  return (
    <ReportsView
      sections={sections}
      months={months}
      month={month}
      asOfLabel={formatDate(asOf)}
      onMonthChange={onMonthChange}
      onExportCsv={(id) => onDownload(`oon-guard-${id}-${month || 'all'}.csv`, reportCsv(reports, id))}
      onPrint={() => window.print()}
    />
  );
}
