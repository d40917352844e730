/**
 * Generates rules/adjustments/carc-codes.ts and rarc-codes.ts from the VistA CARC/RARC snapshot
 * (shared/data/carc-rarc/vista/*.csv, list content ~2016; see shared/data/SOURCES.md) plus the codes
 * domain.md 4.2-4.4 names that the snapshot predates (No Surprises Act RARCs N859-N885 and others).
 *
 *   npx tsx scripts/gen-carc-table.ts [path/to/vista-dir]
 *
 * The output is committed; rerun after the source list changes. Texts are trimmed, the VistA
 * export's `"` apostrophes are restored, and the boilerplate 835 REF note many CARCs carry is dropped.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = process.argv[2] ?? resolve(process.cwd(), '../shared/data/carc-rarc/vista');
const OUT_DIR = join(ROOT, 'rules/adjustments');

interface Row {
  code: string;
  stop_date: string;
  description: string;
}

/** Codes the 2016 snapshot lacks, with domain.md's wording (abridged there; not the official X12 text). */
const CARC_SUPPLEMENT: Record<string, string> = {
  '279': 'Services not provided by Preferred network providers.',
  '285': 'Appeal procedures not followed.',
  '286': 'Appeal time limits not met.',
  P24: 'Payment adjusted based on Preferred Provider Organization (PPO). To be used for Property and Casualty only.',
};

const RARC_SUPPLEMENT: Record<string, string> = {
  // domain.md 4.3
  N830: 'Alert: The charge(s) for this service was processed in accordance with Federal/State, Balance Billing/No Surprise Billing regulations. As such, any amount identified with OA, CO, or PI cannot be collected from the member and may be considered provider liability or be billable to a subsequent payer. Any amount the provider collected over the identified PR amount must be refunded to the patient within applicable Federal/State timeframes. Payment amounts are eligible for dispute pursuant to any Federal/State documented appeal/grievance/dispute resolution process(es).',
  N855: 'This coverage is subject to the exclusive jurisdiction of ERISA (1974), U.S.C. SEC 1001.',
  N856: 'This coverage is not subject to the exclusive jurisdiction of ERISA (1974), U.S.C. SEC 1001.',
  N858: "Alert: State regulations relating to an Out of Network Medical Emergency Care Act were applied to the processing of this claim. Payment amounts are eligible for dispute following the state's documented appeal/grievance/arbitration process.",
  // domain.md 4.4 (No Surprises Act; meanings, not the full X12 text)
  N859: 'Federal No Surprise Billing Act was applied; payment amounts are eligible for dispute under the Federal process(es).',
  N860: 'The Federal No Surprises Act qualifying payment amount (QPA) was used to calculate the member cost share(s).',
  N862: 'Member cost share complies with the No Surprises Act; calculated using the lesser of the QPA or the billed charge.',
  N863: 'Subject to the No Surprises Act; the amount paid is the final out-of-network rate, calculated based on an All Payer Model Agreement.',
  N864: 'Claim subject to the No Surprises Act provisions for emergency services.',
  N865: 'Subject to the No Surprises Act provisions for nonemergency services furnished by nonparticipating providers at a participating facility.',
  N866: 'Subject to the No Surprises Act provisions for nonparticipating providers of air ambulance services.',
  N867: 'No Surprises Act: cost sharing was calculated based on a specified state law.',
  N868: 'No Surprises Act: cost sharing was calculated based on an All-Payer Model Agreement.',
  N869: 'No Surprises Act: cost sharing was calculated based on the qualifying payment amount (QPA).',
  N870: 'No Surprises Act: cost sharing was calculated based on the billed amount, which is lower than the QPA.',
  N871: 'No Surprises Act: the initial payment was calculated based on a specified state law.',
  N872: 'No Surprises Act: the final payment was based on a specified state law.',
  N873: 'No Surprises Act: the final payment was based on an All-Payer Model Agreement.',
  N874: 'No Surprises Act: the final payment was determined through open negotiation.',
  N875: 'No Surprises Act: the final payment equals the amount selected by a Federal IDR entity.',
  N876: 'The item or service is covered; this is a notice of denial of payment under the No Surprises Act. The provider may initiate open negotiation to seek more than the patient cost sharing.',
  N877: 'This initial payment is provided under the No Surprises Act; the provider may initiate open negotiation.',
  N878: 'The provider stated notice and consent was obtained, but not consistently with federal law; No Surprises Act cost sharing applies and balance billing is prohibited.',
  N879: 'Notice and consent is not permitted for these services; the No Surprises Act applies and balance billing is prohibited.',
  N882: "Out-of-network payment and cost sharing are based on the plan's allowance because the patient consented to waive No Surprises Act protections.",
  N883: 'Processed according to state law.',
  N884: 'The No Surprises Act may apply; contact the payer for instructions to submit information on whether the service was furnished during a visit to a participating facility.',
  N885: 'Not processed under the No Surprises Act cost-sharing and out-of-network payment requirements; the payer disagrees they apply. You may appeal (internal appeals and external review).',
};

