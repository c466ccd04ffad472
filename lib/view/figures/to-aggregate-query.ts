import type { AggregateQuery, SelectionRequest } from '../../analysis/aggregate-query';
import { suppressionOf, wavesOf, type ViewDefaults, type ViewState } from '../state/view-state';

/** How a view selects, weighs and tests respondents: what every figure of the view shares (questions and crosstabs alike). */
export function toSelectionRequest(state: ViewState, defaults: ViewDefaults): SelectionRequest {
  return {
    filters: state.filters,
    baseRule: state.base,
    weight: defaults.weighted && state.weighted,
    suppressBelow: suppressionOf(state, defaults),
    ...(state.level !== undefined && state.level !== 95 ? { level: state.level / 100 } : {}),
    ...(defaults.disclosure === 'public' ? { disclosure: 'public' as const } : {}),
  };
}

/** The analysis request a view makes for one question: what the page, its download and the CLI all compute. */
export function toAggregateQuery(state: ViewState, questionId: string, defaults: ViewDefaults, options: { withSegment?: boolean } = {}): AggregateQuery {
  const { filters, baseRule, weight, suppressBelow, level, disclosure } = toSelectionRequest(state, defaults);
  return {
    questionId,
    filters,
    ...(state.by && options.withSegment !== false ? { by: state.by } : {}),
    baseRule,
    weight,
    waves: wavesOf(state, defaults.waveIds),
    suppressBelow,
    ...(level !== undefined ? { level } : {}),
    ...(disclosure ? { disclosure } : {}),
  };
}
