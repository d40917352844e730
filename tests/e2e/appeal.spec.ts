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
