import type { UcrRow } from '../../rules/pricing/ucr';
import { compactHeader, type ImportResult, readCsvRecords } from './cms-pfs';

/**
 * Reads a UCR percentile table (domain.md 8.1): columns code, modifier, region (or geozip), then one
 * column per percentile, headed `p50`, `P80`, `50th`, `80th percentile` or `pct_80`. Amounts are dollars
 * (`$1,234.56` allowed) and become integer cents; a blank cell is a percentile the table lacks for that row.
 */

export interface UcrImportResult extends ImportResult<UcrRow> {
  /** The percentile of each amount column, in file order (the order of `UcrRow.amountsCents`). */
  percentiles: number[];
}

const CODE_HEADERS = ['CODE', 'CPT', 'HCPCS', 'PROCEDURECODE', 'CPTCODE', 'HCPCSCODE'];
const MODIFIER_HEADERS = ['MODIFIER', 'MOD'];
const REGION_HEADERS = ['REGION', 'GEOZIP', 'GEOZIPCODE', 'ZIP', 'ZIP3', 'AREA', 'LOCALITY'];

/** 80 for `p80`, `80th`, `80th percentile`, `pct_80`, `percentile 80`; else undefined. */
export function percentileOfHeader(header: string): number | undefined {
  const h = header.trim().toLowerCase();
  const m =
    /^p(?:ct|ctl|ercentile)?[\s_-]*(\d{1,2})$/.exec(h) ??
    /^(\d{1,2})(?:st|nd|rd|th)(?:[\s_-]*(?:percentile|pctl?))?$/.exec(h);
  if (!m) return undefined;
  const p = Number(m[1]);
  return p >= 1 && p <= 99 ? p : undefined;
}

/** "$1,234.56" → 123456 cents, half-up beyond two decimals; else a message saying what is wrong. */
export function dollarsToCents(raw: string): number | string {
  const s = raw
    .trim()
    .replace(/^\$/, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  if (s.startsWith('-') || s.startsWith('(')) return `amount "${raw}" is negative`;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return `amount "${raw}" is not a dollar amount`;
  const fraction = (m[2] ?? '').padEnd(3, '0');
  const cents = Number(m[1]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
  return Number.isSafeInteger(cents) ? cents : `amount "${raw}" is too large`;
}

function columnOf(compact: string[], names: readonly string[]): number {
  for (const name of names) {
    const i = compact.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

export function parseUcrCsv(text: string): UcrImportResult {
  const records = readCsvRecords(text);
  const rows: UcrRow[] = [];
  const errors: UcrImportResult['errors'] = [];
  const notes: UcrImportResult['notes'] = [];
  const headerIndex = records.findIndex((r) => {
    const compact = r.cells.map(compactHeader);
    return columnOf(compact, CODE_HEADERS) >= 0 && r.cells.some((c) => percentileOfHeader(c) !== undefined);
  });
  if (headerIndex < 0) {
    errors.push({
      line: 1,
      message:
        'no header row with a code column and percentile columns (p50, p80 or "80th"): is this a UCR table?',
    });
    return { rows, errors, notes, percentiles: [] };
  }
  for (let i = 0; i < headerIndex; i += 1) {
    const text = records[i]!.cells.map((c) => c.trim())
      .filter((c) => c !== '')
      .join(', ');
    if (text !== '') notes.push({ line: records[i]!.line, text });
  }
  const header = records[headerIndex]!;
  const compact = header.cells.map(compactHeader);
  const codeCol = columnOf(compact, CODE_HEADERS);
  const modifierCol = columnOf(compact, MODIFIER_HEADERS);
  const regionCol = columnOf(compact, REGION_HEADERS);
  if (regionCol < 0) {
    errors.push({
      line: header.line,
      message: `no region or geozip column (found: ${header.cells.join(' | ')})`,
    });
    return { rows, errors, notes, percentiles: [] };
  }
  const amountCols: number[] = [];
  const percentiles: number[] = [];
  header.cells.forEach((cell, col) => {
    const p = percentileOfHeader(cell);
    if (p === undefined) return;
    if (percentiles.includes(p)) {
      errors.push({ line: header.line, message: `percentile ${p} has two columns; the first is used` });
      return;
    }
    amountCols.push(col);
    percentiles.push(p);
  });
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < records.length; i += 1) {
    const { line, cells } = records[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const code = (cells[codeCol] ?? '').trim().toUpperCase();
    if (!/^[A-Z0-9]{4,8}$/.test(code)) {
      errors.push({ line, message: `code "${cells[codeCol] ?? ''}" is not a procedure code` });
      continue;
    }
    const modifier = modifierCol >= 0 ? (cells[modifierCol] ?? '').trim().toUpperCase() : '';
    if (!/^([A-Z0-9]{2})?$/.test(modifier)) {
      errors.push({ line, message: `${code}: modifier "${modifier}" is not two characters` });
      continue;
    }
    const region = (cells[regionCol] ?? '').trim().toUpperCase();
    if (region === '') {
      errors.push({ line, message: `${code}: region is blank` });
      continue;
    }
    const problems: string[] = [];
    const amountsCents = amountCols.map((col, k) => {
      const raw = (cells[col] ?? '').trim();
      if (raw === '') return undefined;
      const cents = dollarsToCents(raw);
      if (typeof cents === 'string') {
        problems.push(`p${percentiles[k]}: ${cents}`);
        return undefined;
      }
      return cents;
    });
    if (problems.length > 0) {
      errors.push({ line, message: `${code}: ${problems.join('; ')}` });
      continue;
    }
    const key = `${code}|${modifier}|${region}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line,
        message: `duplicate row for ${code}${modifier ? `-${modifier}` : ''} in ${region} (first at line ${first})`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({ code, modifier, region, amountsCents });
  }
  return { rows, errors, notes, percentiles };
}
