import { z } from 'zod';
import { audit } from './audit';
import {
  aesDecrypt,
  aesEncrypt,
  derivePassphraseKey,
  getLockConfig,
  KdfSchema,
  newKdf,
  SealedBytesSchema,
  sealStoredClaims,
} from './crypto';
import type { OonDatabase } from './db';
import { describeStorageError } from './errors';

/**
 * Encrypted backup of everything the practice set up or read, and its restore (issue 7).
 *
 * File: JSON `{format, schemaVersion, createdAt, kdf, cipher: {name, iv}, data, sha256}`. `data` is
 * the gzip of the tables' JSON, AES-GCM under a key derived from the backup passphrase (PBKDF2-SHA256,
 * 600,000 iterations). `sha256` covers every other field, so a damaged file is told apart from a wrong
 * passphrase before any decryption. Claims sealed by the lock stay sealed inside the backup, with the
 * lock's settings beside them: the restored profile opens with the same lock passphrase.
 */

export const BACKUP_FORMAT = 'oon-guard-backup';

/** Tables in a backup; pageReads are per-tab state of this browser session and are left out. */
export const BACKUP_TABLES = [
  'settings',
  'schedules',
  'benchmarks',
  'claims',
  'appeals',
  'taughtRules',
  'auditLog',
] as const;
type BackupTable = (typeof BACKUP_TABLES)[number];

const row = z.record(z.string(), z.unknown());
const keyed = (key: string) =>
  row.refine((r) => typeof r[key] === 'string' && r[key] !== '', `a row without ${key}`);
const TablesSchema = z.strictObject({
  settings: z.array(keyed('key')),
  schedules: z.array(keyed('id')),
  benchmarks: z.array(keyed('id')),
  claims: z.array(keyed('key')),
  appeals: z.array(keyed('id')).default([]),
  taughtRules: z.array(keyed('id')).default([]),
  auditLog: z.array(row).default([]),
});
type Tables = z.infer<typeof TablesSchema>;

