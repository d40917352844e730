import { type Adjustment, type AdjustmentGroup, type Claim, type ClaimLine, ClaimSchema } from '../model';
import { formatDollars, parseCentsIn, parseQuantityIn } from './amount';
import { isCanonicalClaim, isCanonicalPaymentHeader } from './claim-check';
import { claimStatusOf, claimStatusText } from './claim-status';
import {
  bareDelimiters,
  type Delimiters,
  qualifierKey,
  SegmentReader,
  segmentKey,
  showText,
  X12Error,
} from './segments';
import type {
  Era835Balance,
  Era835ProviderAdjustment,
  Era835Result,
  Era835ReversalLink,
  Era835Transaction,
} from './types';

/**
 * Reads an X12 835 remittance (005010X221A1; 004010X091A1 tolerated) into claims and transactions.
 * All or nothing: any structural or number problem gives `{ ok: false, error }` naming the file and
 * segment, never a partly read file. Data that is legal X12 but does not fit the claim model (an
 * NDC line, a malformed NPI) is kept out with a warning instead. Imbalances (domain.md 6.5) are
 * reported on the claim (`balanceErrors`) and the transaction, never dropped.
 */
export function readEra835(text: string, fileName: string): Era835Result {
  return readWith(text, fileName, 'fast');
}

/**
 * The same reader with zod's ClaimSchema on every claim instead of the hand-written check: the
 * reference the fast path is compared with in tests and in the benchmark.
 */
export function readEra835WithZod(text: string, fileName: string): Era835Result {
  return readWith(text, fileName, 'zod');
}

/**
 * The same reader without the final ClaimSchema check on each claim. Only for the benchmark, to
 * show parsing and mapping apart from zod's cost; every caller that keeps claims uses `readEra835`.
 */
export function readEra835Unchecked(text: string, fileName: string): Era835Result {
  return readWith(text, fileName, 'none');
}

/**
 * readEra835 for tests: every claim the reader vouches for by construction (see the notes above
 * claimFitsModel) is also put through isCanonicalClaim, and one that fails it makes the read fail
 * with VOUCH_MISMATCH. Its results are readEra835's otherwise.
 */
export function readEra835Audited(text: string, fileName: string): Era835Result {
  return readWith(text, fileName, 'audit');
}

/** In the error of readEra835Audited when a claim vouched for by construction is not canonical. */
export const VOUCH_MISMATCH = 'vouched for a claim isCanonicalClaim refuses';

/**
 * How each claim is checked against the model: 'fast' vouches by construction (claimFitsModel) and
 * sends the rest to the hand-written check with zod behind it; 'audit' is 'fast' that also checks
 * what it vouched for; 'zod' is zod only; 'none' checks nothing.
 */
type Validation = 'fast' | 'audit' | 'zod' | 'none';

function readWith(text: string, fileName: string, validate: Validation): Era835Result {
  try {
    const binary = binaryMessage(text.indexOf('\u0000'), text.indexOf('\uFFFD'));
    const reader = new Era835Reader(text, validate, false, binary);
    reader.feed();
    const { transactions, warnings } = reader.end();
    return { ok: true, transactions, claims: reader.takeClaims(), warnings };
  } catch (err) {
    return { ok: false, error: errorMessage(fileName, err) };
  }
}

function errorMessage(fileName: string, err: unknown): string {
  if (err instanceof X12Error) return `${fileName}: ${err.message}`;
  // A bug of ours must still not escape as a throw: the caller shows the message and moves on.
  return `${fileName}: could not be read (${err instanceof Error ? err.message : String(err)})`;
}

/** Binary read as text shows NULs or U+FFFD (undecodable bytes); X12 is printable by design. */
function binaryMessage(nul: number, replacement: number): string | null {
  const bad = nul !== -1 ? nul : replacement;
  return bad === -1 ? null : `contains binary data (offset ${bad}); is it really an X12 835?`;
}

/** What a file read in slices gives at the end: everything `readEra835` gives but the claims. */
export type Era835StreamResult =
  | { ok: true; transactions: Era835Transaction[]; claimCount: number; warnings: string[] }
  | { ok: false; error: string };

/**
 * `readEra835` over a file given in slices of any size (cut anywhere, even inside a segment), for
 * files too large to keep in memory with all their claims: `push` returns the claims of every
 * transaction (ST..SE) completed so far, `finish` the rest of the result. The claims, transactions,
 * warnings and error are exactly those `readEra835` gives for the whole text; on an error, claims
 * already returned are part of a file that does not read, so a caller that must import nothing of a
 * bad file reads it once to the end before keeping any.
 */
export class Era835Stream {
  private readonly fileName: string;
  private reader: Era835Reader | null = null;
  /** Text before the reader could start: the head must show ISA (and a bare file's separators). */
  private head = '';
  private consumed = 0;
  private firstNul = -1;
  private firstReplacement = -1;
  private error: unknown = null;
  private done = false;

  constructor(fileName: string) {
    this.fileName = fileName;
  }

  /** The next slice of the file; `more` is false for the last one. */
  push(slice: string, more: boolean): Claim[] {
    if (this.done) throw new Error('Era835Stream: push after the last slice');
    this.done = !more;
    // readEra835 refuses binary before reading anything, so a binary error outranks every other.
    if (this.firstNul === -1) {
      const nul = slice.indexOf('\u0000');
      if (nul !== -1) this.firstNul = this.consumed + nul;
    }
    if (this.firstReplacement === -1) {
      const bad = slice.indexOf('\uFFFD');
      if (bad !== -1) this.firstReplacement = this.consumed + bad;
    }
    this.consumed += slice.length;
    if (this.error !== null || this.firstNul !== -1 || this.firstReplacement !== -1) return [];
    try {
      if (this.reader === null) {
        this.head += slice;
        if (more && !headComplete(this.head)) return [];
        this.reader = new Era835Reader(flatText('', this.head), 'fast', more, null);
        this.head = '';
      } else {
        this.reader.continueWith(slice, more);
      }
      this.reader.feed();
      return this.reader.takeClaims();
    } catch (err) {
      this.error = err;
      return [];
    }
  }

  finish(): Era835StreamResult {
    if (!this.done) throw new Error('Era835Stream: finish before the last slice');
    const binary = binaryMessage(this.firstNul, this.firstReplacement);
    try {
      // A file with NULs is never blank, so "is empty" cannot outrank this.
      if (binary !== null) throw new X12Error(binary);
      if (this.error !== null) throw this.error;
      const reader = this.reader;
      // The last push starts the reader or records why it could not.
      if (reader === null) throw new Error('Era835Stream: no reader after the last slice');
      const { transactions, warnings } = reader.end();
      return { ok: true, transactions, claimCount: reader.claimCount, warnings };
    } catch (err) {
      return { ok: false, error: errorMessage(this.fileName, err) };
    }
  }
}

/**
 * `a + b` as one sequential string. `+` gives a rope (or a view of the caller's string, or in a
 * browser an external string) that every charCodeAt of the tokenizer then has to see through, which
 * made reading a slice about twice as slow as reading the same characters from a flat string; join
 * copies the characters once into a new string.
 */
function flatText(a: string, b: string): string {
  return [a, b].join('');
}

/** Enough of the file's start to choose delimiters as readEra835 does on the whole text. */
function headComplete(head: string): boolean {
  let start = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < head.length && /\s/.test(head.charAt(start))) start++;
  if (head.length - start < 512) return false;
  if (!head.startsWith('ST', start) || /[A-Za-z0-9]/.test(head.charAt(start + 2))) return true;
  // A bare file takes its component separator from the first SVC composite, wherever it is.
  const svc = head.indexOf(`SVC${head.charAt(start + 2)}`, start);
  return svc !== -1 && svc + 6 < head.length;
}

// Segment ids as numbers (segmentKey), for the reader's switch.
const ISA = segmentKey('ISA');
const IEA = segmentKey('IEA');
const GS = segmentKey('GS');
const GE = segmentKey('GE');
const ST = segmentKey('ST');
const SE = segmentKey('SE');
const BPR = segmentKey('BPR');
const TRN = segmentKey('TRN');
const N1 = segmentKey('N1');
const REF = segmentKey('REF');
const LX = segmentKey('LX');
const TS3 = segmentKey('TS3');
const CLP = segmentKey('CLP');
const CAS = segmentKey('CAS');
const NM1 = segmentKey('NM1');
const MOA = segmentKey('MOA');
const MIA = segmentKey('MIA');
const DTM = segmentKey('DTM');
const SVC = segmentKey('SVC');
const AMT = segmentKey('AMT');
const LQ = segmentKey('LQ');
const PLB = segmentKey('PLB');

