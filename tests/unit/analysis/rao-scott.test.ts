import { describe, expect, it } from 'vitest';
import { raoScottTest, RAO_SCOTT_METHOD, type RaoScottTest } from '../../../lib/analysis/rao-scott';
import { fUpperP } from '../../../lib/analysis/distributions';
import { chiSquareTest } from '../../../lib/analysis/chi-square';
import { createBitset, fullBitset, setBit } from '../../../lib/survey/bitset';

/** Respondents laid out from a table of counts (row-major), codes 1-based, weight 1 each. */
function fromCounts(table: number[][]): { rowCodes: Uint16Array; colCodes: Uint16Array; weights: Float64Array; bits: Uint32Array } {
  const cells = table.flatMap((row, r) => row.flatMap((count, c) => Array.from({ length: count }, () => [r + 1, c + 1])));
  return {
    rowCodes: Uint16Array.from(cells, ([r]) => r),
    colCodes: Uint16Array.from(cells, ([, c]) => c),
    weights: new Float64Array(cells.length).fill(1),
    bits: fullBitset(cells.length),
  };
}

function bitsOf(size: number, selected: (i: number) => boolean): Uint32Array {
  const bits = createBitset(size);
  for (let i = 0; i < size; i++) if (selected(i)) setBit(bits, i);
  return bits;
}

const numbers = (test: RaoScottTest): number[] => [
  test.statistic,
  test.ndf,
  test.ddf,
  test.p,
  test.pearson,
  test.firstOrder!.statistic,
  test.firstOrder!.df,
  test.firstOrder!.p,
];

function expectSame(a: RaoScottTest, b: RaoScottTest): void {
  numbers(a).forEach((value, i) => expect(value).toBeCloseTo(numbers(b)[i], 10));
}

function expectUndefined(test: RaoScottTest): void {
  for (const value of [test.statistic, test.ndf, test.ddf, test.p, test.firstOrder!.statistic, test.firstOrder!.p]) expect(value).toBeNaN();
}

