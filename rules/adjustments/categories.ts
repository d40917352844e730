import type { Adjustment, DenialCategory } from '../model';

/** Category of one CARC in its group (domain.md 4.2). A first cut; the full table lives in carc-table.ts. */
export function categorizeAdjustment(a: Pick<Adjustment, 'group' | 'reason'>): DenialCategory {
  if (a.group === 'PR' && ['1', '2', '3', '66', '247', '248'].includes(a.reason)) return 'patient-cost-share';
  switch (a.reason) {
    case '45':
    case '131':
      return 'contractual';
    case '50':
      return 'medical-necessity';
    case '197':
    case '243':
      return 'authorization';
    case '29':
      return 'timely-filing';
    case '97':
    case '59':
    case '236':
    case '4':
      return 'bundling';
    case '22':
    case '23':
      return 'coordination-of-benefits';
    case '16':
    case '226':
      return 'missing-information';
    case '96':
    case '204':
    case '167':
      return 'non-covered';
    case '18':
    case 'B13':
      return 'duplicate';
    case '242':
    case '279':
      return 'network';
    default:
      return 'other';
  }
}

/** Human words for a category, for the side panel and letters. */
export const CATEGORY_LABEL: Record<DenialCategory, string> = {
  contractual: 'Contractual reduction',
  'patient-cost-share': 'Patient cost share',
  'medical-necessity': 'Medical necessity',
  authorization: 'Authorization',
  'timely-filing': 'Timely filing',
  bundling: 'Bundling / NCCI',
  'coordination-of-benefits': 'Coordination of benefits',
  'missing-information': 'Missing information',
  'non-covered': 'Non-covered',
  duplicate: 'Duplicate',
  network: 'Network limitation',
  'no-surprises-act': 'No Surprises Act',
  other: 'Other',
};
