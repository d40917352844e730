import { DEMO_CLAIMS, type DemoClaim } from './data';
import { escapeHtml as e, page } from './html';

/**
 * A UnitedHealthcare Provider Portal-style Claims tool (domain.md 7.3), synthetic data only. It is a
 * small single-page app: links marked data-spa push the new URL and render the next page in place
 * after a short delay, as the real tool does, so the content script must follow history.pushState.
 * Layouts: the 2024 claim details with an ARIA grid of service lines, the 2025 redesign (dt/dd and a
 * plain table; claim ...19), and a changed layout the rule cannot read (claim ...99).
 */
export const UHC_ORIGIN = 'https://provider.uhc.com';

type Layout = 'grid' | 'redesign' | 'broken';
interface UhcClaim extends DemoClaim {
  layout: Layout;
  paymentNumber: string;
  receivedDate: string;
}

const RECEIVED = ['10/14/2026', '10/15/2026', '10/20/2026'];
const PAYMENT = ['VCP5512004', 'ACH88120046', 'VCP5512007'];
const LAYOUTS: Layout[] = ['grid', 'grid', 'redesign'];

export const UHC_CLAIMS: UhcClaim[] = [
  ...DEMO_CLAIMS.map((c, i) => ({
    ...c,
    claimNumber: `U${c.claimNumber.slice(1)}`,
    payer: 'UnitedHealthcare',
    status: c.status.includes('Denial') ? 'Denied' : 'Paid',
    layout: LAYOUTS[i] ?? 'grid',
    paymentNumber: PAYMENT[i] ?? '',
    receivedDate: RECEIVED[i] ?? '',
  })),
  {
    ...DEMO_CLAIMS[0]!,
    claimNumber: 'U26110400099',
    payer: 'UnitedHealthcare',
    status: 'Paid',
    layout: 'broken',
    paymentNumber: 'VCP5512099',
    receivedDate: '10/14/2026',
  },
];

const SPA_SCRIPT = `<script>
document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[data-spa]');
  if (!a) return;
  ev.preventDefault();
  const href = a.getAttribute('href');
  history.pushState({}, '', href);
  fetch(href).then((r) => r.text()).then((html) => {
    const next = new DOMParser().parseFromString(html, 'text/html');
    setTimeout(() => {
      document.querySelector('main').replaceWith(document.adoptNode(next.querySelector('main')));
      document.title = next.title;
    }, 300);
  });
});
window.addEventListener('popstate', () => location.reload());
let left = 1800;
setInterval(() => { left -= 1; const t = document.querySelector('[data-testid="session-timer"]'); if (t) t.textContent = 'Session ' + Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0'); }, 250);
</script>`;

function chrome(main: string): string {
  return `<header class="av-top"><strong>UnitedHealthcare Provider Portal</strong>
<span>Demo Practice · TIN ending 0000</span><span data-testid="session-timer">Session 30:00</span></header>
<nav class="av-nav" aria-label="Provider portal"><a data-spa href="/claims">Claims</a><a href="#">TrackIt</a><a href="#">Eligibility</a></nav>
${main}
${SPA_SCRIPT}`;
}

function gridLines(c: UhcClaim, headers: string[]): string {
  const head = headers.map((h) => `<div role="columnheader">${e(h)}</div>`).join('');
  const rows = c.lines
    .map((l, i) => {
      const cells = [
        String(i + 1),
        l.date,
        l.code,
        l.modifiers,
        l.units,
        l.billed,
        l.allowed,
        l.deductible,
        l.coinsurance,
        l.copay,
        l.paid,
        l.adjustments,
        l.remarks,
      ];
      return `<div role="row" aria-rowindex="${i + 2}">${cells.map((v) => `<div role="gridcell">${e(v)}</div>`).join('')}</div>`;
    })
    .join('\n');
  return `<div role="grid" aria-label="Service lines" data-testid="service-lines-grid" class="uhc-grid" aria-rowcount="${c.lines.length + 2}">
<div role="rowgroup"><div role="row" aria-rowindex="1">${head}</div></div>
<div role="rowgroup">
${rows}
<div role="row" class="total"><div role="gridcell">Claim Total</div><div role="gridcell"></div><div role="gridcell"></div><div role="gridcell"></div><div role="gridcell"></div><div role="gridcell">${e(c.billed)}</div><div role="gridcell">${e(c.allowed)}</div><div role="gridcell"></div><div role="gridcell"></div><div role="gridcell"></div><div role="gridcell">${e(c.paid)}</div><div role="gridcell"></div><div role="gridcell"></div></div>
</div></div>`;
}

