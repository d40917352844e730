import { DEMO_CLAIMS, type DemoClaim } from './data';
import { escapeHtml as e, page } from './html';

/**
 * A Humana provider-site-style claim inquiry and remittance advice (domain.md 7.3), synthetic data
 * only. The inquiry shows claim fields as read-only inputs; the remittance advice prints amounts
 * without a currency sign and puts modifiers in the procedure cell. Layouts: remittance with
 * #remitLines, the legacy remittance (claim ...19: table by accessible name) and a remittance whose
 * line table never rendered (claim ...99).
 */
export const HUMANA_ORIGIN = 'https://provider.humana.com';

type Layout = 'current' | 'legacy' | 'broken';
interface HumanaClaim extends DemoClaim {
  layout: Layout;
}

const LAYOUTS: Layout[] = ['current', 'current', 'legacy'];

export const HUMANA_CLAIMS: HumanaClaim[] = [
  ...DEMO_CLAIMS.map((c, i) => ({
    ...c,
    claimNumber: `H${c.claimNumber.slice(1)}`,
    payer: 'Humana',
    status: c.status.includes('Denial') ? 'Denied' : 'Paid',
    layout: LAYOUTS[i] ?? 'current',
  })),
  { ...DEMO_CLAIMS[0]!, claimNumber: 'H26110400099', payer: 'Humana', status: 'Paid', layout: 'broken' },
];

const plain = (s: string) => s.replace('$', '');

function inquiry(c: HumanaClaim): string {
  const input = (id: string, label: string, value: string) =>
    `<p class="ro"><label for="${id}">${e(label)}</label><input id="${id}" readonly value="${e(value)}"></p>`;
  const lines = c.lines
    .map(
      (
        l,
        i,
      ) => `<tr><td>${i + 1}</td><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
<td class="num">${e(l.billed)}</td><td class="num">${e(l.allowed)}</td><td class="num">${e(l.deductible)}</td><td class="num">${e(l.coinsurance)}</td>
<td class="num">${e(l.copay)}</td><td class="num">${e(l.paid)}</td><td>${e(l.adjustments)}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  return `<main data-page="claim-inquiry">
<h1>Claim Inquiry</h1>
<form id="claimInquiry" class="av-card" onsubmit="return false">
${input('claimNbr', 'Claim Number', c.claimNumber)}${input('acct', 'Patient Account Number', c.patientAccount)}
${input('pat', 'Patient Name', c.patientName)}${input('hid', 'Humana ID', c.memberId)}${input('dos', 'Service Dates', c.serviceDates)}
${input('st', 'Claim Status', c.status)}${input('billed', 'Total Billed', c.billed)}${input('allowed', 'Total Allowed', c.allowed)}
${input('paid', 'Total Paid', c.paid)}${input('mr', 'Member Responsibility', c.patientResponsibility)}
${input('chk', 'Check/EFT Number', c.checkNumber)}${input('pd', 'Paid Date', c.checkDate)}
</form>
<p><a href="/payments/remittance/${e(c.claimNumber)}">View remittance advice</a></p>
<table id="claimLines" aria-label="Claim lines">
<thead><tr><th>Line</th><th>From Date</th><th>Procedure</th><th>Modifiers</th><th>Units</th><th>Billed</th><th>Allowed</th><th>Deductible</th>
<th>Coinsurance</th><th>Copay</th><th>Paid</th><th>Adjustments</th><th>Remarks</th></tr></thead>
<tbody>
${lines}
</tbody></table>
</main>`;
}

function remittance(c: HumanaClaim): string {
  const dl = (label: string, value: string) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`;
  const lines = c.lines
    .map(
      (
        l,
      ) => `<tr><td>${e(l.date)}</td><td>${e(l.modifiers ? `${l.code} ${l.modifiers}` : l.code)}</td><td>${e(l.units)}</td>
<td class="num">${e(plain(l.billed))}</td><td class="num">${e(plain(l.allowed))}</td><td class="num">${e(plain(l.deductible))}</td>
<td class="num">${e(plain(l.coinsurance))}</td><td class="num">${e(plain(l.copay))}</td>
<td>${e(l.adjustments.replace(/-/g, '').replace(/: \$/g, ' ').replace(/; /g, ' '))}</td><td>${e(l.remarks)}</td><td class="num">${e(plain(l.paid))}</td></tr>`,
    )
    .join('\n');
  const head = `<thead><tr><th>DOS</th><th>Proc/Mod</th><th>Units</th><th>Charge</th><th>Allowed</th><th>Deductible</th><th>Coins</th>
<th>Copay</th><th>Adj Codes</th><th>Remarks</th><th>Net Paid</th></tr></thead>`;
  const table =
    c.layout === 'broken'
      ? '<p class="loading">Service lines are loading…</p>'
      : `${c.layout === 'legacy' ? '<table class="remit" aria-label="Remittance service lines">' : '<table id="remitLines">'}
${head}
<tbody>
${lines}
</tbody></table>`;
  return `<main data-page="remittance">
<section aria-label="Remittance advice" class="av-card">
<h1>Remittance Advice</h1>
<dl class="av-summary">
${dl('EFT Trace Number', c.checkNumber)}${dl('Payment Date', c.checkDate)}${dl('Claim Number', c.claimNumber)}
${dl('Patient Account Number', c.patientAccount)}${dl('Patient Name', c.patientName)}
${dl('Total Billed', plain(c.billed))}${dl('Total Paid', plain(c.paid))}${dl('Patient Responsibility', plain(c.patientResponsibility))}
</dl>
${table}
</section>
</main>`;
}

/** The HTML for a path on the demo Humana origin, or undefined for a 404. */
export function renderHumana(pathname: string): string | undefined {
  const title = 'Humana Provider Portal';
  const top = '<header class="av-top"><strong>Humana</strong><span>Demo Practice</span></header>';
  const find = (re: RegExp) => {
    const m = re.exec(pathname);
    return m ? HUMANA_CLAIMS.find((c) => c.claimNumber === m[1]) : undefined;
  };
  const claim = find(/^\/claims\/inquiry\/([A-Za-z0-9]+)$/);
  if (claim && claim.layout !== 'broken') return page(title, top + inquiry(claim));
  const remit = find(/^\/payments\/remittance\/([A-Za-z0-9]+)$/);
  if (remit) return page(title, top + remittance(remit));
  return undefined;
}
