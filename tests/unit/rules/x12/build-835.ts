/**
 * Builds synthetic, de-identified 835s for tests and the benchmark. Segments are written with the
 * usual `*` `:` `~` and re-delimited on output, so a test can ask for any delimiters.
 * Names are "TESTPATIENT, ALPHA"-style and ids "SYN000123"-style: nothing here resembles PHI.
 */

export interface SynthLine {
  /** SVC01 composite, e.g. "HC:99213:25". */
  procedure: string;
  charge: string;
  paid: string;
  units?: string;
  /** SVC06 composite when the payer changed the code. */
  original?: string;
  date?: string;
  /** Each entry is one CAS segment's elements after "CAS", e.g. "CO*45*40". */
  cas?: string[];
  allowed?: string;
  remarks?: string[];
  controlNumber?: string;
}

export interface SynthClaim {
  account: string;
  status: string;
  charge: string;
  paid: string;
  patientResponsibility?: string;
  filingIndicator?: string;
  /** CLP07; `null` leaves it out. */
  claimNumber?: string | null;
  placeOfService?: string;
  patient?: { last: string; first: string; id: string };
  cas?: string[];
  moaRemarks?: string[];
  dateFrom?: string;
  dateTo?: string;
  received?: string;
  lines?: SynthLine[];
}

export interface SynthTransaction {
  control?: string;
  /** ST03 / GS08; 004010 files have none in ST03. */
  version?: string;
  handling?: string;
  totalPaid: string;
  method?: string;
  paymentDate?: string;
  trace?: string;
  productionDate?: string;
  payerName?: string;
  payerId?: string;
  payeeName?: string;
  payeeNpi?: string;
  payeeTin?: string;
  claims: SynthClaim[];
  /** Each entry is one PLB segment's pairs after PLB02, e.g. ["L6:SYN1", "-12.50", "WO:SYN2", "30"]. */
  plb?: string[][];
}

export interface Delims {
  element: string;
  component: string;
  segment: string;
  /** Written after each terminator: "" or "\n" or "\r\n". */
  newline: string;
}

export const STANDARD: Delims = { element: '*', component: ':', segment: '~', newline: '' };

/** The segments of one ST..SE, with a correct SE01 count. */
export function transactionSegments(t: SynthTransaction): string[] {
  const control = t.control ?? '0001';
  const s: string[] = [];
  s.push(
    t.version === undefined
      ? `ST*835*${control}*005010X221A1`
      : t.version
        ? `ST*835*${control}*${t.version}`
        : `ST*835*${control}`,
  );
  s.push(
    `BPR*${t.handling ?? 'I'}*${t.totalPaid}*C*${t.method ?? 'ACH'}************${t.paymentDate ?? '20250310'}`,
  );
  s.push(`TRN*1*${t.trace ?? 'SYNTRACE0001'}*1999999999`);
  s.push(`DTM*405*${t.productionDate ?? '20250308'}`);
  s.push(
    `N1*PR*${t.payerName ?? 'SYNTHETIC HEALTH PLAN'}${t.payerId === undefined ? '' : `*XV*${t.payerId}`}`,
  );
  s.push('N3*1 TEST WAY');
  s.push('N4*TESTTOWN*MN*55400');
  s.push(`N1*PE*${t.payeeName ?? 'SYNTHETIC CLINIC'}*XX*${t.payeeNpi ?? '1999999984'}`);
  s.push(`REF*TJ*${t.payeeTin ?? '999999999'}`);
  s.push('LX*1');
  for (const c of t.claims) s.push(...claimSegments(c));
  for (const p of t.plb ?? []) s.push(`PLB*1999999984*20251231*${p.join('*')}`);
  s.push(`SE*${s.length + 1}*${control}`);
  return s;
}

