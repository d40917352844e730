import { z } from 'zod';
import type { Claim } from '../rules/model';
import { audit } from './audit';
import type { ClaimRecord, OonDatabase } from './db';

/**
 * The optional passphrase lock of patient-identifying fields (issue 7).
 *
 * Design: a passphrase derives (PBKDF2-SHA256, 600,000 iterations, random salt) an AES-GCM key that is
 * never stored. That key wraps the private half of an RSA-OAEP key pair created when the lock is set
 * up; the public half is stored in the clear. A claim's patient fields are sealed with an AES-GCM data
 * key that is itself wrapped with the public key, so a page read, an 835 import or a restore can seal
 * patient fields while the lock is locked (no passphrase needed to write), and only an unlocked
 * background (holding the private key in memory) can read them back. Amounts, codes and dates are never
 * sealed: scoring, the worklist and reports work while locked.
 *
 * Stored shape of a sealed claim: the plain `patientName`, `memberId` and `patientAccount` are removed
 * from `record.claim` and `record.claim.phi = {v, keyId, wrappedKey, iv, data}` is added. Keeping `phi`
 * inside the claim lets mergeClaims (storage/claims.ts) treat it as one more field: a newer read's
 * `phi` replaces the older one, a read without patient fields keeps it.
 */

/** The fields of a claim that identify the patient; the only fields the lock seals and retention purges. */
export const PHI_FIELDS = ['patientName', 'memberId', 'patientAccount'] as const;
export type PhiField = (typeof PHI_FIELDS)[number];
export type PhiValues = Partial<Pick<Claim, PhiField>>;

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; a stored lock or backup asking for fewer is refused. */
export const MIN_PBKDF2_ITERATIONS = 600_000;
export const DEFAULT_IDLE_MINUTES = 15;
const LOCK_SETTING = 'lock';
const KEY_CHECK_TEXT = 'oon-guard key check v1';

// ---------------------------------------------------------------------------------------------
// Bytes

/** Base64 of bytes, in slices so a large backup does not overflow the argument stack. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

const B64 = z
  .string()
  .max(200_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** AES-GCM ciphertext with its 96-bit IV. */
export const SealedBytesSchema = z.strictObject({ iv: B64, data: B64 });
export type SealedBytes = z.infer<typeof SealedBytesSchema>;

export async function aesEncrypt(key: CryptoKey, plain: Uint8Array<ArrayBuffer>): Promise<SealedBytes> {
  const iv = randomBytes(12);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** Throws (OperationError) when the key is wrong or the bytes were changed: GCM authenticates both. */
export async function aesDecrypt(key: CryptoKey, sealed: SealedBytes): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data)),
  );
}

/** PBKDF2 parameters, stored beside what they protect (the salt is not secret). */
export const KdfSchema = z.strictObject({
  name: z.literal('PBKDF2'),
  hash: z.literal('SHA-256'),
  iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(10_000_000),
  salt: B64,
});
export type Kdf = z.infer<typeof KdfSchema>;

export function newKdf(iterations = MIN_PBKDF2_ITERATIONS): Kdf {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(randomBytes(16)) };
}

/** The AES-GCM key a passphrase stands for. Non-extractable: it can be used, never read back or stored. */
export async function derivePassphraseKey(passphrase: string, kdf: Kdf): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    utf8.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

// ---------------------------------------------------------------------------------------------
// The lock's stored configuration

export const LockConfigSchema = z.strictObject({
  v: z.literal(1),
  /** Changes whenever the lock is set up again; sealed claims name the key they were sealed with. */
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  kdf: KdfSchema,
  /** AES-GCM of a constant under the passphrase key: a wrong passphrase fails here, by name. */
  check: SealedBytesSchema,
  /** RSA-OAEP-256 public key (JWK): seals patient fields without the passphrase. */
  publicKey: z.looseObject({ kty: z.literal('RSA'), n: z.string(), e: z.string() }),
  /** PKCS#8 private key, AES-GCM under the passphrase key. */
  privateKey: SealedBytesSchema,
  idleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  createdAt: z.string().max(40),
});
export type LockConfig = z.infer<typeof LockConfigSchema>;

const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

/** What an unlocked background holds in memory. */
export interface UnlockedKey {
  keyId: string;
  privateKey: CryptoKey;
}

