import type { AggregateQuery } from '../../analysis/aggregate-query';
import { suppressionOf, wavesOf, type ViewDefaults, type ViewState } from '../state/view-state';

/** The analysis request a view makes for one question: what the page, its download and the CLI all compute. */
export function toAggregateQuery(state: ViewState, questionId: string, defaults: ViewDefaults, options: { withSegment?: boolean } = {}): AggregateQuery {
  return {
    questionId,
    filters: state.filters,
    ...(state.by && options.withSegment !== false ? { by: state.by } : {}),
    baseRule: state.base,
    weight: defaults.weighted && state.weighted,
    waves: wavesOf(state, defaults.waveIds),
    suppressBelow: suppressionOf(state, defaults),
    ...(defaults.disclosure === 'public' ? { disclosure: 'public' as const } : {}),
  };
}
