import { DEMO_CLAIMS, type DemoClaim } from './data';
import { escapeHtml as e, page } from './html';

/**
 * An Aetna-on-NaviNet-style provider site (domain.md 7.3), synthetic data only. Legacy table
 * layouts: claim status results, claim details with a th/td header table, and the explanation of
 * benefits with adjustments split into group / reason / amount columns. The portal shell hosts the
 * claim pages in an iframe (/navinet/portal/claims/<id>), as NaviNet's workflow frame did.
 * Layouts: classic EOB (stacked <div> cells), the 2025 EOB viewer (claim ...19: <br>-stacked cells,
 * table found by accessible name), and a changed claim detail the rule cannot read (claim ...99).
 */
export const AETNA_ORIGIN = 'https://navinet.navimedix.com';
const BASE = '/insurers/aetna';

type Layout = 'classic' | 'viewer' | 'broken';
interface AetnaClaim extends DemoClaim {
  layout: Layout;
  receivedDate: string;
}

const LAYOUTS: Layout[] = ['classic', 'classic', 'viewer'];

export const AETNA_CLAIMS: AetnaClaim[] = [
  ...DEMO_CLAIMS.map((c, i) => ({
    ...c,
    claimNumber: `E${c.claimNumber.slice(1)}`,
    payer: 'Aetna',
    status: c.status.includes('Denial') ? 'Denied' : 'Paid',
    layout: LAYOUTS[i] ?? 'classic',
    receivedDate: '10/15/2026',
  })),
  {
    ...DEMO_CLAIMS[1]!,
    claimNumber: 'E26110400099',
    payer: 'Aetna',
    status: 'Denied',
    layout: 'broken',
    receivedDate: '10/15/2026',
  },
];

/** NaviNet shows amounts without a currency sign. */
const amt = (s: string) => s.replace('$', '');

function adjustmentParts(text: string): { group: string; reason: string; amount: string }[] {
  return [...text.matchAll(/(CO|PR|OA|PI|CR)-(\w+): (\$[\d,.]+)/g)].map((m) => ({
    group: m[1]!,
    reason: m[2]!,
    amount: m[3]!,
  }));
}