// Qualifiers (DTM01, AMT01, NM101, REF01, LQ01, CLP06) as numbers (qualifierKey), compared in one step.
const Q_B6 = qualifierKey('B6');
const Q_472 = qualifierKey('472');
const Q_150 = qualifierKey('150');
const Q_151 = qualifierKey('151');
const Q_232 = qualifierKey('232');
const Q_233 = qualifierKey('233');
const Q_050 = qualifierKey('050');
const Q_405 = qualifierKey('405');
const Q_QC = qualifierKey('QC');
const Q_IL = qualifierKey('IL');
const Q_2U = qualifierKey('2U');
const Q_TJ = qualifierKey('TJ');
const Q_6R = qualifierKey('6R');
const Q_HE = qualifierKey('HE');
const Q_MA = qualifierKey('MA');

const GROUP_LIST: readonly AdjustmentGroup[] = ['CO', 'PR', 'OA', 'PI', 'CR'];
const KNOWN_VERSIONS = ['005010X221', '004010X091'];

type Loop = 'header' | 'payer' | 'payee' | 'other-party' | 'claim' | 'line' | 'trailer';

/**
 * A service line while its claim is open. Drafts are reused from claim to claim (every field is set
 * again in `svc`), so reading a line allocates only what the model keeps of it.
 */
class LineDraft {
  segmentIndex = 0;
  position = 0;
  code: string | null = null;
  skipReason: string | null = null;
  modifiers: string[] = NO_CODES;
  billedCents = 0;
  paidCents = 0;
  units = 0;
  originalCode: string | undefined = undefined;
  originalModifiers: string[] | undefined = undefined;
  serviceDate: string | undefined = undefined;
  serviceDateTo: string | undefined = undefined;
  allowedCents: number | undefined = undefined;
  /** Set when the line closes; until then its adjustments and remarks collect in the reader's scratch lists. */
  adjustments: Adjustment[] = NO_ADJUSTMENTS;
  adjustmentTotalCents = 0;
  remarks: string[] = NO_CODES;
  controlNumber: string | undefined = undefined;
}

/** The open claim; one per reader, every field set again in `clp`. */
class ClaimDraft {
  segmentIndex = 0;
  patientAccount = '';
  statusCode = '';
  billedCents = 0;
  paidCents = 0;
  patientResponsibilityCents: number | undefined = undefined;
  claimFilingIndicator = '';
  claimNumber = '';
  facilityOrPlace = '';
  institutional = false;
  patientName: string | undefined = undefined;
  patientId: string | undefined = undefined;
  insuredId: string | undefined = undefined;
  serviceDateFrom: string | undefined = undefined;
  serviceDateTo: string | undefined = undefined;
  receivedDate: string | undefined = undefined;
  /** Set when the claim closes; until then they collect in the reader's scratch lists. */
  adjustments: Adjustment[] = NO_ADJUSTMENTS;
  adjustmentTotalCents = 0;
  remarks: string[] = NO_CODES;
  /** The claim's lines are the reader's `lineDrafts[0 .. lineCount)`. */
  lineCount = 0;
}

/**
 * A list that is filled, copied out at its exact size and filled again. The copy is what the model
 * keeps (an array grown by push keeps room for 17); the backing array is kept, not shrunk and regrown.
 */
class Scratch<T> {
  protected readonly items: T[] = [];
  length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  includes(item: T): boolean {
    for (let k = 0; k < this.length; k++) if (this.items[k] === item) return true;
    return false;
  }

  /**
   * The items in a new array of their exact size; the list is empty again. No items gives the one
   * shared, frozen empty array: most claims and lines have no remarks and many no adjustments, and
   * an empty array per field was an eighth of what a claim weighs. Nothing writes to a read claim's
   * lists (a write would throw, not corrupt other claims), and JSON and structured clone (IndexedDB,
   * messages) read it as any other empty array.
   */
  take(): T[] {
    const n = this.length;
    const a = this.items;
    this.length = 0;
    switch (n) {
      case 0:
        return NO_CODES as unknown as T[];
      case 1:
        return [a[0] as T];
      case 2:
        return [a[0] as T, a[1] as T];
      case 3:
        return [a[0] as T, a[1] as T, a[2] as T];
      default:
        return a.slice(0, n);
    }
  }
}

/**
 * Lists of codes (modifiers, remarks) as Scratch.take gives them, except that a list of one code is
 * one shared, frozen array per code, as the empty list is: a file repeats the same few single
 * modifiers ("25", "26", "59") and remarks on thousands of lines, and each list was 56 bytes kept per
 * line. Nothing writes to a read claim's lists (see Scratch.take).
 */
class CodeScratch extends Scratch<string> {
  private static readonly single = new Map<string, string[]>();

  override take(): string[] {
    if (this.length !== 1) return super.take();
    this.length = 0;
    const code = this.items[0] as string;
    let list = CodeScratch.single.get(code);
    if (list === undefined) {
      list = Object.freeze([code]) as unknown as string[];
      CodeScratch.single.set(code, list);
    }
    return list;
  }
}

interface TransactionDraft {
  segmentIndex: number;
  controlNumber: string;
  version?: string;
  interchangeControlNumber?: string;
  handlingCode: string;
  totalPaymentCents: number;
  creditDebit?: string;
  paymentMethod?: string;
  paymentDate?: string;
  traceNumber?: string;
  traceOriginatorId?: string;
  productionDate?: string;
  payerName: string;
  payerId?: string;
  payeeName?: string;
  payeeNpi?: string;
  payeeTin?: string;
  sawBpr: boolean;
  providerAdjustments: Era835ProviderAdjustment[];
}

class Era835Reader {
  private readonly reader: SegmentReader;
  private readonly warnings: string[] = [];
  /**
   * Claims of the transactions finished since the last `takeClaims`: `claims[0 .. takeCount)`. The
   * list is kept and refilled (takeClaims copies it out at its exact size), so handing claims out does
   * not leave a list regrown by push as garbage each time.
   */
  private readonly claims: (Claim | undefined)[] = [];
  private takeCount = 0;
  /**
   * The open transaction's claims, built as each closed with the header read by then (see
   * finishTransaction): `txClaims[0 .. txClaimCount)`, where each CLP is, and whether toClaim
   * vouched for it (claimFitsModel). Kept and refilled from transaction to transaction, as `claims` is.
   */
  private readonly txClaims: (Claim | undefined)[] = [];
  private readonly txClaimSegments: number[] = [];
  private readonly txClaimFits: boolean[] = [];
  private txClaimCount = 0;
  /** Claims finished so far in the file, taken or not. */
  claimCount = 0;
  /** What reversal linking needs of every claim of the file, without keeping the claims. */
  private readonly claimNumbers: string[] = [];
  private readonly patientAccounts: (string | undefined)[] = [];
  private readonly reversed: boolean[] = [];
  private readonly transactions: Era835Transaction[] = [];
  private readonly bareFile: boolean;
  private readonly validate: Validation;

  private interchangeStart = 0;
  private interchangeControl: string | undefined;
  private groupStart = 0;
  private groupVersion: string | undefined;
  private tx: TransactionDraft | null = null;
  private claim: ClaimDraft | null = null;
  private line: LineDraft | null = null;
  private loop: Loop = 'header';
  private componentWarned = false;
  private institutionalGroup = false;

  /**
   * `text` is the whole file, or its first slice when `more` follows (`continueWith`); `binary` is the
   * caller's finding on the whole file (`binaryMessage`), or null.
   */
  constructor(text: string, validate: Validation, more: boolean, binary: string | null) {
    this.validate = validate;
    let start = 0;
    if (text.charCodeAt(0) === 0xfeff) start = 1;
    while (start < text.length && /\s/.test(text.charAt(start))) start++;
    if (start >= text.length) throw new X12Error('is empty');
    if (binary !== null) throw new X12Error(binary);
    let delimiters: Delimiters;
    if (text.startsWith('ISA', start)) {
      this.bareFile = false;
      delimiters = { element: '*', component: ':', segment: '~' };
    } else if (text.startsWith('ST', start) && !/[A-Za-z0-9]/.test(text.charAt(start + 2))) {
      this.bareFile = true;
      delimiters = bareDelimiters(text, start);
    } else {
      throw new X12Error(
        `does not look like an X12 file: it should start with ISA or ST, found "${showText(text.slice(start, start + 12))}"`,
      );
    }
    this.reader = new SegmentReader(text, start, delimiters, more);
  }

  /** The next slice: what the last `feed` left unread continues into it. */
  continueWith(slice: string, more: boolean): void {
    this.reader.continueWith(flatText(this.reader.rest(), slice), more);
  }

  /** Reads every segment of the text given so far (all of it when no more follows). */
  feed(): void {
    const r = this.reader;
    while (r.next()) {
      if (r.unterminated) this.checkUnterminated();
      this.segment(r.key, r);
    }
  }

