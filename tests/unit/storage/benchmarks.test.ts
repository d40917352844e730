import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RvuRow } from '../../../rules/pricing/medicare-pfs';
import {
  loadMedicare,
  medicareCodeCount,
  medicareRecord,
  medicareRows,
  packRvus,
  saveBenchmark,
  unpackRvus,
} from '../../../storage/benchmarks';
import { type BenchmarkRecord, type OonDatabase, openDatabase } from '../../../storage/db';
import { parseGpciCsv, parsePprrvuCsv } from '../../../storage/imports/cms-pfs';
import { readCms } from '../rules/pricing/fixtures';

const rvu = parsePprrvuCsv(readCms('PPRRVU25_JAN_nodesc.csv'));
const gpci = parseGpciCsv(readCms('GPCI2025.csv'));

function row(extra: Partial<RvuRow> = {}): RvuRow {
  return {
    hcpcs: '99214',
    modifier: '',
    statusCode: 'A',
    workRvu: 1.92,
    nonFacilityPeRvu: 1.6,
    facilityPeRvu: 0.72,
    nonFacilityNa: false,
    facilityNa: false,
    mpRvu: 0.13,
    pcTcIndicator: 0,
    globalDays: 'XXX',
    multipleProcedureIndicator: 0,
    bilateralIndicator: 0,
    assistantIndicator: 2,
    coSurgeonIndicator: 0,
    teamSurgeryIndicator: 0,
    conversionFactor: 32.3465,
    ...extra,
  };
}

describe('packed RVU rows', () => {
  it('unpack to exactly the rows of the real 2025 PPRRVU file', () => {
    const packed = packRvus(rvu.rows)!;
    expect(packed.count).toBe(rvu.rows.length);
    expect(unpackRvus(packed)).toEqual(rvu.rows);
    // JSON-safe: a backup writes the record as JSON and restores it from there.
    expect(unpackRvus(JSON.parse(JSON.stringify(packed)))).toEqual(rvu.rows);
  });

  it('keep NA flags, every indicator digit, component modifiers and fractional numbers', () => {
    const rows = [
      row({ modifier: '26', nonFacilityNa: true, pcTcIndicator: 1, globalDays: '090' }),
      row({ hcpcs: '0001F', modifier: 'TC', facilityNa: true, multipleProcedureIndicator: 2 }),
      row({ modifier: '53', statusCode: 'T', bilateralIndicator: 3, teamSurgeryIndicator: 9 }),
      row({ workRvu: 0.1 + 0.2, conversionFactor: 33.4009, coSurgeonIndicator: 1 }),
    ];
    expect(unpackRvus(packRvus(rows)!)).toEqual(rows);
  });

  it('are not used for rows that do not fit, which are stored as they are', () => {
    for (const odd of [row({ hcpcs: '9921' }), row({ globalDays: 'XX' }), row({ bilateralIndicator: 12 })]) {
      expect(packRvus([row(), odd])).toBeUndefined();
      const record = medicareRecord({ year: 2025, rvus: [row(), odd], localities: [], importedAt: 'x' });
      expect(record.packedRvus).toBeUndefined();
      expect(medicareRows(record)).toEqual([row(), odd]);
    }
  });
});

describe('the stored Medicare record', () => {
  let db: OonDatabase;
  beforeEach(() => {
    db = openDatabase(`benchmarks-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('reads back as the schedule built from the parsed files, and counts codes for the status line', async () => {
    const record = medicareRecord({
      year: 2025,
      ...(rvu.conversionFactor ? { conversionFactor: rvu.conversionFactor } : {}),
      rvus: rvu.rows,
      localities: gpci.rows,
      importedAt: '2026-11-27T10:00:00.000Z',
    });
    await saveBenchmark(db, record);
    const schedule = (await loadMedicare(db))!;
    expect(schedule.rvus.size).toBe(rvu.rows.length);
    expect([...schedule.rvus.values()]).toEqual(rvu.rows);
    expect(schedule.localities).toEqual(gpci.rows);
    expect(schedule.conversionFactor).toBe(rvu.conversionFactor);
    const stored = await db.benchmarks.get('medicare');
    expect(stored?.id === 'medicare' && medicareCodeCount(stored)).toBe(
      new Set(rvu.rows.map((r) => r.hcpcs)).size,
    );
  });

  it('is rebuilt when its content changes and reused while it does not', async () => {
    const base = { year: 2025, localities: gpci.rows, importedAt: 'same time' };
    await saveBenchmark(db, medicareRecord({ ...base, rvus: [row()] }));
    const first = await loadMedicare(db);
    expect(await loadMedicare(db)).toBe(first);
    // Same import time and size, other amounts: never the cached schedule.
    await saveBenchmark(db, medicareRecord({ ...base, rvus: [row({ workRvu: 2.5 })] }));
    const second = (await loadMedicare(db))!;
    expect(second).not.toBe(first);
    expect(second.rvus.get('99214|')?.workRvu).toBe(2.5);
    await saveBenchmark(
      db,
      medicareRecord({ ...base, rvus: [row({ workRvu: 2.5 })], localities: gpci.rows.slice(1) }),
    );
    expect((await loadMedicare(db))!.localities).toHaveLength(gpci.rows.length - 1);
  });

  it('reads back from the rows the page just imported, and not once another record is stored', async () => {
    const base = { year: 2025, localities: gpci.rows, importedAt: 'now' };
    const rows = [row(), row({ hcpcs: '71046', modifier: '26' })];
    await saveBenchmark(db, medicareRecord({ ...base, rvus: rows }), rows);
    const schedule = (await loadMedicare(db))!;
    expect(schedule.rvus.get('99214|')).toBe(rows[0]);
    expect([...schedule.rvus.values()]).toEqual(rows);
    const other = [row({ mpRvu: 0.5 })];
    await db.benchmarks.put(medicareRecord({ ...base, rvus: other }));
    expect([...(await loadMedicare(db))!.rvus.values()]).toEqual(other);
  });

  it('still reads records stored before rows were packed', async () => {
    const old: BenchmarkRecord = {
      id: 'medicare',
      year: 2024,
      rvus: [row()],
      localities: gpci.rows,
      importedAt: 'old',
    };
    await db.benchmarks.put(old);
    const schedule = (await loadMedicare(db))!;
    expect(schedule.year).toBe(2024);
    expect([...schedule.rvus.values()]).toEqual([row()]);
    const stored = await db.benchmarks.get('medicare');
    expect(stored?.id === 'medicare' && medicareCodeCount(stored)).toBe(1);
  });
});
