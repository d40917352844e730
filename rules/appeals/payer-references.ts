/**
 * The payer's own published dispute process, cited in every letter so the reviewer routes it to the
 * right queue (domain.md 5, payer pages tagged [P]). Matched on the payer name; no entry, no citation.
 */
interface PayerReference {
  /** Case-insensitive pattern on the claim's payer name. */
  match: RegExp;
  citation: string;
}

const PAYER_REFERENCES: readonly PayerReference[] = [
  {
    match: /\baetna\b/i,
    citation:
      'Aetna provider disputes and appeals process, https://www.aetna.com/health-care-professionals/disputes-appeals/provider-appeals.html',
  },
  {
    match: /\b(anthem|elevance)\b/i,
    citation:
      'Anthem claim payment dispute process (claim payment reconsideration, then claim payment appeal), Anthem Provider News',
  },
  {
    match: /\bcigna\b/i,
    citation:
      'Cigna appeals and disputes process, https://www-cigna-com.extwideip.cigna.com/health-care-providers/coverage-and-claims/appeals-disputes',
  },
  {
    match: /\bhumana\b/i,
    citation:
      'Humana reconsiderations and appeals, https://provider.humana.com/coverage-claims/payment-integrity/reconsiderations-appeals',
  },
  {
    match: /\b(unitedhealthcare|united healthcare|uhc)\b/i,
    citation:
      'UnitedHealthcare Administrative Guide, Chapter 10: claim reconsideration and appeal process, https://www.uhcprovider.com/en/admin-guides/administrative-guides-manuals-2021/ch10-our-claims-process-2021/claim-rec-pro-res-dis-ch10-guide.html',
  },
];

/** The payer's dispute-process citation, when the payer is one domain.md 5 documents. */
export function payerDisputeReference(payerName: string): string | undefined {
  return PAYER_REFERENCES.find((p) => p.match.test(payerName))?.citation;
}