  takeClaims(): Claim[] {
    const n = this.takeCount;
    const taken = this.claims.slice(0, n) as Claim[];
    // Cleared so the list does not keep claims the caller has dropped alive.
    this.claims.fill(undefined, 0, n);
    this.takeCount = 0;
    return taken;
  }

  /** After the last slice: the end-of-file checks, and reversals linked across the file. */
  end(): { transactions: Era835Transaction[]; warnings: string[] } {
    if (this.tx) {
      throw new X12Error(
        `is truncated: transaction ST*${this.tx.controlNumber} (segment ${this.tx.segmentIndex}) has no SE${this.claim ? `; it ends inside claim ${this.claim.claimNumber}` : ''}`,
      );
    }
    if (this.groupStart)
      throw new X12Error(`is truncated: functional group (segment ${this.groupStart}) has no GE`);
    if (this.interchangeStart) {
      throw new X12Error(`is truncated: interchange (segment ${this.interchangeStart}) has no IEA`);
    }
    if (this.transactions.length === 0) throw new X12Error('has no 835 transaction (ST*835)');
    this.linkReversals();
    return { transactions: this.transactions, warnings: this.warnings };
  }

  /**
   * A file whose last segment has no terminator was usually cut in transit. Only a complete closing
   * segment whose control number matches its opener is accepted (some systems drop the final "~").
   */
  private checkUnterminated(): void {
    const r = this.reader;
    const control = r.count > 2 ? r.str(2) : undefined;
    if (r.key === IEA && this.interchangeControl !== undefined && control === this.interchangeControl) return;
    if (r.key === SE && this.bareFile && this.tx && control === this.tx.controlNumber) return;
    throw new X12Error(
      `is truncated: segment ${r.index} (${r.id}) has no terminator "${showText(r.delimiters.segment)}" and the file ends there`,
    );
  }

  private fail(message: string): never {
    throw new X12Error(`segment ${this.reader.index} (${this.reader.id}): ${message}`);
  }

  private warn(message: string): void {
    this.warnings.push(`segment ${this.reader.index} (${this.reader.id}): ${message}`);
  }

  private segment(key: number, e: SegmentReader): void {
    const tx = this.tx;
    // Inside a transaction, most frequent first: a claim is CLP, NM1, DTMs, then per line SVC, DTM,
    // CAS, REF, AMT. Envelope segments, and every segment outside a transaction, go to `envelope`.
    if (tx !== null) {
      switch (key) {
        case CAS:
          this.cas(e);
          return;
        case DTM:
          this.dtm(tx, e);
          return;
        case SVC:
          this.svc(e);
          return;
        case AMT:
          if (this.line && this.loop === 'line' && e.qualifier(1) === Q_B6)
            this.line.allowedCents = this.amount(2, 'AMT');
          return;
        case CLP:
          this.clp(e);
          return;
        case NM1:
          this.nm1(e);
          return;
        case REF:
          this.ref(tx, e);
          return;
        case LQ:
          this.lq(e);
          return;
        case MOA:
          this.claimRemarks(e, 3, 7, 'MOA');
          return;
        case MIA:
          if (this.claim && this.loop === 'claim') this.claim.institutional = true;
          this.claimRemarks(e, 5, 5, 'MIA');
          this.claimRemarks(e, 20, 24, 'MIA');
          return;
        case LX:
          this.closeClaim();
          this.loop = 'header';
          this.institutionalGroup = false;
          return;
        case TS3:
          // TS3 is the institutional provider summary (domain.md 6.2): the claims of this LX are facility claims.
          this.institutionalGroup = true;
          return;
        case BPR:
          this.bpr(tx, e);
          return;
        case TRN:
          tx.traceNumber = nonEmpty(e.str(2));
          tx.traceOriginatorId = nonEmpty(e.str(3));
          return;
        case N1:
          this.n1(tx, e);
          return;
        case PLB:
          this.plb(tx, e);
          return;
        case ISA:
        case IEA:
        case GS:
        case GE:
        case ST:
        case SE:
          break;
        default:
          // CUR, PER, N3, N4, RDM, TS2, QTY ...: nothing the claim model holds.
          return;
      }
    }
    this.envelope(key, e);
  }

  /** An envelope segment (ISA, GS, ST and their trailers), or any other outside a transaction (an error). */
  private envelope(key: number, e: SegmentReader): void {
    switch (key) {
      case ISA:
        this.isa(e);
        return;
      case IEA:
        this.iea();
        return;
      case GS:
        this.gs(e);
        return;
      case GE:
        this.ge();
        return;
      case ST:
        this.st(e);
        return;
      case SE:
        this.se(e);
        return;
    }
    this.fail('is outside a transaction (ST..SE)');
  }

  // ---- envelope ------------------------------------------------------------------------------

  private isa(e: SegmentReader): void {
    if (this.bareFile) this.fail('an interchange header in a file that started at ST');
    if (this.interchangeStart) {
      throw new X12Error(
        `is truncated: interchange (segment ${this.interchangeStart}) has no IEA before the next ISA (segment ${this.reader.index})`,
      );
    }
    this.interchangeStart = this.reader.index;
    this.interchangeControl = e.count > 13 ? e.str(13) : undefined;
  }

  private iea(): void {
    if (!this.interchangeStart) this.fail('IEA without an ISA');
    this.closeEnvelopeCheck('IEA');
    this.interchangeStart = 0;
    this.interchangeControl = undefined;
  }

  private gs(e: SegmentReader): void {
    if (!this.bareFile && !this.interchangeStart) this.fail('is outside an interchange (ISA..IEA)');
    if (this.groupStart) this.fail(`functional group (segment ${this.groupStart}) has no GE before this GS`);
    if (this.tx) this.fail(`transaction (segment ${this.tx.segmentIndex}) has no SE before this GS`);
    this.groupStart = this.reader.index;
    this.groupVersion = nonEmpty(e.str(8));
  }

  private ge(): void {
    if (!this.groupStart) this.fail('GE without a GS');
    if (this.tx) this.fail(`transaction (segment ${this.tx.segmentIndex}) has no SE before this GE`);
    this.groupStart = 0;
    this.groupVersion = undefined;
  }

  private closeEnvelopeCheck(what: string): void {
    if (this.tx) this.fail(`transaction (segment ${this.tx.segmentIndex}) has no SE before this ${what}`);
    if (this.groupStart)
      this.fail(`functional group (segment ${this.groupStart}) has no GE before this ${what}`);
  }

  private st(e: SegmentReader): void {
    if (this.tx) this.fail(`transaction (segment ${this.tx.segmentIndex}) has no SE before this ST`);
    if (!this.bareFile && !this.interchangeStart) this.fail('is outside an interchange (ISA..IEA)');
    const kind = e.str(1);
    if (kind !== '835') {
      throw new X12Error(
        `is a ${showText(kind) || 'transaction without a type'}, not an 835 (segment ${this.reader.index}: ST)`,
      );
    }
    const controlNumber = e.str(2);
    if (controlNumber === '') this.fail('no control number in ST02');
    const version = nonEmpty(e.str(3)) ?? this.groupVersion;
    if (version !== undefined && !KNOWN_VERSIONS.some((v) => version.startsWith(v))) {
      this.warn(`version "${showText(version)}" is not 005010X221A1 or 004010X091A1; read as 005010X221A1`);
    }
    this.tx = {
      segmentIndex: this.reader.index,
      controlNumber,
      handlingCode: '',
      totalPaymentCents: 0,
      payerName: '',
      sawBpr: false,
      providerAdjustments: [],
    };
    if (version !== undefined) this.tx.version = version;
    if (this.interchangeControl !== undefined) this.tx.interchangeControlNumber = this.interchangeControl;
    this.loop = 'header';
    this.institutionalGroup = false;
  }

  private se(e: SegmentReader): void {
    const tx = this.tx;
    if (!tx) this.fail('SE without an ST');
    this.closeClaim();
    const counted = this.reader.index - tx.segmentIndex + 1;
    if (!e.is(1, String(counted))) {
      this.warn(`SE01 says ${showText(e.str(1))} segments, the transaction has ${counted}`);
    }
    if (!tx.sawBpr) this.fail(`transaction ST*${tx.controlNumber} has no BPR (payment) segment`);
    if (tx.payerName === '') this.fail(`transaction ST*${tx.controlNumber} has no payer name (N1*PR N102)`);
    this.finishTransaction(tx);
    this.tx = null;
    this.loop = 'header';
  }

  // ---- header --------------------------------------------------------------------------------

