import {
  buildMedicareFeeSchedule,
  type GpciRow,
  type MedicareFeeSchedule,
  type PfsModifier,
  type RvuRow,
} from '../rules/pricing/medicare-pfs';
import { indexUcr, type UcrIndex } from '../rules/pricing/ucr';
import type { BenchmarkRecord, OonDatabase } from './db';

/**
 * The PPRRVU rows packed into a few fixed-width strings and one list of numbers. IndexedDB copies a
 * record with the structured-clone algorithm, object by object: 19,000 row objects of 17 fields cost
 * far more to store and to read back than five strings and one array of numbers. JSON-safe (backups).
 */
export interface PackedRvus {
  count: number;
  /** 5 characters a row. */
  hcpcs: string;
  /** 2 characters a row: `--` for the global row, else 26, TC or 53. */
  modifiers: string;
  /** 1 character a row. */
  statusCodes: string;
  /** 3 characters a row: 000, 010, 090, MMM, XXX, YYY, ZZZ. */
  globalDays: string;
  /**
   * 8 digits a row: non-facility NA, facility NA (1 = NA), PC/TC, multiple procedure, bilateral,
   * assistant, co-surgeon and team surgery indicators.
   */
  indicators: string;
  /** 5 numbers a row: work RVU, non-facility PE RVU, facility PE RVU, MP RVU, conversion factor. */
  numbers: number[];
}

const GLOBAL_MODIFIER = '--';
const MODIFIER_WIDTH: Readonly<Record<string, true>> = { '': true, '26': true, TC: true, '53': true };

function isDigit(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 9;
}

/** Packs rows; undefined when a row does not fit the fixed widths (then the rows are stored as they are). */
export function packRvus(rows: readonly RvuRow[]): PackedRvus | undefined {
  let hcpcs = '';
  let modifiers = '';
  let statusCodes = '';
  let globalDays = '';
  let indicators = '';
  const numbers: number[] = new Array(rows.length * 5);
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i]!;
    const digits = [
      r.pcTcIndicator,
      r.multipleProcedureIndicator,
      r.bilateralIndicator,
      r.assistantIndicator,
      r.coSurgeonIndicator,
      r.teamSurgeryIndicator,
    ];
    if (
      r.hcpcs.length !== 5 ||
      !MODIFIER_WIDTH[r.modifier] ||
      r.statusCode.length !== 1 ||
      r.globalDays.length !== 3 ||
      !digits.every(isDigit) ||
      typeof r.nonFacilityNa !== 'boolean' ||
      typeof r.facilityNa !== 'boolean'
    ) {
      return undefined;
    }
    hcpcs += r.hcpcs;
    modifiers += r.modifier === '' ? GLOBAL_MODIFIER : r.modifier;
    statusCodes += r.statusCode;
    globalDays += r.globalDays;
    indicators += `${r.nonFacilityNa ? '1' : '0'}${r.facilityNa ? '1' : '0'}${digits.join('')}`;
    numbers[i * 5] = r.workRvu;
    numbers[i * 5 + 1] = r.nonFacilityPeRvu;
    numbers[i * 5 + 2] = r.facilityPeRvu;
    numbers[i * 5 + 3] = r.mpRvu;
    numbers[i * 5 + 4] = r.conversionFactor;
  }
  return { count: rows.length, hcpcs, modifiers, statusCodes, globalDays, indicators, numbers };
}

/** The rows `packRvus` packed, field for field. */
export function unpackRvus(p: PackedRvus): RvuRow[] {
  const rows: RvuRow[] = new Array(p.count);
  const ind = p.indicators;
  for (let i = 0; i < p.count; i += 1) {
    const m = p.modifiers.slice(i * 2, i * 2 + 2);
    const k = i * 8;
    const n = i * 5;
    rows[i] = {
      hcpcs: p.hcpcs.slice(i * 5, i * 5 + 5),
      modifier: (m === GLOBAL_MODIFIER ? '' : m) as PfsModifier,
      statusCode: p.statusCodes[i]!,
      workRvu: p.numbers[n]!,
      nonFacilityPeRvu: p.numbers[n + 1]!,
      facilityPeRvu: p.numbers[n + 2]!,
      nonFacilityNa: ind.charCodeAt(k) === 49,
      facilityNa: ind.charCodeAt(k + 1) === 49,
      mpRvu: p.numbers[n + 3]!,
      pcTcIndicator: ind.charCodeAt(k + 2) - 48,
      globalDays: p.globalDays.slice(i * 3, i * 3 + 3),
      multipleProcedureIndicator: ind.charCodeAt(k + 3) - 48,
      bilateralIndicator: ind.charCodeAt(k + 4) - 48,
      assistantIndicator: ind.charCodeAt(k + 5) - 48,
      coSurgeonIndicator: ind.charCodeAt(k + 6) - 48,
      teamSurgeryIndicator: ind.charCodeAt(k + 7) - 48,
      conversionFactor: p.numbers[n + 4]!,
    };
  }
  return rows;
}

