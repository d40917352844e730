import { describe, expect, it } from 'vitest';
import { KeyHashes } from '../../../storage/claims';

describe('KeyHashes: the claim keys an import has seen, kept small', () => {
  it('never forgets a key it was given, however many, and says no to almost all others', () => {
    const seen = new KeyHashes();
    const keys = Array.from({ length: 50_000 }, (_, i) => `SYNCLM${String(i).padStart(6, '0')}`);
    for (const k of keys) seen.add(k);
    for (const k of keys) seen.add(k); // again: no change
    expect(keys.every((k) => seen.mightHave(k))).toBe(true);
    const others = Array.from({ length: 50_000 }, (_, i) => `OTHER${i}`);
    // A yes for an unseen key only costs a lookup; with 32-bit hashes it is rare.
    expect(others.filter((k) => seen.mightHave(k)).length).toBeLessThan(5);
    expect(new KeyHashes().mightHave('')).toBe(false);
  });
});
