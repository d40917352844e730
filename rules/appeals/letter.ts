import type { Claim, ClaimLine } from '../model';
import { erisaStatus } from './findings';
import { formatCents, formatDate, formatDateRange, joinWords } from './format';
import { payerDisputeReference } from './payer-references';
import { PROFILE_FIELD_LABEL, type PracticeProfileDraft, validProfileValue } from './profile';
import type { LetterDraft, RenderInput } from './types';

/**
 * Building blocks shared by the templates: letterhead, claim identification, tables, the ERISA
 * paragraph and the signature. A value the letter needs but does not have is printed as a visible
 * `[MISSING: label]` placeholder, never left blank (issue "Appeals" item 3).
 */

export function missing(label: string): string {
  return `[MISSING: ${label}]`;
}

export const MISSING_PATTERN = /\[MISSING: ([^\]]+)\]/g;

function field(profile: PracticeProfileDraft, key: keyof typeof PROFILE_FIELD_LABEL): string {
  const value = validProfileValue(profile, key);
  if (value === undefined) return missing(PROFILE_FIELD_LABEL[key]);
  return Array.isArray(value) ? value.join(', ') : value;
}

export function practiceName(profile: PracticeProfileDraft): string {
  return field(profile, 'practiceName');
}

export function letterhead(profile: PracticeProfileDraft): string[] {
  const street = validProfileValue(profile, 'addressLines') ?? [missing(PROFILE_FIELD_LABEL.addressLines)];
  return [
    field(profile, 'practiceName'),
    ...street,
    `${field(profile, 'city')}, ${field(profile, 'state')} ${field(profile, 'zip')}`,
    `Phone ${field(profile, 'phone')} | ${field(profile, 'email')}`,
    `NPI ${field(profile, 'npi')} | TIN ${field(profile, 'tin')}`,
  ];
}

export function recipient(
  claim: Claim,
  payerAddress: readonly string[] | undefined,
  department: string,
): string[] {
  const address = payerAddress?.map((l) => l.trim()).filter((l) => l.length > 0) ?? [];
  return [
    claim.payerName,
    department,
    ...(address.length > 0 ? address : [missing('payer mailing address')]),
  ];
}

/** The dates of service of the given lines, else of the claim. */
export function serviceDates(claim: Claim, lines: readonly ClaimLine[] = []): string {
  const dates = lines
    .flatMap((l) => [l.serviceDate, l.serviceDateTo])
    .filter((d): d is string => d !== undefined);
  if (dates.length > 0) {
    const sorted = [...dates].sort();
    return formatDateRange(sorted[0] as string, sorted[sorted.length - 1]);
  }
  if (claim.serviceDateFrom) return formatDateRange(claim.serviceDateFrom, claim.serviceDateTo);
  return missing('date of service');
}

export function lineServiceDate(claim: Claim, line: ClaimLine): string {
  const from = line.serviceDate ?? claim.serviceDateFrom;
  if (!from) return missing('date of service');
  return formatDateRange(from, line.serviceDate ? line.serviceDateTo : claim.serviceDateTo);
}

/** The rendering provider as the claim names it, else the practice. */
export function providerWithNpi(claim: Claim, profile: PracticeProfileDraft): string {
  const name = claim.providerName ?? practiceName(profile);
  const npi = claim.providerNpi ?? field(profile, 'npi');
  return `${name} (NPI ${npi})`;
}

export function remittanceDate(claim: Claim): string {
  return claim.paidDate ? formatDate(claim.paidDate) : missing('remittance date');
}

/** The "RE:" block identifying the claim; optional rows appear only when the claim has them. */
export function claimReference(
  claim: Claim,
  profile: PracticeProfileDraft,
  extra: [string, string][] = [],
): string[] {
  const rows: [string, string][] = [
    ['Patient', claim.patientName ?? missing('patient name')],
    ['Member ID', claim.memberId ?? missing('member ID')],
    ['Claim number', claim.claimNumber],
  ];
  if (claim.patientAccount) rows.push(['Patient account', claim.patientAccount]);
  rows.push(
    ['Date(s) of service', serviceDates(claim)],
    ['Rendering provider', providerWithNpi(claim, profile)],
    ['Remittance date', remittanceDate(claim)],
    ...extra,
  );
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)} ${value}`);
}

/** `99214-25` for a code with modifiers. */
export function lineCode(line: ClaimLine): string {
  return [line.code, ...line.modifiers].join('-');
}

/** The remittance's own codes for a line: `CO-45 $230.00; PR-2 $24.00; remarks N381`. */
export function remitCodes(line: ClaimLine): string {
  const parts = line.adjustments.map((a) => `${a.group}-${a.reason} ${formatCents(a.amountCents)}`);
  if (line.remarks.length > 0) parts.push(`remark ${line.remarks.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'no adjustment codes reported';
}

