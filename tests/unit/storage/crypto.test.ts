import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Claim, ClaimSource } from '../../../rules/model';
import { saveClaims } from '../../../storage/claims';
import {
  createLockConfig,
  createOpener,
  createSealer,
  disableLock,
  enableLock,
  getLockConfig,
  LockConfigSchema,
  LockSession,
  MIN_PBKDF2_ITERATIONS,
  openLock,
  type ProtectedClaim,
  protectClaim,
  protectForStorage,
  revealClaim,
  WRONG_PASSPHRASE,
} from '../../../storage/crypto';
import { type OonDatabase, openDatabase } from '../../../storage/db';
import { loadScorer } from '../../../storage/scoring';

const claim: Claim = JSON.parse(
  readFileSync(
    path.resolve(process.cwd(), 'tests/fixtures/portals/availity/claim-detail--underpaid.expected.json'),
    'utf8',
  ),
).claim;
const NOW = '2026-11-27T10:00:00.000Z';
const PASS = 'correct horse battery staple';
const source: ClaimSource = { kind: 'portal', portal: 'availity', readAt: NOW };

let db: OonDatabase;
let n = 0;
beforeEach(() => {
  db = openDatabase(`crypto-${++n}`);
});
afterEach(() => db.delete());

describe('lock set-up and passphrase', () => {
  it('derives the key with PBKDF2-SHA256 at 600,000 iterations or more and stores only the salt', async () => {
    const { config } = await createLockConfig(PASS, { now: NOW });
    expect(config.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(config.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(config)).not.toContain(PASS);
    expect(config.publicKey).not.toHaveProperty('d');
    expect(
      LockConfigSchema.safeParse({ ...config, kdf: { ...config.kdf, iterations: 10_000 } }).success,
    ).toBe(false);
    expect(MIN_PBKDF2_ITERATIONS).toBe(600_000);
  });

  it('opens with the right passphrase and says so by name for a wrong one', async () => {
    const { config } = await createLockConfig(PASS, { now: NOW });
    expect((await openLock(config, PASS)).ok).toBe(true);
    expect(await openLock(config, 'correct horse battery stapler')).toEqual({
      ok: false,
      error: WRONG_PASSPHRASE,
    });
  });

  it('refuses a passphrase shorter than 8 characters', async () => {
    await expect(createLockConfig('short', { now: NOW })).rejects.toThrow(/at least 8/);
  });
});

describe('protectClaim / revealClaim', () => {
  it('round-trips the patient fields and stores none of them in the clear', async () => {
    const { config, unlocked } = await createLockConfig(PASS, { now: NOW });
    const sealed = await protectClaim(claim, await createSealer(config));
    expect(sealed).not.toHaveProperty('patientName');
    expect(sealed).not.toHaveProperty('memberId');
    expect(sealed).not.toHaveProperty('patientAccount');
    expect(sealed.phi).toMatchObject({ v: 1, keyId: config.keyId });
    const text = JSON.stringify(sealed);
    for (const v of ['TESTPATIENT', 'SYN000123', 'PA-100234']) expect(text).not.toContain(v);
    // Amounts and codes stay as they were.
    expect(sealed.lines).toEqual(claim.lines);
    expect(sealed.paidCents).toBe(claim.paidCents);
    expect(await revealClaim(sealed, createOpener(unlocked))).toEqual(claim);
  });

  it('does not open with the key of another lock', async () => {
    const a = await createLockConfig(PASS, { now: NOW });
    const b = await createLockConfig(PASS, { now: NOW });
    const sealed = await protectClaim(claim, await createSealer(a.config));
    const shown = await revealClaim(sealed, createOpener(b.unlocked));
    expect(shown.patientName).toBeUndefined();
    expect(shown.claimNumber).toBe(claim.claimNumber);
  });

  it('scores a sealed claim exactly like the plain one', async () => {
    const { config } = await createLockConfig(PASS, { now: NOW });
    const sealed = (await protectClaim(claim, await createSealer(config))) as Claim;
    const score = await loadScorer(db, '2026-11-27');
    expect(score(sealed)).toEqual(score(claim));
  });
});

describe('the lock on stored claims', () => {
  it('seals what is stored when turned on, seals new reads without the passphrase, and unseals when turned off', async () => {
    const scorer = await loadScorer(db, '2026-11-27');
    await saveClaims(db, [{ claim, source }], scorer, NOW);
    const { sealed } = await enableLock(db, PASS, { now: NOW });
    expect(sealed).toBe(1);
    const stored = (await db.claims.get('A26110400017'))!;
    expect(stored.claim.patientName).toBeUndefined();
    expect((stored.claim as ProtectedClaim).phi).toBeDefined();
    expect(stored.score).toEqual(
      (await saveClaims(db, [{ claim: (await protectForStorage(db, [claim]))[0]!, source }], scorer, NOW))[0]!
        .score,
    );

    // A later read of the same claim without patient fields keeps the sealed ones.
    const { patientName: _n, memberId: _m, patientAccount: _a, ...bare } = claim;
    await saveClaims(db, [{ claim: (await protectForStorage(db, [bare]))[0]!, source }], scorer, NOW);
    const config = (await getLockConfig(db))!;
    const opened = await openLock(config, PASS);
    if (!opened.ok) throw new Error(opened.error);
    const again = (await db.claims.get('A26110400017'))!;
    expect((await revealClaim(again.claim, createOpener(opened.unlocked))).patientName).toBe(
      'TESTPATIENT, ALPHA',
    );

    expect(await disableLock(db, 'wrong passphrase!', NOW)).toEqual({ ok: false, error: WRONG_PASSPHRASE });
    expect(await disableLock(db, PASS, NOW)).toEqual({ ok: true, revealed: 1 });
    expect((await db.claims.get('A26110400017'))!.claim).toEqual(claim);
    expect(await getLockConfig(db)).toBeUndefined();
    expect((await db.auditLog.toArray()).map((a) => a.action)).toEqual(['lock', 'unlock']);
    expect(JSON.stringify(await db.auditLog.toArray())).not.toContain('TESTPATIENT');
  });

  it('leaves claims unchanged when the lock is off', async () => {
    expect(await protectForStorage(db, [claim])).toEqual([claim]);
  });
});

describe('auto-lock (LockSession with an injected clock)', () => {
  const MIN = 60_000;
  it.each([
    ['14 minutes idle', 14 * MIN, false],
    ['exactly 15 minutes idle', 15 * MIN, true],
    ['an hour idle', 60 * MIN, true],
  ])('%s: locked is %s', (_what, idle, locked) => {
    let t = 1_000_000;
    const session = new LockSession(() => t);
    session.unlock({ keyId: 'k', privateKey: {} as CryptoKey });
    t += idle;
    expect(session.locked).toBe(locked);
  });

  it('each message keeps it open; once locked, activity does not reopen it', () => {
    let t = 0;
    const session = new LockSession(() => t, 15 * MIN);
    session.unlock({ keyId: 'k', privateKey: {} as CryptoKey });
    for (let i = 0; i < 6; i++) {
      t += 10 * MIN;
      session.touch();
    }
    expect(session.locked).toBe(false);
    t += 15 * MIN;
    session.touch();
    expect(session.locked).toBe(true);
    expect(session.key()).toBeUndefined();
  });

  it('locks at once on lock()', () => {
    const session = new LockSession(() => 0);
    session.unlock({ keyId: 'k', privateKey: {} as CryptoKey });
    session.lock();
    expect(session.locked).toBe(true);
  });
});

describe("the background's lock handlers", () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const page = { id: ID, url: `chrome-extension://${ID}/options.html` } as never;
  const content = {
    id: ID,
    url: 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017',
    tab: { id: 3 },
  } as never;

  it('unlocks with the passphrase, reveals sealed fields to our pages only, and locks after 15 idle minutes', async () => {
    const { createLockHandlers } = await import('../../../entrypoints/background/lock');
    let t = 0;
    const messages: ((m: unknown, s: never) => void)[] = [];
    const h = createLockHandlers(
      {
        db,
        runtimeId: ID,
        today: () => '2026-11-27',
        now: () => NOW,
        setBadge: async () => undefined,
        grantedOrigins: async () => [],
      } as never,
      { clockMs: () => t, platform: { onAnyMessage: (l) => messages.push(l) } },
    );
    expect(await h.lockState(undefined, page)).toEqual({ enabled: false, locked: false });
    await enableLock(db, PASS, { now: NOW });
    await saveClaims(db, [{ claim, source }], await loadScorer(db, '2026-11-27'), NOW);
    expect(await h.lockState(undefined, page)).toEqual({ enabled: true, locked: true });
    expect(await h.revealPhi({ claimKeys: ['A26110400017'] }, page)).toEqual({ locked: true, phi: {} });
    expect(await h.unlock({ passphrase: 'nope nope nope' }, page)).toEqual({
      ok: false,
      error: WRONG_PASSPHRASE,
    });
    expect(await h.unlock({ passphrase: PASS }, content)).toMatchObject({ ok: false });
    expect(await h.unlock({ passphrase: PASS }, page)).toEqual({ ok: true });
    const phi = { patientName: 'TESTPATIENT, ALPHA', memberId: 'SYN000123', patientAccount: 'PA-100234' };
    expect(await h.revealPhi({ claimKeys: ['A26110400017'] }, page)).toEqual({
      locked: false,
      phi: { A26110400017: phi },
    });
    expect(await h.revealPhi({ claimKeys: ['A26110400017'] }, content)).toEqual({ locked: true, phi: {} });

    t += 14 * 60_000;
    for (const l of messages) l({ type: 'revealPhi' }, { id: ID } as never);
    t += 14 * 60_000;
    for (const l of messages) l({ type: 'lockState' }, { id: ID } as never);
    expect(await h.lockState(undefined, page)).toEqual({ enabled: true, locked: false });
    t += 60_000;
    expect(await h.lockState(undefined, page)).toEqual({ enabled: true, locked: true });
    expect((await db.auditLog.toArray()).map((a) => a.detail)).toEqual([
      'passphrase lock turned on, 0 claims sealed',
      'patient fields unlocked',
      'locked after 15 minutes idle',
    ]);
  });
});
