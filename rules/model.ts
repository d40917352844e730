import { z } from 'zod';

/**
 * The claim model every reader produces (portal pages, 835 files) and the scoring engine consumes.
 * Money is integer cents; dates are ISO `YYYY-MM-DD` strings. Formatting happens only at the edge.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'expected a date as YYYY-MM-DD' });
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** Integer cents; negative only where the source says so (reversals, credits). */
export const CentsSchema = z.number().int().safe();
export type Cents = number;

/** X12 claim adjustment group codes (domain.md 4.1). */
export const AdjustmentGroupSchema = z.enum(['CO', 'PR', 'OA', 'PI', 'CR']);
export type AdjustmentGroup = z.infer<typeof AdjustmentGroupSchema>;

/** One CAS triplet: group, CARC reason, amount (positive reduces payment), optional quantity. */
export const AdjustmentSchema = z.strictObject({
  group: AdjustmentGroupSchema,
  reason: z.string().regex(/^[A-Z0-9]{1,5}$/, 'a CARC code such as 45, 97 or B7'),
  amountCents: CentsSchema,
  quantity: z.number().finite().optional(),
});
export type Adjustment = z.infer<typeof AdjustmentSchema>;

/** A RARC or claim-status remark code: N130, MA01, M15 ... */
export const RemarkSchema = z.string().regex(/^[A-Z]{1,2}\d{1,4}$/, 'a remark code such as N130 or MA01');

/** CPT/HCPCS (5 characters), or another code set's code for non-professional lines. */
export const ProcedureCodeSchema = z
  .string()
  .regex(/^[A-Z0-9]{4,8}$/, 'a procedure code such as 99214 or G0121');
export const ModifierSchema = z.string().regex(/^[A-Z0-9]{2}$/, 'a two-character modifier such as 26 or RT');

export const ClaimLineSchema = z.strictObject({
  /** 1-based position on the page or remittance. */
  lineNumber: z.number().int().positive(),
  code: ProcedureCodeSchema,
  modifiers: z.array(ModifierSchema).max(4),
  units: z.number().finite().positive(),
  serviceDate: IsoDateSchema.optional(),
  serviceDateTo: IsoDateSchema.optional(),
  placeOfService: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  billedCents: CentsSchema,
  /** As shown by the payer; absent when the source does not show it (derived later, domain.md 6.6). */
  allowedCents: CentsSchema.optional(),
  paidCents: CentsSchema,
  deductibleCents: CentsSchema.optional(),
  coinsuranceCents: CentsSchema.optional(),
  copayCents: CentsSchema.optional(),
  patientResponsibilityCents: CentsSchema.optional(),
  adjustments: z.array(AdjustmentSchema),
  remarks: z.array(RemarkSchema),
  /** SVC06: the code the provider billed when the payer changed it (downcoding evidence). */
  originalCode: ProcedureCodeSchema.optional(),
  originalModifiers: z.array(ModifierSchema).max(4).optional(),
  /** REF*6R line item control number. */
  controlNumber: z.string().max(50).optional(),
});
export type ClaimLine = z.infer<typeof ClaimLineSchema>;

export const ClaimStatusSchema = z.enum(['paid', 'partial', 'denied', 'pending', 'reversed', 'unknown']);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

/** Where a claim was read: a portal page or a remittance file. */
export const ClaimSourceSchema = z.strictObject({
  kind: z.enum(['portal', 'era835', 'file']),
  /** Portal rule id (`availity`), `generic`, or a taught rule's id. */
  portal: z.string().max(80).optional(),
  pageKind: z.string().max(40).optional(),
  /** Page URL without query string or fragment (they can carry patient data). */
  url: z.string().max(2000).optional(),
  fileName: z.string().max(500).optional(),
  readAt: z.string().max(40),
});
export type ClaimSource = z.infer<typeof ClaimSourceSchema>;

const shortText = z.string().trim().max(200);