/** One bullet per line listing its adjustment and remark codes (domain.md 8.3 item 3). */
export function remitEvidence(lines: readonly ClaimLine[]): string[] {
  return lines.map((l) => `- Line ${l.lineNumber} (${lineCode(l)}): ${remitCodes(l)}`);
}

export interface Column {
  header: string;
  align: 'left' | 'right';
}

/** A plain-text table for a monospaced reader; the last column is not padded. */
export function textTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  totals?: readonly string[],
) {
  const all = totals ? [...rows, totals] : rows;
  const widths = columns.map((c, i) => Math.max(c.header.length, ...all.map((r) => (r[i] ?? '').length)));
  const render = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        if (i === columns.length - 1 && c.align === 'left') return cell;
        return c.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [render(columns.map((c) => c.header)), rule, ...rows.map(render)];
  if (totals) out.push(rule, render(totals));
  return out;
}

export interface ErisaText {
  paragraphs: string[];
  citations: string[];
}

/**
 * The ERISA paragraph for an employer plan (domain.md 3, 8.3 item 1): the 180-day appeal right, a full
 * and fair review, and free copies of the documents relied upon, including the pricing methodology and
 * any repricing vendor report. Worded conditionally when the plan type is only likely to be ERISA.
 */
export function erisaText(claim: Claim, kind: 'appeal' | 'request' = 'appeal'): ErisaText {
  const status = erisaStatus(claim);
  if (status === 'not-erisa') return { paragraphs: [], citations: [] };
  const lead =
    status === 'erisa'
      ? 'This plan is an employee welfare benefit plan governed by ERISA.'
      : 'To the extent this plan is an employee welfare benefit plan governed by ERISA, the following applies.';
  const appealRight =
    kind === 'appeal'
      ? `${lead} This is an appeal of an adverse benefit determination, submitted on the patient's behalf within the 180 days the claims procedure allows after receipt of the determination dated ${remittanceDate(claim)} (29 CFR 2560.503-1(h)(3)(i)). We ask for a full and fair review that gives no deference to the initial determination (29 CFR 2560.503-1(h)(3)(ii)).`
      : `${lead} The patient may appeal the adverse benefit determination dated ${remittanceDate(claim)} within 180 days after receiving it (29 CFR 2560.503-1(h)(3)(i)); this request for documents does not waive or shorten that right.`;
  if (kind === 'request') return { paragraphs: [appealRight], citations: ['29 CFR 2560.503-1(h)(3)(i)'] };
  return {
    paragraphs: [
      appealRight,
      "Please also provide, free of charge, copies of all documents, records and other information relevant to this claim (29 CFR 2560.503-1(h)(2)(iii) and (m)(8)): the plan provision and any internal rule, guideline or protocol relied upon (29 CFR 2560.503-1(g)(1)), the pricing methodology used to determine the allowed amount, and any repricing vendor report or data relied upon, including the vendor's name.",
    ],
    citations: [
      '29 CFR 2560.503-1(g)(1)',
      '29 CFR 2560.503-1(h)(2)(iii)',
      '29 CFR 2560.503-1(h)(3)(i)',
      '29 CFR 2560.503-1(h)(3)(ii)',
      '29 CFR 2560.503-1(m)(8)',
    ],
  };
}

export interface LetterParts {
  subject: string;
  /** The first line of the reference block: what this letter is. */
  heading: string;
  /** The payer department the letter is addressed to. */
  department: string;
  /** Rows added to the claim reference block. */
  reference?: [string, string][];
  paragraphs: readonly Block[];
  citations: readonly string[];
  attachments: readonly string[];
  /** Whether the ERISA appeal paragraph applies; `request` words it for a document request. */
  erisa: 'appeal' | 'request' | 'none';
  /** Whether to close with the contact sentence; a notice that names its own contact fields does not. */
  contact?: boolean;
  /** Whether the letter goes through the payer's own dispute process (not so for a statutory notice). */
  payerProcess: boolean;
}

