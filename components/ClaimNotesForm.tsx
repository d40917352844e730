import { useEffect, useState } from 'preact/hooks';
import { formatDate } from './format';

export type NsaMark = '' | 'emergency' | 'facility' | 'air-ambulance';

export interface ClaimNotesFormProps {
  nsaMark: NsaMark;
  noticeSentDate: string;
  /** True when a remark code already makes the claim a No Surprises Act claim. */
  nsaFromRemarks: boolean;
  idrWindow?: { from: string; to: string };
  /** Practices to move the claim to (billing services); empty for a single practice. */
  practices: { id: string; name: string }[];
  /** The practice the biller chose, or undefined when the payee NPI/TIN decides. */
  practiceId: string | undefined;
  onSave: (nsaMark: NsaMark, noticeSentDate: string) => void;
  onPractice: (practiceId: string | undefined) => void;
}

/** What the biller knows that the remittance does not say: NSA status and the notice date. */
export function ClaimNotesForm(p: ClaimNotesFormProps) {
  const [mark, setMark] = useState<NsaMark>(p.nsaMark);
  const [sent, setSent] = useState(p.noticeSentDate);
  useEffect(() => setMark(p.nsaMark), [p.nsaMark]);
  useEffect(() => setSent(p.noticeSentDate), [p.noticeSentDate]);
  return (
    <>
      {p.practices.length > 0 && (
        <p class="row">
          <label>
            Practice{' '}
            <select
              value={p.practiceId ?? '*'}
              data-testid="claim-practice"
              onChange={(e) =>
                p.onPractice(e.currentTarget.value === '*' ? undefined : e.currentTarget.value)
              }
            >
              <option value="*">by payee NPI or TIN</option>
              <option value="">This practice (default)</option>
              {p.practices.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <details class="notes" open={p.nsaFromRemarks || p.nsaMark !== ''}>
        <summary>No Surprises Act</summary>
        {!p.nsaFromRemarks && (
          <label>
            This claim is protected as{' '}
            <select
              value={mark}
              data-testid="nsa-mark"
              onChange={(e) => setMark(e.currentTarget.value as NsaMark)}
            >
              <option value="">not a No Surprises Act claim</option>
              <option value="emergency">emergency services</option>
              <option value="facility">out-of-network provider at an in-network facility</option>
              <option value="air-ambulance">air ambulance</option>
            </select>
          </label>
        )}
        <label>
          Open negotiation notice sent on{' '}
          <input
            type="date"
            value={sent}
            data-testid="notice-sent"
            onInput={(e) => setSent(e.currentTarget.value)}
          />
        </label>
        {p.idrWindow && (
          <p data-testid="idr-window">
            Federal IDR may be initiated from {formatDate(p.idrWindow.from)} through{' '}
            {formatDate(p.idrWindow.to)}.
          </p>
        )}
        <p>
          <button type="button" class="secondary" onClick={() => p.onSave(mark, sent)}>
            Save No Surprises Act details
          </button>
        </p>
      </details>
    </>
  );
}
