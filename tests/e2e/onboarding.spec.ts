import { expect, test } from './fixtures';

/** Reads one settings row straight from IndexedDB. */
function setting(page: import('@playwright/test').Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise<unknown>((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('settings', 'readonly').objectStore('settings').get(k);
          get.onsuccess = () => {
            resolve((get.result as { value?: unknown } | undefined)?.value);
            req.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

test('first install opens onboarding: data stays local, sample schedule, profile link, default policy, Done opens the worklist', async ({
  ext,
}) => {
  // The background opens onboarding.html by itself on install.
  const url = `chrome-extension://${ext.extensionId}/onboarding.html`;
  const opened = ext.context.pages().find((p) => p.url() === url);
  const page = opened ?? (await ext.context.waitForEvent('page', { predicate: (p) => p.url() === url }));
  await expect(page.getByRole('heading', { name: 'Welcome to OON Guard' })).toBeVisible();
  await expect(page.getByTestId('privacy-note')).toContainText('stays on this computer');
  await expect(page.getByTestId('privacy-note')).toContainText('sends nothing');

  await page.getByRole('button', { name: 'Load the sample schedule' }).click();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('onboarding-schedule')).toHaveText(
    'Active fee schedule: sample-fee-schedule.',
  );
  expect(await setting(page, 'activeScheduleId')).toBe('schedule-sample-fee-schedule');

  await expect(page.getByTestId('profile-link')).toHaveAttribute(
    'href',
    `chrome-extension://${ext.extensionId}/options.html#profile`,
  );

  // Keyboard only: pick percent of Medicare, type 175, save.
  await page.getByRole('radio', { name: 'As a percent of Medicare' }).check();
  await page.getByTestId('policy-percent').fill('175');
  await page.getByTestId('policy-percent').press('Enter');
  await expect(page.getByTestId('policy-message')).toHaveText(
    'Saved: payments are priced by a percent of Medicare (175%).',
  );
  expect(await setting(page, 'policies')).toMatchObject({
    default: { methods: [{ method: 'percent-of-medicare', percent: 175 }] },
  });

  await page.getByRole('radio', { name: 'By a UCR percentile' }).check();
  await page.getByTestId('policy-percentile').fill('0');
  await expect(page.getByRole('alert')).toHaveText('The percentile is a whole number from 1 to 99.');
  await expect(page.getByTestId('save-policy')).toBeDisabled();
  await page.getByTestId('policy-percentile').fill('80');
  await page.getByTestId('save-policy').click();
  await expect(page.getByTestId('policy-message')).toContainText('80th percentile');
  expect(await setting(page, 'policies')).toMatchObject({
    default: { methods: [{ method: 'ucr', percentile: 80 }] },
  });

  await page.getByTestId('onboarding-done').click();
  await expect(page).toHaveURL(`chrome-extension://${ext.extensionId}/dashboard.html`);
  await expect(page.getByTestId('empty-worklist')).toBeVisible();
});
