import Papa from 'papaparse';
import type { GpciRow, PfsModifier, RvuRow } from '../../rules/pricing/medicare-pfs';

/**
 * Readers for the CMS PFS files as published (domain.md 1.3): PPRRVU and GPCI (Addendum E) CSVs, and the
 * locality/county crosswalk. They tolerate what spreadsheets and CMS do to these files: title rows above
 * the header, headers wrapped over several rows, double spaces (`FACILITY  NA INDICATOR`, `CO- SURG`),
 * and leading zeros stripped from codes, MACs and locality numbers. Pure: text in, rows and errors out.
 */

export interface ImportError {
  /** 1-based line in the file where the record starts. */
  line: number;
  message: string;
}

export interface ImportResult<Row> {
  rows: Row[];
  errors: ImportError[];
  /** Prose rows (titles, footnotes) that are not data, kept so nothing disappears unseen. */
  notes: { line: number; text: string }[];
}

export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A byte-order mark and DOS end-of-file marks (Ctrl-Z, ending the CMS PPRRVU CSV) are not data. */
function normaliseCsvText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u001A', '');
}

/**
 * Every CSV record with the line it starts on; quoted fields may span lines. A file without a single
 * quote character (the CMS files as published) is split directly: no field can hold a delimiter or a
 * line break then, and the delimiter is the one Papa Parse would guess from the first rows, so the
 * records are the ones Papa Parse gives (tests/unit/storage/imports/cms-pfs-records.test.ts).
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const normalised = normaliseCsvText(text);
  if (normalised.includes('"')) return readWithPapa(normalised);
  if (normalised === '') return [];
  const delimiter = Papa.parse<string[]>(normalised, { newline: '\n', preview: 10 }).meta.delimiter;
  const lines = normalised.split('\n');
  const records: CsvRecord[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i += 1) records[i] = { line: i + 1, cells: lines[i]!.split(delimiter) };
  return records;
}

/** readCsvRecords through Papa Parse's own reader, quotes and all (exported for the equivalence test). */
export function readCsvRecordsWithPapa(text: string): CsvRecord[] {
  return readWithPapa(normaliseCsvText(text));
}

function readWithPapa(normalised: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(normalised, {
    newline: '\n',
    skipEmptyLines: false,
    step(result) {
      records.push({ line, cells: result.data });
      const cursor = result.meta.cursor;
      for (let i = counted; i < cursor; i += 1) if (normalised.charCodeAt(i) === 10) line += 1;
      counted = cursor;
    },
  });
  return records;
}

