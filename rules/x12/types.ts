import type { Claim, IsoDate } from '../model';

/** One PLB adjustment pair (domain.md 6.4). Positive amounts reduce the check; negative add to it. */
export interface Era835ProviderAdjustment {
  /** PLB01: the provider the adjustment is for (NPI or TIN). */
  providerId: string;
  /** PLB02: last day of the provider's fiscal period. */
  fiscalPeriodDate?: IsoDate;
  /** PLB03-1: adjustment reason (WO recovery, L6 interest, FB forwarding balance, CS ...). */
  reason: string;
  /** PLB03-2: usually the claim number a recovery is for. */
  reference?: string;
  amountCents: number;
}

/**
 * A CLP02 = 22 reversal and, when the same file holds it, the claim that re-adjudicates it
 * (domain.md 6.2: a correction is a reversal followed by a new CLP). Indexes point into `claims`.
 */
export interface Era835ReversalLink {
  claimNumber: string;
  reversalIndex: number;
  correctionIndex: number | null;
}

/** The transaction-level balance: Σ CLP04 − Σ PLB = BPR02 (domain.md 6.5). */
export interface Era835Balance {
  claimPaymentsCents: number;
  providerAdjustmentsCents: number;
  totalPaymentCents: number;
  balanced: boolean;
  /** Human message with the dollar figures; present only when `balanced` is false. */
  error?: string;
}

/** One ST..SE 835: the payment (check/EFT) and who it is from and to. */
export interface Era835Transaction {
  /** ST02. */
  controlNumber: string;
  /** ST03, else GS08 (005010X221A1, 004010X091A1). */
  version?: string;
  /** ISA13 of the interchange holding this transaction; absent for files that start at ST. */
  interchangeControlNumber?: string;
  /** 1-based segment number of the ST, for messages. */
  segmentIndex: number;
  /** BPR01: C payment + remittance, H notification only, I remittance only ... */
  handlingCode: string;
  /** BPR02: total actual provider payment. */
  totalPaymentCents: number;
  /** BPR03: C credit, D debit. */
  creditDebit?: string;
  /** BPR04: ACH, CHK, BOP, FWT, NON. */
  paymentMethod?: string;
  /** BPR16: check issue or EFT effective date. */
  paymentDate?: IsoDate;
  /** TRN02: check or EFT trace number. */
  traceNumber?: string;
  /** TRN03: payer identifier ("1" + TIN). */
  traceOriginatorId?: string;
  /** DTM*405. */
  productionDate?: IsoDate;
  payerName: string;
  payerId?: string;
  payeeName?: string;
  payeeNpi?: string;
  payeeTin?: string;
  /** The transaction's claims are `claims.slice(firstClaimIndex, firstClaimIndex + claimCount)`. */
  firstClaimIndex: number;
  claimCount: number;
  /** Claims of this transaction that carry `balanceErrors`. */
  unbalancedClaimCount: number;
  providerAdjustments: Era835ProviderAdjustment[];
  /** Reversals in this transaction and their corrections anywhere later in the file. */
  reversals: Era835ReversalLink[];
  balance: Era835Balance;
}

export type Era835Result =
  | { ok: true; transactions: Era835Transaction[]; claims: Claim[]; warnings: string[] }
  | { ok: false; error: string };