/**
 * A complete letter: letterhead, date, addressee, claim reference, the template's paragraphs, the
 * ERISA paragraph where the plan is (or is likely) an ERISA plan, the payer's own dispute process,
 * contact, signature and enclosures. Citations are the template's, then ERISA's, then the payer's.
 */
export function composeLetter(input: RenderInput, parts: LetterParts): LetterDraft {
  const { claim, profile, asOf } = input;
  const erisa = parts.erisa === 'none' ? { paragraphs: [], citations: [] } : erisaText(claim, parts.erisa);
  const payerRef = parts.payerProcess ? payerDisputeReference(claim.payerName) : undefined;
  const payerParagraph = payerRef
    ? [`This request is submitted under ${claim.payerName}'s published provider dispute process.`]
    : [];
  const citations = [...new Set([...parts.citations, ...erisa.citations, ...(payerRef ? [payerRef] : [])])];
  const body = assemble([
    letterhead(profile),
    formatDate(asOf),
    recipient(claim, input.payerAddress, parts.department),
    [`RE: ${parts.heading}`, ...claimReference(claim, profile, parts.reference)],
    'Dear Reviewer:',
    ...parts.paragraphs,
    ...erisa.paragraphs,
    ...payerParagraph,
    parts.contact === false ? '' : contactLine(profile),
    signature(profile),
    enclosures(parts.attachments),
  ]);
  return { subject: parts.subject, body, citations, attachments: [...parts.attachments] };
}

export function signature(profile: PracticeProfileDraft, closing = 'Sincerely,'): string[] {
  return [
    closing,
    '',
    '',
    field(profile, 'signatureName'),
    field(profile, 'signatureTitle'),
    field(profile, 'practiceName'),
  ];
}

export function contactLine(profile: PracticeProfileDraft): string {
  return `Please direct questions about this claim to ${field(profile, 'contactName')} at ${field(profile, 'phone')} or ${field(profile, 'email')}.`;
}

export function enclosures(attachments: readonly string[]): string[] {
  return ['Enclosures:', ...attachments.map((a, i) => `${i + 1}. ${a}`)];
}

/** A block is one paragraph (string) or several lines kept together (string[]); blocks are separated by a blank line. */
export type Block = string | readonly string[];

export function assemble(blocks: readonly Block[]): string {
  return `${blocks
    .filter((b) => (typeof b === 'string' ? b.length > 0 : b.length > 0))
    .map((b) => (typeof b === 'string' ? b : b.join('\n')))
    .join('\n\n')}\n`;
}

/** Unique labels of the `[MISSING: ...]` placeholders in `text`, in order. */
export function missingLabels(text: string): string[] {
  return [
    ...new Set([...text.matchAll(MISSING_PATTERN)].map((m) => (m[1] ?? '').replace(/\s+/g, ' ').trim())),
  ];
}

/** Lines as a denial letter lists them: code, date, billed and paid, from the claim. */
export function denialTable(claim: Claim, lines: readonly ClaimLine[]): string[] {
  return textTable(
    [
      { header: 'Line', align: 'right' },
      { header: 'Code', align: 'left' },
      { header: 'Date of service', align: 'left' },
      { header: 'Units', align: 'right' },
      { header: 'Billed', align: 'right' },
      { header: 'Paid', align: 'right' },
    ],
    lines.map((l) => [
      String(l.lineNumber),
      lineCode(l),
      lineServiceDate(claim, l),
      String(l.units),
      formatCents(l.billedCents),
      formatCents(l.paidCents),
    ]),
    [
      'Total',
      '',
      '',
      '',
      formatCents(lines.reduce((s, l) => s + l.billedCents, 0)),
      formatCents(lines.reduce((s, l) => s + l.paidCents, 0)),
    ],
  );
}

/** `line 2` or `lines 1, 2 and 3`. */
export function lineList(lines: readonly ClaimLine[]): string {
  const numbers = lines.map((l) => String(l.lineNumber));
  return `${numbers.length === 1 ? 'line' : 'lines'} ${joinWords(numbers)}`;
}
