/** A set of respondents, one bit each (bit i of word i >>> 5). Every aggregate takes one. */
export interface Selection {
  /** Number of respondents in the survey (not in the selection). */
  readonly size: number;
  readonly bits: Uint32Array;
}

import { countBits, fullBitset, hasBit } from '../survey/bitset';

/** Every respondent of a survey of this size. */
export function selectAll(size: number): Selection {
  return { size, bits: fullBitset(size) };
}

export function selectionCount(selection: Selection): number {
  return countBits(selection.bits);
}

export function isSelected(selection: Selection, respondent: number): boolean {
  return hasBit(selection.bits, respondent);
}
