import { describe, expect, it } from 'vitest';
import { type PortalDelivery, sendToPortal } from '../../../utils/messaging';

/**
 * A portal frame with nothing to read runs only the small content script, which listens once its
 * reader is loaded: the side panel's and popup's "Fill" must load the reader there and ask again, so
 * the biller gets the page's own answer instead of "did not answer".
 */
function tab(listening: boolean) {
  const calls: string[] = [];
  const via: PortalDelivery = {
    send: async (_type, _data, target) => {
      calls.push(`send ${target.tabId}/${target.frameId ?? 'all'}`);
      if (!listening) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: false, error: 'This page is not a dispute or appeal form.' };
    },
    loadReader: async (tabId, frameId) => {
      calls.push(`load ${tabId}/${frameId}`);
      listening = true;
    },
  };
  return { via, calls };
}

describe('sendToPortal', () => {
  it('answers from a frame that already listens, loading nothing', async () => {
    const { via, calls } = tab(true);
    expect(
      await sendToPortal('fillAppealForm', { claimNumber: 'U1' }, { tabId: 4, frameId: 2 }, via),
    ).toEqual({
      ok: false,
      error: 'This page is not a dispute or appeal form.',
    });
    expect(calls).toEqual(['send 4/2']);
  });

  it('loads the reader into the frame (else the top frame) when nothing listens, then asks again', async () => {
    const framed = tab(false);
    expect(
      await sendToPortal('fillAppealForm', { claimNumber: 'U1' }, { tabId: 4, frameId: 2 }, framed.via),
    ).toEqual({ ok: false, error: 'This page is not a dispute or appeal form.' });
    expect(framed.calls).toEqual(['send 4/2', 'load 4/2', 'send 4/2']);

    const whole = tab(false);
    await sendToPortal('fillAppealForm', { claimNumber: 'U1' }, { tabId: 9 }, whole.via);
    expect(whole.calls).toEqual(['send 9/all', 'load 9/0', 'send 9/all']);
  });

  it('passes any other failure on without loading anything', async () => {
    const calls: string[] = [];
    const via: PortalDelivery = {
      send: async () => {
        calls.push('send');
        throw new Error('No tab with id: 4.');
      },
      loadReader: async () => {
        calls.push('load');
      },
    };
    await expect(sendToPortal('fillAppealForm', {}, { tabId: 4 }, via)).rejects.toThrow('No tab with id: 4.');
    expect(calls).toEqual(['send']);
  });
});
