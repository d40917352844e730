import { test as base, expect, type Page } from '@playwright/test';
import { type LaunchedExtension, launchExtension } from '../../scripts/browser/launch';

export interface ExtensionFixtures {
  ext: LaunchedExtension;
  /** A page of the extension: popup.html, sidepanel.html, options.html. */
  extensionPage: (pathAndQuery: string) => Promise<Page>;
  /** The id of the tab showing `page`, as the extension sees it. */
  tabIdOf: (page: Page) => Promise<number>;
  /** The badge text on that tab. */
  badgeOf: (tabId: number) => Promise<string>;
}

export const test = base.extend<ExtensionFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  ext: async ({}, use) => {
    const ext = await launchExtension();
    await use(ext);
    await ext.close();
  },
  extensionPage: async ({ ext }, use) => {
    await use(async (p) => {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/${p}`);
      return page;
    });
  },
  tabIdOf: async ({ ext }, use) => {
    await use(async (page) => {
      const url = page.url();
      const id = await ext.worker.evaluate(async (u) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((t) => t.url === u)?.id;
      }, url);
      if (id === undefined) throw new Error(`no tab shows ${url}`);
      return id;
    });
  },
  badgeOf: async ({ ext }, use) => {
    await use((tabId) => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
  },
});

export { expect };

/** Loads the sample fee schedule through the options page, as a biller would. */
export async function loadSampleSchedule(extensionPage: ExtensionFixtures['extensionPage']): Promise<void> {
  const options = await extensionPage('options.html');
  await options.getByRole('button', { name: 'Load the sample schedule' }).click();
  await options.getByTestId('import-confirm').click();
  await expect(options.getByTestId('active-schedule')).toHaveText('sample-fee-schedule');
  await options.close();
}

/** Counts stored claims straight from IndexedDB, from an extension page. */
export async function storedClaimKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('claims', 'readonly');
          const keys = tx.objectStore('claims').getAllKeys();
          keys.onsuccess = () => {
            resolve(keys.result.map(String));
            req.result.close();
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}
