/**
 * The one rounding rule: a percentage is shown to `decimals` places, each on its own, as the
 * download rounds it — never nudged so a column adds up to 100 (issue 24: 30/245 = 12.2449% was
 * shown as 12.3% to make the total 100.0). A total of shown shares may read 99.9 or 100.1.
 */
export function roundPercent(share: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(share * 100 * factor) / factor;
}
