import type { Page } from '@playwright/test';
import { expect, loadSampleSchedule, test } from './fixtures';

test('fill appeal form puts the claim number and the appeal text into the portal form; copy puts the same text on the clipboard', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400017');
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const tabId = await tabIdOf(portal);
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  await expect(panel.getByTestId('fill-appeal')).toBeDisabled();

  await portal.getByRole('link', { name: 'Dispute Claim' }).click();
  await expect(portal.getByRole('heading', { name: 'Dispute Claim' })).toBeVisible();
  await expect(panel.getByTestId('fill-appeal')).toBeEnabled();
  const letter = await panel.getByTestId('appeal-text').inputValue();
  expect(letter).toContain('A26110400017');
  expect(letter).toContain('$182.40');

  await panel.getByTestId('fill-appeal').click();
  await expect(panel.getByTestId('appeal-status')).toContainText('Filled the form');
  await expect(portal.locator('input[name="claimNumber"]')).toHaveValue('A26110400017');
  await expect(portal.locator('input[name="disputedAmount"]')).toHaveValue('182.40');
  await expect(portal.locator('select[name="disputeReason"]')).toHaveValue('underpayment');
  const filled = await portal.locator('textarea[name="supportingInformation"]').inputValue();
  expect(filled).toContain(letter);
  // The form is filled, never submitted.
  expect(portal.url()).toContain('/appeals/dispute/A26110400017');

  // Headless Chromium gives no readable system clipboard to extension pages: record what the panel writes.
  await panel.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (t: string) => {
      w.copied.push(t);
    };
  });
  await panel.getByTestId('copy-appeal').click();
  await expect(panel.getByTestId('appeal-status')).toContainText('copied');
  const [clip] = await panel.evaluate(() => (window as unknown as { copied: string[] }).copied);
  expect(clip).toBe(filled);
  // Filling and copying one letter track one appeal, filed through the portal, and log both actions.
  await expect(panel.getByTestId('tracker-status')).toHaveText('Draft');
  await expect(panel.getByTestId('tracker-summary')).toContainText('by portal');
  expect((await allRows<{ action: string }>(panel, 'auditLog')).map((l) => l.action)).toEqual([
    'fill',
    'copy',
  ]);
});

test('fill refuses when a transparent layer covers the form, and fills nothing', async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400017');
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  // The claim is read before the biller moves on to the form.
  await expect.poll(async () => badgeOf(await tabIdOf(portal))).toBe('2');
  await portal.getByRole('link', { name: 'Dispute Claim' }).click();
  await expect(portal.getByRole('heading', { name: 'Dispute Claim' })).toBeVisible();
  await portal.evaluate(() => {
    const layer = document.createElement('div');
    layer.style.cssText = 'position:fixed;inset:0;opacity:0.01;z-index:9999';
    document.body.append(layer);
  });
  const tabId = await tabIdOf(portal);
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  await panel.getByTestId('fill-appeal').click();
  await expect(panel.getByTestId('appeal-status')).toContainText('covered by another element');
  await expect(portal.locator('input[name="claimNumber"]')).toHaveValue('');
  await expect(portal.locator('textarea[name="supportingInformation"]')).toHaveValue('');
});

/** One stored row straight from IndexedDB, from an extension page. */
function storedRow<T>(page: Page, store: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    ([s, k]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction(s, 'readonly').objectStore(s).get(k);
          get.onsuccess = () => {
            resolve(get.result as T | undefined);
            req.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    [store, key] as const,
  );
}

function allRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (s) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction(s, 'readonly').objectStore(s).getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            req.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}