/** Creates a lock for `passphrase`: a new key pair, the private half wrapped under the passphrase. */
export async function createLockConfig(
  passphrase: string,
  options: { now: string; iterations?: number; idleMinutes?: number },
): Promise<{ config: LockConfig; unlocked: UnlockedKey }> {
  if (passphrase.length < 8) throw new Error('Choose a passphrase of at least 8 characters.');
  const kdf = newKdf(options.iterations);
  const wrapKey = await derivePassphraseKey(passphrase, kdf);
  const pair = await crypto.subtle.generateKey(
    { ...RSA, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt'],
  );
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const config: LockConfig = LockConfigSchema.parse({
    v: 1,
    keyId: toBase64(randomBytes(12)).replace(/\+/g, '-').replace(/\//g, '_'),
    kdf,
    check: await aesEncrypt(wrapKey, utf8.encode(KEY_CHECK_TEXT)),
    publicKey: { kty: publicKey.kty, n: publicKey.n, e: publicKey.e, alg: publicKey.alg, ext: true },
    privateKey: await aesEncrypt(wrapKey, pkcs8),
    idleMinutes: options.idleMinutes ?? DEFAULT_IDLE_MINUTES,
    createdAt: options.now,
  });
  // The background keeps a non-extractable copy: nothing in memory can hand the raw key out.
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, RSA, false, ['decrypt']);
  pkcs8.fill(0);
  return { config, unlocked: { keyId: config.keyId, privateKey } };
}

export type OpenLockResult = { ok: true; unlocked: UnlockedKey } | { ok: false; error: string };

export const WRONG_PASSPHRASE =
  'That passphrase is not the one this lock was set up with. Nothing was unlocked.';

/** Derives the passphrase key, checks it against the key-check value, and unwraps the private key. */
export async function openLock(config: LockConfig, passphrase: string): Promise<OpenLockResult> {
  const key = await derivePassphraseKey(passphrase, config.kdf);
  try {
    const check = fromUtf8.decode(await aesDecrypt(key, config.check));
    if (check !== KEY_CHECK_TEXT) return { ok: false, error: WRONG_PASSPHRASE };
  } catch {
    return { ok: false, error: WRONG_PASSPHRASE };
  }
  try {
    const pkcs8 = await aesDecrypt(key, config.privateKey);
    const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, RSA, false, ['decrypt']);
    pkcs8.fill(0);
    return { ok: true, unlocked: { keyId: config.keyId, privateKey } };
  } catch {
    return { ok: false, error: 'The stored lock is damaged: its private key could not be opened.' };
  }
}

export async function getLockConfig(db: OonDatabase): Promise<LockConfig | undefined> {
  const row = await db.settings.get(LOCK_SETTING);
  return row ? LockConfigSchema.safeParse(row.value).data : undefined;
}

// ---------------------------------------------------------------------------------------------
// Sealing a claim's patient fields

export const SealedPhiSchema = z.strictObject({
  v: z.literal(1),
  keyId: z.string().max(64),
  /** The AES-GCM data key, RSA-OAEP-wrapped with the lock's public key. */
  wrappedKey: B64,
  iv: B64,
  data: B64,
});
export type SealedPhi = z.infer<typeof SealedPhiSchema>;

/** A claim as stored under the lock: no plain patient fields, and `phi` when it had any. */
export type ProtectedClaim = Omit<Claim, PhiField> & { phi?: SealedPhi };

/**
 * Seals with one data key per sealer: sealing 50,000 claims wraps one key, not 50,000. Every claim
 * still gets its own random IV.
 */
export interface PhiSealer {
  keyId: string;
  seal: (values: PhiValues) => Promise<SealedPhi>;
}

export async function createSealer(config: Pick<LockConfig, 'keyId' | 'publicKey'>): Promise<PhiSealer> {
  const publicKey = await crypto.subtle.importKey('jwk', config.publicKey as JsonWebKey, RSA, false, [
    'encrypt',
  ]);
  const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', dataKey));
  const wrappedKey = toBase64(new Uint8Array(await crypto.subtle.encrypt(RSA, publicKey, raw)));
  raw.fill(0);
  return {
    keyId: config.keyId,
    seal: async (values) => ({
      v: 1,
      keyId: config.keyId,
      wrappedKey,
      ...(await aesEncrypt(dataKey, utf8.encode(JSON.stringify(values)))),
    }),
  };
}

/** Opens sealed patient fields with an unlocked private key; caches unwrapped data keys. */
export interface PhiOpener {
  keyId: string;
  open: (sealed: SealedPhi) => Promise<PhiValues>;
}

