import type { DenialCategory } from '../model';

/**
 * CARC -> category, as reviewed data. Each group of codes says why it belongs (domain.md 4.2 or the
 * CARC text in carc-codes.ts). Group codes change the answer only for cost share (categories.ts).
 * A code missing here is 'other': the biller reads its text.
 */
export const CARC_CATEGORY: Readonly<Record<string, DenialCategory>> = {
  // Cost share: deductible, coinsurance, copay, blood deductible, institutional-claim deductible and
  // coinsurance, major-medical cost share, Part D LIS copay (CARC texts; domain.md 4.2 PR-1/2/3).
  ...codes(['1', '2', '3', '66', '126', '127', '241', '247', '248'], 'patient-cost-share'),

  // Contractual: fee schedule / maximum allowable (45, and 42 which it replaced), negotiated and
  // PPO discounts (131, 41, P24), capitation, withholds, incentives, sequestration, rate not on file,
  // reasonable-and-customary and jurisdictional fee schedules (domain.md 4.2 OON repricing pattern).
  ...codes(
    ['24', '41', '42', '43', '44', '45', '94', '103', '104', '131', '144', '147', '161', '245', '253'],
    'contractual',
  ),
  ...codes(['222', '256', '260', 'A2', 'P5', 'P12', 'P23', 'P24', '217', 'W1', 'Y3'], 'contractual'),

  // Medical necessity and level of care: not medically necessary, experimental or unproven, level,
  // frequency, length, dosage or supply not supported, not emergent, wrong place of service,
  // diagnosis does not support the procedure, alternative services available (CARC texts).
  ...codes(
    ['11', '40', '50', '55', '56', '57', '58', '150', '151', '152', '153', '154'],
    'medical-necessity',
  ),
  ...codes(['188', '216', '261', 'B8', 'B22', 'P15', 'W4'], 'medical-necessity'),

  // Authorization, precertification, referral and second opinion (197 domain.md 4.2; CARC texts).
  ...codes(['15', '39', '61', '62', '165', '197', '198', '210', 'P17', 'W6'], 'authorization'),

  // Filing limits for the claim or the appeal (29, 285/286 domain.md 4.2; B4 late filing penalty).
  ...codes(['29', '138', '286', 'B4'], 'timely-filing'),

  // Bundling, NCCI and multiple-procedure rules (4, 59, 97, 236 domain.md 4.2; 231 mutually exclusive,
  // 234 not paid separately, B10 component paid, B14 one visit per day, P14/W3 included same day).
  ...codes(
    ['4', '59', '97', '128', '190', '194', '231', '234', '236', 'B10', 'B14', 'P14', 'W3'],
    'bundling',
  ),

  // Another payer or carrier is responsible, or a prior payer's adjudication applies (22, 23, 109
  // domain.md 4.2; workers' compensation, liability, no-fault, Medicare secondary, dental/medical plan).
  ...codes(
    ['19', '20', '21', '22', '23', '71', '99', '109', '129', '136', '168', '191', '196'],
    'coordination-of-benefits',
  ),
  ...codes(['201', '215', '228', '254', 'A3', 'B11', 'D23', 'P2', 'P3'], 'coordination-of-benefits'),

  // Missing or invalid information and billing errors a corrected claim fixes (16, 226 domain.md 4.2;
  // code/age/gender/place inconsistencies, invalid codes, NPI, attachments, the D-series "claim lacks").
  ...codes(
    ['5', '6', '7', '8', '9', '10', '12', '13', '14', '16', '17', '31', '107', '110'],
    'missing-information',
  ),
  ...codes(
    ['125', '140', '146', '148', '163', '164', '173', '174', '175', '176', '181', '182'],
    'missing-information',
  ),
  ...codes(
    ['189', '199', '206', '207', '208', '226', '227', '240', '250', '251', '252', 'B18'],
    'missing-information',
  ),
  ...codes(
    ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D11', 'D12', 'D14', 'D15'],
    'missing-information',
  ),
  ...codes(['D16', 'D17', 'D18', 'D19', 'D20', 'D21', 'P7', '220'], 'missing-information'),

  // Not covered by the plan: exclusions, benefit maximums, eligibility and coverage dates, provider
  // type not eligible (96, 167, 170, 185, 204, B7, 119 domain.md 4.2; the rest by CARC text).
  ...codes(
    ['26', '27', '28', '30', '32', '33', '34', '35', '46', '47', '48', '49', '51', '52', '53'],
    'non-covered',
  ),
  ...codes(
    ['54', '60', '78', '96', '111', '113', '114', '117', '119', '149', '157', '158', '159', '160'],
    'non-covered',
  ),
  ...codes(
    ['166', '167', '170', '171', '172', '177', '178', '179', '180', '183', '184', '185', '200'],
    'non-covered',
  ),
  ...codes(
    ['202', '204', '211', '212', '213', '258', 'B1', 'B5', 'B6', 'B7', 'B9', 'B15', 'B16'],
    'non-covered',
  ),
  ...codes(['B23', 'P16', 'W5'], 'non-covered'),

  // Duplicate or previously paid (18, B13 domain.md 4.2).
  ...codes(['18', 'B13'], 'duplicate'),

  // Network limitation: not provided or authorized by network / preferred providers (242, 243, 279
  // domain.md 4.2; 38 their predecessor).
  ...codes(['38', '242', '243', '279'], 'network'),
};

/**
 * RARC -> category, for remarks that say more than the CARC. Alerts that only inform (MA01, N855/N856
 * ERISA routing) are absent on purpose: they categorise nothing. Remarks whose text begins
 * "Missing/incomplete/invalid" are missing-information by rule (categories.ts), not listed here.
 */
export const RARC_CATEGORY: Readonly<Record<string, DenialCategory>> = {
  // No Surprises Act remarks (domain.md 4.4) and N830, the balance-billing alert (domain.md 4.3).
  ...codes(
    ['N830', 'N859', 'N860', 'N862', 'N863', 'N864', 'N865', 'N866', 'N867', 'N868'],
    'no-surprises-act',
  ),
  ...codes(
    ['N869', 'N870', 'N871', 'N872', 'N873', 'N874', 'N875', 'N876', 'N877', 'N878'],
    'no-surprises-act',
  ),
  ...codes(['N879', 'N882', 'N884', 'N885'], 'no-surprises-act'),
  // Bundled / not payable with another service (M15, N20 domain.md 4.3).
  ...codes(['M15', 'N20'], 'bundling'),
  // Contract and fee-schedule terms (N381, N448 domain.md 4.3).
  ...codes(['N381', 'N448'], 'contractual'),
  // Plan benefit restrictions (N130 domain.md 4.3).
  ...codes(['N130'], 'non-covered'),
  // Claim unprocessable for incomplete or invalid information (MA130 text).
  ...codes(['MA130'], 'missing-information'),
};

function codes(list: readonly string[], category: DenialCategory): Record<string, DenialCategory> {
  return Object.fromEntries(list.map((c) => [c, category]));
}
