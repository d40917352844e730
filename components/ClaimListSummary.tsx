import type { Claim, ClaimScore } from '../rules/model';
import { formatCents, formatDate } from './format';

export interface ClaimListSummaryProps {
  portalName: string;
  rows: { claim: Claim; score: ClaimScore | null }[];
}

/** The claims on a portal's claim list page: denied and zero-paid ones first, with their status. */
export function ClaimListSummary({ portalName, rows }: ClaimListSummaryProps) {
  const attention = (c: Claim) => c.status === 'denied' || (c.paidCents === 0 && c.status !== 'pending');
  const sorted = [...rows].sort((a, b) => Number(attention(b.claim)) - Number(attention(a.claim)));
  const flagged = rows.filter((r) => attention(r.claim)).length;
  return (
    <section aria-labelledby="list-heading" data-testid="claim-list">
      <h2 id="list-heading">
        {rows.length} claim{rows.length === 1 ? '' : 's'} on this {portalName} list
      </h2>
      <p class="muted">
        {flagged === 0
          ? 'None denied or unpaid.'
          : `${flagged} denied or unpaid: open each to see why and what to do.`}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Billed
            </th>
            <th scope="col" class="num">
              Paid
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map(({ claim }) => (
            <tr key={claim.claimNumber} data-attention={attention(claim) ? 'true' : 'false'}>
              <td>{claim.claimNumber}</td>
              <td>{formatDate(claim.serviceDateFrom)}</td>
              <td>
                {attention(claim) ? (
                  <strong class="flag">{claim.statusText ?? claim.status}</strong>
                ) : (
                  (claim.statusText ?? claim.status)
                )}
              </td>
              <td class="num">{formatCents(claim.billedCents)}</td>
              <td class="num">{formatCents(claim.paidCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
