import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { z } from 'zod';
import { localIsoDate } from '../../components/format';
import { openDatabase } from '../../storage/db';
import { onMessage } from '../../utils/messaging';
import { followPortalNavigation, type WebNavigationApi } from './follow-navigation';
import { createLockHandlers } from './lock';
import { installMenus } from './menus';
import { installReminders } from './reminders';
import { type BackgroundEnv, createHandlers } from './service';
import { browserScripting, createTeachHandlers, injectPortalReader } from './teach';

z.config({ jitless: true });

function localDate(d = new Date()): string {
  return localIsoDate(d);
}

export default defineBackground(() => {
  const db = openDatabase();
  const env: BackgroundEnv = {
    db,
    runtimeId: browser.runtime.id,
    today: () => localDate(),
    now: () => new Date().toISOString(),
    setBadge: async (tabId, text, color) => {
      await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
      await browser.action.setBadgeBackgroundColor({ tabId, color }).catch(() => undefined);
    },
    openSidePanel: async (tabId) => {
      await browser.sidePanel?.open({ tabId });
    },
    grantedOrigins: async () => {
      const perms = await browser.permissions.getAll();
      return (perms.origins ?? []).map((o) => o.replace(/\/\*$/, '')).filter((o) => o.startsWith('https://'));
    },
  };
  // One handler per message; each module validates its own senders and payloads.
  const handlers = { ...createHandlers(env), ...createTeachHandlers(env), ...createLockHandlers(env) };
  for (const [type, handler] of Object.entries(handlers)) {
    onMessage(type as keyof typeof handlers, (message) => handler(message.data, message.sender) as never);
  }
  installMenus();
  // First install: the onboarding page says where data lives and sets up schedules, profile and policies.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') }).catch(() => undefined);
    }
  });
  installReminders(env);
  // In-app navigation to a readable page, in a portal frame whose content script found nothing to read.
  const scripting = browserScripting();
  followPortalNavigation(
    (browser as unknown as { webNavigation?: WebNavigationApi }).webNavigation,
    scripting && ((tabId, frameId) => injectPortalReader(scripting, tabId, frameId)),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    void db.pageReads.delete(tabId);
  });
});