export function createOpener(unlocked: UnlockedKey): PhiOpener {
  const keys = new Map<string, Promise<CryptoKey>>();
  const dataKey = (wrapped: string) => {
    let k = keys.get(wrapped);
    if (!k) {
      k = crypto.subtle
        .decrypt(RSA, unlocked.privateKey, fromBase64(wrapped))
        .then((raw) => crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']));
      keys.set(wrapped, k);
    }
    return k;
  };
  return {
    keyId: unlocked.keyId,
    open: async (sealed) => {
      if (sealed.keyId !== unlocked.keyId) throw new Error('sealed with another lock key');
      const plain = await aesDecrypt(await dataKey(sealed.wrappedKey), sealed);
      return PhiValuesSchema.parse(JSON.parse(fromUtf8.decode(plain)));
    },
  };
}

const PhiValuesSchema = z.strictObject({
  patientName: z.string().max(200).optional(),
  memberId: z.string().max(200).optional(),
  patientAccount: z.string().max(200).optional(),
});

/** The patient fields a claim carries in the clear. */
export function phiOf(claim: Partial<Claim>): PhiValues {
  const out: PhiValues = {};
  for (const f of PHI_FIELDS) if (claim[f] !== undefined) out[f] = claim[f];
  return out;
}

/** The claim without its plain patient fields (and without a sealed `phi`). */
export function withoutPhi<T extends Partial<Claim> & { phi?: unknown }>(
  claim: T,
): Omit<T, PhiField | 'phi'> {
  const { patientName: _n, memberId: _m, patientAccount: _a, phi: _p, ...rest } = claim;
  return rest;
}

/**
 * The claim to store under the lock: plain patient fields moved into a sealed `phi`. A claim with no
 * patient field gets no `phi`, so merging keeps what an earlier read sealed.
 */
export async function protectClaim(claim: Claim, sealer: PhiSealer): Promise<ProtectedClaim> {
  const values = phiOf(claim);
  // Nothing in the clear: already sealed (keep its `phi`) or no patient fields at all.
  if (Object.keys(values).length === 0) return claim;
  return { ...withoutPhi(claim), phi: await sealer.seal(values) };
}

/**
 * The claim with its patient fields back in the clear. A claim sealed under another key, or damaged,
 * comes back without them rather than failing the page that shows it.
 */
export async function revealClaim(claim: Claim | ProtectedClaim, opener: PhiOpener): Promise<Claim> {
  const sealed = SealedPhiSchema.safeParse((claim as ProtectedClaim).phi);
  const rest = withoutPhi(claim as Claim & { phi?: unknown });
  if (!sealed.success) return { ...rest, ...phiOf(claim as Claim) } as Claim;
  try {
    return { ...rest, ...(await opener.open(sealed.data)) } as Claim;
  } catch {
    return rest as Claim;
  }
}

/** True when a stored claim carries patient fields in the clear. */
export function hasPlainPhi(claim: Partial<Claim>): boolean {
  return PHI_FIELDS.some((f) => claim[f] !== undefined);
}

// ---------------------------------------------------------------------------------------------
// What the background and the options page call

/**
 * The claim as it should be written now: sealed when the lock is on (locked or not: sealing needs only
 * the public key), unchanged when it is off. The one call the save paths make before saveClaims.
 */
export async function protectForStorage(db: OonDatabase, claims: Claim[]): Promise<Claim[]> {
  const config = await getLockConfig(db);
  if (!config || !claims.some(hasPlainPhi)) return claims;
  const sealer = await createSealer(config);
  // Stored as Claim: `phi` rides inside the claim object (see the design note at the top).
  return Promise.all(claims.map((c) => protectClaim(c, sealer) as Promise<Claim>));
}

/** protectForStorage for the reads saveClaims takes: the one line storage/claims.ts calls first. */
export async function protectReads<T extends { claim: Claim }>(db: OonDatabase, reads: T[]): Promise<T[]> {
  if (!reads.some((r) => hasPlainPhi(r.claim))) return reads;
  const claims = await protectForStorage(
    db,
    reads.map((r) => r.claim),
  );
  return reads.map((r, i) => ({ ...r, claim: claims[i]! }));
}

/**
 * Seals every stored claim that still has plain patient fields (after the lock is turned on, or a
 * restore of an older backup). Crypto cannot run inside an IndexedDB transaction, so records are sealed
 * outside and written back only if nobody changed them meanwhile; changed ones are tried again.
 */
export async function sealStoredClaims(db: OonDatabase, config: LockConfig): Promise<number> {
  const sealer = await createSealer(config);
  let sealed = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const plain = await db.claims.filter((r) => hasPlainPhi(r.claim)).toArray();
    if (plain.length === 0) return sealed;
    const next = await Promise.all(
      plain.map(async (r) => ({ ...r, claim: (await protectClaim(r.claim, sealer)) as Claim })),
    );
    sealed += await replaceUnchanged(db, plain, next);
  }
  return sealed;
}

