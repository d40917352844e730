/**
 * UCR percentile tables (domain.md 8.1: FAIR Health-style charge percentiles by code and geozip).
 * A table is indexed once; a lookup names the exact percentile column or says the table lacks it.
 */

/** One code's amounts in one region; `amountsCents[k]` belongs to `UcrTable.percentiles[k]`. */
export interface UcrRow {
  code: string;
  /** '' for the global (unmodified) amount. */
  modifier: string;
  /** A region name or a geozip (3-digit ZIP prefix), as the table writes it. */
  region: string;
  amountsCents: (number | undefined)[];
}

export interface UcrTable {
  name: string;
  /** The percentile columns the table has, e.g. [50, 60, 70, 75, 80, 90, 95]. */
  percentiles: number[];
  rows: UcrRow[];
}

export interface UcrIndex {
  table: UcrTable;
  /** Region (upper case) → `code` or `code|modifier` → row. */
  byRegion: Map<string, Map<string, UcrRow>>;
  columnByPercentile: Map<number, number>;
}

function codeKey(code: string, modifier: string): string {
  return modifier ? `${code}|${modifier}` : code;
}

export function normaliseRegion(region: string): string {
  return region.trim().toUpperCase();
}

export function indexUcr(table: UcrTable): UcrIndex {
  const byRegion = new Map<string, Map<string, UcrRow>>();
  for (const row of table.rows) {
    const region = normaliseRegion(row.region);
    let rows = byRegion.get(region);
    if (!rows) {
      rows = new Map();
      byRegion.set(region, rows);
    }
    rows.set(codeKey(row.code, row.modifier), row);
  }
  const columnByPercentile = new Map<number, number>();
  table.percentiles.forEach((p, k) => {
    columnByPercentile.set(p, k);
  });
  return { table, byRegion, columnByPercentile };
}

export interface UcrQuery {
  code: string;
  modifier: string;
  region: string;
  percentile: number;
}

export type UcrAmount =
  | { ok: true; cents: number; basis: string; region: string }
  | { ok: false; reason: string };

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

let lastRegion: string | undefined;
let lastRegionKey = '';
/** The last region's 3-digit geozip when it is a 5-digit ZIP, else undefined. */
let lastGeozip: string | undefined;

function regionKey(region: string): string {
  if (region !== lastRegion) {
    lastRegion = region;
    lastRegionKey = normaliseRegion(region);
    lastGeozip = isZip5(lastRegionKey) ? lastRegionKey.slice(0, 3) : undefined;
  }
  return lastRegionKey;
}

function isZip5(s: string): boolean {
  if (s.length !== 5) return false;
  for (let i = 0; i < 5; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether `ucrAmount(index, query)` would give an amount, answered without building any text. */
export function ucrHas(index: UcrIndex, query: UcrQuery): boolean {
  return ucrFound(index, query.code, query.modifier, query.region, query.percentile) !== undefined;
}

/**
 * What `ucrAmount` finds when it finds an amount (the same shared object), else undefined, without
 * building a query or any reason text: the pricing hot path.
 */
export function ucrFound(
  index: UcrIndex,
  code: string,
  modifier: string,
  regionName: string,
  percentile: number,
): Extract<UcrAmount, { ok: true }> | undefined {
  const column = index.columnByPercentile.get(percentile);
  if (column === undefined) return undefined;
  const region = regionKey(regionName);
  const geozip = lastGeozip;
  const key = codeKey(code, modifier);
  let usedRegion = region;
  let row = index.byRegion.get(region)?.get(key);
  if (!row && geozip !== undefined) {
    usedRegion = geozip;
    row = index.byRegion.get(geozip)?.get(key);
  }
  if (!row) return undefined;
  const cents = row.amountsCents[column];
  if (cents === undefined) return undefined;
  return sharedAmount(index, row, column, cents, usedRegion, percentile);
}

function sharedAmount(
  index: UcrIndex,
  row: UcrRow,
  column: number,
  cents: number,
  usedRegion: string,
  percentile: number,
): Extract<UcrAmount, { ok: true }> {
  let byRow = amounts.get(index);
  if (!byRow) {
    byRow = new WeakMap();
    amounts.set(index, byRow);
  }
  let byColumn = byRow.get(row);
  if (!byColumn) {
    byColumn = new Map();
    byRow.set(row, byColumn);
  }
  let amount = byColumn.get(column);
  if (!amount || amount.region !== usedRegion || amount.cents !== cents) {
    amount = Object.freeze({
      ok: true,
      cents,
      region: usedRegion,
      basis: `${ordinal(percentile)} percentile of ${index.table.name}, region ${usedRegion}`,
    });
    byColumn.set(column, amount);
  }
  return amount;
}

/**
 * One unit of `code` at `percentile` in `region`. A 5-digit ZIP falls back to its 3-digit geozip.
 * Misses name what is missing: the percentile column, the region, or the code.
 */
export function ucrAmount(index: UcrIndex, query: UcrQuery): UcrAmount {
  const column = index.columnByPercentile.get(query.percentile);
  if (column === undefined) {
    return {
      ok: false,
      reason: `UCR table "${index.table.name}" has no ${ordinal(query.percentile)} percentile (it has ${index.table.percentiles
        .map(ordinal)
        .join(', ')})`,
    };
  }
  const region = regionKey(query.region);
  const key = codeKey(query.code, query.modifier);
  let usedRegion = region;
  let row = index.byRegion.get(region)?.get(key);
  if (!row && isZip5(region)) {
    usedRegion = region.slice(0, 3);
    row = index.byRegion.get(usedRegion)?.get(key);
  }
  const codeText = query.modifier ? `${query.code}-${query.modifier}` : query.code;
  if (!row) {
    const where = usedRegion === region ? `region ${region}` : `region ${region} or geozip ${usedRegion}`;
    return { ok: false, reason: `${codeText} is not in UCR table "${index.table.name}" for ${where}` };
  }
  const cents = row.amountsCents[column];
  if (cents === undefined) {
    return {
      ok: false,
      reason: `UCR table "${index.table.name}" has no ${ordinal(query.percentile)} percentile amount for ${codeText} in ${usedRegion}`,
    };
  }
  return sharedAmount(index, row, column, cents, usedRegion, query.percentile);
}

/**
 * Found amounts per table, row and percentile column, shared (frozen): the row fixes the code, modifier
 * and region, the column the percentile, so the answer and its basis text are written once.
 */
const amounts = new WeakMap<UcrIndex, WeakMap<UcrRow, Map<number, Extract<UcrAmount, { ok: true }>>>>();
