import { buildMedicareFeeSchedule, type MedicareFeeSchedule } from '../rules/pricing/medicare-pfs';
import { indexUcr, type UcrIndex } from '../rules/pricing/ucr';
import type { BenchmarkRecord, OonDatabase } from './db';

export async function saveBenchmark(db: OonDatabase, record: BenchmarkRecord): Promise<void> {
  await db.benchmarks.put(record);
}

export async function loadMedicare(db: OonDatabase): Promise<MedicareFeeSchedule | undefined> {
  const r = await db.benchmarks.get('medicare');
  if (r?.id !== 'medicare') return undefined;
  return buildMedicareFeeSchedule({
    year: r.year,
    rvus: r.rvus,
    localities: r.localities,
    ...(r.conversionFactor ? { conversionFactor: r.conversionFactor } : {}),
  });
}

export async function loadUcr(db: OonDatabase): Promise<UcrIndex | undefined> {
  const r = await db.benchmarks.get('ucr');
  return r?.id === 'ucr' ? indexUcr(r.table) : undefined;
}
