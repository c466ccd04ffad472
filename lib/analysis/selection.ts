import type { Selection } from '../survey/types';
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
