import { describe, expect, it } from 'vitest';
import { andBits, EMPTY_TALLY, orInto, tallyBits } from '../../../lib/analysis/tally';
import { createBitset, setBit } from '../../../lib/survey/bitset';

const bitsOf = (size: number, members: number[]) => {
  const bits = createBitset(size);
  for (const i of members) setBit(bits, i);
  return bits;
};
const members = (bits: Uint32Array) => Array.from({ length: bits.length * 32 }, (_, i) => i).filter((i) => (bits[i >>> 5] & (1 << (i & 31))) !== 0);

describe('tallyBits', () => {
  it('tallyBits({0, 2, 5}) unweighted → count 3, sums equal to the count', () => {
    expect(tallyBits(bitsOf(8, [0, 2, 5]))).toEqual({ count: 3, sumW: 3, sumW2: 3 });
  });

  it('tallyBits({0, 2, 5}, w) → count 3, Σw = 2 + 0.5 + 3 = 5.5, Σw² = 4 + 0.25 + 9 = 13.25', () => {
    const weights = Float64Array.from([2, 9, 0.5, 9, 9, 3, 9, 9]);
    expect(tallyBits(bitsOf(8, [0, 2, 5]), weights)).toEqual({ count: 3, sumW: 5.5, sumW2: 13.25 });
  });

  it('tallyBits across 32-bit words ({30, 31, 32, 63, 64}) → count 5; weighted by index + 1: Σw = 31+32+33+64+65 = 225', () => {
    // Σw² = 961 + 1024 + 1089 + 4096 + 4225 = 11395
    const weights = Float64Array.from({ length: 70 }, (_, i) => i + 1);
    const bits = bitsOf(70, [30, 31, 32, 63, 64]);
    expect(tallyBits(bits).count).toBe(5);
    expect(tallyBits(bits, weights)).toEqual({ count: 5, sumW: 225, sumW2: 11395 });
  });

  it('tallyBits of an empty set → zeros, weighted or not', () => {
    expect(tallyBits(createBitset(40))).toEqual(EMPTY_TALLY);
    expect(tallyBits(createBitset(40), new Float64Array(40).fill(2))).toEqual({ count: 0, sumW: 0, sumW2: 0 });
  });

  it('tallyBits with a zero weight counts the respondent but adds no weight', () => {
    expect(tallyBits(bitsOf(3, [0, 1]), Float64Array.from([0, 2, 5]))).toEqual({ count: 2, sumW: 2, sumW2: 4 });
  });
});

describe('andBits and orInto', () => {
  it('andBits({1, 3, 33, 40}, {3, 4, 40}) → {3, 40}, leaving both inputs unchanged', () => {
    const a = bitsOf(41, [1, 3, 33, 40]);
    const b = bitsOf(41, [3, 4, 40]);
    expect(members(andBits(a, b))).toEqual([3, 40]);
    expect(members(a)).toEqual([1, 3, 33, 40]);
    expect(members(b)).toEqual([3, 4, 40]);
  });

  it('orInto({1, 33}, {2, 33, 40}) → target becomes {1, 2, 33, 40}; the source is unchanged', () => {
    const target = bitsOf(41, [1, 33]);
    const source = bitsOf(41, [2, 33, 40]);
    orInto(target, source);
    expect(members(target)).toEqual([1, 2, 33, 40]);
    expect(members(source)).toEqual([2, 33, 40]);
  });

  it('EMPTY_TALLY is all zeros', () => {
    expect(EMPTY_TALLY).toEqual({ count: 0, sumW: 0, sumW2: 0 });
  });
});
