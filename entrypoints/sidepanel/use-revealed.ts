import { useEffect, useState } from 'preact/hooks';
import type { ClaimRecord } from '../../storage/db';
import { sendMessage } from '../../utils/messaging';

/**
 * The record with its patient fields, when the lock sealed them: the background reveals them only
 * while unlocked. `locked` says the letter and the panel must do without them.
 */
export function useRevealed(record: ClaimRecord | undefined): {
  record: ClaimRecord | undefined;
  locked: boolean;
} {
  const [state, setState] = useState<{ record: ClaimRecord | undefined; locked: boolean }>({
    record,
    locked: false,
  });
  useEffect(() => {
    if (!record || !('phi' in record.claim)) {
      setState({ record, locked: false });
      return;
    }
    let live = true;
    setState({ record, locked: false });
    sendMessage('revealPhi', { claimKeys: [record.key] })
      .then((r) => {
        if (!live) return;
        const phi = r.phi[record.key];
        setState({
          record: phi ? { ...record, claim: { ...record.claim, ...phi } } : record,
          locked: r.locked,
        });
      })
      .catch(() => live && setState({ record, locked: true }));
    return () => {
      live = false;
    };
  }, [record]);
  return state;
}
