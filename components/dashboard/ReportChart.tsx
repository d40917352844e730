import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface ReportChartProps {
  /** Category labels along the x axis (payers, codes, months, buckets). */
  labels: readonly string[];
  series: readonly ChartSeries[];
  kind: 'bars' | 'lines';
  /** Formats a y-axis tick: dollars, percent. */
  formatValue: (v: number) => string;
  widthPx?: number;
  heightPx?: number;
}

const PALETTE = ['--accent', '--danger', '--ok', '--warn', '--muted'];

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#0b57a4';
}

/**
 * A uPlot chart over categories. Decorative for assistive technology (aria-hidden): every chart
 * sits beside a table with the same figures.
 */
export function ReportChart({
  labels,
  series,
  kind,
  formatValue,
  widthPx = 640,
  heightPx = 240,
}: ReportChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || labels.length === 0) return;
    const fg = cssVar('--fg');
    const grid = cssVar('--line');
    const xs = labels.map((_, i) => i);
    const bars = uPlot.paths.bars?.({ size: [0.7 / Math.max(1, series.length), 60] });
    const plot = new uPlot(
      {
        width: widthPx,
        height: heightPx,
        // A key to the colours only: with no cursor there are no live values to show.
        legend: { show: series.length > 1, live: false },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, labels.length - 0.5] } },
        axes: [
          {
            stroke: fg,
            grid: { show: false },
            ticks: { show: false },
            splits: () => xs,
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
          },
          { stroke: fg, grid: { stroke: grid }, size: 70, values: (_u, splits) => splits.map(formatValue) },
        ],
        series: [
          {},
          ...series.map((s, i) => {
            const color = cssVar(PALETTE[i % PALETTE.length]!);
            return kind === 'bars'
              ? { label: s.label, fill: color, stroke: color, paths: bars, points: { show: false } }
              : { label: s.label, stroke: color, width: 2, points: { show: true, size: 6 } };
          }),
        ],
      },
      [xs, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    return () => plot.destroy();
  }, [labels, series, kind, formatValue, widthPx, heightPx]);
  return <div ref={host} class="chart" aria-hidden="true" />;
}
