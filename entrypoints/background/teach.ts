import type { Browser } from 'wxt/browser';
import type { SaveResult } from '../../utils/messaging';
import type { BackgroundEnv } from './service';

type Sender = Browser.runtime.MessageSender;

/** Handlers for rules the biller teaches (issue 8). */
export function createTeachHandlers(_env: BackgroundEnv) {
  return {
    async getTaughtRules(_data: unknown, _sender: Sender): Promise<{ rules: unknown[] }> {
      return { rules: [] };
    },
    async saveTaughtRule(_data: unknown, _sender: Sender): Promise<SaveResult> {
      return { ok: false, error: 'Teaching a portal is not available yet.' };
    },
  };
}