/** A claim as a reader produced it. Patient-identifying fields are marked PHI. */
export const ClaimSchema = z.strictObject({
  /** The payer's claim number (ICN/DCN; 835 CLP07). The identity of the claim. */
  claimNumber: z.string().trim().min(1).max(60),
  /** The provider's patient control / account number (835 CLP01). PHI. */
  patientAccount: shortText.optional(),
  /** PHI. */
  patientName: shortText.optional(),
  /** PHI. */
  memberId: shortText.optional(),
  payerName: shortText.min(1),
  payerId: shortText.optional(),
  /** ERISA / plan type hints used by appeal routing (N855/N856, CLP06). */
  planType: z.enum(['erisa', 'non-erisa', 'unknown']).optional(),
  claimFilingIndicator: z.string().max(3).optional(),
  providerName: shortText.optional(),
  providerNpi: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  providerTin: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  serviceDateFrom: IsoDateSchema.optional(),
  serviceDateTo: IsoDateSchema.optional(),
  receivedDate: IsoDateSchema.optional(),
  /** Payment or denial date: remittance / check / EFT date. Starts appeal and NSA clocks. */
  paidDate: IsoDateSchema.optional(),
  status: ClaimStatusSchema,
  /** Status words as the source showed them. */
  statusText: shortText.optional(),
  /** CLP02 when read from an 835. */
  statusCode: z.string().max(3).optional(),
  billedCents: CentsSchema,
  allowedCents: CentsSchema.optional(),
  paidCents: CentsSchema,
  patientResponsibilityCents: CentsSchema.optional(),
  checkNumber: shortText.optional(),
  placeOfService: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  adjustments: z.array(AdjustmentSchema),
  remarks: z.array(RemarkSchema),
  lines: z.array(ClaimLineSchema).max(5000),
  /** Balancing problems found by the reader (835 domain.md 6.5); never hidden. */
  balanceErrors: z.array(z.string().max(300)).optional(),
  /** Payer claim number of the claim this one reverses or corrects (CLP02 = 22). */
  reversesClaimNumber: z.string().max(60).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** A claim row from a claim list / search results page (issue 4 item 4). */
export const ClaimSummarySchema = z.strictObject({
  claimNumber: z.string().trim().min(1).max(60),
  patientAccount: shortText.optional(),
  payerName: shortText.optional(),
  serviceDateFrom: IsoDateSchema.optional(),
  serviceDateTo: IsoDateSchema.optional(),
  billedCents: CentsSchema.optional(),
  paidCents: CentsSchema.optional(),
  status: ClaimStatusSchema,
  statusText: shortText.optional(),
});
export type ClaimSummary = z.infer<typeof ClaimSummarySchema>;

/** The stable identity of a claim across portal pages and remittances: the payer claim number, normalised. */
export function claimKey(claimNumber: string): string {
  return claimNumber.toUpperCase().replace(/[\s-]+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Scoring output

export const FlagKindSchema = z.enum([
  'underpaid',
  'denied',
  'no-benchmark',
  'nsa',
  'balance-billing',
  'imbalance',
  'coding',
  'deadline',
  'overpaid',
  'zero-paid',
]);
export type FlagKind = z.infer<typeof FlagKindSchema>;

export const FlagSchema = z.strictObject({
  kind: FlagKindSchema,
  message: z.string(),
});
export type Flag = z.infer<typeof FlagSchema>;

export const DenialCategorySchema = z.enum([
  'contractual',
  'patient-cost-share',
  'medical-necessity',
  'authorization',
  'timely-filing',
  'bundling',
  'coordination-of-benefits',
  'missing-information',
  'non-covered',
  'duplicate',
  'network',
  'no-surprises-act',
  'other',
]);
export type DenialCategory = z.infer<typeof DenialCategorySchema>;

export const LineScoreSchema = z.strictObject({
  lineNumber: z.number().int().positive(),
  /** Allowed used for scoring: as shown, or derived (paid + patient cost share, domain.md 6.6). */
  allowedCents: CentsSchema,
  allowedDerived: z.boolean(),
  expectedCents: CentsSchema.nullable(),
  /** Words a payer would accept: "200% of 2025 Medicare, locality 01182-18, non-facility". */
  expectedBasis: z.string().nullable(),
  shortfallCents: CentsSchema,
  categories: z.array(DenialCategorySchema),
  flags: z.array(FlagSchema),
});
export type LineScore = z.infer<typeof LineScoreSchema>;

export const DeadlinesSchema = z.strictObject({
  appealBy: IsoDateSchema.optional(),
  appealBasis: z.string().optional(),
  openNegotiationNoticeBy: IsoDateSchema.optional(),
  idrInitiationFrom: IsoDateSchema.optional(),
  idrInitiationBy: IsoDateSchema.optional(),
});
export type Deadlines = z.infer<typeof DeadlinesSchema>;

export const ClaimScoreSchema = z.strictObject({
  asOf: IsoDateSchema,
  totals: z.strictObject({
    billedCents: CentsSchema,
    allowedCents: CentsSchema,
    paidCents: CentsSchema,
    patientResponsibilityCents: CentsSchema,
    expectedCents: CentsSchema,
    shortfallCents: CentsSchema,
  }),
  lines: z.array(LineScoreSchema),
  flags: z.array(FlagSchema),
  categories: z.array(DenialCategorySchema),
  deadlines: DeadlinesSchema,
  nsa: z.boolean(),
  /** Recoverable dollars weighted by urgency; higher first. */
  priority: z.number(),
  flaggedLineCount: z.number().int().nonnegative(),
});
export type ClaimScore = z.infer<typeof ClaimScoreSchema>;
