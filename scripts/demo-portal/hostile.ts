import { AVAILITY_ORIGIN } from './availity';
import { DEMO_CLAIMS, type DemoClaim } from './data';
import { escapeHtml as e, page } from './html';

/**
 * Hostile pages at the Availity origin, for tests/e2e/hostile.spec.ts (issue 7). Each looks like an
 * Availity claim detail or dispute form, but its own scripts attack the extension: forged
 * extension-style messages, WXT's content-script events, DOM clobbering, markup in patient fields and
 * amounts, and a transparent layer over the dispute form. Any script of ours that ran the page's markup
 * would set `window.__oonPwned`; the page itself only ever writes it as escaped text.
 */
export const HOSTILE_ORIGIN = AVAILITY_ORIGIN;

/** Markup meant to run if anything inserts it as HTML; stored and shown, it must stay this text. */
export const HOSTILE_NAME = `<img src=x onerror="window.__oonPwned='name';alert('name')">`;
export const HOSTILE_MEMBER_ID = `"><svg onload=window.__oonPwned='member'>`;
export const HOSTILE_ACCOUNT = `</dd><script>window.__oonPwned='account'</script>`;

/** Claim numbers the hostile pages forge; none may ever be stored. */
export const FORGED_CLAIM_NUMBERS = ['FORGED1', 'FORGED2', 'FORGEDCLOBBER'] as const;

interface HostileCase {
  /** What the page tries. */
  note: string;
  claim: DemoClaim;
  /** Extra markup: clobbering elements and the like. */
  extra?: string;
  /** Whether the forging script runs on the page. */
  forge?: boolean;
  /** Whether the page echoes WXT's content-script-started event back. */
  echo?: boolean;
}

const base = DEMO_CLAIMS[0]!;

/**
 * WXT announces each content script with a `<extension id>:portal:wxt:content-script-started` event
 * (and a window.postMessage carrying that name); a content script that hears the event from another
 * "copy" invalidates itself. A page that echoes the name back stops the extension reading it.
 */
const ECHO_STARTED = `<script>
window.addEventListener('message', (ev) => {
  const t = ev.data && ev.data.type;
  if (typeof t === 'string' && t.endsWith('wxt:content-script-started') && ev.data.messageId !== 'forged') {
    document.dispatchEvent(new CustomEvent(t, { detail: { contentScriptName: ev.data.contentScriptName, messageId: 'forged' } }));
    window.__oonSawStarted = (window.__oonSawStarted || 0) + 1;
  }
});
</script>`;

/** The hostile claim detail pages, by claim number. */
export const HOSTILE_CASES: Record<string, HostileCase> = {
  'HOSTILE-XSS': {
    note: 'markup in the patient fields; forged messages; clobbered ids and names',
    claim: {
      ...base,
      claimNumber: 'HOSTILE-XSS',
      patientName: HOSTILE_NAME,
      memberId: HOSTILE_MEMBER_ID,
      patientAccount: HOSTILE_ACCOUNT,
    },
    forge: true,
    extra: `<div id="app" data-clobber></div><div id="root"></div><a id="browser" name="browser" href="#">browser</a>
<div hidden><input id="claimNumber" name="claimNumber" value="FORGEDCLOBBER"></div>`,
  },
  'HOSTILE-AMOUNT': {
    note: 'markup and script text in the amounts: the page must not be read',
    claim: {
      ...base,
      claimNumber: 'HOSTILE-AMOUNT',
      paid: `$1,626.80<img src=x onerror="window.__oonPwned='amount'">`,
      billed: `<script>window.__oonPwned='billed'</script>`,
      lines: base.lines.map((l, i) =>
        i === 0 ? { ...l, paid: `=HYPERLINK("https://evil.example/","$102.72")` } : l,
      ),
    },
  },
  'HOSTILE-ECHO': {
    note: "echoes WXT's content-script-started event, as a newer copy of the content script would",
    claim: { ...base, claimNumber: 'HOSTILE-ECHO', patientName: 'TESTPATIENT, ECHO' },
    echo: true,
  },
  'HOSTILE-CHROME': {
    note: 'a form named chrome, with a field named runtime',
    claim: { ...base, claimNumber: 'HOSTILE-CHROME', patientName: 'TESTPATIENT, CHROME' },
    extra: `<form name="chrome" id="chrome"><input name="runtime" value="clobbered"></form>`,
  },
  'HOSTILE-HIDDEN': {
    note: 'a hidden Claim Number before the visible one',
    claim: { ...base, claimNumber: 'HOSTILE-HIDDEN', patientName: 'TESTPATIENT, HIDDEN' },
    extra: `<div hidden><dl><dt>Claim Number</dt><dd>FORGEDCLOBBER</dd></dl></div>`,
  },
  'HOSTILE-CLOBBER': {
    note: 'named elements that shadow document methods and properties',
    claim: { ...base, claimNumber: 'HOSTILE-CLOBBER', patientName: 'TESTPATIENT, CLOBBER' },
    forge: true,
    extra: `<form name="cookie"></form><img name="title" alt=""><img name="location" alt=""><form name="defaultView"></form><embed name="body">`,
  },
};

/**
 * The page script: forges what a content script or extension might take for its own traffic. A
 * content script must ignore all of it (issue 7: no commands or data from page scripts).
 */
