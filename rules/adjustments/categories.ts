import type { Adjustment, DenialCategory } from '../model';
import { CARC_CATEGORY, RARC_CATEGORY } from './category-table';
import { describeRarc } from './describe';

/** Cost-share CARCs are the patient's share only under group PR (domain.md 4.1). */
const COST_SHARE_CARCS: ReadonlySet<string> = new Set(
  Object.entries(CARC_CATEGORY)
    .filter(([, c]) => c === 'patient-cost-share')
    .map(([code]) => code),
);

/**
 * Category of one CAS adjustment: the CARC in its group (domain.md 4.1, 4.2). A cost-share CARC outside
 * group PR (CO-2, OA-1) is not the patient's to pay and not a denial reason we can name: 'other'.
 * Unknown CARCs are 'other', never an error.
 */
export function categorizeAdjustment(a: Pick<Adjustment, 'group' | 'reason'>): DenialCategory {
  let known = carcByReason.get(a.reason);
  if (!known) {
    const reason = a.reason.trim().toUpperCase();
    known = COST_SHARE_CARCS.has(reason)
      ? { costShare: true, category: 'patient-cost-share' }
      : { costShare: false, category: CARC_CATEGORY[reason] ?? 'other' };
    if (carcByReason.size >= CACHE_LIMIT) carcByReason.clear();
    carcByReason.set(a.reason, known);
  }
  if (known.costShare) return a.group === 'PR' ? 'patient-cost-share' : 'other';
  return known.category;
}

/** Categories by CARC as written (a remittance uses a few dozen codes over and over). */
const CACHE_LIMIT = 10_000;
const carcByReason = new Map<string, { costShare: boolean; category: DenialCategory }>();
const rarcByCode = new Map<string, DenialCategory | null>();

const MISSING_INFORMATION_TEXT = /^(Alert: )?(Missing\/incomplete\/invalid|Incomplete\/invalid|Missing)\b/i;

/**
 * Category a RARC adds, or undefined for remarks that only inform (alerts, ERISA routing) or that
 * we do not know. The "Missing/incomplete/invalid ..." family (hundreds of M, MA and N codes) is
 * missing-information by its own text.
 */
export function categorizeRemark(code: string): DenialCategory | undefined {
  let known = rarcByCode.get(code);
  if (known === undefined) {
    known = remarkCategory(code) ?? null;
    if (rarcByCode.size >= CACHE_LIMIT) rarcByCode.clear();
    rarcByCode.set(code, known);
  }
  return known ?? undefined;
}

function remarkCategory(code: string): DenialCategory | undefined {
  const remark = code.trim().toUpperCase();
  const listed = RARC_CATEGORY[remark];
  if (listed) return listed;
  const text = describeRarc(remark);
  return text && MISSING_INFORMATION_TEXT.test(text) ? 'missing-information' : undefined;
}

/** What the biller sees and does for a category. */
export interface CategoryInfo {
  /** Human words for the side panel and letters. */
  label: string;
  /** What the biller should do next, one sentence. */
  action: string;
  /** What an appeal (or corrected claim) needs, per domain.md 8.3. */
  documents: readonly string[];
  /** True when a plan appeal or NSA dispute is the remedy; false when the fix is billing or resubmission. */
  appealable: boolean;
}

const REMIT = 'The remittance or EOB showing the CARC/RARC pairs (domain.md 8.3 item 3)';

