import { DEMO_CLAIMS, type DemoClaim } from './data';
import { escapeHtml as e, page } from './html';

/**
 * A payer portal no rule knows, for teach mode (issue 8): a CSS-in-JS single-page app whose class
 * names are build hashes (css-…, sc-…), whose labels and column headers are its own abbreviations
 * ("Reference #", "Chg Amt", "Pmt Amt"), so neither a built-in rule nor the generic reader can read
 * it until the biller teaches it. Synthetic data only.
 */
export const UNKNOWN_ORIGIN = 'https://provider.examplehealthplan.com';

export const UNKNOWN_CLAIMS: DemoClaim[] = DEMO_CLAIMS.slice(0, 2).map((c) => ({
  ...c,
  claimNumber: `EHP${c.claimNumber.slice(1)}`,
  payer: 'Example Health Plan',
}));

/** A claim shown by the portal's next release, which renamed the paid column: a taught rule reports drift. */
export const UNKNOWN_REDESIGNED_CLAIM = 'EHP26110400019';

/** Class names the way a CSS-in-JS build emits them; `build` changes every one, as a redeploy would. */
function hashed(name: string, build: string): string {
  let h = 0;
  for (const ch of `${build}:${name}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const s = h.toString(36).padStart(6, 'x').slice(0, 6);
  return name.startsWith('row') ? `sc-${s}` : `css-${s}`;
}

function claimPage(c: DemoClaim, build: string, paidHeader = 'Pmt Amt'): string {
  const k = (name: string) => hashed(name, build);
  const pair = (label: string, value: string, attrs = '') =>
    `<div class="${k('pair')}"><span class="${k('label')}">${e(label)}</span><span class="${k('value')}"${attrs}>${e(value)}</span></div>`;
  const lines = c.lines
    .map(
      (
        l,
      ) => `<tr class="${k('row')}"><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
<td>${e(l.billed)}</td><td>${e(l.allowed)}</td><td>${e(l.deductible)}</td><td>${e(l.coinsurance)}</td><td>${e(l.copay)}</td>
<td>${e(l.paid)}</td><td>${e(l.adjustments)}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  return `<header class="${k('top')}" style="background:#2d1b5e;color:#fff;padding:10px 20px"><strong>Example Health Plan</strong> · Provider Center</header>
<main class="${k('main')}" style="padding:16px 20px;max-width:1100px">
<h1 class="${k('title')}">Claim summary</h1>
<section class="${k('card')}" style="display:grid;grid-template-columns:repeat(3,1fr);gap:8px 24px;margin-bottom:16px">
${pair('Reference #', c.claimNumber)}
${pair('Plan', c.payer)}
${pair('Acct', c.patientAccount, ' data-qa="patient-acct"')}
${pair('Status', c.status)}
${pair('Total Charges', c.billed, ' id="totChg"')}
${pair('Total Payment', c.paid, ' data-qa="total-payment"')}
</section>
<h2 class="${k('subtitle')}">Service detail</h2>
<table class="${k('table')}">
<thead><tr><th>Svc Dt</th><th>Svc Cd</th><th>Mod</th><th>Qty</th><th>Chg Amt</th><th>Elig Amt</th><th>Ded</th><th>Coins</th><th>Copay</th><th>${e(paidHeader)}</th><th>Adj</th><th>Rmk</th></tr></thead>
<tbody>
${lines}
</tbody></table>
</main>`;
}

/**
 * The same portal's older remittance viewer, in plain words (Claim Number, Procedure Code, Billed,
 * Paid): the generic reader reads it as soon as the biller lets OON Guard read the site.
 */
function remittancePage(c: DemoClaim): string {
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`;
  const lines = c.lines
    .map(
      (l) =>
        `<tr><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td><td>${e(l.billed)}</td><td>${e(l.allowed)}</td><td>${e(l.paid)}</td></tr>`,
    )
    .join('\n');
  return `<main style="padding:16px 20px"><h1>Remittance detail</h1>
<table><tbody>${row('Claim Number', c.claimNumber)}${row('Payer', c.payer)}${row('Total Billed', c.billed)}${row('Total Paid', c.paid)}</tbody></table>
<h2>Service lines</h2>
<table><thead><tr><th>Date of Service</th><th>Procedure Code</th><th>Modifier</th><th>Units</th><th>Billed</th><th>Allowed</th><th>Paid</th></tr></thead>
<tbody>
${lines}
</tbody></table></main>`;
}

/** The HTML for a path on the demo origin, or undefined for a 404. */
export function renderUnknown(pathname: string, build = '2026.11'): string | undefined {
  const m = /^\/claims\/detail\/([A-Za-z0-9]+)$/.exec(pathname);
  const claim = m ? UNKNOWN_CLAIMS.find((c) => c.claimNumber === m[1]) : undefined;
  if (claim) return page('Example Health Plan Provider Center', claimPage(claim, build));
  const remit = /^\/remittance\/([A-Za-z0-9]+)$/.exec(pathname);
  const remitClaim = remit ? UNKNOWN_CLAIMS.find((c) => c.claimNumber === remit[1]) : undefined;
  if (remitClaim) return page('Example Health Plan Provider Center', remittancePage(remitClaim));
  if (m?.[1] === UNKNOWN_REDESIGNED_CLAIM) {
    const redesigned = { ...UNKNOWN_CLAIMS[0]!, claimNumber: UNKNOWN_REDESIGNED_CLAIM };
    return page('Example Health Plan Provider Center', claimPage(redesigned, '2027.01', 'Plan Paid Amount'));
  }
  if (pathname === '/' || pathname === '/claims')
    return page(
      'Example Health Plan Provider Center',
      `<main><h1>Claims</h1><ul>${UNKNOWN_CLAIMS.map((c) => `<li><a href="/claims/detail/${e(c.claimNumber)}">${e(c.claimNumber)}</a></li>`).join('')}</ul></main>`,
    );
  return undefined;
}