const GRID_HEADERS = [
  'Line',
  'Dates of Service',
  'Procedure Code',
  'Modifier(s)',
  'Units',
  'Billed',
  'Allowed',
  'Deductible',
  'Coinsurance',
  'Copay',
  'Paid',
  'Adjustment Reason Codes',
  'Remark Codes',
];
// A changed layout: the money columns were renamed, so the rule no longer finds them.
const BROKEN_HEADERS = [
  'Line',
  'Dates of Service',
  'Procedure Code',
  'Modifier(s)',
  'Units',
  'Submitted Charges',
  'Allowed',
  'Deductible',
  'Coinsurance',
  'Copay',
  'Plan Payment',
  'Adjustment Reason Codes',
  'Remark Codes',
];

function field(label: string, value: string, testId?: string): string {
  const id = `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const tid = testId ? ` data-testid="${testId}"` : '';
  return `<div class="uhc-field"><span class="uhc-label" id="${id}">${e(label)}</span> <span class="uhc-value" aria-labelledby="${id}"${tid}>${e(value)}</span></div>`;
}

function gridDetail(c: UhcClaim): string {
  const broken = c.layout === 'broken';
  const summary = [
    broken ? field('Claim Reference', c.claimNumber) : field('Claim Number', c.claimNumber, 'claim-number'),
    field('Patient Account Number', c.patientAccount, broken ? undefined : 'patient-account'),
    field('Patient Name', c.patientName),
    field('Member ID', c.memberId),
    field('Dates of Service', c.serviceDates),
    field('Received Date', c.receivedDate),
    field('Claim Status', c.status, broken ? undefined : 'claim-status'),
    broken ? field('Charges', c.billed) : field('Amount Billed', c.billed, 'amount-billed'),
    field('Allowed Amount', c.allowed),
    broken ? field('Plan Payment', c.paid) : field('Paid to Provider', c.paid, 'amount-paid'),
    field('Patient Responsibility', c.patientResponsibility),
    field('Payment Number', c.paymentNumber),
    field('Payment Date', c.checkDate),
    c.remarks ? field('Claim Remark Codes', c.remarks) : '',
  ].join('\n');
  return `<main data-page="claim-details">
<div class="av-breadcrumb">Claims › Claim Details</div>
<section class="av-card" aria-label="Claim summary"><h1>Claim Details</h1>
<div class="uhc-fields">
${summary}
</div>
<p><a class="av-button" data-spa href="/claims/${e(c.claimNumber)}/reconsideration">Submit Reconsideration</a></p>
</section>
<section class="av-card"><h2>Service Lines</h2>
${gridLines(c, broken ? BROKEN_HEADERS : GRID_HEADERS)}
</section>
</main>`;
}

function redesignDetail(c: UhcClaim): string {
  const dl = (label: string, value: string) => `<div><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`;
  const rows = c.lines
    .map(
      (l) => `<tr><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
<td class="num">${e(l.billed)}</td><td class="num">${e(l.allowed)}</td><td class="num">${e(l.deductible)}</td>
<td class="num">${e(l.coinsurance)}</td><td class="num">${e(l.copay)}</td><td class="num">${e(l.paid)}</td>
<td>${e(l.adjustments)}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  return `<main data-page="claim-details">
<div class="av-breadcrumb">Claims › Claim Details</div>
<section class="av-card"><h1>Claim Details</h1>
<dl class="av-summary">
${dl('Claim #', c.claimNumber)}${dl('Patient Account #', c.patientAccount)}${dl('Patient Name', c.patientName)}
${dl('Member ID', c.memberId)}${dl('Dates of Service', c.serviceDates)}${dl('Received Date', c.receivedDate)}
${dl('Status', c.status)}${dl('Total Billed', c.billed)}${dl('Allowed Amount', c.allowed)}${dl('Total Paid', c.paid)}
${dl('Patient Responsibility', c.patientResponsibility)}${dl('Payment Number', c.paymentNumber)}${dl('Payment Date', c.checkDate)}
${c.remarks ? dl('Claim Remarks', c.remarks) : ''}
</dl>
<p><a class="av-button" data-spa href="/claims/${e(c.claimNumber)}/reconsideration">Submit Reconsideration</a></p>
</section>
<section class="av-card"><h2>Service Lines</h2>
<table aria-label="Service line details">
<thead><tr><th>Service Date</th><th>CPT/HCPCS</th><th>Modifiers</th><th>Units</th><th>Amount Billed</th><th>Allowed Amount</th>
<th>Deductible</th><th>Coinsurance</th><th>Copay</th><th>Paid to Provider</th><th>Adjustments</th><th>Remarks</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>
</main>`;
}

