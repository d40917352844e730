import { browser } from 'wxt/browser';
import { portalMatches } from '../../rules/portals/registry';
import { sendMessage } from '../../utils/messaging';

const READ_AGAIN = 'oon-read-again';

/** The context-menu item on portal pages and the keyboard shortcut that opens the side panel. */
export function installMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: READ_AGAIN,
        title: 'OON Guard: read this page again',
        contexts: ['page', 'frame'],
        documentUrlPatterns: portalMatches(),
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== READ_AGAIN || tab?.id === undefined) return;
    void sendMessage('readPageAgain', undefined, { tabId: tab.id, frameId: info.frameId ?? 0 }).catch(
      () => undefined,
    );
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'open-side-panel') return;
    const windowId = tab?.windowId;
    if (windowId !== undefined) void browser.sidePanel?.open({ windowId }).catch(() => undefined);
  });
}