const FORGE = `<script>
(() => {
  const claim = (n) => ({ claimNumber: n, payerName: 'FORGED PLAN', status: 'paid', billedCents: 99999999,
    paidCents: 0, adjustments: [], remarks: [], lines: [] });
  const url = location.origin + location.pathname;
  const forged = [
    { id: 1, type: 'saveScrapedClaim', data: { url, portal: 'availity', pageKind: 'claimDetail', claim: claim('FORGED1') }, timestamp: Date.now() },
    { id: 2, type: 'fillAppealForm', data: { claimNumber: 'FORGED2', message: 'forged letter' }, timestamp: Date.now() },
    { id: 3, type: 'readPageAgain', data: undefined, timestamp: Date.now() },
    { id: 4, type: 'startTeachMode', data: undefined, timestamp: Date.now() },
    { id: 5, type: 'unlock', data: { passphrase: 'guess' }, timestamp: Date.now() },
  ];
  const fire = () => {
    for (const m of forged) {
      window.postMessage(m, '*');
      window.postMessage({ message: m, source: 'webext-core', type: 'webext-core' }, '*');
      document.dispatchEvent(new CustomEvent(m.type, { detail: m.data }));
      window.dispatchEvent(new CustomEvent('webext-core:' + m.type, { detail: m }));
      try { chrome.runtime.sendMessage(m); } catch (_) {}
    }
  };
  for (const n of ['wxt:content-script-started', 'wxt:locationchange']) {
    document.dispatchEvent(new CustomEvent(n, { detail: { contentScriptName: 'portal', messageId: 'forged', newUrl: 'https://evil.example/' } }));
    window.dispatchEvent(new CustomEvent(n, { detail: { newUrl: 'https://evil.example/' } }));
  }
  fire();
  setTimeout(fire, 50);
  setTimeout(fire, 400);
  window.__oonForged = true;
})();
</script>`;

function detail(c: HostileCase): string {
  const k = c.claim;
  const dl = (label: string, value: string) => `<div><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`;
  const rows = k.lines
    .map(
      (
        l,
        i,
      ) => `<tr><td>${i + 1}</td><td>${e(l.date)}</td><td>${e(l.code)}</td><td>${e(l.modifiers)}</td><td>${e(l.units)}</td>
  <td class="num">${e(l.billed)}</td><td class="num">${e(l.allowed)}</td><td class="num">${e(l.deductible)}</td>
  <td class="num">${e(l.coinsurance)}</td><td class="num">${e(l.copay)}</td><td class="num">${e(l.paid)}</td>
  <td>${e(l.adjustments)}</td><td>${e(l.remarks)}</td></tr>`,
    )
    .join('\n');
  return `${c.echo ? ECHO_STARTED : ''}${c.forge ? FORGE : ''}${c.extra ?? ''}
<main>
<section class="av-card" aria-labelledby="claim-title" data-testid="claim-header">
  <h1 id="claim-title">Claim Detail <span class="av-status">${e(k.status)}</span></h1>
  <p class="av-hint" data-testid="hostile-note">${e(c.note)}</p>
  <dl class="av-summary">
    ${dl('Claim Number', k.claimNumber)}${dl('Patient Account Number', k.patientAccount)}
    ${dl('Patient Name', k.patientName)}${dl('Member ID', k.memberId)}${dl('Payer', k.payer)}
    ${dl('Service Dates', k.serviceDates)}${dl('Claim Status', k.status)}${dl('Billed Amount', k.billed)}
    ${dl('Allowed Amount', k.allowed)}${dl('Paid Amount', k.paid)}${dl('Patient Responsibility', k.patientResponsibility)}
    ${dl('Check/EFT Number', k.checkNumber)}${dl('Check/EFT Date', k.checkDate)}
  </dl>
  <p><a class="av-button" href="/public/apps/appeals/dispute/${e(k.claimNumber)}">Dispute Claim</a></p>
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

/** The dispute form, with a nearly transparent layer over it that would take the biller's typing. */
function coveredForm(claimNumber: string): string {
  return `${FORGE}
<main>
<section class="av-card" style="position:relative">
<h1>Dispute Claim</h1>
<form data-testid="dispute-form" action="/public/apps/appeals/submitted" method="post">
  <p><label for="claimNumber">Claim Number</label><input id="claimNumber" name="claimNumber" value=""></p>
  <p><label for="disputeReason">Dispute Reason</label>
    <select id="disputeReason" name="disputeReason"><option value="">Select a reason</option>
      <option value="underpayment">Underpayment / Reimbursement</option><option value="other">Other</option></select></p>
  <p><label for="disputedAmount">Disputed Amount</label><input id="disputedAmount" name="disputedAmount"></p>
  <p><label for="supportingInformation">Supporting Information</label>
    <textarea id="supportingInformation" name="supportingInformation" rows="12" cols="80"></textarea></p>
  <p class="av-hint">Disputing claim ${e(claimNumber)}.</p>
  <button type="submit">Submit Dispute</button>
</form>
<div data-testid="cover" style="position:fixed;inset:0;z-index:2147483646;background:#fff;opacity:0.02"></div>
</section>
</main>`;
}

/** The HTML for a hostile path on the Availity origin, or undefined when the path is not a hostile one. */
export function renderHostile(pathname: string): string | undefined {
  const d = /^\/public\/apps\/claim-status\/claims\/(HOSTILE-[A-Z]+)$/.exec(pathname);
  const c = d && HOSTILE_CASES[d[1]!];
  if (c) return page(`Claim ${c.claim.claimNumber}`, detail(c));
  const f = /^\/public\/apps\/appeals\/dispute\/(HOSTILE-[A-Z]+)$/.exec(pathname);
  if (f) return page('Dispute Claim', coveredForm(f[1]!));
  return undefined;
}

/** The Availity renderer with the hostile pages in front of it. */
export function withHostile(render: (pathname: string) => string | undefined) {
  return (pathname: string): string | undefined => renderHostile(pathname) ?? render(pathname);
}
