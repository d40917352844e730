import type { Browser } from 'wxt/browser';
import type { BackgroundEnv } from './service';

type Sender = Browser.runtime.MessageSender;

/** Handlers for the optional passphrase lock of patient-identifying fields (issue 7). */
export function createLockHandlers(_env: BackgroundEnv) {
  return {
    async lockState(_data: unknown, _sender: Sender): Promise<{ enabled: boolean; locked: boolean }> {
      return { enabled: false, locked: false };
    },
    async unlock(_data: unknown, _sender: Sender): Promise<{ ok: boolean; error?: string }> {
      return { ok: false, error: 'The lock is not set up.' };
    },
    async lock(_data: unknown, _sender: Sender): Promise<{ ok: boolean }> {
      return { ok: true };
    },
  };
}