export const CATEGORY_INFO: Readonly<Record<DenialCategory, CategoryInfo>> = {
  contractual: {
    label: 'Contractual reduction',
    action:
      "Compare the allowed amount with the plan's out-of-network methodology and an independent benchmark, and appeal the pricing when it falls short.",
    documents: [
      'Plan language defining the allowed amount and its methodology (SPD/EOC)',
      'Independent benchmark: FAIR Health percentile or the local Medicare amount times the plan multiple',
      'Request for the repricing methodology and vendor report (29 CFR 2560.503-1(h)(2)(iii), (m)(8))',
      REMIT,
    ],
    appealable: true,
  },
  'patient-cost-share': {
    label: 'Patient cost share',
    action:
      'Bill the patient the deductible, coinsurance or copay; on a No Surprises Act claim check it equals in-network cost sharing.',
    documents: [REMIT],
    appealable: false,
  },
  'medical-necessity': {
    label: 'Medical necessity',
    action:
      "Appeal with the clinical records and a letter of medical necessity that answers the payer's policy.",
    documents: [
      'Medical records for the date of service',
      'Letter of medical necessity from the treating provider',
      'The clinical policy or guideline the payer relied on (29 CFR 2560.503-1(g)(1))',
      REMIT,
    ],
    appealable: true,
  },
  authorization: {
    label: 'Authorization',
    action:
      'Find the authorization or show none was required (emergency services need none under the No Surprises Act), then appeal or request a retro-authorization.',
    documents: [
      'Authorization number or approval letter, or the plan terms showing none was required',
      'Records showing an emergency or urgent need, when that is why there was no authorization',
      REMIT,
    ],
    appealable: true,
  },
  'timely-filing': {
    label: 'Timely filing',
    action: 'Appeal with proof the claim was filed in time: the 277CA/999 acceptance report or a payer EOB.',
    documents: [
      'EDI acceptance report (277CA/999) showing the claim was accepted or received',
      "Payer letters or EOBs, or another carrier's EOB showing timely but misrouted filing (domain.md 5)",
      REMIT,
    ],
    appealable: true,
  },
  bundling: {
    label: 'Bundling / NCCI',
    action:
      'Check the NCCI edit and modifiers; when the services were distinct, send a corrected claim with the right modifier or appeal with the notes.',
    documents: [
      'Procedure or operative notes showing separate, distinct services',
      'The NCCI edit or payer policy cited, with the coding rationale',
      REMIT,
    ],
    appealable: true,
  },
  'coordination-of-benefits': {
    label: 'Coordination of benefits',
    action:
      "Confirm the patient's other coverage, bill the primary payer, then send this payer the primary EOB.",
    documents: ["Primary payer's EOB", "Patient's coordination-of-benefits update"],
    appealable: false,
  },
  'missing-information': {
    label: 'Missing information',
    action:
      'Read the remark code for what was missing, then send a corrected claim or the requested records.',
    documents: ['Corrected claim', 'The records or attachment the remark asks for'],
    appealable: false,
  },
  'non-covered': {
    label: 'Non-covered',
    action:
      "Check the plan's benefits and eligibility; appeal when the plan documents cover the service, otherwise bill the patient where the law allows.",
    documents: [
      'Plan language (SPD/EOC) showing the service is covered',
      'Eligibility verification for the date of service',
      'Medical records for the date of service',
      REMIT,
    ],
    appealable: true,
  },
  duplicate: {
    label: 'Duplicate',
    action:
      'Check whether the original claim was paid; if it was not, or the services were distinct, send a corrected claim with the records.',
    documents: ["The original claim's remittance", 'Records showing separate services, when they were'],
    appealable: false,
  },
  network: {
    label: 'Network limitation',
    action:
      "Check the plan's out-of-network benefit, No Surprises Act protection (emergency, in-network facility, air ambulance) and any network gap exception, and appeal with the plan terms.",
    documents: [
      'Plan language on out-of-network benefits (SPD/EOC)',
      'Evidence of an emergency, an in-network facility, or no in-network provider available',
      REMIT,
    ],
    appealable: true,
  },
  'no-surprises-act': {
    label: 'No Surprises Act',
    action:
      'Send the open negotiation notice within 30 business days of the payment or denial, initiate federal IDR in the 4 business days after negotiation ends, and bill the patient no more than in-network cost sharing.',
    documents: [
      'Standard open negotiation notice (OMB 1210-0169): items, claim number, NPI, dates, service codes, initial payment, offer (domain.md 2.3)',
      'Initial payment or denial remittance with the QPA disclosure (45 CFR 149.140(d))',
      'Offer support the IDR entity may weigh: QPA analysis, acuity, training, market share, prior contracted rates, not billed charges, UCR or Medicare (domain.md 2.4)',
    ],
    appealable: true,
  },
  other: {
    label: 'Other',
    action: "Read the CARC and RARC text and the payer's explanation before deciding what to do.",
    documents: [REMIT],
    appealable: false,
  },
};

/** Human words for a category, for the side panel and letters. */
export const CATEGORY_LABEL: Readonly<Record<DenialCategory, string>> = Object.fromEntries(
  Object.entries(CATEGORY_INFO).map(([category, info]) => [category, info.label]),
) as Record<DenialCategory, string>;
