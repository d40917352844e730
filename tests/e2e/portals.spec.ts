import type { Worker } from '@playwright/test';
import { expect, loadSampleSchedule, test } from './fixtures';

/**
 * Every portal rule through the real built extension: the demo portals are served at the portals'
 * real origins (scripts/browser/launch.ts), the content script reads them, the background stores the
 * claim and the side panel shows it.
 */

const CLAIM_PAGES = [
  [
    'UnitedHealthcare claim details (ARIA grid)',
    'https://provider.uhc.com/claims/U26110400017',
    'U26110400017',
  ],
  [
    'UnitedHealthcare claim details (2025 redesign)',
    'https://provider.uhc.com/claims/U26110400019',
    'U26110400019',
  ],
  [
    'Aetna claim details on NaviNet',
    'https://navinet.navimedix.com/insurers/aetna/claims/claim-status/details/E26110400017',
    'E26110400017',
  ],
  [
    'Aetna EOB with split adjustments',
    'https://navinet.navimedix.com/insurers/aetna/remittance/eob/E26110400018',
    'E26110400018',
  ],
  [
    'Cigna for HCP claim detail',
    'https://cignaforhcp.cigna.com/app/claims/detail/C26110400017',
    'C26110400017',
  ],
  [
    'Cigna for HCP legacy claim detail',
    'https://cignaforhcp.cigna.com/app/claims/detail/C26110400019',
    'C26110400019',
  ],
  ['Humana claim inquiry', 'https://provider.humana.com/claims/inquiry/H26110400018', 'H26110400018'],
  [
    'Humana remittance advice',
    'https://provider.humana.com/payments/remittance/H26110400017',
    'H26110400017',
  ],
] as const;

for (const [name, url, claimNumber] of CLAIM_PAGES) {
  test(`${name} is read and shown in the side panel`, async ({ ext, extensionPage, tabIdOf }) => {
    await loadSampleSchedule(extensionPage);
    const portal = await ext.context.newPage();
    await portal.goto(url);
    const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
    await expect(panel.getByTestId('claim-number')).toHaveText(claimNumber);
    await expect(panel.getByTestId('unreadable')).toHaveCount(0);
    // The page itself shows the summary, in the frame that was read.
    await expect(portal.locator('oon-guard-overlay [role="status"]')).toHaveText(/^OON Guard: /);
  });
}

/** Records every message the content scripts send to the background, alongside the real handlers. */
async function spyOnMessages(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __oonSeen?: { type: string; url: string }[] };
    g.__oonSeen = [];
    chrome.runtime.onMessage.addListener((message: { type?: string; data?: { url?: string } }) => {
      g.__oonSeen?.push({ type: String(message?.type), url: String(message?.data?.url) });
    });
  });
}

function messagesSeen(worker: Worker): Promise<{ type: string; url: string }[]> {
  return worker.evaluate(
    () => (globalThis as unknown as { __oonSeen: { type: string; url: string }[] }).__oonSeen,
  );
}

test('UHC claim list → claim details by history.pushState is read once per URL', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  await loadSampleSchedule(extensionPage);
  await spyOnMessages(ext.worker);
  const portal = await ext.context.newPage();
  await portal.goto('https://provider.uhc.com/claims');
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('claim-list')).toContainText('UnitedHealthcare Provider Portal list');

  await portal.evaluate(() => {
    (window as unknown as { noReload: boolean }).noReload = true;
  });
  await portal.getByRole('link', { name: 'U26110400017' }).click();
  await expect(portal).toHaveURL('https://provider.uhc.com/claims/U26110400017');
  await expect(panel.getByTestId('claim-number')).toHaveText('U26110400017');
  expect(await portal.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

  // The demo page keeps mutating (a session timer); a reader that re-read on every change would send more.
  await portal.waitForTimeout(1500);
  const seen = await messagesSeen(ext.worker);
  const reads = (type: string, url: string) => seen.filter((m) => m.type === type && m.url === url).length;
  expect(reads('saveClaimList', 'https://provider.uhc.com/claims')).toBe(1);
  expect(reads('saveScrapedClaim', 'https://provider.uhc.com/claims/U26110400017')).toBe(1);

  await portal.getByRole('link', { name: 'Submit Reconsideration' }).click();
  await expect(portal).toHaveURL('https://provider.uhc.com/claims/U26110400017/reconsideration');
  await expect
    .poll(async () => (await messagesSeen(ext.worker)).filter((m) => m.type === 'reportFormPage').length)
    .toBe(1);
});

test('an Aetna claim inside the NaviNet workflow iframe is read', async ({ ext, extensionPage, tabIdOf }) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://navinet.navimedix.com/navinet/portal/claims/E26110400018');
  await expect(
    portal.frameLocator('#workflowFrame').getByRole('heading', { name: /Claim Details/ }),
  ).toBeVisible();
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('claim-number')).toHaveText('E26110400018');
  await expect(portal.frameLocator('#workflowFrame').locator('oon-guard-overlay [role="status"]')).toHaveText(
    /^OON Guard: /,
  );
});

test('a changed UHC layout is reported unreadable, naming the portal and the fields', async ({
  ext,
  extensionPage,
  tabIdOf,
  badgeOf,
}) => {
  await loadSampleSchedule(extensionPage);
  const portal = await ext.context.newPage();
  await portal.goto('https://provider.uhc.com/claims/U26110400099');
  const tabId = await tabIdOf(portal);
  const panel = await extensionPage(`sidepanel.html?tabId=${tabId}`);
  const notice = panel.getByTestId('unreadable');
  await expect(notice).toContainText('UnitedHealthcare Provider Portal');
  for (const field of [
    'claimNumber: not found on the page',
    'lines.billed: column not found',
    'lines.paid: column not found',
  ]) {
    await expect(notice).toContainText(field);
  }
  await expect(panel.getByTestId('claim-number')).toHaveCount(0);
  await expect.poll(() => badgeOf(tabId)).toBe('!');
});

test('a Humana remittance whose lines never rendered is reported unreadable', async ({
  ext,
  extensionPage,
  tabIdOf,
}) => {
  const portal = await ext.context.newPage();
  await portal.goto('https://provider.humana.com/payments/remittance/H26110400099');
  const panel = await extensionPage(`sidepanel.html?tabId=${await tabIdOf(portal)}`);
  await expect(panel.getByTestId('unreadable')).toContainText('Humana Provider Portal');
  await expect(panel.getByTestId('unreadable')).toContainText('lines: service-line table not found');
});
