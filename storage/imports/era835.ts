import Dexie from 'dexie';
import type { Claim, ClaimScore, ClaimSource } from '../../rules/model';
import { Era835Stream } from '../../rules/x12/read-era835';
import { saveClaimBatches } from '../claims';
import { createSealer, getLockConfig, hasPlainPhi, type PhiSealer, protectClaim } from '../crypto';
import type { OonDatabase } from '../db';

/** An 835 as text, or as a file read a slice at a time (large remittances are never held whole). */
export type RemittanceFile = { name: string; text: string } | { name: string; blob: Blob };

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

/** Characters (text) or bytes (files) read at a time: a few MB, so memory stays flat whatever the size. */
const SLICE = 4 * 1024 * 1024;
/** Claims written per bulk step; progress is reported between steps. */
const BATCH = 2000;

/**
 * Reads 835 files and stores every claim of every readable file in one transaction. A file that
 * cannot be read contributes nothing and is reported by name and segment; if the write fails or is
 * cut off (the page closed), no file's claims are stored and what was there before is untouched.
 *
 * Two passes keep memory flat: the first reads each file to the end (every error is found before
 * anything is written) keeping only counts; the second reads the good files again and writes their
 * claims batch by batch inside the one transaction.
 */
export async function importRemittances(
  db: OonDatabase,
  files: RemittanceFile[],
  score: (claim: Claim) => ClaimScore,
  now: string,
  onProgress?: (phase: 'reading' | 'saving', done: number, total: number) => void,
  sliceSize = SLICE,
): Promise<RemittanceFileReport[]> {
  const reports: RemittanceFileReport[] = [];
  const totalSize = files.reduce((n, f) => n + sizeOf(f), 0);
  let readBefore = 0;
  for (const file of files) {
    const stream = new Era835Stream(file.name);
    await eachSlice(file, sliceSize, (slice, more, read) => {
      stream.push(slice, more);
      onProgress?.('reading', readBefore + read, totalSize);
    });
    readBefore += sizeOf(file);
    reports.push(report(file.name, stream.finish()));
  }
  onProgress?.('reading', totalSize, totalSize);
  const good = files.filter((_, i) => reports[i]?.ok && reports[i].claimCount > 0);
  const total = reports.reduce((n, r) => n + r.claimCount, 0);
  if (good.length === 0) return reports;

  // Under the passphrase lock patient fields are sealed before they are written.
  const lock = await getLockConfig(db);
  const sealer = lock ? await createSealer(lock) : null;
  await saveClaimBatches(db, score, now, async (save) => {
    let saved = 0;
    for (const file of good) {
      const source: ClaimSource = {
        kind: 'era835',
        portal: 'era835',
        fileName: file.name.slice(0, 500),
        readAt: now,
      };
      const stream = new Era835Stream(file.name);
      // Reading the file is not IndexedDB work: waitFor keeps the transaction open meanwhile.
      await eachSlice(
        file,
        sliceSize,
        async (slice, more) => {
          const claims = stream.push(slice, more);
          for (let start = 0; start < claims.length; start += BATCH) {
            let batch = claims.slice(start, start + BATCH);
            if (sealer && batch.some(hasPlainPhi)) batch = await Dexie.waitFor(sealAll(batch, sealer));
            await save(batch, source);
            saved += batch.length;
            onProgress?.('saving', saved, total);
          }
        },
        (p) => Dexie.waitFor(p),
      );
    }
  });
  return reports;
}

function sealAll(claims: Claim[], sealer: PhiSealer): Promise<Claim[]> {
  // Stored as Claim: `phi` rides inside the claim object (storage/crypto.ts).
  return Promise.all(claims.map((c) => protectClaim(c, sealer) as Promise<Claim>));
}

function sizeOf(file: RemittanceFile): number {
  return 'text' in file ? file.text.length : file.blob.size;
}

/**
 * Calls `use` with each slice of the file in order, and with how much of it has been read. A file is
 * decoded as UTF-8 across slice boundaries, as `Blob.text()` decodes it whole.
 */
async function eachSlice(
  file: RemittanceFile,
  size: number,
  use: (slice: string, more: boolean, read: number) => void | Promise<void>,
  wait: <T>(p: Promise<T>) => Promise<T> = (p) => p,
): Promise<void> {
  if ('text' in file) {
    const { text } = file;
    if (text.length === 0) await use('', false, 0);
    for (let at = 0; at < text.length; at += size) {
      await use(text.slice(at, at + size), at + size < text.length, Math.min(at + size, text.length));
    }
    return;
  }
  const { blob } = file;
  const decoder = new TextDecoder();
  if (blob.size === 0) await use('', false, 0);
  for (let at = 0; at < blob.size; at += size) {
    const more = at + size < blob.size;
    const bytes = await wait(blob.slice(at, at + size).arrayBuffer());
    await use(decoder.decode(bytes, { stream: more }), more, Math.min(at + size, blob.size));
  }
}

function report(fileName: string, result: ReturnType<Era835Stream['finish']>): RemittanceFileReport {
  if (!result.ok) {
    return {
      fileName,
      ok: false,
      error: result.error,
      claimCount: 0,
      transactionCount: 0,
      paymentCents: 0,
      unbalancedClaimCount: 0,
      warnings: [],
    };
  }
  return {
    fileName,
    ok: true,
    claimCount: result.claimCount,
    transactionCount: result.transactions.length,
    paymentCents: result.transactions.reduce((a, t) => a + t.totalPaymentCents, 0),
    unbalancedClaimCount: result.transactions.reduce((a, t) => a + t.unbalancedClaimCount, 0),
    warnings: [
      ...result.warnings,
      ...result.transactions.flatMap((t) => (t.balance.error ? [t.balance.error] : [])),
    ],
  };
}
