import { DEMO_CLAIMS, type DemoClaim } from './data';
import { escapeHtml as e, page } from './html';

/**
 * A Cigna for HCP-style claim search and claim detail (domain.md 7.3), synthetic data only.
 * Layouts: the current detail with data-test hooks, the legacy detail (claim ...19: th/td summary,
 * separate modifier column, no hooks), and a detail whose service lines did not render (claim ...99).
 */
export const CIGNA_ORIGIN = 'https://cignaforhcp.cigna.com';

type Layout = 'current' | 'legacy' | 'broken';
interface CignaClaim extends DemoClaim {
  layout: Layout;
}

const LAYOUTS: Layout[] = ['current', 'current', 'legacy'];

export const CIGNA_CLAIMS: CignaClaim[] = [
  ...DEMO_CLAIMS.map((c, i) => ({
    ...c,
    claimNumber: `C${c.claimNumber.slice(1)}`,
    payer: 'Cigna',
    status: c.status.includes('Denial') ? 'Denied' : 'Processed',
    layout: LAYOUTS[i] ?? 'current',
  })),
  { ...DEMO_CLAIMS[0]!, claimNumber: 'C26110400099', payer: 'Cigna', status: 'Processed', layout: 'broken' },
];

/** "CO-45: $121.60; PR-2: $25.68" as Cigna lists it: "CO 45 121.60 | PR 2 25.68". */
const adjustments = (s: string) => s.replace(/-/g, ' ').replace(/: \$/g, ' ').replace(/; /g, ' | ');