  private bpr(tx: TransactionDraft, e: SegmentReader): void {
    tx.sawBpr = true;
    tx.handlingCode = e.str(1);
    tx.totalPaymentCents = this.amountOrZero(2, 'BPR');
    const creditDebit = nonEmpty(e.str(3));
    if (creditDebit) tx.creditDebit = creditDebit;
    const method = nonEmpty(e.str(4));
    if (method) tx.paymentMethod = method;
    const date = this.date(16, 'BPR');
    if (date) tx.paymentDate = date;
  }

  private n1(tx: TransactionDraft, e: SegmentReader): void {
    this.closeClaim();
    const name = e.trimmed(2).slice(0, 200);
    const qualifier = e.str(3);
    const id = e.trimmed(4);
    if (e.is(1, 'PR')) {
      this.loop = 'payer';
      tx.payerName = name;
      if (id !== '' && tx.payerId === undefined) tx.payerId = id;
    } else if (e.is(1, 'PE')) {
      this.loop = 'payee';
      if (name !== '') tx.payeeName = name;
      if (qualifier === 'XX') this.setNpi(tx, id, 'N104');
      else if (qualifier === 'FI') this.setTin(tx, id, 'N104');
    } else {
      this.loop = 'other-party';
    }
  }

  private setNpi(tx: TransactionDraft, id: string, where: string): void {
    if (/^\d{10}$/.test(id)) tx.payeeNpi = id;
    else this.warn(`payee NPI in ${where} "${showText(id)}" is not 10 digits; left out`);
  }

  private setTin(tx: TransactionDraft, id: string, where: string): void {
    const tin = id.replace('-', '');
    if (/^\d{9}$/.test(tin)) tx.payeeTin = tin;
    else this.warn(`payee TIN in ${where} "${showText(id)}" is not 9 digits; left out`);
  }

  private ref(tx: TransactionDraft, e: SegmentReader): void {
    switch (this.loop) {
      case 'payer': {
        // REF*2U is the payer identification number proper; N104 is only a fallback.
        const value = e.trimmed(2);
        if (e.qualifier(1) === Q_2U && value !== '') tx.payerId = value;
        return;
      }
      case 'payee':
        if (e.qualifier(1) === Q_TJ) this.setTin(tx, e.trimmed(2), 'REF*TJ');
        return;
      case 'line': {
        if (e.qualifier(1) !== Q_6R || !this.line) return;
        const value = e.trimmed(2);
        if (value !== '') this.line.controlNumber = value;
        return;
      }
      default:
        return;
    }
  }

  private dtm(tx: TransactionDraft, e: SegmentReader): void {
    const q = e.qualifier(1);
    if (this.loop === 'line' && this.line) {
      const line = this.line;
      if (q === Q_472 || q === Q_150) {
        const d = this.date(2, 'DTM');
        if (d) line.serviceDate = d;
      } else if (q === Q_151) {
        const d = this.date(2, 'DTM');
        if (d) line.serviceDateTo = d;
      }
      return;
    }
    if (this.loop === 'claim' && this.claim) {
      const claim = this.claim;
      if (q === Q_232) {
        const d = this.date(2, 'DTM');
        if (d) claim.serviceDateFrom = d;
      } else if (q === Q_233) {
        const d = this.date(2, 'DTM');
        if (d) claim.serviceDateTo = d;
      } else if (q === Q_050) {
        const d = this.date(2, 'DTM');
        if (d) claim.receivedDate = d;
      }
      return;
    }
    if (q === Q_405) {
      const d = this.date(2, 'DTM');
      if (d) tx.productionDate = d;
    }
  }

  // ---- claims and lines ----------------------------------------------------------------------

  private clp(e: SegmentReader): void {
    const tx = this.tx;
    if (!tx) return;
    this.closeClaim();
    const patientAccount = e.trimmed(1);
    let claimNumber = e.trimmed(7);
    if (claimNumber === '') {
      if (patientAccount === '')
        this.fail('neither a payer claim number (CLP07) nor a patient account (CLP01)');
      claimNumber = patientAccount;
      this.warn('no payer claim number in CLP07; the patient account (CLP01) stands in as the claim number');
    }
    const statusCode = this.shortCode(2);
    if (statusCode === '') this.fail('no claim status in CLP02');
    const claim = this.claimDraft;
    claim.segmentIndex = this.reader.index;
    claim.patientAccount = patientAccount;
    claim.statusCode = statusCode;
    claim.billedCents = this.amountOrZero(3, 'CLP');
    claim.paidCents = this.amountOrZero(4, 'CLP');
    claim.claimFilingIndicator = this.shortCode(6);
    claim.claimNumber = claimNumber;
    claim.facilityOrPlace = this.shortCode(8);
    claim.institutional = this.institutionalGroup || e.qualifier(6) === Q_MA;
    claim.patientName = undefined;
    claim.patientId = undefined;
    claim.insuredId = undefined;
    claim.serviceDateFrom = undefined;
    claim.serviceDateTo = undefined;
    claim.receivedDate = undefined;
    claim.adjustments = NO_ADJUSTMENTS;
    claim.adjustmentTotalCents = 0;
    claim.remarks = NO_CODES;
    claim.lineCount = 0;
    claim.patientResponsibilityCents = this.optionalAmount(5, 'CLP');
    this.claim = claim;
    this.line = null;
    this.loop = 'claim';
  }

  /**
   * An open claim and line collect into scratch lists; closing copies them out at their exact size
   * (an array grown by push keeps room for 17), which is most of what a file's claims weigh.
   */
  private closeClaim(): void {
    this.closeLine();
    const claim = this.claim;
    const tx = this.tx;
    if (claim && tx) {
      claim.adjustments = this.claimAdjustments.take();
      claim.remarks = this.claimRemarkCodes.take();
      // Built now, while its draft is young: drafts kept to the SE would outlive thousands of claims.
      const k = this.txClaimCount++;
      this.txClaims[k] = this.toClaim(claim, tx, tx.paymentDate ?? tx.productionDate);
      this.txClaimSegments[k] = claim.segmentIndex;
      this.txClaimFits[k] = this.lastClaimFits;
    }
    this.claim = null;
  }

  private closeLine(): void {
    const line = this.line;
    if (line) {
      line.adjustments = this.lineAdjustments.take();
      line.remarks = this.lineRemarkCodes.take();
    }
    this.line = null;
  }

  private readonly claimDraft = new ClaimDraft();
  /** Line drafts of the open claim (`claimDraft.lineCount` of them), kept for the next claims. */
  private readonly lineDrafts: LineDraft[] = [];
  private readonly claimAdjustments = new Scratch<Adjustment>();
  private readonly claimRemarkCodes = new CodeScratch();
  private readonly lineAdjustments = new Scratch<Adjustment>();
  private readonly lineRemarkCodes = new CodeScratch();
  private readonly modifierCodes = new CodeScratch();
  private readonly claimLines = new Scratch<ClaimLine>();

  private cas(e: SegmentReader): void {
    const target = this.loop === 'line' ? this.line : this.loop === 'claim' ? this.claim : null;
    if (!target) this.fail('an adjustment outside a claim or service line');
    const adjustments = target === this.line ? this.lineAdjustments : this.claimAdjustments;
    const group = groupAt(e);
    if (group === null)
      this.fail(`expected a group code CO, PR, OA, PI or CR in CAS01, got "${showText(e.str(1))}"`);
    const text = e.text;
    let total = 0;
    // Triples past the segment's last element are empty: the loop stops there.
    const count = e.count;
    for (let i = 2; i <= 17 && i < count; i += 3) {
      if (e.len(i) === 0 && e.len(i + 1) === 0 && e.len(i + 2) === 0) continue;
      const reason = e.code(e.from(i), e.to(i), 1, 5);
      if (reason === null) {
        this.fail(`expected a reason code in CAS${pad(i)}, got "${showText(e.str(i))}"`);
      }
      const amountCents = parseCentsIn(text, e.from(i + 1), e.to(i + 1));
      if (amountCents === null)
        this.fail(`expected an amount in CAS${pad(i + 1)}, got "${showText(e.str(i + 1))}"`);
      const adjustment: Adjustment = { group, reason, amountCents };
      if (e.len(i + 2) !== 0) {
        const quantity = parseQuantityIn(text, e.from(i + 2), e.to(i + 2));
        if (quantity === null)
          this.fail(`expected a number in CAS${pad(i + 2)}, got "${showText(e.str(i + 2))}"`);
        adjustment.quantity = quantity;
      }
      adjustments.push(adjustment);
      total += amountCents;
    }
    target.adjustmentTotalCents += total;
  }

  private readonly nameParts: string[] = ['', ''];

