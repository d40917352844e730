import type { Claim, ClaimScore, ClaimSource } from '../../rules/model';
import { readEra835 } from '../../rules/x12/index';
import { saveClaims } from '../claims';
import type { OonDatabase } from '../db';

export interface RemittanceFile {
  name: string;
  text: string;
}

export interface RemittanceFileReport {
  fileName: string;
  ok: boolean;
  /** Names the file and the segment when the file could not be read; nothing of it was imported. */
  error?: string;
  claimCount: number;
  transactionCount: number;
  paymentCents: number;
  /** Claims whose amounts do not balance (domain.md 6.5): imported, and flagged on the claim. */
  unbalancedClaimCount: number;
  warnings: string[];
}

/**
 * Reads 835 files and stores every claim of every readable file in one transaction. A file that
 * cannot be read contributes nothing and is reported by name and segment; if the write fails, no
 * file's claims are stored and what was there before is untouched.
 */
export async function importRemittances(
  db: OonDatabase,
  files: RemittanceFile[],
  score: (claim: Claim) => ClaimScore,
  now: string,
  onProgress?: (phase: 'reading' | 'saving', done: number, total: number) => void,
): Promise<RemittanceFileReport[]> {
  const reports: RemittanceFileReport[] = [];
  const reads: { claim: Claim; source: ClaimSource }[] = [];
  files.forEach((file, i) => {
    onProgress?.('reading', i, files.length);
    const result = readEra835(file.text, file.name);
    if (!result.ok) {
      reports.push({
        fileName: file.name,
        ok: false,
        error: result.error,
        claimCount: 0,
        transactionCount: 0,
        paymentCents: 0,
        unbalancedClaimCount: 0,
        warnings: [],
      });
      return;
    }
    const source: ClaimSource = {
      kind: 'era835',
      portal: 'era835',
      fileName: file.name.slice(0, 500),
      readAt: now,
    };
    for (const claim of result.claims) reads.push({ claim, source });
    reports.push({
      fileName: file.name,
      ok: true,
      claimCount: result.claims.length,
      transactionCount: result.transactions.length,
      paymentCents: result.transactions.reduce((a, t) => a + t.totalPaymentCents, 0),
      unbalancedClaimCount: result.claims.filter((c) => (c.balanceErrors?.length ?? 0) > 0).length,
      warnings: [
        ...result.warnings,
        ...result.transactions.flatMap((t) => (t.balance.error ? [t.balance.error] : [])),
      ],
    });
  });
  onProgress?.('reading', files.length, files.length);
  if (reads.length > 0) {
    await saveClaims(db, reads, score, now, (done, total) => onProgress?.('saving', done, total));
  }
  return reports;
}
