import type { Page } from '@playwright/test';
import {
  FORGED_CLAIM_NUMBERS,
  HOSTILE_ACCOUNT,
  HOSTILE_MEMBER_ID,
  HOSTILE_NAME,
} from '../../scripts/demo-portal/hostile';
import { expect, loadSampleSchedule, test } from './fixtures';

const CLAIMS = 'https://apps.availity.com/public/apps/claim-status/claims';

/** Every stored record's key and claim, straight from IndexedDB, read from an extension page. */
function storedClaims(page: Page): Promise<{ key: string; claim: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('oon-guard');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('claims', 'readonly').objectStore('claims').getAll();
          all.onsuccess = () => {
            resolve(
              all.result.map((r: { key: string; claim: Record<string, unknown> }) => ({
                key: r.key,
                claim: r.claim,
              })),
            );
            req.result.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** True when markup from a page ran anywhere it was shown: the hostile strings set this flag. */
const pwned = (page: Page) =>
  page.evaluate(() => (window as unknown as { __oonPwned?: string }).__oonPwned ?? null);

test.describe('hostile portal pages', () => {
  let dialogs: string[];
  test.beforeEach(({ ext }) => {
    dialogs = [];
    const watch = (p: Page) =>
      p.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    ext.context.pages().forEach(watch);
    ext.context.on('page', watch);
  });
  test.afterEach(() => {
    expect(dialogs, 'no page or extension page may open a dialog').toEqual([]);
  });

  test('markup in patient fields is stored and shown as text, forged messages and events are ignored, nothing runs', async ({
    ext,
    extensionPage,
    tabIdOf,
    badgeOf,
  }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(`${CLAIMS}/HOSTILE-XSS`);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    const tabId = await tabIdOf(portal);
    await expect.poll(() => badgeOf(tabId)).toBe('2');
    expect(await portal.evaluate(() => (window as unknown as { __oonForged?: boolean }).__oonForged)).toBe(
      true,
    );

    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    await expect(panel.getByTestId('claim-number')).toHaveText('HOSTILE-XSS');
    await expect(panel.getByTestId('total-shortfall')).toHaveText('$182.40');

    const stored = await storedClaims(panel);
    expect(stored.map((s) => s.key)).toEqual(['HOSTILEXSS']);
    expect(stored[0]!.claim).toMatchObject({
      claimNumber: 'HOSTILE-XSS',
      patientName: HOSTILE_NAME,
      memberId: HOSTILE_MEMBER_ID,
      patientAccount: HOSTILE_ACCOUNT.trim(),
      payerName: 'ACME HEALTH PLAN',
    });
    for (const forged of FORGED_CLAIM_NUMBERS) expect(JSON.stringify(stored)).not.toContain(forged);

    // Every place the claim is shown: the page (our overlay), the side panel, the dashboard, the options page.
    const dashboard = await extensionPage('dashboard.html');
    await expect(dashboard.getByText('HOSTILE-XSS').first()).toBeVisible();
    const options = await extensionPage('options.html');
    for (const p of [portal, panel, dashboard, options]) expect(await pwned(p)).toBeNull();
    expect(await panel.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
    expect(await dashboard.locator('img[src="x"], svg[onload]').count()).toBe(0);
  });

  test('markup and script text in amounts: the page is refused as unreadable, nothing is stored', async ({
    ext,
    extensionPage,
    tabIdOf,
    badgeOf,
  }) => {
    const portal = await ext.context.newPage();
    await portal.goto(`${CLAIMS}/HOSTILE-AMOUNT`);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    const tabId = await tabIdOf(portal);
    await expect.poll(() => badgeOf(tabId)).toBe('!');
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    expect(await storedClaims(panel)).toEqual([]);
    expect(await pwned(portal)).toBeNull();
    expect(await pwned(panel)).toBeNull();
  });

  // WXT's ContentScriptContext invalidates itself on a "<id>:portal:wxt:content-script-started" event from
  // any other sender; the content script no longer posts that name to the page, so a page cannot echo it.
  test("a page echoing WXT's content-script-started event does not stop the reading", async ({
    ext,
    extensionPage,
    tabIdOf,
    badgeOf,
  }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(`${CLAIMS}/HOSTILE-ECHO`);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    const tabId = await tabIdOf(portal);
    await expect.poll(() => badgeOf(tabId), { timeout: 5000 }).toBe('2');
  });

  // <form name="chrome"><input name="runtime"> would shadow the extension API global by named access;
  // the content script pins the real globals before the page's markup exists.
  test('a form named chrome does not stop the reading', async ({ ext, extensionPage, tabIdOf, badgeOf }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(`${CLAIMS}/HOSTILE-CHROME`);
    const tabId = await tabIdOf(portal);
    await expect.poll(() => badgeOf(tabId), { timeout: 5000 }).toBe('2');
  });

  // Label locators skip hidden elements, so a hidden "Claim Number" placed first decides nothing.
  test('a hidden claim number never decides where the claim is stored', async ({
    ext,
    extensionPage,
    tabIdOf,
    badgeOf,
  }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(`${CLAIMS}/HOSTILE-HIDDEN`);
    const tabId = await tabIdOf(portal);
    await expect.poll(() => badgeOf(tabId)).not.toBe('');
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    const keys = (await storedClaims(panel)).map((s) => s.key);
    expect(keys).toEqual(['HOSTILEHIDDEN']);
  });

  test('names that shadow document properties store nothing forged', async ({
    ext,
    extensionPage,
    tabIdOf,
    badgeOf,
  }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(`${CLAIMS}/HOSTILE-CLOBBER`);
    await expect(portal.getByRole('heading', { name: /Claim Detail/ })).toBeVisible();
    const tabId = await tabIdOf(portal);
    await expect.poll(() => badgeOf(tabId)).not.toBe('');
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    const stored = await storedClaims(panel);
    // Read correctly or refused as unreadable; never a forged or misattributed claim.
    for (const s of stored) {
      expect(s.key).toBe('HOSTILECLOBBER');
      expect(s.claim).toMatchObject({
        patientName: 'TESTPATIENT, CLOBBER',
        billedCents: 343500,
        paidCents: 162680,
      });
    }
    expect(JSON.stringify(stored)).not.toMatch(/FORGED/);
  });

  test('a transparent layer over the dispute form: fill refuses and fills nothing; forged fill messages fill nothing', async ({
    ext,
    extensionPage,
    tabIdOf,
    badgeOf,
  }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(`${CLAIMS}/HOSTILE-XSS`);
    const tabId = await tabIdOf(portal);
    await expect.poll(() => badgeOf(tabId)).toBe('2');
    await portal.getByRole('link', { name: 'Dispute Claim' }).click();
    await expect(portal.getByRole('heading', { name: 'Dispute Claim' })).toBeVisible();
    const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
    await expect(panel.getByTestId('fill-appeal')).toBeEnabled();
    await panel.getByTestId('fill-appeal').click();
    await expect(panel.getByTestId('appeal-status')).toContainText('covered by another element');
    // The page forged fillAppealForm messages too: still nothing in the form.
    await portal.waitForTimeout(600);
    for (const field of [
      'input[name="claimNumber"]',
      'input[name="disputedAmount"]',
      'textarea[name="supportingInformation"]',
    ])
      await expect(portal.locator(field)).toHaveValue('');
    expect(portal.url()).toContain('/appeals/dispute/HOSTILE-XSS');
    expect(await pwned(portal)).toBeNull();
    expect(await pwned(panel)).toBeNull();
  });
});
