import { describe, expect, it } from 'vitest';
import { countBits, countIntersection, createBitset, fullBitset, hasBit, popcount32, setBit } from '../../../lib/survey/bitset';

describe('popcount32', () => {
  it.each([
    [0, 0],
    [1, 1],
    [0b1011, 3],
    [0xff, 8],
    [0x80000000, 1],
    [0x55555555, 16],
    [0xffffffff, 32],
    [-1, 32], // the signed result of a & b when both are all ones
    [-2147483648, 1], // 0x80000000 as a signed int
  ])('popcount32(%i) is %i', (word, bits) => {
    expect(popcount32(word)).toBe(bits);
  });
});

describe('createBitset, setBit, hasBit', () => {
  it.each([
    [0, 0],
    [1, 1],
    [32, 1],
    [33, 2],
    [64, 2],
    [65, 3],
  ])('createBitset(%i) has %i words, all zero', (size, words) => {
    const bits = createBitset(size);
    expect(bits.length).toBe(words);
    expect(countBits(bits)).toBe(0);
  });

  it('setBit(bits, i) sets bit i of word i >>> 5 and hasBit sees only it', () => {
    const bits = createBitset(70);
    for (const i of [0, 31, 32, 69]) setBit(bits, i);
    expect([...bits]).toEqual([0x80000001, 1, 0b100000]); // 69 = 64 + 5
    expect([0, 1, 30, 31, 32, 33, 63, 64, 69].map((i) => hasBit(bits, i))).toEqual([true, false, false, true, true, false, false, false, true]);
  });
});

describe('countBits and countIntersection', () => {
  it('countBits counts across words: bits 0, 5, 31, 32, 40 → 5', () => {
    const bits = createBitset(41);
    for (const i of [0, 5, 31, 32, 40]) setBit(bits, i);
    expect(countBits(bits)).toBe(5);
  });

  it('countIntersection(a, b) counts respondents in both: {1,2,31,33,40} ∧ {2,31,34,40} → {2,31,40} = 3', () => {
    const a = createBitset(41);
    const b = createBitset(41);
    for (const i of [1, 2, 31, 33, 40]) setBit(a, i);
    for (const i of [2, 31, 34, 40]) setBit(b, i);
    expect(countIntersection(a, b)).toBe(3);
    expect(countIntersection(b, a)).toBe(3);
  });

  it('countIntersection of two full 64-bit sets is 64 (signed words handled)', () => {
    expect(countIntersection(fullBitset(64), fullBitset(64))).toBe(64);
  });
});

describe('fullBitset', () => {
  it.each([
    [0, []],
    [1, [0b1]],
    [5, [0b11111]],
    [31, [0x7fffffff]],
    [32, [0xffffffff]],
    [33, [0xffffffff, 0b1]],
    [70, [0xffffffff, 0xffffffff, 0b111111]],
  ])('fullBitset(%i) sets exactly the first bits, no tail bits: %j', (size, words) => {
    const bits = fullBitset(size);
    expect([...bits]).toEqual(words);
    expect(countBits(bits)).toBe(size);
  });
});
