import type { PortalRule } from './schema';

const BASE = '^https://navinet\\.navimedix\\.com/insurers/aetna';
const HEADER = 'claim information table, th/td label pairs (NaviNet claim status)';
const EOB = 'classic EOB: one table, stacked group / reason / amount cells';
const VIEWER = '2025 EOB viewer: table found by its accessible name';

/**
 * Aetna's own provider flows on NaviNet (Aetna's legacy provider portal): claim status results,
 * claim details and the explanation of benefits. Many Aetna flows run through Availity instead; that
 * rule covers those. The EOB splits each adjustment into group, reason and amount columns, as remit
 * viewers do (domain.md 7.3), with several adjustments of one line stacked in the same cells.
 */
export const aetna: PortalRule = {
  id: 'aetna',
  name: 'Aetna on NaviNet',
  payerName: 'Aetna',
  matches: ['https://navinet.navimedix.com/*'],
  source:
    'domain.md 7.3: claim status response fields (ePACES 277 viewer) and remit viewer columns (billed, allowed, deductible, coinsurance, group-CARC, adjustment amount, provider paid); shape modelled on the legacy NaviNet table layouts',
  pageKinds: [
    {
      kind: 'claimList',
      urlPatterns: [`${BASE}/claims/claim-status/results/?$`],
      examples: ['https://navinet.navimedix.com/insurers/aetna/claims/claim-status/results'],
      ready: [
        { css: '#claimSearchResults tbody tr', note: 'claim status inquiry results' },
        {
          css: 'main[data-page="claim-results"]',
          note: 'results page shell, so a changed table is reported',
        },
      ],
      fields: {},
      required: [],
      list: {
        table: [
          { css: '#claimSearchResults', note: 'claim status inquiry results' },
          { role: 'table', name: ['Claim status results'], note: 'results table by its accessible name' },
        ],
        columns: {
          claimNumber: { header: ['Claim ID', 'Claim Number'] },
          patientAccount: { header: ['Patient Acct #', 'Patient Account'] },
          serviceDateFrom: { header: ['Service Date(s)', 'Service Dates'] },
          billed: { header: ['Total Charge', 'Charges'] },
          paid: { header: ['Paid', 'Total Paid'] },
          status: { header: ['Status', 'Claim Status'] },
        },
      },
    },
    {
      kind: 'claimDetail',
      urlPatterns: [`${BASE}/claims/claim-status/details/[A-Za-z0-9]+/?$`],
      examples: [
        'https://navinet.navimedix.com/insurers/aetna/claims/claim-status/details/E26110400017',
        'https://navinet.navimedix.com/insurers/aetna/claims/claim-status/details/EB0042',
      ],
      ready: [
        { css: '#claimLineDetail tbody tr', note: 'claim line detail table rendered' },
        { css: 'table.claim-header', note: 'claim header, so a changed line table is reported' },
      ],
      fields: {
        claimNumber: [{ label: ['Claim ID', 'Claim Number'], note: HEADER }],
        patientAccount: [{ label: ['Patient Acct #', 'Patient Account Number'], note: HEADER }],
        patientName: [{ label: ['Patient', 'Patient Name'], note: HEADER }],
        memberId: [{ label: ['Member ID'], note: HEADER }],
        serviceDateFrom: [{ label: ['Service Dates'], note: HEADER }],
        receivedDate: [{ label: ['Received'], note: HEADER }],
        paidDate: [{ label: ['Check/EFT Date'], note: HEADER }],
        status: [{ label: ['Claim Status'], note: HEADER }],
        billed: [{ label: ['Total Charge'], note: HEADER }],
        allowed: [{ label: ['Total Allowed'], note: HEADER }],
        paid: [{ label: ['Total Paid'], note: HEADER }],
        patientResponsibility: [{ label: ['Patient Resp', 'Patient Responsibility'], note: HEADER }],
        checkNumber: [{ label: ['Check/EFT #'], note: HEADER }],
        remarks: [{ label: ['Claim Remarks'], note: HEADER }],
      },
      required: ['claimNumber', 'billed', 'paid'],
      lines: {
        table: [
          { css: '#claimLineDetail', note: 'claim line detail table' },
          { role: 'table', name: ['Claim line detail'], note: 'line table by its accessible name' },
        ],
        columns: {
          serviceDate: { header: ['DOS'] },
          code: { header: ['Proc', 'Procedure'] },
          modifiers: { header: ['Mod', 'Modifiers'] },
          units: { header: ['Units'] },
          billed: { header: ['Charge'] },
          allowed: { header: ['Allowed'] },
          deductible: { header: ['Deductible'] },
          coinsurance: { header: ['Co-Ins', 'Coinsurance'] },
          copay: { header: ['Copay'] },
          paid: { header: ['Paid'] },
          adjustments: { header: ['Adj Codes'] },
          remarks: { header: ['Remarks'] },
        },
      },
    },
    {
      kind: 'remittance',
      urlPatterns: [`${BASE}/remittance/eob/[A-Za-z0-9]+/?$`],
      examples: ['https://navinet.navimedix.com/insurers/aetna/remittance/eob/E26110400017'],
      ready: [
        { css: '#eobLines tbody tr', note: EOB },
        { css: 'table[aria-label="EOB service lines"] tbody tr', note: VIEWER },
        { css: 'section.eob', note: 'EOB shell, so a changed line table is reported' },
      ],
      fields: {
        claimNumber: [{ label: ['Claim ID'], note: 'EOB claim header (dt/dd), both layouts' }],
        patientAccount: [{ label: ['Patient Acct #'], note: 'EOB claim header, both layouts' }],
        patientName: [{ label: ['Patient'], note: 'EOB claim header, both layouts' }],
        memberId: [{ label: ['Member ID'], note: 'EOB claim header, both layouts' }],
        checkNumber: [{ label: ['Check/EFT #', 'EFT Trace #'], note: 'EOB payment header, both layouts' }],
        paidDate: [{ label: ['Payment Date'], note: 'EOB payment header, both layouts' }],
        billed: [{ label: ['Total Charge'], note: 'EOB claim totals, both layouts' }],
        paid: [{ label: ['Total Paid'], note: 'EOB claim totals, both layouts' }],
        patientResponsibility: [
          { label: ['Patient Responsibility'], note: 'EOB claim totals, both layouts' },
        ],
      },
      required: ['claimNumber', 'billed', 'paid'],
      lines: {
        table: [
          { css: '#eobLines', note: EOB },
          { role: 'table', name: ['EOB service lines'], note: VIEWER },
        ],
        columns: {
          serviceDate: { header: ['Service Dates'] },
          code: { header: ['Procedure'] },
          modifiers: { header: ['Modifiers'] },
          units: { header: ['Units'] },
          billed: { header: ['Billed'] },
          allowed: { header: ['Allowed'] },
          deductible: { header: ['Deductible'] },
          coinsurance: { header: ['Coinsurance'] },
          copay: { header: ['Copay'] },
          groupCode: { header: ['Group Code'] },
          reasonCodes: { header: ['Reason Code'] },
          adjustmentAmount: { header: ['Adj Amount', 'Adjustment Amount'] },
          remarks: { header: ['Remark Code'] },
          paid: { header: ['Provider Paid'] },
        },
      },
    },
  ],
};
