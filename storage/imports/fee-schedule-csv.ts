import Papa from 'papaparse';
import { parseDate, parseMoney } from '../../rules/extract/parse-value';
import { type ScheduleRow, ScheduleRowSchema } from '../../rules/pricing/schedule';

export interface RowError {
  /** 1-based line number in the file, header included. */
  line: number;
  message: string;
}

export interface ScheduleParse {
  rows: ScheduleRow[];
  errors: RowError[];
  /** A problem with the file as a whole (no header, missing columns): nothing is importable. */
  fatal?: string;
}

const COLUMN_ALIASES: Record<string, string> = {
  code: 'code',
  cpt: 'code',
  hcpcs: 'code',
  'cpt/hcpcs': 'code',
  procedure: 'code',
  modifier: 'modifier',
  mod: 'modifier',
  amount: 'amount',
  fee: 'amount',
  rate: 'amount',
  allowed: 'amount',
  description: 'description',
  payer: 'payer',
  locality: 'locality',
  effective_from: 'effectiveFrom',
  effectivefrom: 'effectiveFrom',
  effective_to: 'effectiveTo',
  effectiveto: 'effectiveTo',
};

/**
 * Reads a fee schedule CSV (`code,modifier,amount`, optional description, payer, locality,
 * effective_from, effective_to). Amounts like `$1,234.50` are accepted. Every unreadable row is
 * reported with its line number and reason; good rows are returned for the biller to confirm.
 */
export function parseFeeScheduleCsv(text: string): ScheduleParse {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const data = parsed.data;
  const header = data[0];
  if (!header) return { rows: [], errors: [], fatal: 'The file is empty.' };
  const columns = header.map((h) => COLUMN_ALIASES[h.trim().toLowerCase().replace(/\s+/g, '_')] ?? '');
  for (const need of ['code', 'amount']) {
    if (!columns.includes(need)) {
      return {
        rows: [],
        errors: [],
        fatal: `The header has no "${need}" column. Expected a first line like: code,modifier,amount,description`,
      };
    }
  }
  const rows: ScheduleRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  // Papaparse drops empty lines; map each data row back to its line in the file for messages.
  const lineNumbers = physicalLineNumbers(text);
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    const line = lineNumbers[i] ?? i + 1;
    const get = (name: string) => {
      const idx = columns.indexOf(name);
      return idx >= 0 ? (cells[idx] ?? '').trim() : '';
    };
    const code = get('code').toUpperCase();
    const modifier = get('modifier').toUpperCase();
    const amountText = get('amount');
    if (!/^[A-Z0-9]{5}$/.test(code)) {
      errors.push({ line, message: code ? `"${code}" is not a CPT/HCPCS code` : 'the code is empty' });
      continue;
    }
    if (modifier && !/^[A-Z0-9]{2}$/.test(modifier)) {
      errors.push({ line, message: `"${modifier}" is not a two-character modifier` });
      continue;
    }
    const amount = parseMoney(amountText);
    if (amount === undefined || amount === null) {
      errors.push({ line, message: amountText ? `"${amountText}" is not an amount` : 'the amount is empty' });
      continue;
    }
    if (amount < 0) {
      errors.push({ line, message: `the amount ${amountText} is negative` });
      continue;
    }
    const row: ScheduleRow = { code, modifier, amountCents: amount };
    const description = get('description');
    if (description) row.description = description.slice(0, 200);
    const payer = get('payer');
    if (payer) row.payer = payer;
    const locality = get('locality');
    if (locality) row.locality = locality;
    for (const key of ['effectiveFrom', 'effectiveTo'] as const) {
      const raw = get(key);
      if (!raw) continue;
      const d = parseDate(raw);
      if (!d) {
        errors.push({ line, message: `"${raw}" is not a date (use YYYY-MM-DD or MM/DD/YYYY)` });
        break;
      }
      row[key] = d;
    }
    if (errors.at(-1)?.line === line) continue;
    const dupKey = `${code}|${modifier}|${row.payer ?? ''}|${row.effectiveFrom ?? ''}`;
    const first = seen.get(dupKey);
    if (first !== undefined) {
      errors.push({ line, message: `${code}${modifier ? `-${modifier}` : ''} is already on line ${first}` });
      continue;
    }
    seen.set(dupKey, line);
    const checked = ScheduleRowSchema.safeParse(row);
    if (!checked.success) {
      errors.push({ line, message: checked.error.issues.map((x) => x.message).join('; ') });
      continue;
    }
    rows.push(checked.data);
  }
  return { rows, errors };
}

/** For each non-empty record, the 1-based line it starts on (quoted newlines respected). */
function physicalLineNumbers(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let inQuotes = false;
  let recordStart = 1;
  let recordHasText = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n') {
      if (!inQuotes) {
        if (recordHasText) out.push(recordStart);
        recordStart = line + 1;
        recordHasText = false;
      }
      line++;
      continue;
    }
    if (ch !== '\r' && ch.trim() !== '' && ch !== ',') recordHasText = true;
  }
  if (recordHasText) out.push(recordStart);
  return out;
}
