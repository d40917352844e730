import type { PortalRule } from './schema';

const HOSTS = '(provider\\.uhc\\.com|www\\.uhcprovider\\.com)';
const GRID = 'claim details with the service-line ARIA grid (2024 layout)';
const REDESIGN = 'claim details summary as dt/dd and a plain table (2025 redesign)';

/**
 * UnitedHealthcare Provider Portal, Claims tool: claim search results, claim details, and the
 * reconsideration form (domain.md 7.3: "view/submit/flag reconsiderations"). The tool is a
 * single-page app: opening a claim from the results pushes a new URL without a reload. UHC pays
 * non-enrolled providers by virtual card, so the payment reference is a "Payment Number", not a check.
 */
export const uhc: PortalRule = {
  id: 'uhc',
  name: 'UnitedHealthcare Provider Portal',
  payerName: 'UnitedHealthcare',
  matches: ['https://provider.uhc.com/*', 'https://www.uhcprovider.com/*'],
  source:
    'domain.md 7.3: UHC Provider Portal Claims tool (claim status, reconsiderations, remits via Optum Pay); field-level screen names are not published, so labels follow the 277 response fields (ePACES) and the remit viewer columns of 7.3',
  pageKinds: [
    {
      kind: 'claimList',
      urlPatterns: [`^https://${HOSTS}/claims/?$`, `^https://${HOSTS}/claims/search/?$`],
      examples: ['https://provider.uhc.com/claims', 'https://www.uhcprovider.com/claims/search'],
      ready: [
        { css: '[data-testid="claims-search-results"] tbody tr', note: 'claim search results table' },
        {
          css: 'main[data-page="claims-search"]',
          note: 'results page shell, so a changed table is reported',
        },
      ],
      fields: {},
      required: [],
      list: {
        table: [
          { css: '[data-testid="claims-search-results"]', note: 'claim search results table' },
          { role: 'table', name: ['Claim search results'], note: 'results table by its accessible name' },
        ],
        columns: {
          claimNumber: { header: ['Claim Number', 'Claim #'] },
          patientAccount: { header: ['Patient Account #', 'Patient Account Number'] },
          serviceDateFrom: { header: ['Dates of Service', 'Date of Service'] },
          billed: { header: ['Billed Amount', 'Amount Billed'] },
          paid: { header: ['Paid Amount', 'Amount Paid'] },
          status: { header: ['Claim Status', 'Status'] },
        },
      },
    },
    {
      kind: 'claimDetail',
      urlPatterns: [`^https://${HOSTS}/claims/(?!search/?$)[A-Za-z0-9]+/?$`],
      examples: [
        'https://provider.uhc.com/claims/U26110400017',
        'https://www.uhcprovider.com/claims/FL0123456789',
      ],
      ready: [
        { css: '[data-testid="service-lines-grid"] [role="gridcell"]', note: GRID },
        { css: 'table[aria-label="Service line details"] tbody tr', note: REDESIGN },
        {
          css: 'main[data-page="claim-details"] h1',
          note: 'page shell, so a changed layout is read and reported',
        },
      ],
      fields: {
        claimNumber: [
          { css: '[data-testid="claim-number"]', note: GRID },
          { label: ['Claim Number', 'Claim #'], note: REDESIGN },
        ],
        patientAccount: [
          { css: '[data-testid="patient-account"]', note: GRID },
          { label: ['Patient Account Number', 'Patient Account #'], note: REDESIGN },
        ],
        patientName: [{ label: ['Patient Name', 'Patient'], note: 'summary label, both layouts' }],
        memberId: [{ label: ['Member ID', 'Subscriber ID'], note: 'summary label, both layouts' }],
        serviceDateFrom: [
          { label: ['Dates of Service', 'Date(s) of Service'], note: 'summary label, both layouts' },
        ],
        receivedDate: [{ label: ['Received Date', 'Date Received'], note: 'summary label, both layouts' }],
        paidDate: [{ label: ['Payment Date', 'Processed Date'], note: 'summary label, both layouts' }],
        status: [
          { css: '[data-testid="claim-status"]', note: GRID },
          { label: ['Claim Status', 'Status'], note: REDESIGN },
        ],
        billed: [
          { css: '[data-testid="amount-billed"]', note: GRID },
          { label: ['Amount Billed', 'Total Billed'], note: REDESIGN },
        ],
        allowed: [{ label: ['Allowed Amount', 'Total Allowed'], note: 'summary label, both layouts' }],
        paid: [
          { css: '[data-testid="amount-paid"]', note: GRID },
          { label: ['Paid to Provider', 'Total Paid'], note: REDESIGN },
        ],
        patientResponsibility: [{ label: ['Patient Responsibility'], note: 'summary label, both layouts' }],
        checkNumber: [
          {
            label: ['Payment Number', 'Check/EFT Number', 'VCP Number'],
            note: 'summary label, both layouts',
          },
        ],
        remarks: [{ label: ['Claim Remark Codes', 'Claim Remarks'], note: 'summary label, both layouts' }],
      },
      required: ['claimNumber', 'billed', 'paid'],
      lines: {
        table: [
          { css: '[data-testid="service-lines-grid"]', note: GRID },
          { role: 'table', name: ['Service line details'], note: REDESIGN },
        ],
        skipRowsMatching: '^(total|totals|claim total)$',
        columns: {
          serviceDate: { header: ['Dates of Service', 'Service Date'] },
          code: { header: ['Procedure Code', 'CPT/HCPCS'] },
          modifiers: { header: ['Modifier(s)', 'Modifiers'] },
          units: { header: ['Units', 'Quantity'] },
          billed: { header: ['Billed', 'Amount Billed'] },
          allowed: { header: ['Allowed', 'Allowed Amount'] },
          deductible: { header: ['Deductible'] },
          coinsurance: { header: ['Coinsurance'] },
          copay: { header: ['Copay'] },
          paid: { header: ['Paid', 'Paid to Provider'] },
          adjustments: { header: ['Adjustment Reason Codes', 'Adjustments'] },
          remarks: { header: ['Remark Codes', 'Remarks'] },
        },
      },
    },
    {
      kind: 'disputeForm',
      urlPatterns: [`^https://${HOSTS}/claims/[A-Za-z0-9]+/reconsideration/?$`],
      examples: ['https://provider.uhc.com/claims/U26110400017/reconsideration'],
      ready: [
        { css: 'form[data-testid="reconsideration-form"]', note: 'claim reconsideration request form' },
      ],
      fields: {
        claimNumber: [
          { css: 'input[name="claimNumber"]', note: 'reconsideration form claim number', attr: 'value' },
        ],
      },
      required: [],
      form: {
        claimNumber: [
          { css: 'input[name="claimNumber"]', note: 'reconsideration form' },
          { label: ['Claim Number'], note: 'by visible label' },
        ],
        reason: [
          { css: 'select[name="reconsiderationReason"]', note: 'reconsideration form' },
          { label: ['Reason for Reconsideration'], note: 'by visible label' },
        ],
        amount: [
          { css: 'input[name="expectedAmount"]', note: 'reconsideration form' },
          { label: ['Expected Payment Amount'], note: 'by visible label' },
        ],
        message: [
          { css: 'textarea[name="comments"]', note: 'reconsideration form' },
          { label: ['Comments', 'Additional Information'], note: 'by visible label' },
        ],
        serviceDate: [{ label: ['Date of Service'], note: 'by visible label' }],
      },
    },
  ],
};
