import { DEMO_CLAIMS, DEMO_RESULTS, type DemoClaim } from './data';
import { escapeHtml as e, page } from './html';

/**
 * A small Availity-style portal (domain.md 7.3): the Essentials shell hosts each app in an iframe,
 * as the real portal does; claim status results, claim detail with service lines, and the Dispute
 * Claim form. Everything is synthetic.
 */
export const AVAILITY_ORIGIN = 'https://apps.availity.com';

const NAV = `<nav class="av-nav" aria-label="Availity"><a href="/public/apps/claim-status/results">Claim Status</a>
<a href="/public/apps/claim-status/results">Remittance Viewer</a><a href="#">Eligibility</a></nav>`;

function claimDetail(c: DemoClaim): string {
  const rows = c.lines
    .map(
      (l, i) => `<tr>
  <td>${i + 1}</td><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
  <td class="num">${e(l.billed)}</td><td class="num">${e(l.allowed)}</td><td class="num">${e(l.deductible)}</td>
  <td class="num">${e(l.coinsurance)}</td><td class="num">${e(l.copay)}</td><td class="num">${e(l.paid)}</td>
  <td>${e(l.adjustments)}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  const dl = (label: string, value: string) => `<div><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`;
  return `${NAV}
<main>
<div class="av-breadcrumb">Claims &amp; Payments › Claim Status › Claim Detail</div>
<section class="av-card" aria-labelledby="claim-title" data-testid="claim-header">
  <h1 id="claim-title">Claim Detail <span class="av-status">${e(c.status)}</span></h1>
  <dl class="av-summary">
    ${dl('Claim Number', c.claimNumber)}${dl('Patient Account Number', c.patientAccount)}
    ${dl('Patient Name', c.patientName)}${dl('Member ID', c.memberId)}${dl('Payer', c.payer)}
    ${dl('Service Dates', c.serviceDates)}${dl('Claim Status', c.status)}${dl('Billed Amount', c.billed)}
    ${dl('Allowed Amount', c.allowed)}${dl('Paid Amount', c.paid)}${dl('Patient Responsibility', c.patientResponsibility)}
    ${dl('Check/EFT Number', c.checkNumber)}${dl('Check/EFT Date', c.checkDate)}
    ${c.remarks ? dl('Claim Remark Codes', c.remarks) : ''}
  </dl>
  <p><a class="av-button" href="/public/apps/appeals/dispute/${e(c.claimNumber)}">Dispute Claim</a></p>
</section>
<section class="av-card">
<h2>Service Lines</h2>
<table data-testid="service-lines" aria-label="Service lines">
  <thead><tr><th>Line</th><th>Service Date</th><th>Procedure</th><th>Modifiers</th><th>Units</th><th>Billed</th>
  <th>Allowed</th><th>Deductible</th><th>Coinsurance</th><th>Copay</th><th>Paid</th><th>Adjustments</th><th>Remark Codes</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
</section>
</main>`;
}

function results(): string {
  const rows = DEMO_RESULTS.map(
    (
      r,
    ) => `<tr><td><a href="/public/apps/claim-status/claims/${e(r.claimNumber)}">${e(r.claimNumber)}</a></td>
  <td>${e(r.patientAccount)}</td><td>${e(r.payer)}</td><td>${e(r.serviceDates)}</td>
  <td class="num">${e(r.billed)}</td><td class="num">${e(r.paid)}</td><td>${e(r.status)}</td></tr>`,
  ).join('\n');
  return `${NAV}
<main>
<div class="av-breadcrumb">Claims &amp; Payments › Claim Status › Results</div>
<section class="av-card">
<h1>Claim Status Results</h1>
<table data-testid="claim-results" aria-label="Claim search results">
  <thead><tr><th>Claim Number</th><th>Patient Account</th><th>Payer</th><th>Service Dates</th><th>Billed</th><th>Paid</th><th>Status</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
</section>
</main>`;
}

function disputeForm(c: DemoClaim): string {
  return `${NAV}
<main>
<div class="av-breadcrumb">Claims &amp; Payments › Appeals › Dispute Claim</div>
<section class="av-card">
<h1>Dispute Claim</h1>
<form data-testid="dispute-form" action="/public/apps/appeals/submitted" method="post">
  <p><label for="claimNumber">Claim Number</label><input id="claimNumber" name="claimNumber" value=""></p>
  <p><label for="disputeReason">Dispute Reason</label>
    <select id="disputeReason" name="disputeReason">
      <option value="">Select a reason</option>
      <option value="underpayment">Underpayment / Reimbursement</option>
      <option value="denial">Claim denial</option>
      <option value="timely-filing">Timely filing</option>
      <option value="medical-necessity">Medical necessity</option>
      <option value="authorization">Authorization</option>
      <option value="coding">Coding / bundling</option>
      <option value="other">Other</option>
    </select></p>
  <p><label for="disputedAmount">Disputed Amount</label><input id="disputedAmount" name="disputedAmount" inputmode="decimal"></p>
  <p><label for="supportingInformation">Supporting Information</label>
    <textarea id="supportingInformation" name="supportingInformation" rows="12" cols="80"></textarea></p>
  <p class="av-hint">Disputing claim for ${e(c.patientAccount)}. Attach documents on the next step.</p>
  <button type="submit">Submit Dispute</button>
</form>
</section>
</main>`;
}

function shell(appPath: string): string {
  return `<header class="av-top"><strong>Availity Essentials</strong> <span>Demo Practice · Organization</span></header>
<iframe id="newBodyFrame" name="newBodyFrame" title="Application" src="${e(appPath)}" style="width:100%;height:1400px;border:0"></iframe>`;
}

/** The HTML for a path on the demo Availity origin, or undefined for a 404. */
export function renderAvaility(pathname: string): string | undefined {
  if (pathname === '/availity/web/portal.html') {
    return page('Availity Essentials', shell('/public/apps/claim-status/results'));
  }
  const m = /^\/availity\/web\/portal\/claims\/([A-Za-z0-9-]+)$/.exec(pathname);
  if (m) return page('Availity Essentials', shell(`/public/apps/claim-status/claims/${m[1]}`));
  if (pathname === '/public/apps/claim-status/results') return page('Claim Status Results', results());
  const detail = /^\/public\/apps\/claim-status\/claims\/([A-Za-z0-9-]+)$/.exec(pathname);
  const claim = detail && DEMO_CLAIMS.find((c) => c.claimNumber === detail[1]);
  if (claim) return page(`Claim ${claim.claimNumber}`, claimDetail(claim));
  const dispute = /^\/public\/apps\/appeals\/dispute\/([A-Za-z0-9-]+)$/.exec(pathname);
  const disputed = dispute && DEMO_CLAIMS.find((c) => c.claimNumber === dispute[1]);
  if (disputed) return page('Dispute Claim', disputeForm(disputed));
  return undefined;
}