type MedicareRecord = Extract<BenchmarkRecord, { id: 'medicare' }>;

/** The Medicare record to store for an import: rows packed when they fit, with the code count for the status. */
export function medicareRecord(input: {
  year: number;
  conversionFactor?: number;
  rvus: readonly RvuRow[];
  localities: GpciRow[];
  importedAt: string;
}): MedicareRecord {
  const packed = packRvus(input.rvus);
  return {
    id: 'medicare',
    year: input.year,
    ...(input.conversionFactor ? { conversionFactor: input.conversionFactor } : {}),
    ...(packed ? { packedRvus: packed } : { rvus: [...input.rvus] }),
    codeCount: new Set(input.rvus.map((r) => r.hcpcs)).size,
    localities: input.localities,
    importedAt: input.importedAt,
  };
}

/** The record's RVU rows, packed (newer records) or as stored (older ones). */
export function medicareRows(r: MedicareRecord): RvuRow[] {
  return r.packedRvus ? unpackRvus(r.packedRvus) : (r.rvus ?? []);
}

/** Distinct codes in the record, for the options page's status line. */
export function medicareCodeCount(r: MedicareRecord): number {
  return r.codeCount ?? new Set(medicareRows(r).map((row) => row.hcpcs)).size;
}

/**
 * Stores a benchmark. For a Medicare record built from `rows` (medicareRecord), pass them: this page then
 * reads the schedule back from them instead of unpacking what it has just packed.
 */
export async function saveBenchmark(
  db: OonDatabase,
  record: BenchmarkRecord,
  rows?: readonly RvuRow[],
): Promise<void> {
  await db.benchmarks.put(record);
  if (record.id === 'medicare' && record.packedRvus && rows) {
    lastMedicare = { record, packed: record.packedRvus, rows };
  }
}

/**
 * The last schedule built from a packed record, with that record: the background is asked to score again
 * and again with an unchanged Medicare table, and rebuilding it each time would repeat the work. Keeping
 * the same object also keeps every index the scorer hangs on it (code rows, locality lookups, amounts).
 */
let lastMedicare:
  | { record: MedicareRecord; packed: PackedRvus; schedule?: MedicareFeeSchedule; rows?: readonly RvuRow[] }
  | undefined;

function samePacked(a: PackedRvus, b: PackedRvus): boolean {
  if (
    a.count !== b.count ||
    a.hcpcs !== b.hcpcs ||
    a.modifiers !== b.modifiers ||
    a.statusCodes !== b.statusCodes ||
    a.globalDays !== b.globalDays ||
    a.indicators !== b.indicators ||
    a.numbers.length !== b.numbers.length
  ) {
    return false;
  }
  for (let i = 0; i < a.numbers.length; i += 1) if (!Object.is(a.numbers[i], b.numbers[i])) return false;
  return true;
}

/** Same content, field by field: the cache never hands out a schedule built from other rows. */
function sameMedicare(a: MedicareRecord, b: MedicareRecord, packed: PackedRvus): boolean {
  return (
    a.year === b.year &&
    a.conversionFactor === b.conversionFactor &&
    b.packedRvus !== undefined &&
    samePacked(packed, b.packedRvus) &&
    JSON.stringify(a.localities) === JSON.stringify(b.localities)
  );
}

export async function loadMedicare(db: OonDatabase): Promise<MedicareFeeSchedule | undefined> {
  const r = await db.benchmarks.get('medicare');
  if (r?.id !== 'medicare') return undefined;
  const known =
    lastMedicare && sameMedicare(lastMedicare.record, r, lastMedicare.packed) ? lastMedicare : undefined;
  if (known?.schedule) return known.schedule;
  const schedule = buildMedicareFeeSchedule({
    year: r.year,
    rvus: known?.rows ?? medicareRows(r),
    localities: r.localities,
    ...(r.conversionFactor ? { conversionFactor: r.conversionFactor } : {}),
  });
  lastMedicare = r.packedRvus ? { record: r, packed: r.packedRvus, schedule } : undefined;
  return schedule;
}

export async function loadUcr(db: OonDatabase): Promise<UcrIndex | undefined> {
  const r = await db.benchmarks.get('ucr');
  return r?.id === 'ucr' ? indexUcr(r.table) : undefined;
}
