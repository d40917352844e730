import { useEffect, useState } from 'preact/hooks';
import { formatDate } from './format';

export type NsaMark = '' | 'emergency' | 'facility' | 'air-ambulance';

export interface ClaimNotesFormProps {
  nsaMark: NsaMark;
  noticeSentDate: string;
  /** True when a remark code already makes the claim a No Surprises Act claim. */
  nsaFromRemarks: boolean;
  idrWindow?: { from: string; to: string };
  onSave: (nsaMark: NsaMark, noticeSentDate: string) => void;
}

/** What the biller knows that the remittance does not say: NSA status and the notice date. */
export function ClaimNotesForm(p: ClaimNotesFormProps) {
  const [mark, setMark] = useState<NsaMark>(p.nsaMark);
  const [sent, setSent] = useState(p.noticeSentDate);
  useEffect(() => setMark(p.nsaMark), [p.nsaMark]);
  useEffect(() => setSent(p.noticeSentDate), [p.noticeSentDate]);
  return (
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
          Save
        </button>
      </p>
    </details>
  );
}
