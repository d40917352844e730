import Dexie from 'dexie';
import type { Claim, ClaimScore, ClaimSource } from '../../rules/model';
import { Era835Stream } from '../../rules/x12/read-era835';
import { saveClaimBatches } from '../claims';
import { createSealer, getLockConfig, hasPlainPhi, type PhiSealer, protectClaim } from '../crypto';
import type { OonDatabase } from '../db';
import { describeStorageError } from '../errors';

type Era835StreamResult = ReturnType<Era835Stream['finish']>;

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

/** How far an import has got: bytes (or characters) of all the files read, and claims saved so far. */
export interface ImportProgress {
  read: number;
  total: number;
  claimsSaved: number;
}

/** Thrown inside a file's transaction when the file turns out unreadable: the transaction is undone. */
class UnreadableFile extends Error {}

/**
 * Reads 835 files and stores every claim of every readable file, each file in one transaction. A file
 * that cannot be read contributes nothing and is reported by name and segment; if a write fails or is
 * cut off (the page closed), nothing of the file being imported is stored, and what was there before
 * is untouched.
 *
 * Each file is read once, a slice at a time (memory stays flat): its claims are scored and written
 * batch by batch as they are read, inside the file's transaction. When the file proves unreadable
 * (the error may be in its last slice) the transaction is aborted, which undoes every claim of it
 * already written. Reading a file twice (first to check it, then to store it) cost the time of a
 * whole parse of the file with IndexedDB idle.
 */
export async function importRemittances(
  db: OonDatabase,
  files: RemittanceFile[],
  score: (claim: Claim) => ClaimScore,
  now: string,
  onProgress?: (progress: ImportProgress) => void,
  sliceSize = SLICE,
): Promise<RemittanceFileReport[]> {
  const reports: RemittanceFileReport[] = [];
  const total = files.reduce((n, f) => n + sizeOf(f), 0);
  const progress: ImportProgress = { read: 0, total, claimsSaved: 0 };
  // Under the passphrase lock patient fields are sealed before they are written.
  const lock = await getLockConfig(db);
  const sealer = lock ? await createSealer(lock) : null;
  for (const [n, file] of files.entries()) {
    const readBefore = progress.read;
    const savedBefore = progress.claimsSaved;
    const source: ClaimSource = {
      kind: 'era835',
      portal: 'era835',
      fileName: file.name.slice(0, 500),
      readAt: now,
    };
    const stream = new Era835Stream(file.name);
    let result: Era835StreamResult | undefined;
    try {
      await saveClaimBatches(db, score, now, async (save) => {
        // Reading the file is not IndexedDB work: waitFor keeps the transaction open meanwhile.
        await eachSlice(
          file,
          sliceSize,
          async (slice, more, read) => {
            const claims = stream.push(slice, more);
            progress.read = readBefore + read;
            for (let start = 0; start < claims.length; start += BATCH) {
              let batch = claims.slice(start, start + BATCH);
              if (sealer && batch.some(hasPlainPhi)) batch = await Dexie.waitFor(sealAll(batch, sealer));
              await save(batch, source);
              progress.claimsSaved += batch.length;
              onProgress?.({ ...progress });
            }
            if (claims.length === 0) onProgress?.({ ...progress });
          },
          (p) => Dexie.waitFor(p),
        );
        result = stream.finish();
        if (!result.ok) throw new UnreadableFile(result.error);
      });
    } catch (err) {
      // Nothing of this file was kept: its transaction was aborted.
      progress.claimsSaved = savedBefore;
      if (!(err instanceof UnreadableFile)) {
        // A failed write (a full disk, the database closed). With nothing of this import stored yet the
        // caller says "nothing was saved"; once earlier files are stored, each file says where it stands.
        if (!reports.some((r) => r.ok && r.claimCount > 0)) throw err;
        reports.push(
          report(file.name, {
            ok: false,
            error: `${file.name}: ${describeStorageError(err, 'Nothing of this file was saved; the files before it were.')}`,
          }),
        );
        for (const rest of files.slice(n + 1))
          reports.push(
            report(rest.name, {
              ok: false,
              error: `${rest.name}: not imported: the import stopped at ${file.name}.`,
            }),
          );
        return reports;
      }
    }
    progress.read = readBefore + sizeOf(file);
    onProgress?.({ ...progress });
    reports.push(report(file.name, result as Era835StreamResult));
  }
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

function report(fileName: string, result: Era835StreamResult): RemittanceFileReport {
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
