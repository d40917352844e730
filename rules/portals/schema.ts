import { z } from 'zod';

/**
 * The portal rule schema: the manual for writing a rule. A rule is plain JSON-serialisable data
 * (string patterns, never RegExp instances), one file per portal, reviewed like code and linted by
 * tests/meta. Every selector alternative says which page variant it serves in `note`.
 */

/** One way to find an element. Alternatives are tried in order; the first that yields a value wins. */
export const LocatorSchema = z.union([
  z.strictObject({
    /** A CSS selector, evaluated inside the page (or the row, for line columns). */
    css: z.string().min(1),
    /** Which page variant this alternative serves, e.g. "2024 claim detail redesign". */
    note: z.string().min(1),
    /** Read this attribute instead of the text content (e.g. `data-amount`, `value`). */
    attr: z.string().min(1).optional(),
  }),
  z.strictObject({
    /**
     * Visible label text (case-insensitive, trailing colon ignored). The value is found beside it:
     * th → td in the same row, dt → the following dd, label → its control, or an element
     * with `aria-labelledby` pointing at the label.
     */
    label: z.array(z.string().min(1)).min(1),
    note: z.string().min(1),
  }),
  z.strictObject({
    /** ARIA role plus accessible name, e.g. {role: 'textbox', name: 'Claim number'}. */
    role: z.string().min(1),
    name: z.array(z.string().min(1)).min(1),
    note: z.string().min(1),
  }),
]);
export type Locator = z.infer<typeof LocatorSchema>;

/** Alternatives for one field, tried in order. */
export const FieldStrategySchema = z.array(LocatorSchema).min(1);
export type FieldStrategy = z.infer<typeof FieldStrategySchema>;

/** Claim-level fields a page kind may read. Types are fixed by the field name (money, date, text). */
export const CLAIM_FIELDS = [
  'claimNumber',
  'patientAccount',
  'patientName',
  'memberId',
  'payerName',
  'payerId',
  'providerName',
  'providerNpi',
  'providerTin',
  'serviceDateFrom',
  'serviceDateTo',
  'receivedDate',
  'paidDate',
  'status',
  'billed',
  'allowed',
  'paid',
  'patientResponsibility',
  'checkNumber',
  'remarks',
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** Line columns a service-line table may have. */
export const LINE_FIELDS = [
  'serviceDate',
  'code',
  'modifiers',
  'units',
  'placeOfService',
  'billed',
  'allowed',
  'deductible',
  'coinsurance',
  'copay',
  'patientResponsibility',
  'paid',
  'adjustments',
  'groupCode',
  'reasonCodes',
  'adjustmentAmount',
  'remarks',
] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** Claim list / search result row columns. */
export const LIST_FIELDS = [
  'claimNumber',
  'patientAccount',
  'payerName',
  'serviceDateFrom',
  'serviceDateTo',
  'billed',
  'paid',
  'status',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Appeal / dispute form fields the extension may fill on the biller's click. */
export const FORM_FIELDS = [
  'claimNumber',
  'patientAccount',
  'reason',
  'message',
  'amount',
  'serviceDate',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** How a column of a table is found: by header text (preferred) or by a CSS selector within the row. */
export const ColumnSchema = z.union([
  z.strictObject({
    /** Header texts that name this column, case-insensitive, whitespace-folded, exact match. */
    header: z.array(z.string().min(1)).min(1),
  }),
  z.strictObject({
    /** CSS selector inside the row, for grids without header cells. */
    css: z.string().min(1),
    note: z.string().min(1),
    attr: z.string().min(1).optional(),
  }),
]);
export type Column = z.infer<typeof ColumnSchema>;

/** A table of rows: service lines or claim list rows. */
export const TableSchema = z.strictObject({
  /** Alternatives for the table (or ARIA grid) element itself. */
  table: FieldStrategySchema,
  /** CSS for the data rows inside the table; defaults to `tbody tr` (or `[role=row]` in grids). */
  rows: z.string().min(1).optional(),
  /** CSS for header cells; defaults to `thead th` (or `[role=columnheader]`). */
  headers: z.string().min(1).optional(),
  /** Rows whose first cell text matches this (case-insensitive) are totals or subtotals and are skipped. */
  skipRowsMatching: z.string().min(1).optional(),
});

export const PAGE_KINDS = ['claimList', 'claimDetail', 'remittance', 'disputeForm'] as const;
export const PageKindNameSchema = z.enum(PAGE_KINDS);
export type PageKindName = z.infer<typeof PageKindNameSchema>;

export const PageKindRuleSchema = z.strictObject({
  kind: PageKindNameSchema,
  /** Regular-expression sources tested against `origin + pathname + hash` (never the query string). */
  urlPatterns: z.array(z.string().min(1)).min(1),
  /** Real-shaped example URLs; tests check each matches this kind and no other kind of any rule. */
  examples: z.array(z.string().url()).min(1),
  /** The page is ready to read once this matches (late-rendering single-page apps). */
  ready: FieldStrategySchema,
  /** Claim-level fields; required ones are listed in `required`. */
  fields: z.partialRecord(z.enum(CLAIM_FIELDS), FieldStrategySchema),
  /** Fields that must be read for the page to count as read; a miss reports the page as unreadable. */
  required: z.array(z.enum(CLAIM_FIELDS)),
  /** Service-line table (claimDetail, remittance). */
  lines: TableSchema.extend({
    columns: z.partialRecord(z.enum(LINE_FIELDS), ColumnSchema),
  }).optional(),
  /** Claim rows (claimList). */
  list: TableSchema.extend({
    columns: z.partialRecord(z.enum(LIST_FIELDS), ColumnSchema),
  }).optional(),
  /** Dispute form fields (disputeForm) that "Fill appeal form" may write into. */
  form: z.partialRecord(z.enum(FORM_FIELDS), FieldStrategySchema).optional(),
});
export type PageKindRule = z.infer<typeof PageKindRuleSchema>;

export const PortalRuleSchema = z.strictObject({
  /** Equals the file name without extension, kebab-case. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Shown to the biller: "Availity Essentials". */
  name: z.string().min(1),
  /** Default payer name when the page does not say (single-payer portals). */
  payerName: z.string().min(1).optional(),
  /** Chrome match patterns for the portal's hosts; the manifest's content script matches are their union. */
  matches: z.array(z.string().regex(/^https:\/\/[a-z0-9.*-]+\/\*$/)).min(1),
  /** Where the shape of the rule and its fixtures comes from. */
  source: z.string().min(1),
  pageKinds: z.array(PageKindRuleSchema).min(1),
});
export type PortalRule = z.infer<typeof PortalRuleSchema>;