/** Uppercase letters and digits only: `CO- SURG` and `CO-SURG` both become `COSURG`. */
export function compactHeader(s: string): string {
  return s.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** A record with text only in its first cell: a title or footnote, not data. */
function isProse(cells: string[]): boolean {
  const first = cells[0]!.trim();
  return /\s/.test(first) && cells.slice(1).every((c) => c.trim() === '');
}

/**
 * Joins a header wrapped over several rows: from the row that names `firstColumn` upwards while the rows
 * above have an empty first cell (the CMS PPRRVU CSV spreads names like "NON-FAC / NA / INDICATOR" that way).
 */
function wrappedHeader(records: CsvRecord[], headerIndex: number): string[] {
  const header = records[headerIndex]!.cells.map((c) => c.trim());
  let top = headerIndex;
  while (top > 0) {
    const above = records[top - 1]!.cells;
    if (above[0]!.trim() !== '' || isBlank(above)) break;
    top -= 1;
  }
  return header.map((_, col) =>
    records
      .slice(top, headerIndex + 1)
      .map((r) => (r.cells[col] ?? '').trim())
      .filter((c) => c !== '')
      .join(' ')
      .replace(/\s+/g, ' '),
  );
}

/** The column whose compacted header is one of `names` (exact), else undefined. */
function findColumn(headers: string[], names: readonly string[]): number | undefined {
  const compact = headers.map(compactHeader);
  for (const name of names) {
    const i = compact.indexOf(name);
    if (i >= 0) return i;
  }
  return undefined;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

function parseNumber(raw: string | undefined, what: string, blankAs?: number): number | string {
  const s = (raw ?? '').trim().replace(/,/g, '');
  if (s === '' && blankAs !== undefined) return blankAs;
  if (!NUMBER.test(s)) return `${what} "${raw ?? ''}" is not a number`;
  const n = Number(s);
  if (n < 0) return `${what} ${s} is negative`;
  return n;
}

// ---------------------------------------------------------------------------------------------
// PPRRVU

/** Compacted header names per field (domain.md 1.3 "PPRRVU CSV header names"), first match wins. */
const PPRRVU_COLUMNS = {
  hcpcs: ['HCPCS', 'HCPCSCODE', 'HCPCSCD'],
  modifier: ['MOD', 'MODIFIER'],
  statusCode: ['STATUSCODE', 'STATUS'],
  workRvu: ['WORKRVU', 'WORKRVUS'],
  nonFacilityPeRvu: ['NONFACPERVU', 'NONFACILITYPERVU', 'NONFACPERVUS'],
  nonFacilityNa: ['NONFACNAINDICATOR', 'NONFACILITYNAINDICATOR'],
  facilityPeRvu: ['FACILITYPERVU', 'FACPERVU', 'FACILITYPERVUS'],
  facilityNa: ['FACILITYNAINDICATOR', 'FACNAINDICATOR'],
  mpRvu: ['MPRVU', 'MPRVUS', 'MALPRACTICERVU'],
  pcTcIndicator: ['PCTCIND', 'PCTCINDICATOR'],
  globalDays: ['GLOBDAYS', 'GLOBALDAYS', 'GLOBALSURGERY'],
  multipleProcedureIndicator: ['MULTPROC', 'MULTIPLEPROCEDURE'],
  bilateralIndicator: ['BILATSURG', 'BILATERALSURGERY'],
  assistantIndicator: ['ASSTSURG', 'ASSISTANTSURGERY'],
  coSurgeonIndicator: ['COSURG', 'COSURGEONS'],
  teamSurgeryIndicator: ['TEAMSURG', 'TEAMSURGERY'],
  conversionFactor: ['CONVFACTOR', 'CONVERSIONFACTOR'],
} as const;

type PprrvuField = keyof typeof PPRRVU_COLUMNS;

const GLOBAL_DAYS = new Set(['000', '010', '090', 'MMM', 'XXX', 'YYY', 'ZZZ']);
const MODIFIERS = new Set<string>(['', '26', 'TC', '53']);

/**
 * Restores a HCPCS code a spreadsheet mangled: `100` → `00100`, `1F` → `0001F` (category II/III codes
 * are four digits and a letter). Scientific notation (`1.00E+02`) cannot be undone and is an error.
 */
export function normaliseHcpcs(raw: string): string | { error: string } {
  const s = raw.trim().toUpperCase();
  if (/^\d+(\.\d+)?E[+-]?\d+$/.test(s)) {
    return {
      error: `HCPCS "${raw}" was turned into a number by a spreadsheet; re-export the column as text`,
    };
  }
  if (/^\d{1,4}$/.test(s)) return s.padStart(5, '0');
  if (/^\d{1,3}[A-Z]$/.test(s)) return s.padStart(5, '0');
  if (/^[A-Z0-9]{5}$/.test(s)) return s;
  return { error: `HCPCS "${raw}" is not a 5-character code` };
}

function parseIndicator(raw: string | undefined, what: string): number | string {
  const s = (raw ?? '').trim();
  if (!/^\d$/.test(s)) return `${what} "${raw ?? ''}" is not a single digit`;
  return Number(s);
}

function parseNa(raw: string | undefined, what: string): boolean | string {
  const s = (raw ?? '').trim().toUpperCase();
  if (s === '') return false;
  if (s === 'NA') return true;
  return `${what} "${raw}" is neither NA nor blank`;
}

function parseGlobalDays(raw: string | undefined): string {
  const s = (raw ?? '').trim().toUpperCase();
  return /^\d{1,3}$/.test(s) ? s.padStart(3, '0') : s;
}

export interface PprrvuResult extends ImportResult<RvuRow> {
  /** From the title row ("2025 National Physician Fee Schedule ..."), when there is one. */
  year: number | undefined;
  /** The CONV FACTOR most rows carry. */
  conversionFactor: number | undefined;
}

function titleYear(records: CsvRecord[], headerIndex: number): number | undefined {
  for (let i = 0; i < headerIndex; i += 1) {
    const m = /\b(20\d{2})\b/.exec(records[i]!.cells.join(' '));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Reads a PPRRVU CSV (domain.md 1.3). Bad rows are reported by line, never dropped silently. */
export function parsePprrvuCsv(text: string): PprrvuResult {
  const records = readCsvRecords(text);
  const rows: RvuRow[] = [];
  const errors: ImportError[] = [];
  const notes: { line: number; text: string }[] = [];
  const headerIndex = records.findIndex((r) => compactHeader(r.cells[0] ?? '') === 'HCPCS');
  if (headerIndex < 0) {
    errors.push({ line: 1, message: 'no header row starting with HCPCS: is this a CMS PPRRVU file?' });
    return { rows, errors, notes, year: undefined, conversionFactor: undefined };
  }
  const headers = wrappedHeader(records, headerIndex);
  const columns = {} as Record<PprrvuField, number>;
  const missing: string[] = [];
  for (const field of Object.keys(PPRRVU_COLUMNS) as PprrvuField[]) {
    const col = findColumn(headers, PPRRVU_COLUMNS[field]);
    if (col === undefined) missing.push(PPRRVU_COLUMNS[field][0]);
    else columns[field] = col;
  }
  const headerLine = records[headerIndex]!.line;
  if (missing.length > 0) {
    errors.push({
      line: headerLine,
      message: `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (found: ${headers.join(' | ')})`,
    });
    return { rows, errors, notes, year: undefined, conversionFactor: undefined };
  }
  for (let i = 0; i < headerIndex; i += 1) {
    const r = records[i]!;
    if (isProse(r.cells)) notes.push({ line: r.line, text: r.cells[0]!.trim() });
  }
  const seen = new Map<string, number>();
  const cfCounts = new Map<number, number>();
  for (let i = headerIndex + 1; i < records.length; i += 1) {
    const { line, cells } = records[i]!;
    if (isBlank(cells)) continue;
    if (isProse(cells)) {
      notes.push({ line, text: cells[0]!.trim() });
      continue;
    }
    const row = readRvuRow(cells, columns);
    if (typeof row === 'string') {
      errors.push({ line, message: row });
      continue;
    }
    const key = `${row.hcpcs}|${row.modifier}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `duplicate row for ${key.replace('|', ' ')} (first at line ${first})` });
      continue;
    }
    seen.set(key, line);
    cfCounts.set(row.conversionFactor, (cfCounts.get(row.conversionFactor) ?? 0) + 1);
    rows.push(row);
  }
  let conversionFactor: number | undefined;
  let best = 0;
  for (const [cf, count] of cfCounts) {
    if (count > best) {
      best = count;
      conversionFactor = cf;
    }
  }
  return { rows, errors, notes, year: titleYear(records, headerIndex), conversionFactor };
}

/** One data record, or the first problem with it. */
function readRvuRow(cells: string[], columns: Record<PprrvuField, number>): RvuRow | string {
  const hcpcs = normaliseHcpcs(cells[columns.hcpcs] ?? '');
  if (typeof hcpcs !== 'string') return hcpcs.error;
  const modifier = (cells[columns.modifier] ?? '').trim().toUpperCase();
  if (!MODIFIERS.has(modifier)) return `${hcpcs}: modifier "${modifier}" is not blank, 26, TC or 53`;
  const statusCode = (cells[columns.statusCode] ?? '').trim().toUpperCase();
  if (!/^[A-Z]$/.test(statusCode)) return `${hcpcs}: status code "${statusCode}" is not a letter`;
  const problems: string[] = [];
  const num = (field: PprrvuField, what: string): number => {
    const v = parseNumber(cells[columns[field]], what, 0);
    if (typeof v === 'string') problems.push(v);
    return typeof v === 'number' ? v : 0;
  };
  const ind = (field: PprrvuField, what: string): number => {
    const v = parseIndicator(cells[columns[field]], what);
    if (typeof v === 'string') problems.push(v);
    return typeof v === 'number' ? v : 9;
  };
  const na = (field: PprrvuField, what: string): boolean => {
    const v = parseNa(cells[columns[field]], what);
    if (typeof v === 'string') problems.push(v);
    return v === true;
  };
  const globalDays = parseGlobalDays(cells[columns.globalDays]);
  if (!GLOBAL_DAYS.has(globalDays))
    problems.push(
      `global days "${cells[columns.globalDays] ?? ''}" is not one of 000, 010, 090, MMM, XXX, YYY, ZZZ`,
    );
  const row: RvuRow = {
    hcpcs,
    modifier: modifier as PfsModifier,
    statusCode,
    workRvu: num('workRvu', 'work RVU'),
    nonFacilityPeRvu: num('nonFacilityPeRvu', 'non-facility PE RVU'),
    facilityPeRvu: num('facilityPeRvu', 'facility PE RVU'),
    nonFacilityNa: na('nonFacilityNa', 'non-facility NA indicator'),
    facilityNa: na('facilityNa', 'facility NA indicator'),
    mpRvu: num('mpRvu', 'MP RVU'),
    pcTcIndicator: ind('pcTcIndicator', 'PC/TC indicator'),
    globalDays,
    multipleProcedureIndicator: ind('multipleProcedureIndicator', 'multiple procedure indicator'),
    bilateralIndicator: ind('bilateralIndicator', 'bilateral indicator'),
    assistantIndicator: ind('assistantIndicator', 'assistant at surgery indicator'),
    coSurgeonIndicator: ind('coSurgeonIndicator', 'co-surgeon indicator'),
    teamSurgeryIndicator: ind('teamSurgeryIndicator', 'team surgery indicator'),
    conversionFactor: num('conversionFactor', 'conversion factor'),
  };
  if (problems.length === 0 && row.conversionFactor <= 0)
    problems.push('conversion factor is missing or zero');
  const code = modifier ? `${hcpcs}-${modifier}` : hcpcs;
  return problems.length > 0 ? `${code}: ${problems.join('; ')}` : row;
}

// ---------------------------------------------------------------------------------------------
// GPCI (Addendum E)

export interface GpciResult extends ImportResult<GpciRow> {
  /** From the "2025 PW GPCI" header, when present. */
  year: number | undefined;
}

function findGpciColumn(compact: string[], test: (h: string) => boolean): number | undefined {
  const i = compact.findIndex(test);
  return i >= 0 ? i : undefined;
}

/** Reads a GPCI CSV (domain.md 1.3) as CMS publishes it or as normalised (`mac,state,locality_number,...`). */
export function parseGpciCsv(text: string): GpciResult {
  const records = readCsvRecords(text);
  const rows: GpciRow[] = [];
  const errors: ImportError[] = [];
  const notes: { line: number; text: string }[] = [];
  const headerIndex = records.findIndex((r) => {
    const compact = r.cells.map(compactHeader);
    return compact.some((c) => c.includes('LOCALITYNUMBER')) && compact.some((c) => c.includes('GPCI'));
  });
  if (headerIndex < 0) {
    errors.push({
      line: 1,
      message: 'no header row with "Locality Number" and GPCI columns: is this a CMS GPCI file?',
    });
    return { rows, errors, notes, year: undefined };
  }
  const headers = records[headerIndex]!.cells.map((c) => c.trim().replace(/\s+/g, ' '));
  const compact = headers.map(compactHeader);
  const workCandidates = compact
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => h.includes('PWGPCI') || h.includes('WORKGPCI'));
  const work =
    workCandidates.find(({ h }) => h.includes('FLOOR') && !h.includes('WITHOUT')) ?? workCandidates[0];
  const columns = {
    mac: findGpciColumn(compact, (h) => h === 'MAC' || h.includes('CONTRACTOR')),
    state: findGpciColumn(compact, (h) => h === 'STATE'),
    localityNumber: findGpciColumn(compact, (h) => h.includes('LOCALITYNUMBER')),
    localityName: findGpciColumn(compact, (h) => h.includes('LOCALITYNAME')),
    workGpci: work?.i,
    peGpci: findGpciColumn(compact, (h) => h.includes('PEGPCI')),
    mpGpci: findGpciColumn(compact, (h) => h.includes('MPGPCI')),
  };
  const missing = Object.entries(columns)
    .filter(([, col]) => col === undefined)
    .map(([name]) => name);
  const headerLine = records[headerIndex]!.line;
  if (missing.length > 0) {
    errors.push({
      line: headerLine,
      message: `missing GPCI columns ${missing.join(', ')} (found: ${headers.join(' | ')})`,
    });
    return { rows, errors, notes, year: undefined };
  }
  const col = columns as Record<keyof typeof columns, number>;
  const yearMatch = /(?:^|\D)(20\d{2})(?!\d)/.exec(headers[col.workGpci] ?? '');
  for (let i = 0; i < headerIndex; i += 1) {
    const r = records[i]!;
    if (isProse(r.cells)) notes.push({ line: r.line, text: r.cells[0]!.trim() });
  }
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < records.length; i += 1) {
    const { line, cells } = records[i]!;
    if (isBlank(cells)) continue;
    if (isProse(cells)) {
      notes.push({ line, text: cells[0]!.trim() });
      continue;
    }
    const row = readGpciRow(cells, col);
    if (typeof row === 'string') {
      errors.push({ line, message: row });
      continue;
    }
    const id = `${row.mac}-${row.localityNumber}`;
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({ line, message: `duplicate locality ${id} (first at line ${first})` });
      continue;
    }
    seen.set(id, line);
    rows.push(row);
  }
  return { rows, errors, notes, year: yearMatch ? Number(yearMatch[1]) : undefined };
}

function readGpciRow(
  cells: string[],
  col: Record<'mac' | 'state' | 'localityNumber' | 'localityName' | 'workGpci' | 'peGpci' | 'mpGpci', number>,
): GpciRow | string {
  const macRaw = (cells[col.mac] ?? '').trim();
  const localityRaw = (cells[col.localityNumber] ?? '').trim();
  if (!/^\d{1,5}$/.test(macRaw)) return `MAC "${macRaw}" is not a 5-digit contractor number`;
  if (!/^\d{1,2}$/.test(localityRaw)) return `locality number "${localityRaw}" is not 2 digits`;
  const mac = macRaw.padStart(5, '0');
  const localityNumber = localityRaw.padStart(2, '0');
  const id = `${mac}-${localityNumber}`;
  const problems: string[] = [];
  const gpci = (c: number, what: string): number => {
    const v = parseNumber(cells[c], what);
    if (typeof v === 'string') problems.push(v);
    else if (v === 0) problems.push(`${what} is 0`);
    return typeof v === 'number' ? v : 0;
  };
  const row: GpciRow = {
    mac,
    state: (cells[col.state] ?? '').trim().toUpperCase(),
    localityNumber,
    // Trailing asterisks are footnote marks (Alaska's 1.5 work floor, frontier-state PE floor), not the name.
    localityName: (cells[col.localityName] ?? '').trim().replace(/\*+$/, '').trim(),
    workGpci: gpci(col.workGpci, 'work GPCI'),
    peGpci: gpci(col.peGpci, 'PE GPCI'),
    mpGpci: gpci(col.mpGpci, 'MP GPCI'),
  };
  if (row.localityName === '') problems.push('locality name is blank');
  return problems.length > 0 ? `locality ${id}: ${problems.join('; ')}` : row;
}

// ---------------------------------------------------------------------------------------------
// Locality / county crosswalk (25LOCCO)

export interface LocalityCountyRow {
  mac: string;
  localityNumber: string;
  /** Full state name; CMS leaves it blank after a state's first row, so it is carried down. */
  state: string;
  feeScheduleArea: string;
  counties: string;
}

/** Reads the locality/county crosswalk (domain.md 1.3, 25LOCCO), for naming localities by county. */
export function parseLocalityCountyCsv(text: string): ImportResult<LocalityCountyRow> {
  const records = readCsvRecords(text);
  const rows: LocalityCountyRow[] = [];
  const errors: ImportError[] = [];
  const notes: { line: number; text: string }[] = [];
  const headerIndex = records.findIndex((r) => r.cells.some((c) => compactHeader(c) === 'LOCALITYNUMBER'));
  if (headerIndex < 0) {
    errors.push({
      line: 1,
      message: 'no header row with "Locality Number": is this a CMS locality/county file?',
    });
    return { rows, errors, notes };
  }
  const compact = records[headerIndex]!.cells.map(compactHeader);
  const mac = compact.findIndex((h) => h.includes('CONTRACTOR') || h === 'MAC');
  const locality = compact.indexOf('LOCALITYNUMBER');
  const state = compact.indexOf('STATE');
  const area = compact.findIndex((h) => h.includes('FEESCHEDULEAREA'));
  const counties = compact.findIndex((h) => h.includes('COUNTIES'));
  if ([mac, locality, state, area, counties].some((c) => c < 0)) {
    errors.push({
      line: records[headerIndex]!.line,
      message: 'expected MAC, Locality Number, State, Fee Schedule Area, Counties',
    });
    return { rows, errors, notes };
  }
  let currentState = '';
  for (let i = headerIndex + 1; i < records.length; i += 1) {
    const { line, cells } = records[i]!;
    if (isBlank(cells)) continue;
    if (isProse(cells)) {
      notes.push({ line, text: cells[0]!.trim() });
      continue;
    }
    const macRaw = (cells[mac] ?? '').trim();
    const localityRaw = (cells[locality] ?? '').trim();
    if (!/^\d{1,5}$/.test(macRaw) || !/^\d{1,2}$/.test(localityRaw)) {
      errors.push({ line, message: `MAC "${macRaw}" / locality "${localityRaw}" are not numbers` });
      continue;
    }
    const stateName = (cells[state] ?? '').trim();
    if (stateName) currentState = stateName.toUpperCase();
    rows.push({
      mac: macRaw.padStart(5, '0'),
      localityNumber: localityRaw.padStart(2, '0'),
      state: currentState,
      feeScheduleArea: (cells[area] ?? '').trim(),
      counties: (cells[counties] ?? '').trim(),
    });
  }
  return { rows, errors, notes };
}