export const BackupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(1),
  createdAt: z.string().max(40),
  kdf: KdfSchema,
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: SealedBytesSchema.shape.iv }),
  data: SealedBytesSchema.shape.data,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function checksumInput(f: Omit<BackupFile, 'sha256'>): string {
  return [
    f.format,
    f.schemaVersion,
    f.createdAt,
    JSON.stringify(f.kdf),
    JSON.stringify(f.cipher),
    f.data,
  ].join('\n');
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export interface BackupCounts {
  claims: number;
  schedules: number;
  appeals: number;
  settings: number;
}

function counts(t: Pick<Tables, 'claims' | 'schedules' | 'appeals' | 'settings'>): BackupCounts {
  return {
    claims: t.claims.length,
    schedules: t.schedules.length,
    appeals: t.appeals.length,
    settings: t.settings.length,
  };
}

export function describeCounts(c: BackupCounts): string {
  return `${c.claims} claims, ${c.schedules} schedules, ${c.appeals} appeals, ${c.settings} settings`;
}

/** The backup file name for a date: no practice or patient data in it. */
export function backupFileName(createdAt: string): string {
  return `oon-guard-backup-${createdAt.slice(0, 10)}.json`;
}

/**
 * Reads every table in one read transaction (a consistent snapshot) and returns the encrypted file's
 * text. Writes an audit line with the counts.
 */
export async function createBackup(
  db: OonDatabase,
  passphrase: string,
  options: { now: string; iterations?: number },
): Promise<{ text: string; fileName: string; counts: BackupCounts }> {
  if (passphrase.length < 8) throw new Error('Choose a backup passphrase of at least 8 characters.');
  const tables = await db.transaction('r', BACKUP_TABLES as unknown as string[], async () => {
    const out: Record<string, unknown[]> = {};
    for (const name of BACKUP_TABLES) out[name] = await db.table(name).toArray();
    return out as Tables;
  });
  const kdf = newKdf(options.iterations);
  const key = await derivePassphraseKey(passphrase, kdf);
  const packed = await pipe(new TextEncoder().encode(JSON.stringify(tables)), new CompressionStream('gzip'));
  const sealed = await aesEncrypt(key, packed);
  const body: Omit<BackupFile, 'sha256'> = {
    format: BACKUP_FORMAT,
    schemaVersion: db.verno,
    createdAt: options.now,
    kdf,
    cipher: { name: 'AES-GCM', iv: sealed.iv },
    data: sealed.data,
  };
  const file: BackupFile = { ...body, sha256: await sha256Hex(checksumInput(body)) };
  const c = counts(tables);
  await audit(db, 'backup', `encrypted backup: ${describeCounts(c)}`, options.now);
  return { text: JSON.stringify(file), fileName: backupFileName(options.now), counts: c };
}

export type ReadBackupResult = { ok: true; file: BackupFile; tables: Tables } | { ok: false; error: string };

/** Opens a backup file: format, schema version, checksum, passphrase, contents, in that order. */
export async function readBackup(
  text: string,
  passphrase: string,
  schemaVersion: number,
): Promise<ReadBackupResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'This is not an OON Guard backup file (it is not JSON). Nothing was restored.',
    };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) {
    return { ok: false, error: 'This is not an OON Guard backup file. Nothing was restored.' };
  }
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > schemaVersion) {
    return {
      ok: false,
      error: `This backup was made by a newer OON Guard (data version ${version}; this one reads up to ${schemaVersion}). Update OON Guard, then restore again. Nothing was restored.`,
    };
  }
  const parsed = BackupFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'This backup file is damaged (a field is missing or malformed). Nothing was restored.',
    };
  }
  const file = parsed.data;
  const { sha256, ...body } = file;
  if ((await sha256Hex(checksumInput(body))) !== sha256) {
    return {
      ok: false,
      error: 'This backup file is damaged: its checksum does not match its contents. Nothing was restored.',
    };
  }
  let plain: Uint8Array<ArrayBuffer>;
  try {
    const key = await derivePassphraseKey(passphrase, file.kdf);
    plain = await aesDecrypt(key, { iv: file.cipher.iv, data: file.data });
  } catch {
    return {
      ok: false,
      error: 'That passphrase does not open this backup. Check it and try again. Nothing was restored.',
    };
  }
  try {
    const tablesJson = JSON.parse(
      new TextDecoder().decode(await pipe(plain, new DecompressionStream('gzip'))),
    );
    const tables = TablesSchema.safeParse(tablesJson);
    if (!tables.success) throw new Error(tables.error.issues[0]?.message);
    return { ok: true, file, tables: tables.data };
  } catch {
    return { ok: false, error: 'This backup opened but its contents are damaged. Nothing was restored.' };
  }
}

export type RestoreResult = { ok: true; counts: BackupCounts } | { ok: false; error: string };

/**
 * Restores a backup: everything in the database is replaced by the file's contents in one transaction
 * (all or nothing; on failure, including a full disk, what was there stays). Older data versions are
 * brought up to this one the way the numbered migrations do. Writes an audit line.
 */
export async function restoreBackup(
  db: OonDatabase,
  text: string,
  passphrase: string,
  now: string,
): Promise<RestoreResult> {
  const read = await readBackup(text, passphrase, db.verno);
  if (!read.ok) return read;
  const { tables, file } = read;
  // 0003-add-appeals-audit-taught-rules: claims from before version 3 are open in the worklist.
  if (file.schemaVersion < 3) {
    for (const c of tables.claims) c.worklistStatus ??= 'open';
  }
  const c = counts(tables);
  try {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
      for (const name of BACKUP_TABLES) {
        const rows = tables[name as BackupTable];
        // auditLog ids are the store's own; lines keep their order and get new ids here.
        const clean = name === 'auditLog' ? rows.map(({ id: _id, ...r }) => r) : rows;
        if (clean.length > 0) await db.table(name).bulkAdd(clean);
      }
      await audit(
        db,
        'restore',
        `restored backup of ${file.createdAt.slice(0, 10)}: ${describeCounts(c)}`,
        now,
      );
    });
  } catch (e) {
    return { ok: false, error: describeStorageError(e) };
  }
  // A backup from before the lock was on holds plain patient fields: seal them if this profile is locked.
  const lock = await getLockConfig(db);
  if (lock) await sealStoredClaims(db, lock);
  return { ok: true, counts: c };
}
