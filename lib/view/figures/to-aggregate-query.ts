import type { AggregateQuery, SelectionRequest } from '../../analysis/aggregate-query';
import { suppressionOf, wavesOf, weightOf, type ViewDefaults, type ViewState } from '../state/view-state';

/** How a view selects, weighs and tests respondents: what every figure of the view shares (questions and crosstabs alike). */
export function toSelectionRequest(state: ViewState, defaults: ViewDefaults): SelectionRequest {
  return {
    filters: state.filters,
    baseRule: state.base,
    weight: weightOf(state, defaults),
    suppressBelow: suppressionOf(state, defaults),
    ...(state.level !== undefined && state.level !== 95 ? { level: state.level / 100 } : {}),
    ...(defaults.disclosure === 'public' ? { disclosure: 'public' as const, release: defaults.release ?? { breakdowns: [], fields: 1 } } : {}),
  };
}

/** The analysis request a view makes for one question: what the page, its download and the CLI all compute. */
export function toAggregateQuery(state: ViewState, questionId: string, defaults: ViewDefaults, options: { withSegment?: boolean } = {}): AggregateQuery {
  const { filters, baseRule, weight, suppressBelow, level, disclosure, release } = toSelectionRequest(state, defaults);
  return {
    questionId,
    filters,
    // A question is never compared by itself (lib/view/state/drop-self-comparison says so on the page).
    ...(state.by && state.by !== questionId && options.withSegment !== false ? { by: state.by } : {}),
    baseRule,
    weight,
    waves: wavesOf(state, defaults.waveIds),
    suppressBelow,
    ...(level !== undefined ? { level } : {}),
    ...(disclosure ? { disclosure, release } : {}),
  };
}
