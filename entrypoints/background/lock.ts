import type { Browser } from 'wxt/browser';
import { z } from 'zod';
import type { Claim } from '../../rules/model';
import { audit } from '../../storage/audit';
import {
  createOpener,
  getLockConfig,
  LockSession,
  openLock,
  type PhiOpener,
  type PhiValues,
  phiOf,
  revealClaim,
} from '../../storage/crypto';
import { purgeExpired } from '../../storage/privacy';
import { type BackgroundEnv, senderKind } from './service';

type Sender = Browser.runtime.MessageSender;

const UnlockSchema = z.strictObject({ passphrase: z.string().min(1).max(1000) });
const RevealSchema = z.strictObject({ claimKeys: z.array(z.string().min(1).max(80)).max(1000) });

const AUTOLOCK_ALARM = 'oon-guard-autolock';
const RETENTION_ALARM = 'oon-guard-retention';
/** After this many wrong passphrases in a row, each further try waits this long (PBKDF2 is the main brake). */
const FREE_TRIES = 5;
const BACKOFF_MS = 30_000;

/** The slice of chrome.* the lock uses; absent in unit tests, where the session is driven directly. */
interface LockPlatform {
  onAnyMessage: (listener: (message: unknown, sender: Sender) => void) => void;
  alarms?: {
    create: (name: string, info: { periodInMinutes: number; delayInMinutes?: number }) => void;
    clear: (name: string) => void;
    onAlarm: (listener: (name: string) => void) => void;
  };
}

function chromePlatform(): LockPlatform | undefined {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  if (!c?.runtime?.onMessage) return undefined;
  return {
    // Returns nothing, so it never holds a message channel @webext-core/messaging answers on.
    onAnyMessage: (listener) => c.runtime.onMessage.addListener((m, sender) => listener(m, sender)),
    ...(c.alarms
      ? {
          alarms: {
            create: (name, info) => void c.alarms.create(name, info),
            clear: (name) => void c.alarms.clear(name),
            onAlarm: (listener) => c.alarms.onAlarm.addListener((a) => listener(a.name)),
          },
        }
      : {}),
  };
}

/**
 * Handlers for the optional passphrase lock of patient-identifying fields (issue 7), and the daily
 * retention purge.
 *
 * The private key lives only in this service worker's memory (LockSession). It is dropped after
 * the configured idle time (default 15 minutes, measured from the last message any of our pages or
 * content scripts sent), on "Lock now", and whenever Chrome stops the idle service worker (about 30
 * seconds without events): the last is accepted and documented, since the key must never be written
 * anywhere to survive it. Writing never needs the key (sealing uses the public key), so reading portal
 * pages and importing 835s go on while locked; only showing patient fields needs an unlock.
 */
export function createLockHandlers(
  env: BackgroundEnv,
  options: { clockMs?: () => number; platform?: LockPlatform } = {},
) {
  const clockMs = options.clockMs ?? (() => Date.now());
  const session = new LockSession(clockMs);
  const platform = options.platform ?? chromePlatform();
  let opener: PhiOpener | undefined;
  let failures = 0;
  let lastFailureMs = 0;

  /** The opener for the stored lock, or undefined when locked, idle too long, or the lock changed. */
  async function currentOpener(): Promise<{ enabled: boolean; opener?: PhiOpener }> {
    const config = await getLockConfig(env.db);
    if (!config) {
      session.lock();
      opener = undefined;
      return { enabled: false };
    }
    session.idleMs = config.idleMinutes * 60_000;
    const wasOpen = opener !== undefined;
    const key = session.key();
    if (!key || key.keyId !== config.keyId) {
      session.lock();
      opener = undefined;
      platform?.alarms?.clear(AUTOLOCK_ALARM);
      if (wasOpen) await audit(env.db, 'lock', `locked after ${config.idleMinutes} minutes idle`, env.now());
      return { enabled: true };
    }
    opener ??= createOpener(key);
    return { enabled: true, opener };
  }

  async function fromOurPage(sender: Sender): Promise<boolean> {
    return (await senderKind(env, sender).catch(() => undefined)) === 'page';
  }

  // Asking whether we are locked is not activity: a page that polls it must not keep the lock open.
  platform?.onAnyMessage((message, sender) => {
    if (sender.id === env.runtimeId && (message as { type?: unknown } | null)?.type !== 'lockState') {
      session.touch();
    }
  });
  platform?.alarms?.onAlarm((name) => {
    if (name === AUTOLOCK_ALARM) void currentOpener();
    if (name === RETENTION_ALARM) void purgeExpired(env.db, env.now()).catch(() => undefined);
  });
  // Creating an alarm that exists replaces it; the first purge runs a minute after the worker starts.
  platform?.alarms?.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });

  return {
    async lockState(_data: unknown, sender: Sender): Promise<{ enabled: boolean; locked: boolean }> {
      if (!(await fromOurPage(sender))) return { enabled: false, locked: true };
      const { enabled, opener: open } = await currentOpener();
      return { enabled, locked: enabled && !open };
    },

    async unlock(data: unknown, sender: Sender): Promise<{ ok: boolean; error?: string }> {
      if (!(await fromOurPage(sender))) return { ok: false, error: 'not from an OON Guard page' };
      const parsed = UnlockSchema.safeParse(data);
      if (!parsed.success) return { ok: false, error: 'malformed unlock request' };
      const config = await getLockConfig(env.db);
      if (!config) return { ok: false, error: 'The lock is not set up.' };
      if (failures >= FREE_TRIES && clockMs() - lastFailureMs < BACKOFF_MS) {
        return { ok: false, error: 'Too many wrong passphrases. Wait 30 seconds, then try again.' };
      }
      const opened = await openLock(config, parsed.data.passphrase);
      if (!opened.ok) {
        failures++;
        lastFailureMs = clockMs();
        return { ok: false, error: opened.error };
      }
      failures = 0;
      session.idleMs = config.idleMinutes * 60_000;
      session.unlock(opened.unlocked);
      opener = createOpener(opened.unlocked);
      platform?.alarms?.create(AUTOLOCK_ALARM, { periodInMinutes: 1 });
      await audit(env.db, 'unlock', 'patient fields unlocked', env.now());
      return { ok: true };
    },

    async lock(_data: unknown, sender: Sender): Promise<{ ok: boolean }> {
      if (!(await fromOurPage(sender))) return { ok: false };
      const wasOpen = !session.locked;
      session.lock();
      opener = undefined;
      platform?.alarms?.clear(AUTOLOCK_ALARM);
      if (wasOpen) await audit(env.db, 'lock', 'locked by the biller', env.now());
      return { ok: true };
    },

    /**
     * Patient fields of the named stored claims, for our pages to show. Plain fields are returned as
     * stored; sealed ones only while unlocked. Never answers a content script.
     */
    async revealPhi(
      data: unknown,
      sender: Sender,
    ): Promise<{ locked: boolean; phi: Record<string, PhiValues> }> {
      if (!(await fromOurPage(sender))) return { locked: true, phi: {} };
      const parsed = RevealSchema.safeParse(data);
      if (!parsed.success) return { locked: true, phi: {} };
      const { enabled, opener: open } = await currentOpener();
      const records = await env.db.claims.bulkGet(parsed.data.claimKeys);
      const phi: Record<string, PhiValues> = {};
      for (const r of records) {
        if (!r) continue;
        const values = open ? phiOf(await revealClaim(r.claim, open)) : phiOf(r.claim as Claim);
        if (Object.keys(values).length > 0) phi[r.key] = values;
      }
      return { locked: enabled && !open, phi };
    },
  };
}
