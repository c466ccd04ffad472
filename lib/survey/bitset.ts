/**
 * Bitsets over respondents: bit i of word i >>> 5. Multi-select options, "answered" flags and
 * selections are all bitsets, so counting "chose X within the selection" is AND + popcount
 * over n/32 words instead of a loop over respondents.
 */

export function createBitset(size: number): Uint32Array {
  return new Uint32Array((size + 31) >>> 5);
}

export function setBit(bits: Uint32Array, index: number): void {
  bits[index >>> 5] |= 1 << (index & 31);
}

export function hasBit(bits: Uint32Array, index: number): boolean {
  return (bits[index >>> 5] & (1 << (index & 31))) !== 0;
}

/** Hamming weight of one 32-bit word (the classic SWAR method, no lookup table). */
export function popcount32(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countBits(bits: Uint32Array): number {
  let total = 0;
  for (let w = 0; w < bits.length; w++) total += popcount32(bits[w]);
  return total;
}

/** |a ∧ b| without allocating. */
export function countIntersection(a: Uint32Array, b: Uint32Array): number {
  let total = 0;
  for (let w = 0; w < a.length; w++) total += popcount32(a[w] & b[w]);
  return total;
}

/** A bitset with the first `size` bits set. */
export function fullBitset(size: number): Uint32Array {
  const bits = createBitset(size);
  bits.fill(0xffffffff);
  const tail = size & 31;
  if (tail !== 0) bits[bits.length - 1] = (1 << tail) - 1;
  return bits;
}
