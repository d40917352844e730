/**
 * A generated 835 shaped like real remittances, for the import benchmark (scripts/bench/idb.ts).
 *
 * The shared real 835s (../shared/data/era835) average about 630 bytes and 2.4 service lines per
 * claim over 253 claims; the two largest, real payers' de-identified files, run 404 bytes (1.6 lines)
 * and 853 bytes (3.8 lines) per claim. Their claims carry the patient and often the insured and the
 * rendering provider (NM1*QC, NM1*IL, NM1*82), the payer's claim and patient references (REF*EA,
 * REF*1L), statement and received dates (DTM*232/233/050), the claim's coverage amount (AMT*AU), and
 * per line the service date, one or two CAS triplets, the line control number (REF*6R), the allowed
 * amount (AMT*B6) and remark codes (LQ*HE). This file does the same, with 1 to 8 lines per claim
 * (2.4 on average) and about 600 bytes per claim. Every claim and line balances (domain.md 6.5) and
 * about one claim in ten is denied. Synthetic ids and names only.
 *
 * The 835 reader's benchmark (scripts/bench/x12.ts, buildBenchFile) keeps its denser file (two lines
 * and about 300 bytes per claim): the reader's cost per MB is highest there. The import benchmark
 * prints both files' figures.
 */

const CODES = [
  ['99213', '25', 15000, 11000],
  ['99214', '', 21000, 16000],
  ['36415', '', 3000, 1200],
  ['85025', '', 4500, 1100],
  ['80053', '', 6000, 1500],
  ['97110', 'GP', 9000, 3400],
  ['71046', '26', 12000, 1200],
  ['20610', 'RT', 22000, 7000],
] as const;

/** Lines per claim: 1 to 8, weighted as the shared files' claims are (mean about 2.4). */
const LINE_COUNTS = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8];

const money = (cents: number) => (cents / 100).toFixed(2);

interface Built {
  segments: string[];
  paidCents: number;
}

function claimSegments(n: number): Built {
  const id = String(n).padStart(7, '0');
  const lineCount = LINE_COUNTS[n % LINE_COUNTS.length] as number;
  const denied = n % 10 === 3;
  const lines: string[] = [];
  let charge = 0;
  let paid = 0;
  let patient = 0;
  for (let i = 0; i < lineCount; i++) {
    const [code, modifier, chargeCents, allowedCents] = CODES[
      (n + i * 3) % CODES.length
    ] as (typeof CODES)[number];
    const units = code === '97110' ? 2 : 1;
    const lineCharge = chargeCents * units;
    const procedure = `HC:${code}${modifier ? `:${modifier}` : ''}`;
    const day = String(1 + ((n + i) % 28)).padStart(2, '0');
    const lineAllowed = allowedCents * units;
    // The patient's copay, on the first line (PR-3), as most EOBs show it.
    const copay = i === 0 ? Math.min(2000, Math.floor(lineAllowed / 2)) : 0;
    lines.push(
      `SVC*${procedure}*${money(lineCharge)}*${denied ? '0' : money(lineAllowed - copay)}${units > 1 ? `**${units}` : ''}`,
    );
    lines.push(`DTM*472*202503${day}`);
    if (denied) {
      lines.push(`CAS*CO*197*${money(lineCharge)}`);
      lines.push(`REF*6R*SYNL${id}${i + 1}`);
      lines.push('LQ*HE*N54');
      charge += lineCharge;
      continue;
    }
    lines.push(`CAS*CO*45*${money(lineCharge - lineAllowed)}`);
    if (copay) lines.push(`CAS*PR*3*${money(copay)}`);
    lines.push(`REF*6R*SYNL${id}${i + 1}`);
    lines.push(`AMT*B6*${money(lineAllowed)}`);
    if (i % 3 === 2) lines.push('LQ*HE*N130');
    charge += lineCharge;
    paid += lineAllowed - copay;
    patient += copay;
  }
  const segments = [
    `CLP*SYNACCT${id}*${denied ? '4' : '1'}*${money(charge)}*${money(paid)}*${patient ? money(patient) : ''}*12*SYNCLM${id}*11*1`,
    `NM1*QC*1*TESTPATIENT*ALPHA****MI*SYN${id}`,
    ...(n % 4 === 0 ? [`NM1*IL*1*TESTINSURED*BETA****MI*SYNI${id}`] : []),
    `NM1*82*1*TESTPROVIDER*GAMMA****XX*1999999984`,
    `REF*EA*SYNMR${id}`,
    `REF*1L*SYNGRP${String(n % 500).padStart(4, '0')}`,
    'DTM*232*20250301',
    'DTM*233*20250331',
    'DTM*050*20250305',
    `AMT*AU*${money(charge)}`,
    ...lines,
  ];
  return { segments, paidCents: paid };
}

const CLAIMS_PER_PAYMENT = 2000;

/** About `targetBytes` of 835: one interchange, payments (ST..SE) of 2,000 claims each. */
export function buildRemittanceFile(targetBytes: number): { text: string; claims: number } {
  const out: string[] = [
    'ISA*00*          *00*          *ZZ*SYNSENDER      *ZZ*SYNRECEIVER    *250308*1200*^*00501*000000001*0*T*:',
    'GS*HP*SYNSENDER*SYNRECEIVER*20250308*1200*1*X*005010X221A1',
  ];
  let size = 0;
  let claims = 0;
  let transactions = 0;
  while (size < targetBytes) {
    transactions++;
    const control = String(transactions).padStart(4, '0');
    const body: string[] = [];
    let paid = 0;
    for (let i = 0; i < CLAIMS_PER_PAYMENT && size < targetBytes; i++) {
      const built = claimSegments(claims++);
      for (const s of built.segments) {
        body.push(s);
        size += s.length + 2;
      }
      paid += built.paidCents;
    }
    const head = [
      `ST*835*${control}*005010X221A1`,
      `BPR*I*${money(paid)}*C*ACH*CCP*01*999999999*DA*123456*1999999999**01*999999999*DA*654321*20250310`,
      `TRN*1*SYNTRACE${control}*1999999999`,
      'DTM*405*20250308',
      'N1*PR*SYNTHETIC HEALTH PLAN',
      'N3*1 TEST WAY',
      'N4*TESTTOWN*MN*55400',
      'PER*CX*PROVIDER SERVICES*TE*5555550100',
      'N1*PE*SYNTHETIC CLINIC*XX*1999999984',
      'REF*TJ*999999999',
      'LX*1',
    ];
    out.push(...head, ...body, `SE*${head.length + body.length + 1}*${control}`);
  }
  out.push(`GE*${transactions}*1`, 'IEA*1*000000001');
  return { text: `${out.join('~\n')}~\n`, claims };
}
