import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, loadSampleSchedule, storedClaimKeys, test } from './fixtures';

const CLAIM_URL = 'https://apps.availity.com/public/apps/claim-status/claims/A26110400017';

/** Serious and critical violations, one line each with the elements they hit, so a failure says what to fix. */
async function seriousViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme });
  const result = await new AxeBuilder({ page }).analyze();
  // AXE_REPORT=1 lists the moderate and minor findings too, for a review.
  if (process.env.AXE_REPORT)
    for (const v of result.violations)
      console.log(
        `${page.url()} [${colorScheme}] ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `[${colorScheme}] ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAccessible(page: Page): Promise<void> {
  expect([...(await seriousViolations(page, 'light')), ...(await seriousViolations(page, 'dark'))]).toEqual(
    [],
  );
}

test.describe('axe-core finds no serious or critical violation, light and dark', () => {
  test('popup, with a claim read', async ({ ext, extensionPage, tabIdOf }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(CLAIM_URL);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    const tabId = await tabIdOf(portal);
    const popup = await extensionPage(`popup.html?tabId=${tabId}`);
    await expect(popup.getByTestId('flagged-claims')).toHaveText('1');
    await expectAccessible(popup);
  });

  test('side panel, with a claim loaded', async ({ ext, extensionPage, tabIdOf }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(CLAIM_URL);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    const tabId = await tabIdOf(portal);
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    await expect(panel.getByTestId('claim-number')).toHaveText('A26110400017');
    await expectAccessible(panel);
  });

  test('options', async ({ extensionPage }) => {
    await loadSampleSchedule(extensionPage);
    const options = await extensionPage('options.html');
    await expect(options.getByTestId('active-schedule')).toHaveText('sample-fee-schedule');
    await expectAccessible(options);
  });

  test('onboarding, before and during a schedule import', async ({ extensionPage }) => {
    const page = await extensionPage('onboarding.html');
    await expect(page.getByRole('heading', { name: 'Welcome to OON Guard' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Load the sample schedule' }).click();
    await expect(page.getByTestId('import-review')).toBeVisible();
    await expectAccessible(page);
  });

  test('dashboard worklist, an open claim, and reports', async ({ ext, extensionPage }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    const dashboard = await extensionPage('dashboard.html');
    for (const [i, n] of ['A26110400017', 'A26110400018'].entries()) {
      await portal.goto(`https://apps.availity.com/public/apps/claim-status/claims/${n}`);
      await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
      await expect.poll(() => storedClaimKeys(dashboard)).toHaveLength(i + 1);
    }
    await dashboard.bringToFront();
    await expect(dashboard.getByTestId('result-count')).toHaveText('2 of 2 claims shown');
    await expectAccessible(dashboard);
    await dashboard.locator('tr[data-index="0"]').focus();
    await dashboard.keyboard.press('Enter');
    await expect(dashboard.getByTestId('claim-detail')).toBeVisible();
    await expect(dashboard.locator('#detail-heading')).toBeFocused();
    await expectAccessible(dashboard);
    await dashboard.getByRole('tab', { name: 'Reports' }).click();
    await expect(dashboard.getByTestId('report-shortfall-by-payer')).toBeVisible();
    await expectAccessible(dashboard);
  });
});

test('the worklist is operable from the keyboard alone, with focus always visible', async ({
  ext,
  extensionPage,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  const dashboard = await extensionPage('dashboard.html');
  for (const [i, n] of ['A26110400017', 'A26110400018', 'A26110400019'].entries()) {
    await portal.goto(`https://apps.availity.com/public/apps/claim-status/claims/${n}`);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    await expect.poll(() => storedClaimKeys(dashboard)).toHaveLength(i + 1);
  }
  await dashboard.bringToFront();
  await expect(dashboard.getByTestId('result-count')).toHaveText('3 of 3 claims shown');
  const focusedOutline = () =>
    dashboard.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'nothing focused';
      const style = getComputedStyle(el);
      return style.outlineStyle === 'none' && style.boxShadow === 'none'
        ? `${el.outerHTML.slice(0, 80)} has no focus outline`
        : 'visible';
    });
  // Tab reaches the worklist row; every stop on the way shows a focus outline.
  let reached = false;
  for (let i = 0; i < 30 && !reached; i += 1) {
    await dashboard.keyboard.press('Tab');
    expect(await focusedOutline()).toBe('visible');
    reached = await dashboard.evaluate(() => document.activeElement?.matches('tr[data-index]') ?? false);
  }
  expect(reached).toBe(true);
  await dashboard.keyboard.press('ArrowDown');
  await expect(dashboard.locator('tr[data-index="1"]')).toBeFocused();
  await dashboard.keyboard.press('End');
  await expect(dashboard.locator('tr[data-index="2"]')).toBeFocused();
  await dashboard.keyboard.press('Home');
  await expect(dashboard.locator('tr[data-index="0"]')).toBeFocused();
  await dashboard.keyboard.press('Space');
  await expect(dashboard.getByTestId('bulk-actions')).toContainText('1 selected');
  await dashboard.keyboard.press('Enter');
  await expect(dashboard.locator('#detail-heading')).toBeFocused();
  // Tabs move with the arrow keys.
  await dashboard.getByRole('tab', { name: 'Worklist' }).focus();
  await dashboard.keyboard.press('ArrowRight');
  await expect(dashboard.getByRole('tab', { name: 'Reports' })).toBeFocused();
  await expect(dashboard.getByRole('tab', { name: 'Reports' })).toHaveAttribute('aria-selected', 'true');
});
