import type { PortalRule } from './schema';

const BASE = '^https://cignaforhcp\\.cigna\\.com/app/claims';
const CURRENT = 'claim detail with data-test hooks (current Cigna for HCP)';
const LEGACY = 'legacy claim detail: th/td summary, lines table without hooks';

/**
 * Cigna for HCP: claim search results and claim detail. Cigna calls members "customers", so the
 * member id is labelled Customer ID. The procedure cell carries its modifiers ("29881-RT").
 */
export const cigna: PortalRule = {
  id: 'cigna',
  name: 'Cigna for HCP',
  payerName: 'Cigna',
  matches: ['https://cignaforhcp.cigna.com/*'],
  source:
    'domain.md 7.3: claim status response fields (ePACES 277 viewer: claim number, charge, paid, dates, remittance trace, status) and remit viewer line columns; shape modelled on the Cigna for HCP claim search and claim detail screens',
  pageKinds: [
    {
      kind: 'claimList',
      urlPatterns: [`${BASE}/results/?$`],
      examples: ['https://cignaforhcp.cigna.com/app/claims/results'],
      ready: [
        { css: '[data-test="claim-search-results"] tbody tr', note: 'claim search results' },
        {
          css: 'main[data-page="claim-results"]',
          note: 'results page shell, so a changed table is reported',
        },
      ],
      fields: {},
      required: [],
      list: {
        table: [
          { css: '[data-test="claim-search-results"]', note: 'claim search results' },
          { role: 'table', name: ['Claim search results'], note: 'results table by its accessible name' },
        ],
        columns: {
          claimNumber: { header: ['Claim ID', 'Claim Number'] },
          patientAccount: { header: ['Patient Account Number'] },
          serviceDateFrom: { header: ['Date(s) of Service'] },
          billed: { header: ['Amount Charged'] },
          paid: { header: ['Amount Paid'] },
          status: { header: ['Claim Status'] },
        },
      },
    },
    {
      kind: 'claimDetail',
      urlPatterns: [`${BASE}/detail/[A-Za-z0-9]+/?$`],
      examples: [
        'https://cignaforhcp.cigna.com/app/claims/detail/C26110400017',
        'https://cignaforhcp.cigna.com/app/claims/detail/CG00042/',
      ],
      ready: [
        { css: '[data-test="service-lines"] tbody tr', note: CURRENT },
        { css: 'table.claim-lines-legacy tbody tr', note: LEGACY },
        { css: '[data-test="claim-summary"]', note: 'summary card, so a missing line table is reported' },
      ],
      fields: {
        claimNumber: [
          { css: '[data-test="claim-id"]', note: CURRENT },
          { label: ['Claim Number', 'Claim ID'], note: LEGACY },
        ],
        patientAccount: [{ label: ['Patient Account Number'], note: 'summary label, both layouts' }],
        patientName: [{ label: ['Patient Name'], note: 'summary label, both layouts' }],
        memberId: [{ label: ['Customer ID'], note: 'summary label, both layouts' }],
        serviceDateFrom: [{ label: ['Date(s) of Service'], note: 'summary label, both layouts' }],
        receivedDate: [{ label: ['Received Date'], note: 'summary label, both layouts' }],
        paidDate: [{ label: ['Check/EFT Date'], note: 'summary label, both layouts' }],
        status: [{ label: ['Claim Status'], note: 'summary label, both layouts' }],
        billed: [
          { css: '[data-test="amount-charged"]', note: CURRENT },
          { label: ['Amount Charged', 'Total Charged'], note: LEGACY },
        ],
        allowed: [{ label: ['Amount Allowed'], note: 'summary label, both layouts' }],
        paid: [
          { css: '[data-test="amount-paid"]', note: CURRENT },
          { label: ['Amount Paid', 'Total Paid'], note: LEGACY },
        ],
        patientResponsibility: [{ label: ['Patient Responsibility'], note: 'summary label, both layouts' }],
        checkNumber: [{ label: ['Check/EFT Number'], note: 'summary label, both layouts' }],
        remarks: [{ label: ['Claim Remark Codes'], note: 'summary label, both layouts' }],
      },
      required: ['claimNumber', 'billed', 'paid'],
      lines: {
        table: [
          { css: '[data-test="service-lines"]', note: CURRENT },
          { css: 'table.claim-lines-legacy', note: LEGACY },
        ],
        skipRowsMatching: '^total',
        columns: {
          serviceDate: { header: ['Service Date', 'DOS'] },
          code: { header: ['Procedure Code', 'CPT'] },
          modifiers: { header: ['Mod'] },
          units: { header: ['Units'] },
          placeOfService: { header: ['Place of Service', 'POS'] },
          billed: { header: ['Amount Charged', 'Charged'] },
          allowed: { header: ['Amount Allowed', 'Allowed'] },
          deductible: { header: ['Deductible'] },
          copay: { header: ['Copay'] },
          coinsurance: { header: ['Coinsurance'] },
          paid: { header: ['Amount Paid', 'Paid'] },
          adjustments: { header: ['Adjustment Reason', 'Adj Reason'] },
          remarks: { header: ['Remark Codes', 'Remarks'] },
        },
      },
    },
  ],
};