/** Writes `next[i]` over `before[i]` where the stored record is still `before[i]` (same updatedAt). */
async function replaceUnchanged(
  db: OonDatabase,
  before: ClaimRecord[],
  next: ClaimRecord[],
): Promise<number> {
  return db.transaction('rw', db.claims, async () => {
    const now = await db.claims.bulkGet(before.map((r) => r.key));
    const puts = next.filter((_, i) => now[i]?.updatedAt === before[i]!.updatedAt);
    await db.claims.bulkPut(puts);
    return puts.length;
  });
}

/** Turns the lock on: stores the config (new reads are sealed from here on), then seals stored claims. */
export async function enableLock(
  db: OonDatabase,
  passphrase: string,
  options: { now: string; iterations?: number; idleMinutes?: number },
): Promise<{ unlocked: UnlockedKey; sealed: number }> {
  if (await getLockConfig(db))
    throw new Error('The lock is already on. Turn it off first to change the passphrase.');
  const { config, unlocked } = await createLockConfig(passphrase, options);
  await db.settings.put({ key: LOCK_SETTING, value: config });
  const sealed = await sealStoredClaims(db, config);
  await audit(db, 'lock', `passphrase lock turned on, ${sealed} claims sealed`, options.now);
  return { unlocked, sealed };
}

/**
 * Turns the lock off: needs the passphrase, puts every sealed claim's patient fields back in the clear,
 * then removes the config. Claims sealed under a lost key keep no patient fields.
 */
export async function disableLock(
  db: OonDatabase,
  passphrase: string,
  now: string,
): Promise<{ ok: true; revealed: number } | { ok: false; error: string }> {
  const config = await getLockConfig(db);
  if (!config) return { ok: false, error: 'The lock is not on.' };
  const opened = await openLock(config, passphrase);
  if (!opened.ok) return opened;
  const opener = createOpener(opened.unlocked);
  let revealed = 0;
  for (let attempt = 0; attempt < 5; attempt++) {
    const sealed = await db.claims.filter((r) => (r.claim as ProtectedClaim).phi !== undefined).toArray();
    if (sealed.length === 0) break;
    const next = await Promise.all(
      sealed.map(async (r) => ({ ...r, claim: await revealClaim(r.claim, opener) })),
    );
    revealed += await db.transaction('rw', db.claims, async () => {
      const cur = await db.claims.bulkGet(sealed.map((r) => r.key));
      const puts = next.filter((_, i) => cur[i]?.updatedAt === sealed[i]!.updatedAt);
      await db.claims.bulkPut(puts);
      return puts.length;
    });
  }
  await db.settings.delete(LOCK_SETTING);
  await audit(db, 'unlock', `passphrase lock turned off, ${revealed} claims unsealed`, now);
  return { ok: true, revealed };
}

// ---------------------------------------------------------------------------------------------
// The background's in-memory session

/**
 * The unlocked key in the background's memory and when it was last used. Pure: the clock is passed in.
 * Idle longer than `idleMs` locks on the next look; the background's alarm looks once a minute. When
 * the MV3 service worker is stopped (about 30 s without events) the memory goes with it, which also
 * locks: the biller unlocks again. That is by design: the key is never written anywhere.
 */
export class LockSession {
  private unlocked: UnlockedKey | undefined;
  private lastActivityMs = 0;

  constructor(
    private readonly clockMs: () => number,
    public idleMs: number = DEFAULT_IDLE_MINUTES * 60_000,
  ) {}

  unlock(key: UnlockedKey): void {
    this.unlocked = key;
    this.lastActivityMs = this.clockMs();
  }

  lock(): void {
    this.unlocked = undefined;
  }

  /** Records activity (any message from our extension); keeps an unlocked session open. */
  touch(): void {
    if (this.key()) this.lastActivityMs = this.clockMs();
  }

  /** The key, or undefined when locked or idle too long (which locks). */
  key(): UnlockedKey | undefined {
    if (this.unlocked && this.clockMs() - this.lastActivityMs >= this.idleMs) this.unlocked = undefined;
    return this.unlocked;
  }

  get locked(): boolean {
    return this.key() === undefined;
  }
}
