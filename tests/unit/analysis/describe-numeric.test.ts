import { describe, expect, it } from 'vitest';
import { describeNumeric, niceStep, quantileSorted } from '../../../lib/analysis/describe-numeric';
import { selectAll } from '../../../lib/analysis/selection';
import { createBitset, setBit } from '../../../lib/survey/bitset';
import type { NumericQuestion, Selection } from '../../../lib/survey/types';

const numeric = (values: number[]): NumericQuestion => ({
  id: 'n',
  label: 'N',
  kind: 'numeric',
  values: Float64Array.from(values),
  source: { columns: ['n'], indexes: [0] },
  answeredCount: values.filter((v) => !Number.isNaN(v)).length,
});
const select = (size: number, members: number[]): Selection => {
  const bits = createBitset(size);
  for (const i of members) setBit(bits, i);
  return { size, bits };
};

describe('quantileSorted (R type 7)', () => {
  it.each([
    // [1,2,3,4]: h = 3p; p .25 → h .75 → 1 + .75·(2-1) = 1.75; p .5 → h 1.5 → 2.5; p .75 → h 2.25 → 3.25
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[1, 3], 0.5, 2],
    [[7], 0.9, 7],
    // [10,20,30,40,50]: p .1 → h .4 → 10 + .4·10 = 14
    [[10, 20, 30, 40, 50], 0.1, 14],
  ])('quantileSorted(%j, %d) is %d', (sorted, p, expected) => {
    expect(quantileSorted(Float64Array.from(sorted), p)).toBeCloseTo(expected, 12);
  });

  it('quantileSorted of no values is NaN', () => {
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('niceStep', () => {
  it.each([
    [100, 12, 10], // 8.33 → 10
    [17, 10, 2], // 1.7 → 2
    [50, 10, 5], // 5 → 5
    [1, 10, 0.1], // 0.1 → 1 × 0.1
    [0.35, 10, 0.05], // 0.035 → 5 × 0.01
    [120_000, 12, 10_000], // 10,000 → 1 × 10,000
    [130_000, 12, 20_000], // 10,833 → 2 × 10,000
    [8.82, 12, 1], // 0.735 → 10 × 0.1
  ])('niceStep(%d, %i) is %d', (span, bins, step) => {
    expect(niceStep(span, bins)).toBeCloseTo(step, 12);
  });

  it.each([0, -5, NaN])('niceStep(%d, 10) falls back to 1', (span) => {
    expect(niceStep(span, 10)).toBe(1);
  });
});

describe('describeNumeric', () => {
  it('skips blanks (NaN): [4, blank, 1, 3, blank, 2] → count 4, mean 2.5, quartiles 1.75 / 2.5 / 3.25', () => {
    const summary = describeNumeric(numeric([4, NaN, 1, 3, NaN, 2]), selectAll(6));
    expect(summary).toMatchObject({ count: 4, mean: 2.5, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  });

  it('takes only selected respondents: {0, 2, 5} → 4, 1, 2 → mean 7/3, median 2, q1 1.5, q3 3', () => {
    // sorted 1, 2, 4: q1 h = .5 → 1.5; q3 h = 1.5 → 2 + .5·2 = 3
    const summary = describeNumeric(numeric([4, NaN, 1, 3, NaN, 2]), select(6, [0, 2, 5]));
    expect(summary.count).toBe(3);
    expect(summary.mean).toBeCloseTo(7 / 3, 12);
    expect(summary).toMatchObject({ min: 1, q1: 1.5, median: 2, q3: 3, max: 4 });
  });

  it('sorts numerically, not as text: [10, 9, 100, -1]', () => {
    const summary = describeNumeric(numeric([10, 9, 100, -1]), selectAll(4));
    expect(summary.min).toBe(-1);
    expect(summary.max).toBe(100);
    expect(summary.median).toBe(9.5);
  });

  it('no answers in the selection: count 0, statistics NaN, no bins', () => {
    const summary = describeNumeric(numeric([NaN, 5]), select(2, [0]));
    expect(summary.count).toBe(0);
    for (const key of ['mean', 'min', 'q1', 'median', 'q3', 'max'] as const) expect(summary[key]).toBeNaN();
    expect(summary.bins).toEqual([]);
  });

  it('bins 1..10 with step 1 from 1: nine bins, the last open-ended holding 9 and 10', () => {
    // p1 = 1.09, p99 = 9.91, span 8.82 → step 1; start 1; ceil(8.91) = 9 bins
    const { bins } = describeNumeric(numeric([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), selectAll(10));
    // The outer bins are open-ended and say so: the first holds everything below 2.
    expect(bins.map((b) => b.label)).toEqual(['< 2', '2–3', '3–4', '4–5', '5–6', '6–7', '7–8', '8–9', '≥ 9']);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(bins.every((b) => b.base === 10)).toBe(true);
    expect(bins[0].value).toBe('1');
  });

  it('one huge outlier lands in the open-ended last bin instead of stretching the axis', () => {
    // 1..199 and 10,000,000: p1 = 2.99, p99 = 198.01 → step 20, start 0, 10 bins of 20
    const values = [...Array.from({ length: 199 }, (_, i) => i + 1), 10_000_000];
    const { bins } = describeNumeric(numeric(values), selectAll(200));
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ label: '< 20', count: 19 }); // 1..19, open below
    expect(bins[9]).toMatchObject({ label: '≥ 180', count: 21 }); // 180..199 and the outlier
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(200);
  });

  it('labels thousands with k: 10k..100k in steps of 10k', () => {
    // p1 = 10,900, p99 = 99,100 → step 10,000 from 10,000: 9 bins
    const values = Array.from({ length: 10 }, (_, i) => (i + 1) * 10_000);
    const { bins } = describeNumeric(numeric(values), selectAll(10));
    expect(bins[0].label).toBe('< 20k'); // the first bin [10k, 20k) is open below
    expect(bins[8].label).toBe('≥ 90k');
  });
});