  private nm1(e: SegmentReader): void {
    const claim = this.claim;
    if (!claim || this.loop !== 'claim') return;
    const q = e.qualifier(1);
    if (q === Q_QC) {
      const last = e.trimmed(3);
      const first = e.trimmed(4);
      // join makes one flat string; `${last}, ${first}` kept two rope nodes and both parts alive per claim.
      // The two-item list is the reader's, refilled per name, so joining leaves no list behind.
      const parts = this.nameParts;
      parts[0] = last;
      parts[1] = first;
      const name = last && first ? parts.join(', ') : last || first;
      if (name) claim.patientName = name.length > 200 ? name.slice(0, 200) : name;
      const id = e.trimmed(9);
      if (id) claim.patientId = id.length > 200 ? id.slice(0, 200) : id;
    } else if (q === Q_IL) {
      const id = e.trimmed(9);
      if (id) claim.insuredId = id.slice(0, 200);
    }
  }

  private claimRemarks(e: SegmentReader, from: number, to: number, id: string): void {
    const claim = this.claim;
    if (!claim || this.loop !== 'claim') return;
    for (let i = from; i <= to; i++) {
      if (e.len(i) !== 0) this.addRemark(this.claimRemarkCodes, remarkAt(e, i), `${id}${pad(i)}`);
    }
  }

  private lq(e: SegmentReader): void {
    if (!this.line || this.loop !== 'line' || e.qualifier(1) !== Q_HE) return;
    const code = remarkAt(e, 2);
    if (code) this.addRemark(this.lineRemarkCodes, code, 'LQ02');
  }

  private addRemark(remarks: Scratch<string>, code: string, where: string): void {
    if (!isRemark(code)) {
      this.warn(`"${showText(code)}" in ${where} is not a remark code (like N130 or MA01); left out`);
      return;
    }
    if (!remarks.includes(code)) remarks.push(code);
  }

  private svc(e: SegmentReader): void {
    const claim = this.claim;
    if (!claim || (this.loop !== 'claim' && this.loop !== 'line'))
      this.fail('a service line outside a claim');
    this.closeLine();
    const position = claim.lineCount + 1;
    const component = this.componentOf(1);
    let line = this.lineDrafts[claim.lineCount];
    if (line === undefined) {
      line = new LineDraft();
      this.lineDrafts.push(line);
    }
    line.segmentIndex = this.reader.index;
    line.position = position;
    line.code = null;
    line.skipReason = null;
    line.modifiers = NO_CODES;
    line.billedCents = this.amountOrZero(2, 'SVC');
    line.paidCents = this.amountOrZero(3, 'SVC');
    line.units = this.units();
    line.originalCode = undefined;
    line.originalModifiers = undefined;
    line.serviceDate = undefined;
    line.serviceDateTo = undefined;
    line.allowedCents = undefined;
    line.adjustments = NO_ADJUSTMENTS;
    line.adjustmentTotalCents = 0;
    line.remarks = NO_CODES;
    line.controlNumber = undefined;
    const billed = this.composite(1, component, this.billedParts);
    const parts = this.billedParts;
    const text = e.text;
    if (
      isPair(text, parts[0] as number, parts[1] as number, 'NU') ||
      isPair(text, parts[0] as number, parts[1] as number, 'RC')
    )
      claim.institutional = true;
    const code = this.upperCode(billed > 1, parts[2] as number, parts[3] as number, 4, 8);
    if (isCode(code, 4, 8)) {
      line.code = code;
      line.modifiers = this.modifiers(billed, parts, 'SVC01');
    } else {
      const qualifier = billed > 0 ? text.slice(parts[0], parts[1]) : '';
      line.skipReason =
        code === ''
          ? 'no procedure code in SVC01'
          : `code "${showText(code)}" (qualifier ${showText(qualifier)}) does not fit the claim model's 4-8 letters and digits`;
      this.warn(`line ${position} of claim ${claim.claimNumber} left out: ${line.skipReason}`);
    }
    const originalComponent = e.len(6) !== 0 ? this.componentOf(6) : null;
    if (originalComponent !== null && line.code) {
      const original = this.composite(6, originalComponent, this.originalParts);
      const op = this.originalParts;
      const originalCode = this.upperCode(original > 1, op[2] as number, op[3] as number, 4, 8);
      if (isCode(originalCode, 4, 8)) {
        line.originalCode = originalCode;
        line.originalModifiers = this.modifiers(original, op, 'SVC06');
      } else if (originalCode !== '') {
        this.warn(
          `line ${position}: original code "${showText(originalCode)}" in SVC06 does not fit the claim model; left out`,
        );
      }
    }
    claim.lineCount = position;
    this.line = line;
    this.loop = 'line';
  }

  /** Bounds of the first six components of a composite (`parts[2k]`..`parts[2k + 1]`); returns how many there are. */
  private readonly billedParts = new Int32Array(12);
  private readonly originalParts = new Int32Array(12);

  private composite(n: number, component: string, parts: Int32Array): number {
    const e = this.reader;
    const text = e.text;
    const to = e.to(n);
    // Separators are one character: ISA16, or one of the stand-ins componentOf accepts.
    const sep = component.charCodeAt(0);
    let count = 0;
    let start = e.from(n);
    for (let k = start; k < to; k++) {
      if (text.charCodeAt(k) !== sep) continue;
      if (count < 6) {
        parts[2 * count] = start;
        parts[2 * count + 1] = k;
      }
      count++;
      start = k + 1;
    }
    if (count < 6) {
      parts[2 * count] = start;
      parts[2 * count + 1] = to;
    }
    return count + 1;
  }

  /** `text.slice(from, to).trim().toUpperCase()`, shared with earlier reads when it is already a clean code. */
  private upperCode(present: boolean, from: number, to: number, min: number, max: number): string {
    if (!present) return '';
    const fast = this.reader.code(from, to, min, max);
    return fast ?? this.reader.text.slice(from, to).trim().toUpperCase();
  }

  /**
   * The TR3's own examples declare ':' in ISA16 and then write `HC>99213`. When the declared
   * separator is absent and a 2-letter qualifier is followed by another separator, use that one.
   */
  private componentOf(n: number): string {
    const e = this.reader;
    const declared = e.delimiters.component;
    const from = e.from(n);
    const to = e.to(n);
    if (to - from < 4 || contains(e.text, from, to, declared)) return declared;
    const c = e.text.charAt(from + 2);
    if (c === '>' || c === ':' || c === '^' || c === '|' || c === '\\') {
      if (!this.componentWarned) {
        this.componentWarned = true;
        this.warn(
          `composite "${showText(e.str(n))}" uses "${c}" although ISA16 declares "${declared}"; read with "${c}"`,
        );
      }
      return c;
    }
    return declared;
  }

  private modifiers(count: number, parts: Int32Array, where: string): string[] {
    const out = this.modifierCodes;
    for (let i = 2; i <= 5 && i < count; i++) {
      const m = this.upperCode(true, parts[2 * i] as number, parts[2 * i + 1] as number, 2, 2);
      if (m === '') continue;
      if (isCode(m, 2, 2)) out.push(m);
      else this.warn(`modifier "${showText(m)}" in ${where}-${i + 1} is not two letters or digits; left out`);
    }
    return out.take();
  }

  /**
   * SVC05 is units paid; absent means one (TR3). The model wants a positive count, so a denied
   * line's 0 falls back to SVC07 (units billed), then 1; a reversal's negative units are made positive.
   */
  private units(): number {
    const paid = this.optionalQuantity(5);
    if (paid !== undefined && paid !== 0) return Math.abs(paid);
    if (paid === undefined) return 1;
    const billed = this.optionalQuantity(7);
    return billed !== undefined && billed !== 0 ? Math.abs(billed) : 1;
  }

  private plb(tx: TransactionDraft, e: SegmentReader): void {
    this.closeClaim();
    this.loop = 'trailer';
    const providerId = e.trimmed(1);
    const fiscalPeriodDate = this.date(2, 'PLB');
    const component = this.reader.delimiters.component;
    for (let i = 3; i <= 13; i += 2) {
      const composite = e.str(i);
      const amountText = e.str(i + 1);
      if (composite === '' && amountText === '') continue;
      if (composite === '') this.fail(`an amount in PLB${pad(i + 1)} without a reason in PLB${pad(i)}`);
      const amountCents = parseCentsIn(amountText, 0, amountText.length);
      if (amountCents === null)
        this.fail(`expected an amount in PLB${pad(i + 1)}, got "${showText(amountText)}"`);
      const parts = composite.split(component);
      const adjustment: Era835ProviderAdjustment = { providerId, reason: parts[0] ?? '', amountCents };
      if (fiscalPeriodDate) adjustment.fiscalPeriodDate = fiscalPeriodDate;
      const reference = nonEmpty(parts[1]);
      if (reference) adjustment.reference = reference;
      tx.providerAdjustments.push(adjustment);
    }
  }

