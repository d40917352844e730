import type { PortalRule } from './schema';

const MONEY_NOTE = 'Availity claim status detail summary list (dt/dd)';

/**
 * Availity Essentials: claim status, remittance viewer and the dispute (appeal) form. The apps render
 * inside iframes under /public/apps/ of the portal shell, so the content script runs in all frames.
 * Shape: domain.md 7.3 (Availity claim status fields, 277 response fields, remit viewer columns).
 */
export const availity: PortalRule = {
  id: 'availity',
  name: 'Availity Essentials',
  matches: ['https://apps.availity.com/*', 'https://essentials.availity.com/*'],
  source:
    'domain.md 7.3: Availity claim status detail, remittance viewer and Dispute Claim; ePACES 277 field names',
  pageKinds: [
    {
      kind: 'claimList',
      urlPatterns: [
        '^https://(apps|essentials)\\.availity\\.com/public/apps/claim-status/(results|search)/?$',
      ],
      examples: ['https://apps.availity.com/public/apps/claim-status/results'],
      ready: [
        { css: 'table[data-testid="claim-results"] tbody tr', note: 'claim status search results grid' },
      ],
      fields: {},
      required: [],
      list: {
        table: [
          { css: 'table[data-testid="claim-results"]', note: 'claim status search results grid' },
          { role: 'table', name: ['Claim search results'], note: 'results grid by its accessible name' },
        ],
        columns: {
          claimNumber: { header: ['Claim Number', 'Claim #'] },
          patientAccount: { header: ['Patient Account', 'Patient Account Number'] },
          payerName: { header: ['Payer'] },
          serviceDateFrom: { header: ['Service Dates', 'Dates of Service'] },
          billed: { header: ['Billed', 'Billed Amount', 'Total Charges'] },
          paid: { header: ['Paid', 'Paid Amount'] },
          status: { header: ['Status', 'Claim Status'] },
        },
      },
    },
    {
      kind: 'claimDetail',
      urlPatterns: [
        '^https://(apps|essentials)\\.availity\\.com/public/apps/claim-status/claims/[A-Za-z0-9-]+/?$',
      ],
      examples: [
        'https://apps.availity.com/public/apps/claim-status/claims/A26110400017',
        'https://essentials.availity.com/public/apps/claim-status/claims/EX-0042',
      ],
      ready: [{ css: 'table[data-testid="service-lines"] tbody tr', note: 'service lines rendered' }],
      fields: {
        claimNumber: [
          { css: '[data-field="claimNumber"]', note: 'claim detail header data attributes' },
          { label: ['Claim Number', 'Payer Claim Control #', 'Payer Claim Number'], note: MONEY_NOTE },
        ],
        patientAccount: [
          { label: ['Patient Account Number', 'Patient Control #', 'Patient Account'], note: MONEY_NOTE },
        ],
        patientName: [{ label: ['Patient Name', 'Patient'], note: MONEY_NOTE }],
        memberId: [{ label: ['Member ID', 'Subscriber ID'], note: MONEY_NOTE }],
        payerName: [{ label: ['Payer', 'Payer Name'], note: MONEY_NOTE }],
        providerNpi: [{ label: ['Billing Provider NPI', 'Provider NPI', 'NPI'], note: MONEY_NOTE }],
        providerTin: [{ label: ['Billing Provider TIN', 'Tax ID', 'TIN'], note: MONEY_NOTE }],
        serviceDateFrom: [{ label: ['Service Dates', 'Dates of Service'], note: MONEY_NOTE }],
        paidDate: [{ label: ['Check/EFT Date', 'Remittance Date', 'Paid Date'], note: MONEY_NOTE }],
        receivedDate: [{ label: ['Received Date'], note: MONEY_NOTE }],
        status: [{ label: ['Claim Status', 'Status'], note: MONEY_NOTE }],
        billed: [
          { label: ['Billed Amount', 'Total Claim Charge Amount', 'Total Charges'], note: MONEY_NOTE },
        ],
        allowed: [{ label: ['Allowed Amount'], note: MONEY_NOTE }],
        paid: [{ label: ['Paid Amount', 'Claim Payment Amount'], note: MONEY_NOTE }],
        patientResponsibility: [{ label: ['Patient Responsibility'], note: MONEY_NOTE }],
        checkNumber: [{ label: ['Check/EFT Number', 'Remittance Trace #'], note: MONEY_NOTE }],
        remarks: [{ label: ['Claim Remark Codes'], note: MONEY_NOTE }],
      },
      required: ['claimNumber', 'billed', 'paid'],
      lines: {
        table: [
          { css: 'table[data-testid="service-lines"]', note: 'claim detail service lines table' },
          { role: 'table', name: ['Service lines'], note: 'service lines by accessible name' },
        ],
        skipRowsMatching: '^(total|totals)$',
        columns: {
          serviceDate: { header: ['Service Date', 'DOS'] },
          code: { header: ['Procedure', 'Procedure Code', 'CPT/HCPCS'] },
          modifiers: { header: ['Modifiers', 'Modifier'] },
          units: { header: ['Units'] },
          billed: { header: ['Billed', 'Billed Amount', 'Charges'] },
          allowed: { header: ['Allowed', 'Allowed Amount'] },
          deductible: { header: ['Deductible'] },
          coinsurance: { header: ['Coinsurance'] },
          copay: { header: ['Copay', 'Co-pay'] },
          paid: { header: ['Paid', 'Provider Paid', 'Paid Amount'] },
          adjustments: { header: ['Adjustments', 'Adjustment Codes'] },
          remarks: { header: ['Remark Codes', 'Remarks'] },
        },
      },
    },
    {
      kind: 'disputeForm',
      urlPatterns: [
        '^https://(apps|essentials)\\.availity\\.com/public/apps/appeals/dispute/[A-Za-z0-9-]+/?$',
      ],
      examples: ['https://apps.availity.com/public/apps/appeals/dispute/A26110400017'],
      ready: [{ css: 'form[data-testid="dispute-form"]', note: 'Dispute Claim form' }],
      fields: {
        claimNumber: [{ label: ['Claim Number'], note: 'dispute form read-only claim number' }],
      },
      required: [],
      form: {
        claimNumber: [
          { css: 'input[name="claimNumber"]', note: 'Dispute Claim form' },
          { label: ['Claim Number'], note: 'by visible label' },
        ],
        reason: [
          { css: 'select[name="disputeReason"]', note: 'Dispute Claim form' },
          { label: ['Dispute Reason', 'Reason'], note: 'by visible label' },
        ],
        amount: [
          { css: 'input[name="disputedAmount"]', note: 'Dispute Claim form' },
          { label: ['Disputed Amount', 'Amount'], note: 'by visible label' },
        ],
        message: [
          { css: 'textarea[name="supportingInformation"]', note: 'Dispute Claim form' },
          { label: ['Supporting Information', 'Message', 'Comments'], note: 'by visible label' },
        ],
      },
    },
  ],
};
