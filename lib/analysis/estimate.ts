import type { FigureSettings } from './figure';

/**
 * A figure on its own scale rather than a share: a mean rank, a mean score, a median. It keeps
 * its n and base, and is withheld or flagged by the same thresholds as a share.
 */
export interface Estimate {
  /** Option value (a ranked item), or '' for the whole question. */
  value: string;
  label: string;
  /** Respondents the estimate rests on (those with a value). */
  count: number;
  base: number;
  estimate: number;
  low: number;
  high: number;
  suppressed: boolean;
  unreliable: boolean;
  /** Weighted when the view is weighted; quantiles and extremes are always of respondents. */
  weighted: boolean;
}

export function makeEstimate(
  fields: Pick<Estimate, 'value' | 'label' | 'count' | 'base' | 'estimate' | 'weighted'> & Partial<Pick<Estimate, 'low' | 'high'>>,
  settings: FigureSettings,
): Estimate {
  const suppressed = fields.base < settings.suppressBelow || fields.count < settings.suppressBelow;
  return {
    low: NaN,
    high: NaN,
    ...fields,
    suppressed,
    unreliable: !suppressed && fields.count < settings.unreliableBelow,
  };
}