  // ---- element readers -----------------------------------------------------------------------

  private amount(n: number, id: string): number {
    const e = this.reader;
    const cents = parseCentsIn(e.text, e.from(n), e.to(n));
    if (cents === null) this.fail(`expected a number in ${id}${pad(n)}, got "${showText(e.str(n))}"`);
    return cents;
  }

  /** Required amounts that some real files leave empty (a bare `CLP*id*22`): 0, with a warning. */
  private amountOrZero(n: number, id: string): number {
    if (this.reader.len(n) === 0) {
      this.warn(`${id}${pad(n)} is empty; read as $0.00`);
      return 0;
    }
    return this.amount(n, id);
  }

  /** Element n as text, shared with earlier reads when it is a 1-3 character code (CLP02, CLP06, CLP08). */
  private shortCode(n: number): string {
    const e = this.reader;
    return e.code(e.from(n), e.to(n), 1, 3) ?? e.str(n);
  }

  private optionalAmount(n: number, id: string): number | undefined {
    return this.reader.len(n) === 0 ? undefined : this.amount(n, id);
  }

  private optionalQuantity(n: number): number | undefined {
    const e = this.reader;
    if (e.len(n) === 0) return undefined;
    const q = parseQuantityIn(e.text, e.from(n), e.to(n));
    if (q === null) this.fail(`expected a number in SVC${pad(n)}, got "${showText(e.str(n))}"`);
    return q;
  }

  /**
   * CCYYMMDD (X12 D8) to ISO. A date that is not a real day (the TR3's own managed-care example has
   * BPR16 "20002316") loses that one field with a warning; money errors, by contrast, fail the file,
   * because a wrong amount would silently corrupt every sum after it.
   */
  private date(n: number, id: string): string | undefined {
    const e = this.reader;
    if (e.len(n) === 0) return undefined;
    const iso = d8ToIso(e.text, e.from(n), e.to(n));
    if (iso !== null) return iso;
    this.warn(`"${showText(e.str(n))}" in ${id}${pad(n)} is not a date CCYYMMDD; left out`);
    return undefined;
  }

  // ---- finishing -----------------------------------------------------------------------------

  private finishTransaction(tx: TransactionDraft): void {
    const firstClaimIndex = this.claimCount;
    const paidDate = tx.paymentDate ?? tx.productionDate;
    if (!tx.paymentDate && tx.productionDate) {
      this.warnings.push(
        `transaction ST*${tx.controlNumber} (segment ${tx.segmentIndex}): no payment date in BPR16; claims use the production date (DTM*405) as paid date`,
      );
    }
    let claimPaymentsCents = 0;
    let unbalancedClaimCount = 0;
    // The header is the same on every claim of the transaction (below), so it is checked once here.
    const vouch =
      (this.validate === 'fast' || this.validate === 'audit') &&
      isCanonicalPaymentHeader({
        payerName: tx.payerName,
        payerId: tx.payerId || undefined,
        providerName: tx.payeeName || undefined,
        providerNpi: tx.payeeNpi || undefined,
        providerTin: tx.payeeTin || undefined,
        paidDate: paidDate || undefined,
        checkNumber: tx.traceNumber || undefined,
      });
    const claimCount = this.txClaimCount;
    for (let k = 0; k < claimCount; k++) {
      let claim = this.txClaims[k] as Claim;
      this.txClaims[k] = undefined;
      claimPaymentsCents += claim.paidCents;
      // A header segment after the first claims (a payee N1 at the end) changes them all, as it always did.
      if (!hasHeader(claim, tx, paidDate)) claim = withHeader(claim, tx, paidDate);
      if (!vouch || !this.txClaimFits[k]) claim = this.checked(claim, this.txClaimSegments[k] as number);
      else if (this.validate === 'audit' && !isCanonicalClaim(claim)) {
        throw new Error(`${VOUCH_MISMATCH} (CLP at segment ${this.txClaimSegments[k]})`);
      }
      if (claim.balanceErrors) unbalancedClaimCount++;
      this.claims[this.takeCount++] = claim;
      this.claimNumbers.push(claim.claimNumber);
      this.patientAccounts.push(claim.patientAccount);
      this.reversed.push(claim.status === 'reversed');
      this.claimCount++;
    }
    this.txClaimCount = 0;
    let providerAdjustmentsCents = 0;
    for (const p of tx.providerAdjustments) providerAdjustmentsCents += p.amountCents;
    const balance: Era835Balance = {
      claimPaymentsCents,
      providerAdjustmentsCents,
      totalPaymentCents: tx.totalPaymentCents,
      balanced: claimPaymentsCents - providerAdjustmentsCents === tx.totalPaymentCents,
    };
    if (!balance.balanced) {
      balance.error =
        `Transaction ST*${tx.controlNumber} does not balance: claim payments ${formatDollars(claimPaymentsCents)}` +
        ` − provider adjustments ${formatDollars(providerAdjustmentsCents)}` +
        ` ≠ total payment (BPR02) ${formatDollars(tx.totalPaymentCents)}`;
      this.warnings.push(`transaction ST*${tx.controlNumber} (segment ${tx.segmentIndex}): ${balance.error}`);
    }
    const transaction: Era835Transaction = {
      controlNumber: tx.controlNumber,
      segmentIndex: tx.segmentIndex,
      handlingCode: tx.handlingCode,
      totalPaymentCents: tx.totalPaymentCents,
      payerName: tx.payerName,
      firstClaimIndex,
      claimCount,
      unbalancedClaimCount,
      providerAdjustments: tx.providerAdjustments,
      reversals: [],
      balance,
    };
    copyDefined(transaction, tx, [
      'version',
      'interchangeControlNumber',
      'creditDebit',
      'paymentMethod',
      'paymentDate',
      'traceNumber',
      'traceOriginatorId',
      'productionDate',
      'payerId',
      'payeeName',
      'payeeNpi',
      'payeeTin',
    ]);
    this.transactions.push(transaction);
  }

  /** What toClaim found for the claim it made last: claimFitsModel and lineFitsModel of its fields and lines. */
  private lastClaimFits = false;

  private toClaim(draft: ClaimDraft, tx: TransactionDraft, paidDate: string | undefined): Claim {
    let balanceErrors: string[] | undefined;
    const lines = this.claimLines;
    let fits = true;
    let lineAdjustmentsCents = 0;
    let lineDateFrom: string | undefined;
    let lineDateTo: string | undefined;
    let planType: Claim['planType'];
    for (let k = 0; k < draft.lineCount; k++) {
      const l = this.lineDrafts[k] as LineDraft;
      lineAdjustmentsCents += l.adjustmentTotalCents;
      if (l.billedCents - l.adjustmentTotalCents !== l.paidCents) {
        // domain.md 6.5, service line: SVC02 − Σ line CAS = SVC03.
        balanceErrors ??= [];
        balanceErrors.push(
          `${lineLabel(l)} does not balance: charge ${formatDollars(l.billedCents)} − adjustments ${formatDollars(l.adjustmentTotalCents)} ≠ paid ${formatDollars(l.paidCents)}`,
        );
      }
      if (l.code === null) {
        balanceErrors ??= [];
        balanceErrors.push(
          `${lineLabel(l)} was left out (${l.skipReason}): its charge ${formatDollars(l.billedCents)}, adjustments ${formatDollars(l.adjustmentTotalCents)} and paid ${formatDollars(l.paidCents)} are not in the lines`.slice(
            0,
            300,
          ),
        );
        continue;
      }
      lines.push(new LineRecord(l, l.code));
      fits = fits && lineFitsModel(l);
      const from = l.serviceDate;
      const to = l.serviceDateTo ?? l.serviceDate;
      if (from && (!lineDateFrom || from < lineDateFrom)) lineDateFrom = from;
      if (to && (!lineDateTo || to > lineDateTo)) lineDateTo = to;
      planType = planTypeFrom(l.remarks) ?? planType;
    }
    if (draft.lineCount > 0 || draft.adjustments.length > 0) {
      // domain.md 6.5, claim: CLP03 − Σ(claim CAS + line CAS) = CLP04.
      const adjustmentsCents = draft.adjustmentTotalCents + lineAdjustmentsCents;
      if (draft.billedCents - adjustmentsCents !== draft.paidCents) {
        balanceErrors ??= [];
        balanceErrors.push(
          `Claim does not balance: charge ${formatDollars(draft.billedCents)} − adjustments ${formatDollars(adjustmentsCents)} (claim ${formatDollars(draft.adjustmentTotalCents)}, lines ${formatDollars(lineAdjustmentsCents)}) ≠ paid ${formatDollars(draft.paidCents)}`,
        );
      }
    }
    const status = claimStatusOf(draft.statusCode, draft.paidCents, draft.patientResponsibilityCents);
    planType = planTypeFrom(draft.remarks) ?? planType;
    // TR3: claim dates (DTM*232/233) may be omitted when every line carries its own date.
    const from = draft.serviceDateFrom ?? lineDateFrom;
    const to = draft.serviceDateTo ?? (draft.serviceDateFrom ? undefined : lineDateTo);
    this.lastClaimFits =
      fits &&
      lines.length <= 5000 &&
      claimFitsModel(draft, from, to) &&
      (balanceErrors === undefined || balanceErrors.every((m) => m.length <= 300));
    return new ClaimRecord(draft, tx, paidDate, planType, from, to, status, lines.take(), balanceErrors);
  }

