/**
 * Figures are formatted by name so a server component can tell a client chart how to print
 * its numbers without passing a function across the boundary. One locale on purpose: the
 * server and the browser must print the same string or hydration breaks.
 */
export type FigureFormat = 'count' | 'percent' | 'number' | 'rank';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const RAW = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** `percent` expects an already-rounded percentage (lib/analysis owns the rounding rule). */
export function formatFigure(value: number, format: FigureFormat): string {
  if (!Number.isFinite(value)) return '–';
  switch (format) {
    case 'count':
      return COUNT.format(value);
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'number':
      // Cents on a mean salary of 135,012.6 are noise; decimals matter only for small values.
      return (Math.abs(value) >= 1000 ? WHOLE : NUMBER).format(value);
    case 'rank':
      return value.toFixed(2);
  }
}

/** "1 respondent", "6,400 respondents": a count with its noun, regular plurals only. */
export function formatCounted(value: number, noun: string): string {
  return `${COUNT.format(value)} ${noun}${value === 1 ? '' : 's'}`;
}

/** A respondent's own number, as in the file but with digit grouping: precision is never cut. */
export function formatAnswerNumber(value: number): string {
  return Number.isNaN(value) ? '' : RAW.format(value);
}

/** “95% interval”: an interval's name at the rows' confidence level (lib/analysis/figure intervalLevelOf). */
export function describeIntervalName(level: number): string {
  return `${Math.round(level * 100)}% interval`;
}
