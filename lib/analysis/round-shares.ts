/**
 * The one rounding rule: percentages are shown to `decimals` places, and the shares of a
 * single-answer question are rounded with the largest-remainder method so the displayed
 * figures add up to exactly 100 (plain rounding can give 99.9 or 100.1).
 */
export function roundPercent(share: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(share * 100 * factor) / factor;
}

export function roundSharesToHundred(shares: readonly number[], decimals = 1): number[] {
  const factor = 10 ** decimals;
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (total <= 0) return shares.map(() => 0);
  const scaled = shares.map((share) => (share / total) * 100 * factor);
  const floors = scaled.map(Math.floor);
  let missing = 100 * factor - floors.reduce((sum, value) => sum + value, 0);
  const order = scaled.map((value, index) => ({ index, remainder: value - floors[index] })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index]++;
    missing--;
  }
  return floors.map((value) => value / factor);
}
