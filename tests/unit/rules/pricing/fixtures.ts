import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Claim, ClaimLine } from '../../../../rules/model';
import { buildMedicareFeeSchedule, type MedicareFeeSchedule } from '../../../../rules/pricing/medicare-pfs';
import { parseGpciCsv, parsePprrvuCsv } from '../../../../storage/imports/cms-pfs';

/** The shared CMS 2025 files (never copied into the repo). */
export const CMS_DIR = path.resolve(process.cwd(), '../shared/data/cms-pfs/gmills21-2025');

export function readCms(file: string): string {
  return readFileSync(path.join(CMS_DIR, file), 'utf8');
}

let cached: MedicareFeeSchedule | undefined;

/** The 2025 PFS from the real PPRRVU and GPCI files, parsed once per test file. */
export function medicare2025(): MedicareFeeSchedule {
  if (!cached) {
    const rvus = parsePprrvuCsv(readCms('PPRRVU25_JAN_nodesc.csv'));
    const gpci = parseGpciCsv(readCms('GPCI2025.csv'));
    cached = buildMedicareFeeSchedule({ year: rvus.year ?? 2025, rvus: rvus.rows, localities: gpci.rows });
  }
  return cached;
}

export function line(partial: Partial<ClaimLine> & { code: string }, lineNumber = 1): ClaimLine {
  return {
    lineNumber,
    modifiers: [],
    units: 1,
    billedCents: 1_000_000,
    paidCents: 0,
    adjustments: [],
    remarks: [],
    ...partial,
  };
}

/** A claim whose lines are numbered in order; dates and place of service default to one office visit day. */
export function claim(lines: (Partial<ClaimLine> & { code: string })[], extra: Partial<Claim> = {}): Claim {
  return {
    claimNumber: 'C-1',
    payerName: 'Acme Health',
    status: 'paid',
    billedCents: 0,
    paidCents: 0,
    adjustments: [],
    remarks: [],
    serviceDateFrom: '2025-03-04',
    placeOfService: '11',
    lines: lines.map((l, i) => line(l, i + 1)),
    ...extra,
  };
}
