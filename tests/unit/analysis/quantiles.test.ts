import { describe, expect, it } from 'vitest';
import { niceStep, quantileSorted } from '../../../lib/analysis/quantiles';

describe('quantileSorted (R type 7)', () => {
  it.each([
    // h = (n − 1)·p; [1, 2, 3, 4]: p 0.5 → h 1.5 → 2 + 0.5·1 = 2.5; p 0.25 → h 0.75 → 1.75; p 0.75 → h 2.25 → 3.25
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[7], 0.3, 7],
  ])('quantileSorted(%j, %d) is %d (R: quantile(x, p, type = 7))', (values, p, expected) => {
    expect(quantileSorted(Float64Array.from(values), p)).toBeCloseTo(expected, 12);
  });

  it('quantileSorted of no values is NaN', () => {
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('niceStep', () => {
  it.each([
    // span/bins: 100/10 = 10 → 1·10; 17/10 = 1.7 → 2; 0.3/12 = 0.025 → 2.5 → 5·0.01 = 0.05; 850000/12 = 70833 → 7.08 → 10·10⁴
    [100, 10, 10],
    [17, 10, 2],
    [0.3, 12, 0.05],
    [850_000, 12, 100_000],
    [0, 10, 1],
  ])('niceStep(%d, %i) is %d', (span, bins, step) => {
    expect(niceStep(span, bins)).toBeCloseTo(step, 12);
  });
});
