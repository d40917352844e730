import { useEffect, useState } from 'preact/hooks';

export interface PrivacyStatus {
  lock: { enabled: boolean; locked: boolean };
  retentionDays: number;
  /** undefined while unknown or when the browser cannot say. */
  persisted?: boolean;
  usage?: string;
  quota?: string;
}

export interface PrivacySettingsProps {
  status: PrivacyStatus;
  busy: boolean;
  message?: { text: string; error: boolean };
  /** The exact text "Delete all data" asks the biller to type. */
  deleteWord: string;
  onRequestPersist: () => void;
  onEnableLock: (passphrase: string) => void;
  onUnlock: (passphrase: string) => void;
  onLockNow: () => void;
  onDisableLock: (passphrase: string) => void;
  onSaveRetention: (days: number) => void;
  onPurgeNow: () => void;
  onBackup: (passphrase: string) => void;
  onRestore: (file: File, passphrase: string) => void;
  onDeleteAll: (typed: string) => void;
}

const MIN_PASSPHRASE = 8;

/** Lock, retention, backup and restore, storage state, and "Delete all data": props in, events out. */
export function PrivacySettings(p: PrivacySettingsProps) {
  const [newPass, setNewPass] = useState('');
  const [newPass2, setNewPass2] = useState('');
  const [unlockPass, setUnlockPass] = useState('');
  const [days, setDays] = useState(String(p.status.retentionDays));
  const [backupPass, setBackupPass] = useState('');
  const [restoreFile, setRestoreFile] = useState<File>();
  const [restorePass, setRestorePass] = useState('');
  const [restoreOk, setRestoreOk] = useState(false);
  const [typed, setTyped] = useState('');
  useEffect(() => setDays(String(p.status.retentionDays)), [p.status.retentionDays]);
  const { lock } = p.status;
  const mismatch = newPass2.length > 0 && newPass !== newPass2;

  return (
    <section aria-labelledby="privacy-heading" data-testid="privacy-section">
      <h2 id="privacy-heading">Privacy and data safety</h2>
      {p.message && (
        <p
          class={p.message.error ? 'notice notice-error' : 'notice'}
          role={p.message.error ? 'alert' : 'status'}
          data-testid="privacy-message"
        >
          {p.message.text}
        </p>
      )}

      <h3>Storage on this computer</h3>
      <p data-testid="storage-usage">
        {p.status.usage !== undefined
          ? `OON Guard uses ${p.status.usage}${p.status.quota ? ` of ${p.status.quota} available to it` : ''}.`
          : 'The browser does not report how much space OON Guard uses.'}
      </p>
      <p data-testid="storage-persisted">
        {p.status.persisted === true
          ? 'Persistent storage is granted: the browser will not clear this data when the disk is low.'
          : p.status.persisted === false
            ? 'Persistent storage is not granted: the browser may clear this data when the disk runs low. Keep a backup.'
            : 'The browser does not say whether this data is kept when the disk is low.'}
      </p>
      {p.status.persisted !== true && (
        <button type="button" data-testid="persist-request" disabled={p.busy} onClick={p.onRequestPersist}>
          Ask the browser to keep this data
        </button>
      )}

      <h3>Passphrase lock</h3>
      <p class="muted">
        Encrypts patient names, member IDs and patient account numbers on this computer. Amounts and codes
        stay readable, so scoring and reports work while locked. The passphrase is never stored: if it is
        lost, those fields cannot be recovered. OON Guard locks after 15 minutes without use, and whenever the
        browser stops its background worker.
      </p>
      <p data-testid="lock-status">
        {!lock.enabled ? 'The lock is off.' : lock.locked ? 'Locked.' : 'Unlocked.'}
      </p>
      {!lock.enabled && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            p.onEnableLock(newPass);
            setNewPass('');
            setNewPass2('');
          }}
        >
          <label>
            New passphrase{' '}
            <input
              type="password"
              autocomplete="new-password"
              data-testid="lock-passphrase"
              value={newPass}
              onInput={(e) => setNewPass(e.currentTarget.value)}
            />
          </label>
          <label>
            Repeat it{' '}
            <input
              type="password"
              autocomplete="new-password"
              data-testid="lock-passphrase-repeat"
              value={newPass2}
              onInput={(e) => setNewPass2(e.currentTarget.value)}
            />
          </label>
          {mismatch && <p class="notice notice-error">The two passphrases differ.</p>}
          <button
            type="submit"
            data-testid="lock-enable"
            disabled={p.busy || newPass.length < MIN_PASSPHRASE || newPass !== newPass2}
          >
            Turn on the lock
          </button>
        </form>
      )}
      {lock.enabled && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (lock.locked) p.onUnlock(unlockPass);
            else p.onDisableLock(unlockPass);
            setUnlockPass('');
          }}
        >
          <label>
            Passphrase{' '}
            <input
              type="password"
              autocomplete="current-password"
              data-testid="unlock-passphrase"
              value={unlockPass}
              onInput={(e) => setUnlockPass(e.currentTarget.value)}
            />
          </label>
          {lock.locked ? (
            <button type="submit" data-testid="unlock" disabled={p.busy || unlockPass.length === 0}>
              Unlock
            </button>
          ) : (
            <>
              <button type="button" data-testid="lock-now" disabled={p.busy} onClick={p.onLockNow}>
                Lock now
              </button>{' '}
              <button type="submit" data-testid="lock-disable" disabled={p.busy || unlockPass.length === 0}>
                Turn off the lock
              </button>
            </>
          )}
        </form>
      )}

      <h3>Keeping patient details</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          p.onSaveRetention(Number(days));
        }}
      >
        <label>
          Remove patient names, member IDs and account numbers from claims not read for{' '}
          <input
            type="number"
            min={1}
            max={3650}
            step={1}
            data-testid="retention-days"
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />{' '}
          days (amounts and codes are kept for reports)
        </label>
        <button type="submit" data-testid="retention-save" disabled={p.busy}>
          Save
        </button>{' '}
        <button type="button" data-testid="purge-now" disabled={p.busy} onClick={p.onPurgeNow}>
          Remove expired patient details now
        </button>
      </form>

      <h3>Backup and restore</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          p.onBackup(backupPass);
          setBackupPass('');
        }}
      >
        <label>
          Backup passphrase{' '}
          <input
            type="password"
            autocomplete="new-password"
            data-testid="backup-passphrase"
            value={backupPass}
            onInput={(e) => setBackupPass(e.currentTarget.value)}
          />
        </label>
        <button
          type="submit"
          data-testid="backup-create"
          disabled={p.busy || backupPass.length < MIN_PASSPHRASE}
        >
          Download encrypted backup
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (restoreFile) p.onRestore(restoreFile, restorePass);
          setRestorePass('');
          setRestoreOk(false);
        }}
      >
        <label>
          Backup file{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="restore-file"
            onChange={(e) => setRestoreFile(e.currentTarget.files?.[0])}
          />
        </label>
        <label>
          Its passphrase{' '}
          <input
            type="password"
            autocomplete="off"
            data-testid="restore-passphrase"
            value={restorePass}
            onInput={(e) => setRestorePass(e.currentTarget.value)}
          />
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="restore-confirm"
            checked={restoreOk}
            onChange={(e) => setRestoreOk(e.currentTarget.checked)}
          />{' '}
          Replace everything in this browser profile with the backup
        </label>
        <button
          type="submit"
          data-testid="restore"
          disabled={p.busy || !restoreFile || restorePass.length === 0 || !restoreOk}
        >
          Restore
        </button>
      </form>

      <h3>Delete all data</h3>
      <p class="muted">
        Deletes every claim, schedule, benchmark, appeal, taught rule and setting from this browser profile.
        This cannot be undone. Type {p.deleteWord} to confirm.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          p.onDeleteAll(typed);
          setTyped('');
        }}
      >
        <label>
          Type {p.deleteWord}{' '}
          <input
            type="text"
            autocomplete="off"
            data-testid="delete-typed"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
        <button
          type="submit"
          class="danger"
          data-testid="delete-all"
          disabled={p.busy || typed !== p.deleteWord}
        >
          Delete all data
        </button>
      </form>
    </section>
  );
}