describe('raoScottTest', () => {
  // 16 respondents; the selection leaves out the last (the only row-3 answer), two did not answer.
  const row = Uint16Array.from([1, 1, 2, 2, 1, 2, 1, 2, 2, 1, 1, 2, 0, 1, 2, 3]);
  const col = Uint16Array.from([1, 2, 1, 3, 3, 2, 1, 2, 3, 3, 2, 1, 2, 0, 1, 3]);
  const w = Float64Array.from([1.2, 0.8, 1.5, 0.7, 1.1, 0.9, 2.0, 1.3, 0.6, 1.4, 1.0, 0.5, 1.1, 0.9, 1.7, 1.2]);
  const firstFifteen = bitsOf(16, (i) => i < 15);

  it('raoScottTest(small weighted domain) → R svychisq(~r + c, subset(svydesign(ids = ~1, weights = ~w), in domain)), F and Chisq', () => {
    const ours = raoScottTest(row, col, 3, 3, firstFifteen, w, 16);
    expect(ours.method).toBe(RAO_SCOTT_METHOD);
    // R 4.2, survey 4.1.1, printed with 16 digits.
    expect(ours.statistic).toBeCloseTo(0.1905824817206057, 12);
    expect(ours.ndf).toBeCloseTo(1.9484830507573012, 12);
    expect(ours.ddf).toBeCloseTo(23.3817966090876155, 11);
    expect(ours.p).toBeCloseTo(0.8223336232535384, 12);
    expect(ours.pearson).toBeCloseTo(0.3972905330960252, 12);
    expect(ours.firstOrder).toEqual({ statistic: expect.closeTo(2 * 0.1905824817206057, 12), df: 2, p: expect.closeTo(0.8264775856243143, 12) });
  });

  it('raoScottTest(unit weights, whole file) → Δ = n/(n − 1)·I: F = X²(n − 1)/(n·k), ndf = k, ddf = k(n − 1), X² as chisq.test', () => {
    const table = [
      [20, 15],
      [10, 25],
      [12, 18],
    ];
    const { rowCodes, colCodes, weights, bits } = fromCounts(table);
    const n = rowCodes.length;
    const ours = raoScottTest(rowCodes, colCodes, 3, 2, bits, weights, n);
    const pearson = chiSquareTest(table)!.statistic;
    expect(ours.pearson).toBeCloseTo(pearson, 10);
    expect(ours.statistic).toBeCloseTo((pearson * (n - 1)) / (n * 2), 10);
    expect(ours.ndf).toBeCloseTo(2, 10);
    expect(ours.ddf).toBeCloseTo(2 * (n - 1), 8);
    expect(ours.p).toBeCloseTo(fUpperP((pearson * (n - 1)) / (n * 2), 2, 2 * (n - 1)), 10);
  });

  it('raoScottTest(unit weights, a domain of a larger file) → the N/(N − 1) factor uses the whole file: F = X²(S − 1)/(S·k)', () => {
    const { rowCodes, colCodes, weights, bits } = fromCounts([
      [20, 15],
      [10, 25],
    ]);
    const size = 1000;
    const ours = raoScottTest(rowCodes, colCodes, 2, 2, bits, weights, size);
    expect(ours.statistic).toBeCloseTo((ours.pearson * (size - 1)) / size, 10);
    expect([ours.ndf, ours.ddf]).toEqual([expect.closeTo(1, 12), expect.closeTo(69, 10)]);
  });

  it('raoScottTest(weights × 3.7, or rows relabelled) → the same test', () => {
    const base = raoScottTest(row, col, 3, 3, firstFifteen, w, 16);
    expectSame(
      raoScottTest(
        row,
        col,
        3,
        3,
        firstFifteen,
        w.map((x) => 3.7 * x),
        16,
      ),
      base,
    );
    expectSame(
      raoScottTest(
        row.map((r) => (r === 0 ? 0 : 4 - r)),
        col,
        3,
        3,
        firstFifteen,
        w,
        16,
      ),
      base,
    );
  });

  it('raoScottTest(with an option nobody in the domain chose) → that level is dropped, as R drops absent levels', () => {
    const base = raoScottTest(row, col, 3, 3, firstFifteen, w, 16);
    expectSame(raoScottTest(row, col, 5, 4, firstFifteen, w, 16), base);
  });

  it('raoScottTest(a level whose respondents all weigh 0) → dropped, but its respondents still count in n (ddf/ndf = n − 1)', () => {
    const zeroed = w.map((x, i) => (row[i] === 3 ? 0 : x));
    const ours = raoScottTest(row, col, 3, 3, fullBitset(16), zeroed, 16);
    expect(ours.firstOrder!.df).toBe(2);
    expect(ours.ddf / ours.ndf).toBeCloseTo(13, 10);
  });

  it.each([
    ['one row in the domain', bitsOf(16, (i) => row[i] === 1)],
    ['one column in the domain', bitsOf(16, (i) => col[i] === 3)],
    ['an empty selection', createBitset(16)],
  ])('raoScottTest(%s) → NaN throughout (R stops: a factor needs two levels), never Infinity', (_, bits) => {
    const ours = raoScottTest(row, col, 3, 3, bits, w, 16);
    expectUndefined(ours);
    expect(ours.pearson).toBeNaN();
  });

  it('raoScottTest(rows 1 and 2 only in column 3: a rectangle of empty cells) → NaN test (R: solve() "computationally singular"), X² still given', () => {
    const rows = Uint16Array.from([1, 1, 2, 2, 3, 3, 3, 3]);
    const cols = Uint16Array.from([3, 3, 3, 3, 1, 2, 3, 1]);
    const ours = raoScottTest(rows, cols, 3, 3, fullBitset(8), Float64Array.from([1, 2, 1, 1.5, 1, 1, 2, 1]), 8);
    expectUndefined(ours);
    expect(Number.isFinite(ours.pearson)).toBe(true);
  });

  it('raoScottTest(2 × 2 diagonal, equal weights: no variance) → NaN (R gives F = 3e32 from rounding)', () => {
    const ours = raoScottTest(Uint16Array.from([1, 1, 2, 2]), Uint16Array.from([1, 1, 2, 2]), 2, 2, fullBitset(4), new Float64Array(4).fill(1), 4);
    expectUndefined(ours);
    expect(ours.pearson).toBeCloseTo(4, 12);
  });
});

describe('fUpperP', () => {
  it.each<[number, number, number, number]>([
    [2.5, 3.7, 150.2, 4.937861090954433e-2], // pf(2.5, 3.7, 150.2, lower.tail = FALSE)
    [0.3, 1, 10, 5.958952407991058e-1],
    [0.629691199429098, 17.9895941862682, 110671.983433922, 8.795370521138415e-1],
  ])('fUpperP(%s, %s, %s) → %s (R pf(…, lower.tail = FALSE))', (x, d1, d2, p) => {
    expect(fUpperP(x, d1, d2)).toBeCloseTo(p, 12);
  });

  it.each<[number, number, number, number]>([
    [60, 4, 2000, 6.545987464514751e-48],
    [400, 2.5, 1e5, 4.444982578824708e-216],
  ])('fUpperP(%s, %s, %s) → %s, precise far in the tail', (x, d1, d2, p) => {
    expect(Math.abs(fUpperP(x, d1, d2) / p - 1)).toBeLessThan(1e-9);
  });

  it.each<[number, number, number, number]>([
    [0, 2, 10, 1],
    [Infinity, 2, 10, 0],
    [1, 0, 10, NaN],
    [1, 2, NaN, NaN],
    [NaN, 2, 10, NaN],
  ])('fUpperP(%s, %s, %s) → %s at the edges', (x, d1, d2, p) => {
    expect(fUpperP(x, d1, d2)).toBe(p);
  });
});