const LIST: {
  claimNumber: string;
  patientAccount: string;
  serviceDates: string;
  billed: string;
  paid: string;
  status: string;
}[] = [
  ...UHC_CLAIMS.filter((c) => c.layout !== 'broken'),
  {
    claimNumber: 'U26110400020',
    patientAccount: 'PA-100270',
    serviceDates: '11/02/2026',
    billed: '$310.00',
    paid: '—',
    status: 'Pending',
  },
];

function claimList(): string {
  const rows = LIST.map(
    (
      c,
    ) => `<tr><td><a data-spa href="/claims/${e(c.claimNumber)}">${e(c.claimNumber)}</a></td><td>${e(c.patientAccount)}</td>
<td>${e(c.serviceDates)}</td><td class="num">${e(c.billed)}</td><td class="num">${e(c.paid)}</td><td>${e(c.status)}</td></tr>`,
  ).join('\n');
  return `<main data-page="claims-search">
<div class="av-breadcrumb">Claims › Search Results</div>
<section class="av-card"><h1>Claims</h1>
<table data-testid="claims-search-results" aria-label="Claim search results">
<thead><tr><th>Claim Number</th><th>Patient Account #</th><th>Dates of Service</th><th>Billed Amount</th><th>Paid Amount</th><th>Claim Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>
</main>`;
}

function reconsideration(c: UhcClaim): string {
  return `<main data-page="reconsideration">
<div class="av-breadcrumb">Claims › Claim Details › Reconsideration</div>
<section class="av-card"><h1>Request a Claim Reconsideration</h1>
<form data-testid="reconsideration-form" action="/claims/reconsideration/submitted" method="post">
<p><label for="claimNumber">Claim Number</label><input id="claimNumber" name="claimNumber" value="${e(c.claimNumber)}" readonly></p>
<p><label for="dos">Date of Service</label><input id="dos" name="dateOfService" value=""></p>
<p><label for="reason">Reason for Reconsideration</label>
<select id="reason" name="reconsiderationReason"><option value="">Select a reason</option>
<option value="underpayment">Payment amount / underpayment</option><option value="denial">Denied claim</option>
<option value="coding">Coding / bundling</option><option value="timely">Timely filing</option></select></p>
<p><label for="expected">Expected Payment Amount</label><input id="expected" name="expectedAmount" inputmode="decimal"></p>
<p><label for="comments">Comments</label><textarea id="comments" name="comments" rows="10" cols="80"></textarea></p>
<button type="submit">Submit</button>
</form>
</section>
</main>`;
}

/** The HTML for a path on the demo UHC origin, or undefined for a 404. */
export function renderUhc(pathname: string): string | undefined {
  const title = 'UnitedHealthcare Provider Portal';
  if (pathname === '/claims' || pathname === '/claims/search') return page(title, chrome(claimList()));
  const m = /^\/claims\/([A-Za-z0-9]+)(\/reconsideration)?$/.exec(pathname);
  const claim = m && UHC_CLAIMS.find((c) => c.claimNumber === m[1]);
  if (!m || !claim) return undefined;
  if (m[2]) return page(title, chrome(reconsideration(claim)));
  return page(title, chrome(claim.layout === 'redesign' ? redesignDetail(claim) : gridDetail(claim)));
}