  /** The claim as the model takes it (zod's output when the fast check does not vouch for it). */
  private checked(claim: Claim, segmentIndex: number): Claim {
    if (this.validate === 'none') return claim;
    // The hand-written check is exact for what it accepts (tests/unit/rules/x12/claim-check.test.ts);
    // anything else goes through zod, which also words the error.
    if (this.validate === 'fast' && isCanonicalClaim(claim)) return claim;
    const parsed = ClaimSchema.safeParse(claim);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem';
      throw new X12Error(
        `segment ${segmentIndex} (CLP): claim ${claim.claimNumber} does not fit the claim model (${where})`,
      );
    }
    return parsed.data;
  }

  /**
   * Pairs each reversal (CLP02 = 22) with the first later claim in the file that re-adjudicates it:
   * same payer claim number, else same patient account (payers often give the correction a new ICN).
   */
  private linkReversals(): void {
    const used = new Set<number>();
    for (const tx of this.transactions) {
      const end = tx.firstClaimIndex + tx.claimCount;
      for (let i = tx.firstClaimIndex; i < end; i++) {
        if (!this.reversed[i]) continue;
        const claimNumber = this.claimNumbers[i] as string;
        const patientAccount = this.patientAccounts[i];
        let correction = -1;
        let byAccount = -1;
        for (let j = i + 1; j < this.claimCount; j++) {
          if (this.reversed[j] || used.has(j)) continue;
          if (this.claimNumbers[j] === claimNumber) {
            correction = j;
            break;
          }
          if (byAccount === -1 && patientAccount && this.patientAccounts[j] === patientAccount) {
            byAccount = j;
          }
        }
        if (correction === -1) correction = byAccount;
        const link: Era835ReversalLink = {
          claimNumber,
          reversalIndex: i,
          correctionIndex: correction === -1 ? null : correction,
        };
        tx.reversals.push(link);
        if (correction !== -1) {
          used.add(correction);
          const corrected = this.claimNumbers[correction];
          this.warnings.push(
            `claim ${claimNumber}: reversed (claim ${i + 1} in this file) and corrected by claim ${correction + 1}${corrected !== undefined && corrected !== claimNumber ? ` (${corrected})` : ''}`,
          );
        }
      }
    }
  }
}

/**
 * Makes plain objects (their prototype is Object.prototype, as for `{}`) through a constructor, so V8
 * learns how many fields they end up with and reserves them inline: a claim's twenty-odd fields added
 * one by one to a `{}` literal would reallocate its property store several times per claim.
 */
const PlainRecord = function PlainRecord(this: object) {} as unknown as new () => object;
PlainRecord.prototype = Object.prototype;

/** The claim carries the transaction header as toClaim would set it from `tx` now. */
function hasHeader(claim: Claim, tx: TransactionDraft, paidDate: string | undefined): boolean {
  return (
    claim.payerName === tx.payerName &&
    claim.payerId === (tx.payerId || undefined) &&
    claim.providerName === (tx.payeeName || undefined) &&
    claim.providerNpi === (tx.payeeNpi || undefined) &&
    claim.providerTin === (tx.payeeTin || undefined) &&
    claim.paidDate === (paidDate || undefined) &&
    claim.checkNumber === (tx.traceNumber || undefined)
  );
}

/** Claim fields in ClaimSchema's order, the order toClaim sets them in. */
const CLAIM_FIELDS = Object.keys(ClaimSchema.shape) as readonly (keyof Claim)[];

/** The claim again, with the transaction header as it stands at the SE. */
function withHeader(claim: Claim, tx: TransactionDraft, paidDate: string | undefined): Claim {
  const header: Partial<Record<keyof Claim, unknown>> = {
    payerName: tx.payerName,
    payerId: tx.payerId || undefined,
    providerName: tx.payeeName || undefined,
    providerNpi: tx.payeeNpi || undefined,
    providerTin: tx.payeeTin || undefined,
    paidDate: paidDate || undefined,
    checkNumber: tx.traceNumber || undefined,
  };
  const c = new PlainRecord() as Partial<Record<keyof Claim, unknown>>;
  for (const k of CLAIM_FIELDS) {
    const v = k in header ? header[k] : claim[k];
    if (v !== undefined) c[k] = v;
  }
  return c as Claim;
}

/** What a draft holds before its line or claim closes, and every empty list of a claim (Scratch.take). */
const NO_CODES: string[] = Object.freeze([]) as unknown as string[];
const NO_ADJUSTMENTS: Adjustment[] = Object.freeze([]) as unknown as Adjustment[];

function lineLabel(l: LineDraft): string {
  return `Line ${l.position}${l.code ? ` (${l.code})` : ''}`;
}

/**
 * The model's claim from the closed draft and its transaction's header, fields set in ClaimSchema's
 * order (the order a zod parse returns them in), so a claim reads the same (JSON, structured clone)
 * whether the fast check or zod accepted it. A constructor whose body names every field, so V8 gives
 * claims their room inline from the start (a `{}` filled field by field regrows its property store
 * several times per claim); the prototype is Object.prototype, so claims are plain objects as before.
 */
const ClaimRecord = function ClaimRecord(
  this: Partial<Record<keyof Claim, unknown>>,
  draft: ClaimDraft,
  tx: TransactionDraft,
  paidDate: string | undefined,
  planType: Claim['planType'],
  from: string | undefined,
  to: string | undefined,
  status: Claim['status'],
  lines: ClaimLine[],
  balanceErrors: string[] | undefined,
) {
  const memberId = draft.insuredId ?? draft.patientId;
  const text = claimStatusText(draft.statusCode);
  this.claimNumber = draft.claimNumber;
  if (draft.patientAccount) this.patientAccount = draft.patientAccount;
  if (draft.patientName) this.patientName = draft.patientName;
  if (memberId) this.memberId = memberId;
  this.payerName = tx.payerName;
  if (tx.payerId) this.payerId = tx.payerId;
  if (planType) this.planType = planType;
  if (draft.claimFilingIndicator) this.claimFilingIndicator = draft.claimFilingIndicator;
  if (tx.payeeName) this.providerName = tx.payeeName;
  if (tx.payeeNpi) this.providerNpi = tx.payeeNpi;
  if (tx.payeeTin) this.providerTin = tx.payeeTin;
  if (from) this.serviceDateFrom = from;
  if (to) this.serviceDateTo = to;
  if (draft.receivedDate) this.receivedDate = draft.receivedDate;
  if (paidDate) this.paidDate = paidDate;
  this.status = status;
  if (text) this.statusText = text;
  this.statusCode = draft.statusCode;
  this.billedCents = draft.billedCents;
  this.paidCents = draft.paidCents;
  if (draft.patientResponsibilityCents !== undefined) {
    this.patientResponsibilityCents = draft.patientResponsibilityCents;
  }
  if (tx.traceNumber) this.checkNumber = tx.traceNumber;
  // CLP08 is a place of service on professional claims but a facility type (bill type digits) on
  // institutional ones, where "11" means inpatient hospital, not office: only the former is kept.
  if (!draft.institutional && isTwoDigits(draft.facilityOrPlace)) this.placeOfService = draft.facilityOrPlace;
  this.adjustments = draft.adjustments;
  this.remarks = draft.remarks;
  this.lines = lines;
  if (balanceErrors) this.balanceErrors = balanceErrors;
  if (status === 'reversed') this.reversesClaimNumber = draft.claimNumber;
} as unknown as new (
  draft: ClaimDraft,
  tx: TransactionDraft,
  paidDate: string | undefined,
  planType: Claim['planType'],
  from: string | undefined,
  to: string | undefined,
  status: Claim['status'],
  lines: ClaimLine[],
  balanceErrors: string[] | undefined,
) => Claim;
ClaimRecord.prototype = Object.prototype;

