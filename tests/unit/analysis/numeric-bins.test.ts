import { describe, expect, it } from 'vitest';
import { numericBins, sortedValues } from '../../../lib/analysis/numeric-bins';
import { selectAll } from '../../../lib/analysis/selection';
import { createBitset, setBit } from '../../../lib/survey/bitset';
import type { NumericQuestion } from '../../../lib/survey/types';
import type { Selection } from '../../../lib/analysis/selection';

function numeric(values: number[]): NumericQuestion {
  return {
    id: 'n',
    label: 'N',
    kind: 'numeric',
    values: Float64Array.from(values),
    source: { columns: ['n'], indexes: [0] },
    answeredCount: values.filter((value) => !Number.isNaN(value)).length,
  };
}
const select = (size: number, members: number[]): Selection => {
  const bits = createBitset(size);
  for (const i of members) setBit(bits, i);
  return { size, bits };
};
const edges = (bins: ReturnType<typeof numericBins>) => bins.map((bin) => [bin.value, bin.label, bin.from, bin.to]);

describe('numericBins', () => {
  it('numericBins(1 … 10) → nine unit bins, "< 2" … 8–9 and an open "≥ 9"', () => {
    // sorted 1…10, n = 10. 1st percentile (type 7): h = 9·0.01 = 0.09 → 1 + 0.09 = 1.09
    // 99th: h = 8.91 → 9 + 0.91·(10 − 9) = 9.91; span 8.82; 8.82/12 = 0.735 → magnitude 0.1, 7.35 → nice 10 → step 1
    // start ⌊1.09⌋ = 1; bins ⌈(9.91 − 1)/1⌉ = 9. Lowest value 1 is not below 1, so the first label is "1–2";
    // highest 10 ≥ 9 + 1, so the last says "≥ 9". Outer edges are open (−∞, ∞) whatever the label.
    const bins = numericBins(numeric([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), selectAll(10));
    expect(edges(bins)).toEqual([
      ['1', '< 2', -Infinity, 2],
      ['2', '2–3', 2, 3],
      ['3', '3–4', 3, 4],
      ['4', '4–5', 4, 5],
      ['5', '5–6', 5, 6],
      ['6', '6–7', 6, 7],
      ['7', '7–8', 7, 8],
      ['8', '8–9', 8, 9],
      ['9', '≥ 9', 9, Infinity],
    ]);
  });

  it('numericBins(0, 1000, …, 99000 and one 10 000 000) → ten 10k bins; the outlier falls in "≥ 90k" instead of stretching the axis', () => {
    // 101 sorted values; 1st percentile h = 100·0.01 = 1 → 1000; 99th h = 99 → 99000
    // span 98000; /12 = 8166.7 → magnitude 1000, 8.17 → 10 → step 10000; start 0; ⌈99000/10000⌉ = 10 bins
    const values = [...Array.from({ length: 100 }, (_, i) => i * 1000), 10_000_000];
    const bins = numericBins(numeric(values), selectAll(101));
    expect(bins.map((bin) => bin.label)).toEqual(['< 10k', '10k–20k', '20k–30k', '30k–40k', '40k–50k', '50k–60k', '60k–70k', '70k–80k', '80k–90k', '≥ 90k']);
    expect(bins.map((bin) => bin.value)).toEqual(['0', '10000', '20000', '30000', '40000', '50000', '60000', '70000', '80000', '90000']);
    expect([bins[0].from, bins[9].to]).toEqual([-Infinity, Infinity]);
  });

  it('numericBins(−1 000 000, 0, 1, …, 99) → outer bins open-ended: "< 10" … "≥ 90"', () => {
    // 101 sorted values; 1st percentile h = 1 → 0; 99th h = 99 → 98; span 98/12 = 8.17 → step 10; start 0
    // ⌈98/10⌉ = 10 bins. −1 000 000 < 0 → first label "< 10"; highest 99 < 90 + 10 → last label "90–100"
    const values = [-1_000_000, ...Array.from({ length: 100 }, (_, i) => i)];
    const bins = numericBins(numeric(values), selectAll(101));
    expect(bins).toHaveLength(10);
    expect([bins[0].label, bins[1].label, bins[9].label]).toEqual(['< 10', '10–20', '≥ 90']);
    expect([bins[0].from, bins[9].to]).toEqual([-Infinity, Infinity]);
  });

  it('numericBins of five equal values (7) → a single bin open at both ends, "All values"', () => {
    // span 0 → step 1; start 7; max(1, ⌈0 + 1e-9⌉) = 1 bin
    const bins = numericBins(numeric([7, 7, 7, 7, 7]), selectAll(5));
    expect(edges(bins)).toEqual([['7', 'All values', -Infinity, Infinity]]);
  });

  it('numericBins with nobody answering (all blank, or an empty selection) → no bins', () => {
    expect(numericBins(numeric([NaN, NaN]), selectAll(2))).toEqual([]);
    expect(numericBins(numeric([1, 2, 3]), select(3, []))).toEqual([]);
  });

  it('numericBins uses only the selection: {0, 1} of 1.5, 2, 100 → span 0.495 → step 0.05', () => {
    // selected 1.5, 2: 1st percentile 1.505, 99th 1.995; span 0.49/12 = 0.0408 → magnitude 0.01, 4.08 → 5 → step 0.05
    // start ⌊1.505/0.05⌋·0.05 = 1.5; ⌈0.495/0.05 + 1e-9⌉ = 10 bins (the 100 outside the selection plays no part)
    const bins = numericBins(numeric([1.5, 2, 100]), select(3, [0, 1]));
    expect(bins).toHaveLength(10);
    expect(bins[1].label).toBe('1.55–1.6');
    expect(bins[9].label).toBe('≥ 1.95');
  });

  it('numericBins of whole numbers never makes bins narrower than 1: answer codes 1, 2 → unit bins', () => {
    // 1, 2: span 0.98 would give step 0.1, but whole numbers get step max(1, 0.1) = 1; start 1, ⌈0.99⌉ = 1 bin
    const bins = numericBins(numeric([1, 2, 100]), select(3, [0, 1]));
    expect(edges(bins)).toEqual([['1', 'All values', -Infinity, Infinity]]);
  });
});

describe('sortedValues', () => {
  it('sortedValues(10, NaN, 2, 33, −1) within {0, 1, 2, 4} → [−1, 2, 10]: blanks skipped, numeric order (not text order)', () => {
    expect(Array.from(sortedValues(numeric([10, NaN, 2, 33, -1]), select(5, [0, 1, 2, 4])))).toEqual([-1, 2, 10]);
  });
});