function currentDetail(c: CignaClaim): string {
  const dl = (label: string, value: string, test?: string) =>
    `<div class="pair"><dt>${e(label)}</dt><dd${test ? ` data-test="${test}"` : ''}>${e(value)}</dd></div>`;
  const lines = c.lines
    .map(
      (
        l,
      ) => `<tr><td>${e(l.date)}</td><td>${e(l.modifiers ? `${l.code}-${l.modifiers}` : l.code)}</td><td>${e(l.units)}</td><td>11</td>
<td class="num">${e(l.billed)}</td><td class="num">${e(l.allowed)}</td><td class="num">${e(l.deductible)}</td><td class="num">${e(l.copay)}</td>
<td class="num">${e(l.coinsurance)}</td><td class="num">${e(l.paid)}</td><td>${e(adjustments(l.adjustments))}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  const table =
    c.layout === 'broken'
      ? '<p class="lazy"><button type="button">Show service lines</button></p>'
      : `<table data-test="service-lines">
<thead><tr><th>Service Date</th><th>Procedure Code</th><th>Units</th><th>Place of Service</th><th>Amount Charged</th><th>Amount Allowed</th>
<th>Deductible</th><th>Copay</th><th>Coinsurance</th><th>Amount Paid</th><th>Adjustment Reason</th><th>Remark Codes</th></tr></thead>
<tbody>
${lines}
<tr class="total"><td>Total</td><td></td><td></td><td></td><td class="num">${e(c.billed)}</td><td class="num">${e(c.allowed)}</td><td></td><td></td><td></td><td class="num">${e(c.paid)}</td><td></td><td></td></tr>
</tbody></table>`;
  return `<main data-page="claim-detail">
<h1>Claim Detail</h1>
<section class="av-card" data-test="claim-summary">
<dl class="av-summary">
${dl('Claim ID', c.claimNumber, 'claim-id')}${dl('Patient Account Number', c.patientAccount)}${dl('Patient Name', c.patientName)}
${dl('Customer ID', c.memberId)}${dl('Date(s) of Service', c.serviceDates)}${dl('Received Date', '10/16/2026')}
${dl('Claim Status', c.status)}${dl('Amount Charged', c.billed, 'amount-charged')}${dl('Amount Allowed', c.allowed)}
${dl('Amount Paid', c.paid, 'amount-paid')}${dl('Patient Responsibility', c.patientResponsibility)}
${dl('Check/EFT Number', c.checkNumber)}${dl('Check/EFT Date', c.checkDate)}${c.remarks ? dl('Claim Remark Codes', c.remarks) : ''}
</dl>
</section>
<section class="av-card"><h2>Service Lines</h2>
${table}
</section>
</main>`;
}

function legacyDetail(c: CignaClaim): string {
  const tr = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`;
  const lines = c.lines
    .map(
      (l) => `<tr><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
<td>${e(l.billed)}</td><td>${e(l.allowed)}</td><td>${e(l.deductible)}</td><td>${e(l.copay)}</td><td>${e(l.coinsurance)}</td>
<td>${e(l.paid)}</td><td>${e(adjustments(l.adjustments))}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  return `<main data-page="claim-detail">
<h1>Claim Detail</h1>
<div data-test="claim-summary">
<table class="summary-legacy"><tbody>
${tr('Claim Number', c.claimNumber)}${tr('Patient Account Number', c.patientAccount)}${tr('Patient Name', c.patientName)}
${tr('Customer ID', c.memberId)}${tr('Date(s) of Service', c.serviceDates)}${tr('Claim Status', c.status)}
${tr('Total Charged', c.billed)}${tr('Amount Allowed', c.allowed)}${tr('Total Paid', c.paid)}
${tr('Patient Responsibility', c.patientResponsibility)}${tr('Check/EFT Number', c.checkNumber)}${tr('Check/EFT Date', c.checkDate)}
${c.remarks ? tr('Claim Remark Codes', c.remarks) : ''}
</tbody></table>
</div>
<table class="claim-lines-legacy">
<thead><tr><th>DOS</th><th>CPT</th><th>Mod</th><th>Units</th><th>Charged</th><th>Allowed</th><th>Deductible</th><th>Copay</th>
<th>Coinsurance</th><th>Paid</th><th>Adj Reason</th><th>Remarks</th></tr></thead>
<tbody>
${lines}
</tbody></table>
</main>`;
}

function results(): string {
  const rows = [
    ...CIGNA_CLAIMS.filter((c) => c.layout !== 'broken'),
    {
      claimNumber: 'C26110400020',
      patientAccount: 'PA-100270',
      serviceDates: '11/02/2026',
      billed: '$310.00',
      paid: '$0.00',
      status: 'In Process',
    },
    {
      claimNumber: 'C26110400021',
      patientAccount: 'PA-100277',
      serviceDates: '11/03/2026',
      billed: '$185.00',
      paid: '$0.00',
      status: 'Processed - Not Paid',
    },
  ]
    .map(
      (
        c,
      ) => `<tr><td><a href="/app/claims/detail/${e(c.claimNumber)}">${e(c.claimNumber)}</a></td><td>${e(c.patientAccount)}</td>
<td>${e(c.serviceDates)}</td><td class="num">${e(c.billed)}</td><td class="num">${e(c.paid)}</td><td>${e(c.status)}</td></tr>`,
    )
    .join('\n');
  return `<main data-page="claim-results">
<h1>Claim Search Results</h1>
<table data-test="claim-search-results" aria-label="Claim search results">
<thead><tr><th>Claim ID</th><th>Patient Account Number</th><th>Date(s) of Service</th><th>Amount Charged</th><th>Amount Paid</th><th>Claim Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</main>`;
}

/** The HTML for a path on the demo Cigna for HCP origin, or undefined for a 404. */
export function renderCigna(pathname: string): string | undefined {
  const title = 'Cigna for HCP';
  const top = '<header class="av-top"><strong>Cigna for HCP</strong><span>Demo Practice</span></header>';
  if (pathname === '/app/claims/results') return page(title, top + results());
  const m = /^\/app\/claims\/detail\/([A-Za-z0-9]+)$/.exec(pathname);
  const claim = m && CIGNA_CLAIMS.find((c) => c.claimNumber === m[1]);
  if (!claim) return undefined;
  return page(title, top + (claim.layout === 'legacy' ? legacyDetail(claim) : currentDetail(claim)));
}