function claimSegments(c: SynthClaim): string[] {
  const s: string[] = [];
  const clp = [
    'CLP',
    c.account,
    c.status,
    c.charge,
    c.paid,
    c.patientResponsibility ?? '',
    c.filingIndicator ?? '12',
    c.claimNumber === null ? '' : (c.claimNumber ?? `SYNCLM${c.account}`),
    c.placeOfService ?? '11',
  ];
  s.push(clp.join('*').replace(/\*+$/, ''));
  for (const cas of c.cas ?? []) s.push(`CAS*${cas}`);
  const p = c.patient ?? { last: 'TESTPATIENT', first: 'ALPHA', id: 'SYN000123' };
  s.push(`NM1*QC*1*${p.last}*${p.first}****MI*${p.id}`);
  if (c.moaRemarks) s.push(`MOA***${c.moaRemarks.join('*')}`);
  if (c.dateFrom) s.push(`DTM*232*${c.dateFrom}`);
  if (c.dateTo) s.push(`DTM*233*${c.dateTo}`);
  if (c.received) s.push(`DTM*050*${c.received}`);
  for (const l of c.lines ?? []) {
    const svc = ['SVC', l.procedure, l.charge, l.paid, '', l.units ?? '', l.original ?? ''];
    s.push(svc.join('*').replace(/\*+$/, ''));
    s.push(`DTM*472*${l.date ?? '20250301'}`);
    for (const cas of l.cas ?? []) s.push(`CAS*${cas}`);
    if (l.controlNumber) s.push(`REF*6R*${l.controlNumber}`);
    if (l.allowed) s.push(`AMT*B6*${l.allowed}`);
    for (const r of l.remarks ?? []) s.push(`LQ*HE*${r}`);
  }
  return s;
}

/** ISA..IEA around functional groups (one GS per entry of `groups`), ISA written fixed-width. */
export function interchangeSegments(
  groups: SynthTransaction[][],
  opts: { control?: string; version?: '00501' | '00401' } = {},
): string[] {
  const control = opts.control ?? '000000001';
  const v4010 = opts.version === '00401';
  const s: string[] = [];
  const isa = [
    'ISA',
    '00',
    '          ',
    '00',
    '          ',
    'ZZ',
    'SYNSENDER      ',
    'ZZ',
    'SYNRECEIVER    ',
    '250308',
    '1200',
    v4010 ? 'U' : '^',
    opts.version ?? '00501',
    control,
    '0',
    'T',
    // ISA16 is written with the target component separator directly (it is not re-delimited).
    '\u0000',
  ];
  s.push(isa.join('*'));
  let groupNumber = 1;
  for (const g of groups) {
    const gsVersion = v4010 ? '004010X091A1' : '005010X221A1';
    s.push(`GS*HP*SYNSENDER*SYNRECEIVER*20250308*1200*${groupNumber}*X*${gsVersion}`);
    for (const t of g)
      s.push(...transactionSegments(v4010 && t.version === undefined ? { ...t, version: '' } : t));
    s.push(`GE*${g.length}*${groupNumber}`);
    groupNumber++;
  }
  s.push(`IEA*${groups.length}*${control}`);
  return s;
}

/** Joins segments with the given delimiters; `*` and `:` inside the synthetic text are swapped. */
export function serialize(segments: string[], d: Delims = STANDARD): string {
  return segments
    .map((seg) => {
      let out = seg;
      if (d.component !== ':') out = out.split(':').join(d.component);
      if (d.element !== '*') out = out.split('*').join(d.element);
      return out.replace('\u0000', d.component) + d.segment + d.newline;
    })
    .join('');
}

/** A whole file: one interchange, one group, the given transactions. */
export function build835(transactions: SynthTransaction[], d: Delims = STANDARD): string {
  return serialize(interchangeSegments([transactions]), d);
}

/** A balanced, ordinary professional claim, numbered by `n`. */
export function simpleClaim(n: number): SynthClaim {
  const id = String(n).padStart(6, '0');
  return {
    account: `SYNACCT${id}`,
    status: '1',
    charge: '250.00',
    paid: '150.00',
    patientResponsibility: '20.00',
    claimNumber: `SYNCLM${id}`,
    patient: { last: 'TESTPATIENT', first: 'ALPHA', id: `SYN${id}` },
    dateFrom: '20250301',
    dateTo: '20250301',
    lines: [
      {
        procedure: 'HC:99213:25',
        charge: '150.00',
        paid: '90.00',
        cas: ['CO*45*40', 'PR*3*20'],
        allowed: '110.00',
        controlNumber: `SYNL${id}1`,
      },
      { procedure: 'HC:36415', charge: '100.00', paid: '60.00', cas: ['CO*45*40'], allowed: '60' },
    ],
  };
}