/** The model's line, fields in ClaimLineSchema's order, made as ClaimRecord makes claims. */
const LineRecord = function LineRecord(
  this: Partial<Record<keyof ClaimLine, unknown>>,
  l: LineDraft,
  code: string,
) {
  // PR-1/2/3 are the member's deductible, coinsurance and copay (domain.md 4.2); all PR is what they owe.
  let deductible: number | undefined;
  let coinsurance: number | undefined;
  let copay: number | undefined;
  let patient: number | undefined;
  const adjustments = l.adjustments;
  for (let k = 0; k < adjustments.length; k++) {
    const a = adjustments[k] as Adjustment;
    if (a.group !== 'PR') continue;
    patient = (patient ?? 0) + a.amountCents;
    if (a.reason === '1') deductible = (deductible ?? 0) + a.amountCents;
    else if (a.reason === '2') coinsurance = (coinsurance ?? 0) + a.amountCents;
    else if (a.reason === '3') copay = (copay ?? 0) + a.amountCents;
  }
  this.lineNumber = l.position;
  this.code = code;
  this.modifiers = l.modifiers;
  this.units = l.units;
  if (l.serviceDate) this.serviceDate = l.serviceDate;
  if (l.serviceDateTo) this.serviceDateTo = l.serviceDateTo;
  this.billedCents = l.billedCents;
  if (l.allowedCents !== undefined) this.allowedCents = l.allowedCents;
  this.paidCents = l.paidCents;
  if (deductible !== undefined) this.deductibleCents = deductible;
  if (coinsurance !== undefined) this.coinsuranceCents = coinsurance;
  if (copay !== undefined) this.copayCents = copay;
  if (patient !== undefined) this.patientResponsibilityCents = patient;
  this.adjustments = adjustments;
  this.remarks = l.remarks;
  if (l.originalCode) this.originalCode = l.originalCode;
  if (l.originalModifiers) this.originalModifiers = l.originalModifiers;
  if (l.controlNumber) this.controlNumber = l.controlNumber;
} as unknown as new (
  l: LineDraft,
  code: string,
) => ClaimLine;
LineRecord.prototype = Object.prototype;

/*
 * Vouching by construction. A claim this reader makes passes isCanonicalClaim (ClaimSchema would
 * return it unchanged) whenever what toClaim and the functions below check holds: the rest holds for
 * every claim by the way its fields are made, so checking it again per claim is wasted work.
 * - Keys: ClaimRecord, LineRecord, withHeader and the CAS literal set only schema keys, in schema
 *   order, on plain objects (isCanonicalPaymentHeader checks once that Object.prototype adds none).
 * - Money: every amount is parseCentsIn's, at most 13 significant dollar digits (a safe integer); the
 *   sums a line keeps (deductible, coinsurance, copay, patient share) are safe for up to 9 adjustments.
 * - Codes: line codes and modifiers pass isCode, reasons come from `code` (1-5 of A-Z0-9), groups from
 *   GROUP_LIST, remarks pass isRemark (the model's regex), at most 4 modifiers; units are non-zero
 *   finite (parseQuantityIn) made positive; statuses, status texts and plan types come from tables;
 *   placeOfService passes isTwoDigits; line numbers count from 1.
 * - Text: every text field is trimmed where it is read, so only a cut to 200 characters can leave white
 *   space at its end (checked here), and lengths the model limits are checked here.
 * - Dates: every date is d8ToIso's, a real day with a year from 1; the model wants a year from 100.
 * - The payment header (payer, payee, paid date, check number) is the transaction's, checked once per
 *   transaction in finishTransaction.
 * What fails here goes through isCanonicalClaim and zod as before. readEra835Audited checks every
 * vouched claim against isCanonicalClaim (tests, scripts/bench/x12-hash.ts).
 */

/** A date d8ToIso made that the model takes: year 100 or later (not "00xx-"). */
function dateFitsModel(d: string | undefined): boolean {
  return d === undefined || d.charCodeAt(0) !== 48 || d.charCodeAt(1) !== 48;
}

/** A trimmed text, perhaps cut to 200 characters: within 200, and not ending in white space the cut uncovered. */
function shortTextFitsModel(s: string | undefined): boolean {
  if (s === undefined || s.length < 200) return true;
  if (s.length > 200) return false;
  const last = s.charCodeAt(199);
  return last > 32 && last < 127;
}

function claimFitsModel(draft: ClaimDraft, from: string | undefined, to: string | undefined): boolean {
  return (
    draft.claimNumber.length <= 60 &&
    shortTextFitsModel(draft.patientAccount) &&
    shortTextFitsModel(draft.patientName) &&
    shortTextFitsModel(draft.insuredId ?? draft.patientId) &&
    draft.claimFilingIndicator.length <= 3 &&
    draft.statusCode.length <= 3 &&
    dateFitsModel(from) &&
    dateFitsModel(to) &&
    dateFitsModel(draft.receivedDate)
  );
}

function lineFitsModel(l: LineDraft): boolean {
  return (
    l.adjustments.length <= 9 &&
    dateFitsModel(l.serviceDate) &&
    dateFitsModel(l.serviceDateTo) &&
    (l.controlNumber === undefined || l.controlNumber.length <= 50)
  );
}

function isTwoDigits(s: string): boolean {
  if (s.length !== 2) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

/** N855 / N856 say whether ERISA governs the plan (domain.md 4.3), which decides appeal routing. */
function planTypeFrom(remarks: string[]): Claim['planType'] {
  if (remarks.length === 0) return undefined;
  if (remarks.includes('N855')) return 'erisa';
  if (remarks.includes('N856')) return 'non-erisa';
  return undefined;
}

function copyDefined<T extends object, K extends keyof T & keyof S, S extends object>(
  target: T,
  source: S,
  keys: K[],
): void {
  for (const k of keys) {
    const v = source[k];
    if (v !== undefined) (target as Record<K, unknown>)[k] = v;
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** ISO strings of the dates read so far: a file repeats a few dozen dates over thousands of segments. */
const ISO_DATES = new Map<number, string>();
/** The last date d8ToIso read (a claim's dates are mostly one day): its CCYYMMDD as a number, and its ISO string. */
let lastDateKey = -1;
let lastDate = '';

function digitsAt(text: string, from: number, count: number): number {
  let v = 0;
  for (let k = from; k < from + count; k++) v = v * 10 + (text.charCodeAt(k) - 48);
  return v;
}

/** CCYYMMDD in `text` from `from` to `to` as YYYY-MM-DD, or null when it is not a calendar day. Hot path: no regex, no Date. */
function d8ToIso(text: string, from: number, to: number): string | null {
  if (to - from !== 8) return null;
  let digits = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    digits = digits * 10 + (c - 48);
  }
  // CCYYMMDD read as a number is the key the date is cached under; only real days are cached.
  if (digits === lastDateKey) return lastDate;
  let iso = ISO_DATES.get(digits);
  if (iso === undefined) {
    const year = digitsAt(text, from, 4);
    const month = digitsAt(text, from + 4, 2);
    const day = digitsAt(text, from + 6, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1) return null;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
    if (day > max) return null;
    iso = `${text.slice(from, from + 4)}-${text.slice(from + 4, from + 6)}-${text.slice(from + 6, to)}`;
    ISO_DATES.set(digits, iso);
  }
  lastDateKey = digits;
  lastDate = iso;
  return iso;
}

/** CAS01 as its group code, compared in place; null when it is none of them. */
function groupAt(e: SegmentReader): AdjustmentGroup | null {
  if (e.len(1) !== 2) return null;
  for (const g of GROUP_LIST) if (e.is(1, g)) return g;
  return null;
}

/** A remark element trimmed, shared with earlier reads when it is a clean code. */
function remarkAt(e: SegmentReader, n: number): string {
  return e.code(e.from(n), e.to(n), 1, 10) ?? e.trimmed(n);
}

function isPair(text: string, from: number, to: number, pair: string): boolean {
  return (
    to - from === 2 &&
    text.charCodeAt(from) === pair.charCodeAt(0) &&
    text.charCodeAt(from + 1) === pair.charCodeAt(1)
  );
}

function contains(text: string, from: number, to: number, ch: string): boolean {
  const c = ch.charCodeAt(0);
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === c) return true;
  return false;
}

function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Upper-case letters and digits only, `min`..`max` long: the shape of CARCs, CPT/HCPCS and modifiers. */
function isCode(s: string, min: number, max: number): boolean {
  const n = s.length;
  if (n < min || n > max) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** RARC / remark shape from the model: one or two letters, then 1-4 digits (N130, MA01). */
function isRemark(s: string): boolean {
  const n = s.length;
  if (n < 2 || n > 6) return false;
  let letters = 0;
  while (letters < n && s.charCodeAt(letters) >= 65 && s.charCodeAt(letters) <= 90) letters++;
  if (letters < 1 || letters > 2) return false;
  const digits = n - letters;
  if (digits < 1 || digits > 4) return false;
  for (let i = letters; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