const REF_NOTE =
  /\s*Note: Refer to the 835 Healthcare Policy Identification Segment \(loop 2110 Service Payment Information REF\), if present\./g;

/** The VistA export wrote apostrophes as `"` (patient"s, workers" compensation); put them back. */
export function cleanText(text: string): string {
  return text
    .replace(REF_NOTE, '')
    .replace(/(?<=[A-Za-z])"(?=s\b)/g, "'")
    .replace(/(?<=[A-Za-z]s)"(?= [A-Za-z])/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function readRows(file: string): Row[] {
  const parsed = Papa.parse<Row>(readFileSync(join(SOURCE_DIR, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.data;
}

function codeOrder(a: string, b: string): number {
  const split = (c: string): [string, number] => {
    const m = /^([A-Z]*)(\d*)$/.exec(c);
    return [m?.[1] ?? c, Number(m?.[2] ?? 0)];
  };
  const [pa, na] = split(a);
  const [pb, nb] = split(b);
  return pa === pb ? na - nb : pa < pb ? -1 : 1;
}

function emit(
  file: string,
  header: string,
  textName: string,
  stopName: string,
  rows: Row[],
  supplement: Record<string, string>,
): void {
  const text = new Map<string, string>();
  const stop = new Map<string, string>();
  for (const r of rows) {
    text.set(r.code, cleanText(r.description));
    if (r.stop_date) stop.set(r.code, r.stop_date);
  }
  for (const [code, t] of Object.entries(supplement)) if (!text.has(code)) text.set(code, t);
  const odd = [...text].filter(([, t]) => (t.match(/"/g)?.length ?? 0) % 2 === 1);
  if (odd.length > 0) console.warn(`${file}: unbalanced quotes in ${odd.map(([c]) => c).join(', ')}`);
  const codes = [...text.keys()].sort(codeOrder);
  const lines = [
    `// Generated by scripts/gen-carc-table.ts; do not edit. ${header}`,
    '',
    `/** Code -> text. */`,
    `export const ${textName}: Readonly<Record<string, string>> = {`,
    ...codes.map((c) => `  ${JSON.stringify(c)}: ${JSON.stringify(text.get(c))},`),
    '};',
    '',
    `/** Code -> the date it was deactivated, for codes the list has stopped. */`,
    `export const ${stopName}: Readonly<Record<string, string>> = {`,
    ...[...stop.keys()].sort(codeOrder).map((c) => `  ${JSON.stringify(c)}: ${JSON.stringify(stop.get(c))},`),
    '};',
    '',
  ];
  const path = join(OUT_DIR, file);
  writeFileSync(path, lines.join('\n'));
  console.log(`${path}: ${codes.length} codes, ${stop.size} stopped`);
}

const SNAPSHOT = 'VistA CARC/RARC snapshot (~2016, shared/data/SOURCES.md)';
emit(
  'carc-codes.ts',
  `Source: ${SNAPSHOT} + domain.md 4.2 (279, 285, 286, P24).`,
  'CARC_TEXT',
  'CARC_STOP_DATE',
  readRows('carc.csv'),
  CARC_SUPPLEMENT,
);
emit(
  'rarc-codes.ts',
  `Source: ${SNAPSHOT} + domain.md 4.3/4.4 (N830, N855-N858, No Surprises Act N859-N885).`,
  'RARC_TEXT',
  'RARC_STOP_DATE',
  readRows('rarc.csv'),
  RARC_SUPPLEMENT,
);
execFileSync(
  'npx',
  ['biome', 'format', '--write', join(OUT_DIR, 'carc-codes.ts'), join(OUT_DIR, 'rarc-codes.ts')],
  { cwd: ROOT, stdio: 'inherit' },
);
