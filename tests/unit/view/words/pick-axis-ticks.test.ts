import { describe, expect, it } from 'vitest';
import { pickAxisTicks } from '../../../../lib/view/words/pick-axis-ticks';

describe('pickAxisTicks', () => {
  it.each([
    [
      [41.6, 10.2],
      [0, 10, 20, 30, 40, 50],
    ],
    [[55.2], [0, 20, 40, 60]],
    [[100], [0, 20, 40, 60, 80, 100]],
    [[4.6], [0, 1, 2, 3, 4, 5]],
    [[17.3], [0, 5, 10, 15, 20]],
    [[0], [0, 1]],
  ])('pickAxisTicks(%j) is %j', (values, expected) => {
    expect(pickAxisTicks(values)).toEqual(expected);
  });
});
