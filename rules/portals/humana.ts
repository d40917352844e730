import type { PortalRule } from './schema';

const ORIGIN = '^https://provider\\.humana\\.com';
const INQUIRY = 'claim inquiry: read-only form fields (label/input)';
const REMIT = 'remittance advice with #remitLines';
const LEGACY = 'legacy remittance advice: line table by accessible name';

/**
 * Humana on provider.humana.com: claim inquiry and remittance advice. Humana sends most claim and
 * appeal work through Availity (domain.md 7.3; that rule covers it); these are Humana's own screens.
 * The claim inquiry shows claim fields as read-only form controls, so values come from input values.
 */
export const humana: PortalRule = {
  id: 'humana',
  name: 'Humana Provider Portal',
  payerName: 'Humana',
  matches: ['https://provider.humana.com/*'],
  source:
    'domain.md 7.3: Humana reconsiderations/appeals via Availity; claim status response fields (ePACES 277 viewer) and remit viewer columns; shape modelled on a claim inquiry form and a remittance advice viewer',
  pageKinds: [
    {
      kind: 'claimDetail',
      urlPatterns: [`${ORIGIN}/claims/inquiry/[A-Za-z0-9]+/?$`],
      examples: ['https://provider.humana.com/claims/inquiry/H26110400017'],
      ready: [
        { css: '#claimLines tbody tr', note: INQUIRY },
        { css: 'form#claimInquiry', note: 'inquiry form, so a changed line table is reported' },
      ],
      fields: {
        claimNumber: [
          { css: '#claimNbr', note: INQUIRY },
          { label: ['Claim Number'], note: 'by visible label' },
        ],
        patientAccount: [{ label: ['Patient Account Number'], note: INQUIRY }],
        patientName: [{ label: ['Patient Name'], note: INQUIRY }],
        memberId: [{ label: ['Humana ID', 'Member ID'], note: INQUIRY }],
        serviceDateFrom: [{ label: ['Service Dates'], note: INQUIRY }],
        status: [{ label: ['Claim Status'], note: INQUIRY }],
        billed: [{ label: ['Total Billed'], note: INQUIRY }],
        allowed: [{ label: ['Total Allowed'], note: INQUIRY }],
        paid: [{ label: ['Total Paid'], note: INQUIRY }],
        patientResponsibility: [{ label: ['Member Responsibility'], note: INQUIRY }],
        checkNumber: [{ label: ['Check/EFT Number'], note: INQUIRY }],
        paidDate: [{ label: ['Paid Date'], note: INQUIRY }],
      },
      required: ['claimNumber', 'billed', 'paid'],
      lines: {
        table: [
          { css: '#claimLines', note: INQUIRY },
          { role: 'table', name: ['Claim lines'], note: 'line table by its accessible name' },
        ],
        columns: {
          serviceDate: { header: ['From Date'] },
          code: { header: ['Procedure'] },
          modifiers: { header: ['Modifiers'] },
          units: { header: ['Units'] },
          billed: { header: ['Billed'] },
          allowed: { header: ['Allowed'] },
          deductible: { header: ['Deductible'] },
          coinsurance: { header: ['Coinsurance'] },
          copay: { header: ['Copay'] },
          paid: { header: ['Paid'] },
          adjustments: { header: ['Adjustments'] },
          remarks: { header: ['Remarks'] },
        },
      },
    },
    {
      kind: 'remittance',
      urlPatterns: [`${ORIGIN}/payments/remittance/[A-Za-z0-9]+/?$`],
      examples: ['https://provider.humana.com/payments/remittance/H26110400017'],
      ready: [
        { css: '#remitLines tbody tr', note: REMIT },
        { css: 'table[aria-label="Remittance service lines"] tbody tr', note: LEGACY },
        {
          css: 'section[aria-label="Remittance advice"]',
          note: 'remittance shell, so a missing table is reported',
        },
      ],
      fields: {
        claimNumber: [{ label: ['Claim Number'], note: 'remittance claim header (dt/dd), both layouts' }],
        patientAccount: [
          { label: ['Patient Account Number'], note: 'remittance claim header, both layouts' },
        ],
        patientName: [{ label: ['Patient Name'], note: 'remittance claim header, both layouts' }],
        checkNumber: [
          { label: ['EFT Trace Number', 'Check Number'], note: 'remittance payment header, both layouts' },
        ],
        paidDate: [{ label: ['Payment Date'], note: 'remittance payment header, both layouts' }],
        billed: [{ label: ['Total Billed'], note: 'remittance claim totals, both layouts' }],
        paid: [{ label: ['Total Paid'], note: 'remittance claim totals, both layouts' }],
        patientResponsibility: [
          { label: ['Patient Responsibility'], note: 'remittance claim totals, both layouts' },
        ],
      },
      required: ['claimNumber', 'billed', 'paid'],
      lines: {
        table: [
          { css: '#remitLines', note: REMIT },
          { role: 'table', name: ['Remittance service lines'], note: LEGACY },
        ],
        columns: {
          serviceDate: { header: ['DOS'] },
          code: { header: ['Proc/Mod'] },
          units: { header: ['Units'] },
          billed: { header: ['Charge'] },
          allowed: { header: ['Allowed'] },
          deductible: { header: ['Deductible'] },
          coinsurance: { header: ['Coins'] },
          copay: { header: ['Copay'] },
          adjustments: { header: ['Adj Codes'] },
          remarks: { header: ['Remarks'] },
          paid: { header: ['Net Paid'] },
        },
      },
    },
  ],
};