function detail(c: AetnaClaim): string {
  const broken = c.layout === 'broken';
  const row = (a: [string, string], b: [string, string]) =>
    `<tr><th>${e(a[0])}</th><td>${e(a[1])}</td><th>${e(b[0])}</th><td>${e(b[1])}</td></tr>`;
  const lines = c.lines
    .map(
      (
        l,
        i,
      ) => `<tr><td>${i + 1}</td><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
<td class="num">${e(amt(l.billed))}</td><td class="num">${e(amt(l.allowed))}</td><td class="num">${e(amt(l.deductible))}</td>
<td class="num">${e(amt(l.coinsurance))}</td><td class="num">${e(amt(l.copay))}</td><td class="num">${e(amt(l.paid))}</td>
<td>${e(l.adjustments.replace(/: \$/g, ' '))}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  // A changed layout: the claim id label and the charge column were renamed.
  const idLabel = broken ? 'Reference #' : 'Claim ID';
  const chargeHeader = broken ? 'Submitted' : 'Charge';
  return `<main data-page="claim-details">
<h1>Claim Status Inquiry: Claim Details</h1>
<table class="claim-header" aria-label="Claim information"><tbody>
${row([idLabel, c.claimNumber], ['Patient Acct #', c.patientAccount])}
${row(['Patient', c.patientName], ['Member ID', c.memberId])}
${row(['Service Dates', c.serviceDates], ['Received', c.receivedDate])}
${row(['Claim Status', c.status], ['Total Charge', amt(c.billed)])}
${row(['Total Allowed', amt(c.allowed)], ['Total Paid', amt(c.paid)])}
${row(['Patient Resp', amt(c.patientResponsibility)], ['Check/EFT #', c.checkNumber])}
${row(['Check/EFT Date', c.checkDate], ['Claim Remarks', c.remarks || 'None'])}
</tbody></table>
<p><a href="${BASE}/remittance/eob/${e(c.claimNumber)}">View EOB</a></p>
<table id="claimLineDetail" aria-label="Claim line detail">
<thead><tr><th>Line</th><th>DOS</th><th>Proc</th><th>Mod</th><th>Units</th><th>${chargeHeader}</th><th>Allowed</th><th>Deductible</th>
<th>Co-Ins</th><th>Copay</th><th>Paid</th><th>Adj Codes</th><th>Remarks</th></tr></thead>
<tbody>
${lines}
</tbody></table>
</main>`;
}

function eob(c: AetnaClaim): string {
  const viewer = c.layout === 'viewer';
  const stack = (xs: string[]) =>
    viewer ? xs.map(e).join('<br>') : xs.map((x) => `<div>${e(x)}</div>`).join('');
  const lines = c.lines
    .map((l) => {
      const adj = adjustmentParts(l.adjustments);
      const money = (s: string) => e(viewer ? s : amt(s));
      return `<tr><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
<td class="num">${money(l.billed)}</td><td class="num">${money(l.allowed)}</td><td class="num">${money(l.deductible)}</td>
<td class="num">${money(l.coinsurance)}</td><td class="num">${money(l.copay)}</td>
<td>${stack(adj.map((a) => a.group))}</td><td>${stack(adj.map((a) => a.reason))}</td><td class="num">${stack(adj.map((a) => (viewer ? a.amount : amt(a.amount))))}</td>
<td>${e(l.remarks)}</td><td class="num">${money(l.paid)}</td></tr>`;
    })
    .join('\n');
  const table = viewer
    ? '<table class="eob-viewer" aria-label="EOB service lines">'
    : '<table id="eobLines">';
  const dl = (label: string, value: string) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`;
  return `<main data-page="eob">
<section class="eob">
<h1>Explanation of Benefits</h1>
<dl class="av-summary">
${dl('Payee', 'DEMO PRACTICE')}${dl('Check/EFT #', c.checkNumber)}${dl('Payment Date', c.checkDate)}
${dl('Claim ID', c.claimNumber)}${dl('Patient Acct #', c.patientAccount)}${dl('Patient', c.patientName)}${dl('Member ID', c.memberId)}
${dl('Total Charge', amt(c.billed))}${dl('Total Paid', amt(c.paid))}${dl('Patient Responsibility', amt(c.patientResponsibility))}
</dl>
${table}
<thead><tr><th>Service Dates</th><th>Procedure</th><th>Modifiers</th><th>Units</th><th>Billed</th><th>Allowed</th><th>Deductible</th>
<th>Coinsurance</th><th>Copay</th><th>Group Code</th><th>Reason Code</th><th>Adj Amount</th><th>Remark Code</th><th>Provider Paid</th></tr></thead>
<tbody>
${lines}
</tbody></table>
</section>
</main>`;
}

function results(): string {
  const rows = [
    ...AETNA_CLAIMS.filter((c) => c.layout !== 'broken'),
    {
      claimNumber: 'E26110400020',
      patientAccount: 'PA-100270',
      serviceDates: '11/02/2026',
      billed: '$310.00',
      paid: '$0.00',
      status: 'Pended',
    },
  ]
    .map(
      (
        c,
      ) => `<tr><td><a href="${BASE}/claims/claim-status/details/${e(c.claimNumber)}">${e(c.claimNumber)}</a></td>
<td>${e(c.patientAccount)}</td><td>${e(c.serviceDates)}</td><td class="num">${e(amt(c.billed))}</td><td class="num">${e(amt(c.paid))}</td><td>${e(c.status)}</td></tr>`,
    )
    .join('\n');
  return `<main data-page="claim-results">
<h1>Claim Status Inquiry: Results</h1>
<table id="claimSearchResults" aria-label="Claim status results">
<thead><tr><th>Claim ID</th><th>Patient Acct #</th><th>Service Date(s)</th><th>Total Charge</th><th>Paid</th><th>Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</main>`;
}

function shell(src: string): string {
  return `<header class="av-top"><strong>NaviNet</strong><span>Aetna · Demo Practice</span></header>
<iframe id="workflowFrame" title="Aetna workflow" src="${e(src)}" style="width:100%;height:1400px;border:0"></iframe>`;
}

/** The HTML for a path on the demo NaviNet origin, or undefined for a 404. */
export function renderAetna(pathname: string): string | undefined {
  const title = 'NaviNet · Aetna';
  const byId = (id: string | undefined) => AETNA_CLAIMS.find((c) => c.claimNumber === id);
  let m = /^\/navinet\/portal\/claims\/([A-Za-z0-9]+)$/.exec(pathname);
  if (m && byId(m[1])) return page(title, shell(`${BASE}/claims/claim-status/details/${m[1]}`));
  if (pathname === `${BASE}/claims/claim-status/results`) return page(title, results());
  m = /^\/insurers\/aetna\/claims\/claim-status\/details\/([A-Za-z0-9]+)$/.exec(pathname);
  const claim = m && byId(m[1]);
  if (claim) return page(title, detail(claim));
  m = /^\/insurers\/aetna\/remittance\/eob\/([A-Za-z0-9]+)$/.exec(pathname);
  const remit = m && byId(m[1]);
  if (remit && remit.layout !== 'broken') return page(title, eob(remit));
  return undefined;
}
