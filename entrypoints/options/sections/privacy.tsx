import { useEffect, useState } from 'preact/hooks';
import { PrivacySettings, type PrivacyStatus } from '../../../components/PrivacySettings';
import { createBackup, restoreBackup } from '../../../storage/backup';
import { disableLock, enableLock } from '../../../storage/crypto';
import { describeStorageError } from '../../../storage/errors';
import {
  DEFAULT_RETENTION_DAYS,
  DELETE_ALL_CONFIRMATION,
  deleteAllData,
  formatBytes,
  getRetentionDays,
  purgeExpired,
  requestPersistentStorage,
  setRetentionDays,
  storageStatus,
} from '../../../storage/privacy';
import { sendMessage } from '../../../utils/messaging';
import { db } from '../env';

type Message = { text: string; error: boolean };

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lock, retention, backup/restore, storage state and "Delete all data" (issue 7). */
export function PrivacySection() {
  const [status, setStatus] = useState<PrivacyStatus>({
    lock: { enabled: false, locked: false },
    retentionDays: DEFAULT_RETENTION_DAYS,
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  const refresh = async () => {
    const [lock, retentionDays, storage] = await Promise.all([
      sendMessage('lockState', undefined).catch(() => ({ enabled: false, locked: false })),
      getRetentionDays(db),
      storageStatus(navigator.storage),
    ]);
    setStatus({
      lock,
      retentionDays,
      ...(storage.persisted !== undefined ? { persisted: storage.persisted } : {}),
      ...(storage.usageBytes !== undefined ? { usage: formatBytes(storage.usageBytes) } : {}),
      ...(storage.quotaBytes !== undefined ? { quota: formatBytes(storage.quotaBytes) } : {}),
    });
  };
  useEffect(() => {
    void refresh();
  }, []);

  /** Runs an action; its result or its failure, in the biller's words, becomes the message. */
  const act = (run: () => Promise<Message | undefined>) => async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await run());
    } catch (e) {
      setMessage({ text: describeStorageError(e), error: true });
    } finally {
      setBusy(false);
      await refresh().catch(() => undefined);
    }
  };
  const now = () => new Date().toISOString();

  return (
    <PrivacySettings
      status={status}
      busy={busy}
      message={message}
      deleteWord={DELETE_ALL_CONFIRMATION}
      onRequestPersist={act(async () => {
        const granted = await requestPersistentStorage(navigator.storage);
        return granted
          ? { text: 'The browser will keep this data when the disk runs low.', error: false }
          : {
              text: 'The browser declined to promise it will keep this data. Keep a backup somewhere safe.',
              error: true,
            };
      })}
      onEnableLock={(passphrase) =>
        void act(async () => {
          const { sealed } = await enableLock(db, passphrase, { now: now() });
          await sendMessage('unlock', { passphrase });
          return {
            text: `The lock is on. Patient fields of ${sealed} stored claims are encrypted.`,
            error: false,
          };
        })()
      }
      onUnlock={(passphrase) =>
        void act(async () => {
          const r = await sendMessage('unlock', { passphrase });
          return r.ok
            ? { text: 'Unlocked.', error: false }
            : { text: r.error ?? 'Not unlocked.', error: true };
        })()
      }
      onLockNow={act(async () => {
        await sendMessage('lock', undefined);
        return { text: 'Locked.', error: false };
      })}
      onDisableLock={(passphrase) =>
        void act(async () => {
          const r = await disableLock(db, passphrase, now());
          if (!r.ok) return { text: r.error, error: true };
          await sendMessage('lock', undefined);
          return {
            text: `The lock is off. ${r.revealed} claims are stored unencrypted again.`,
            error: false,
          };
        })()
      }
      onSaveRetention={(days) =>
        void act(async () => {
          try {
            await setRetentionDays(db, days);
          } catch (e) {
            if (e instanceof RangeError) return { text: e.message, error: true };
            throw e;
          }
          return {
            text: `Patient details are kept for ${days} days after a claim was last read.`,
            error: false,
          };
        })()
      }
      onPurgeNow={act(async () => {
        const { purged } = await purgeExpired(db, now());
        return { text: `Patient details removed from ${purged} claims.`, error: false };
      })}
      onBackup={(passphrase) =>
        void act(async () => {
          const { text, fileName, counts } = await createBackup(db, passphrase, { now: now() });
          download(text, fileName);
          return {
            text: `Saved ${fileName}: ${counts.claims} claims, ${counts.schedules} schedules, ${counts.appeals} appeals. Keep the passphrase apart from the file.`,
            error: false,
          };
        })()
      }
      onRestore={(file, passphrase) =>
        void act(async () => {
          const r = await restoreBackup(db, await file.text(), passphrase, now());
          if (!r.ok) return { text: r.error, error: true };
          await sendMessage('lock', undefined).catch(() => undefined);
          return {
            text: `Restored ${r.counts.claims} claims, ${r.counts.schedules} schedules, ${r.counts.appeals} appeals and ${r.counts.settings} settings.`,
            error: false,
          };
        })()
      }
      onDeleteAll={(typed) =>
        void act(async () => {
          const r = await deleteAllData(db, typed, now());
          if (!r.ok) return { text: r.error, error: true };
          await sendMessage('lock', undefined).catch(() => undefined);
          return { text: `All data deleted (${r.claims} claims).`, error: false };
        })()
      }
    />
  );
}
