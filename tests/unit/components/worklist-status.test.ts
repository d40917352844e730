import { describe, expect, it } from 'vitest';
import { type WorklistProgress, worklistStatusText } from '../../../components/dashboard/worklist-status';

const at = (p: Partial<WorklistProgress>): WorklistProgress => ({
  listed: 0,
  shown: 0,
  total: undefined,
  topOnly: true,
  complete: false,
  ...p,
});

describe('the worklist status line never passes a partial list off as the whole', () => {
  it.each([
    ['nothing read yet', at({}), 'Loading claims…'],
    [
      'the first screen, not yet counted',
      at({ listed: 60 }),
      'Showing the top 60 by priority; loading every claim…',
    ],
    [
      'the first screen, counted',
      at({ listed: 60, total: 50_000 }),
      'Showing the top 60 by priority; loading all 50,000 claims…',
    ],
    [
      'part of the store merged in',
      at({ listed: 12_060, total: 50_000, topOnly: false }),
      'Showing 12,060 of 50,000 claims so far; loading the rest…',
    ],
    [
      'every claim listed, filtered',
      at({ listed: 50_000, shown: 1_234, total: 50_000, topOnly: false, complete: true }),
      '1,234 of 50,000 claims shown',
    ],
    [
      'a small store, complete at once',
      at({ listed: 3, shown: 3, total: 3, complete: true }),
      '3 of 3 claims shown',
    ],
  ])('%s', (_, progress, text) => {
    expect(worklistStatusText(progress)).toBe(text);
  });
});