test('tracking: copy starts a draft, "Mark sent" marks the claim appealed, a won outcome stores the recovered amount', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400017');
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  await expect(panel.getByTestId('tracker-summary')).toContainText('Not sent yet');

  await panel.evaluate(() => {
    navigator.clipboard.writeText = async () => undefined;
  });
  await panel.getByTestId('copy-appeal').click();
  await expect(panel.getByTestId('tracker-status')).toHaveText('Draft');
  await expect(panel.getByTestId('tracker-recovered')).toHaveText('$0.00');

  await panel.getByTestId('tracker-channel').selectOption('fax');
  await panel.getByTestId('mark-sent').click();
  await expect(panel.getByTestId('tracker-status')).toHaveText('Sent');
  await expect(panel.getByTestId('tracker-summary')).toContainText('by fax');
  await expect(panel.getByTestId('mark-sent')).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await storedRow<{ worklistStatus?: string }>(panel, 'claims', 'A26110400017'))?.worklistStatus,
    )
    .toBe('appealed');

  await panel.getByTestId('tracker-status-select').selectOption('won');
  await panel.getByTestId('tracker-recovered-input').fill('150.25');
  await panel.getByTestId('tracker-save').click();
  await expect(panel.getByTestId('tracker-status')).toHaveText('Won');
  await expect(panel.getByTestId('tracker-recovered')).toHaveText('$150.25');
  const claim = await storedRow<{ worklistStatus?: string; recoveredCents?: number }>(
    panel,
    'claims',
    'A26110400017',
  );
  expect(claim).toMatchObject({ worklistStatus: 'resolved', recoveredCents: 15_025 });
  const appeals = await allRows<{ claimKey: string; status: string; channel?: string; sentDate?: string }>(
    panel,
    'appeals',
  );
  expect(appeals).toHaveLength(1);
  expect(appeals[0]).toMatchObject({ claimKey: 'A26110400017', status: 'won', channel: 'fax' });
  expect(appeals[0]?.sentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // The audit log says what was done, with counts and kinds only.
  const log = await allRows<{ action: string; detail: string }>(panel, 'auditLog');
  expect(log.map((l) => l.action)).toEqual(['copy']);
  expect(log[0]?.detail).not.toContain('A26110400017');
});

test('practice profile: saved field by field in the options, an invalid value named and kept out, letters mark what is missing', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const options = await extensionPage('options.html');
  const profile = options.getByRole('region', { name: 'Practice profile' });
  await expect(profile.getByTestId('profile-missing')).toContainText('practice name');
  await profile.getByLabel('Practice name').fill('TEST PRACTICE LLC');
  await profile.getByLabel('Billing NPI').fill('123456789');
  await profile.getByLabel('Tax ID (TIN)').fill('12-3456789');
  await profile.getByLabel('Street address').fill('1 TEST PLAZA\nSUITE 100');
  await profile.getByLabel('State').fill('ny');
  await profile.getByTestId('profile-save').click();
  await expect(profile.getByTestId('profile-message')).toContainText(
    'Not saved, please correct: Billing NPI (an NPI has 10 digits)',
  );
  await expect(profile.getByTestId('profile-message')).toContainText(
    'Letters will mark as missing: practice NPI',
  );
  await expect(profile.getByRole('alert').first()).toContainText('an NPI has 10 digits');
  await expect(profile.getByTestId('profile-missing')).not.toContainText('practice name');
  await expect(profile.getByTestId('profile-missing')).toContainText('practice NPI');
  // What the biller typed stays in the form to be corrected.
  await expect(profile.getByLabel('Billing NPI')).toHaveValue('123456789');

  const portal = await ext.context.newPage();
  await portal.goto('https://apps.availity.com/public/apps/claim-status/claims/A26110400017');
  await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
  const letter = await panel.getByTestId('appeal-text').inputValue();
  expect(letter).toContain('TEST PRACTICE LLC');
  expect(letter).toContain('123456789');
  expect(letter).toContain('1 TEST PLAZA');
  expect(letter).toContain('[MISSING: practice NPI]');
  await expect(panel.getByTestId('appeal-missing')).toContainText('practice NPI');

  await profile.getByLabel('Billing NPI').fill('1234567893');
  await profile.getByTestId('profile-save').click();
  await expect(profile.getByTestId('profile-missing')).not.toContainText('practice NPI');
  await expect.poll(() => panel.getByTestId('appeal-text').inputValue()).toContain('1234567893');
});
