import { Fragment } from 'preact';
import type { Claim, ClaimScore, DenialCategory, LineScore } from '../rules/model';
import { codeWithModifiers, formatCents, formatDate } from './format';

export interface ClaimFindingsProps {
  claim: Claim;
  score: ClaimScore;
  portalName?: string;
  /** What to do about a denial category, in a sentence ("Send the authorization number ..."). */
  actionFor?: (category: DenialCategory) => string | undefined;
}

function reasons(line: LineScore): string {
  return line.flags.map((f) => f.message).join('; ');
}

/** The claim on screen: totals, the lines that need attention and why, and every line for context. */
export function ClaimFindings({ claim, score, portalName, actionFor }: ClaimFindingsProps) {
  const flagged = score.lines.filter((l) =>
    l.flags.some((f) => f.kind === 'underpaid' || f.kind === 'denied'),
  );
  const other = score.lines.filter((l) => !flagged.includes(l));
  const lineOf = (n: number) => claim.lines.find((l) => l.lineNumber === n)!;
  const t = score.totals;
  return (
    <article class="claim" aria-labelledby="claim-heading">
      <header>
        <h2 id="claim-heading">
          Claim <span data-testid="claim-number">{claim.claimNumber}</span>
        </h2>
        <p class="muted">
          {claim.payerName}
          {portalName ? ` · read on ${portalName}` : ''} · service {formatDate(claim.serviceDateFrom)}
          {claim.paidDate ? ` · paid ${formatDate(claim.paidDate)}` : ''}
        </p>
      </header>
      {score.flags.length > 0 && (
        <ul class="claim-flags" data-testid="claim-flags">
          {score.flags.map((f) => (
            <li key={f.kind + f.message} class={`flag flag-${f.kind}`}>
              {f.message}
            </li>
          ))}
        </ul>
      )}
      <dl class="totals" data-testid="totals">
        <div>
          <dt>Billed</dt>
          <dd>{formatCents(t.billedCents)}</dd>
        </div>
        <div>
          <dt>Allowed</dt>
          <dd>{formatCents(t.allowedCents)}</dd>
        </div>
        <div>
          <dt>Expected</dt>
          <dd>{formatCents(t.expectedCents)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{formatCents(t.paidCents)}</dd>
        </div>
        <div>
          <dt>Patient resp.</dt>
          <dd>{formatCents(t.patientResponsibilityCents)}</dd>
        </div>
        <div class="shortfall">
          <dt>Shortfall</dt>
          <dd data-testid="total-shortfall">{formatCents(t.shortfallCents)}</dd>
        </div>
      </dl>
      {(score.deadlines.appealBy || score.deadlines.openNegotiationNoticeBy) && (
        <dl class="deadlines" data-testid="deadlines">
          {score.deadlines.openNegotiationNoticeBy && (
            <div>
              <dt>NSA open negotiation notice by</dt>
              <dd>{formatDate(score.deadlines.openNegotiationNoticeBy)}</dd>
            </div>
          )}
          {score.deadlines.appealBy && (
            <div>
              <dt>Appeal by</dt>
              <dd title={score.deadlines.appealBasis}>{formatDate(score.deadlines.appealBy)}</dd>
            </div>
          )}
        </dl>
      )}
      <h3>
        {flagged.length === 0
          ? 'No line needs attention'
          : `${flagged.length} line${flagged.length === 1 ? '' : 's'} need attention`}
      </h3>
      {flagged.length > 0 && (
        <LineTable
          claim={claim}
          lines={flagged}
          lineOf={lineOf}
          testId="flagged-lines"
          actionFor={actionFor}
        />
      )}
      {other.length > 0 && (
        <details>
          <summary>Other lines ({other.length})</summary>
          <LineTable claim={claim} lines={other} lineOf={lineOf} testId="other-lines" />
        </details>
      )}
    </article>
  );
}

const NOT_A_REASON = new Set<DenialCategory>(['contractual', 'patient-cost-share', 'other']);

function LineTable({
  lines,
  lineOf,
  testId,
  actionFor,
}: {
  actionFor?: ClaimFindingsProps['actionFor'];
  claim: Claim;
  lines: LineScore[];
  lineOf: (n: number) => Claim['lines'][number];
  testId: string;
}) {
  return (
    <table class="lines" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col" class="num">
            Billed
          </th>
          <th scope="col" class="num">
            Allowed
          </th>
          <th scope="col" class="num">
            Expected
          </th>
          <th scope="col" class="num">
            Shortfall
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((ls) => {
          const line = lineOf(ls.lineNumber);
          return (
            <Fragment key={ls.lineNumber}>
              <tr data-line={ls.lineNumber} class="line-main">
                <td data-col="code">{codeWithModifiers(line.code, line.modifiers)}</td>
                <td class="num">{formatCents(line.billedCents)}</td>
                <td class="num" title={ls.allowedDerived ? 'Derived: paid + patient cost share' : undefined}>
                  {formatCents(ls.allowedCents)}
                  {ls.allowedDerived ? '*' : ''}
                </td>
                <td class="num">{formatCents(ls.expectedCents)}</td>
                <td class="num" data-col="shortfall">
                  {formatCents(ls.shortfallCents)}
                </td>
              </tr>
              <tr class="line-why">
                <td colSpan={5} class="why" data-col="why">
                  {reasons(ls)}
                  {ls.expectedBasis && <div class="basis">Basis: {ls.expectedBasis}</div>}
                  {actionFor &&
                    ls.flags.some((f) => f.kind === 'denied') &&
                    ls.categories
                      .filter((c) => !NOT_A_REASON.has(c))
                      .map((c) => {
                        const action = actionFor(c);
                        return action ? (
                          <div class="basis" key={c} data-testid="line-action">
                            What to do: {action}
                          </div>
                        ) : null;
                      })}
                </td>
              </tr>
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
