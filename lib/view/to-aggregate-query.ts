import type { AggregateQuery } from '../analysis/aggregate-view';
import { suppressionOf, wavesOf, type ViewDefaults, type ViewState } from './view-state';

/** The analysis request a view makes for one question: what the page, its download and the CLI all compute. */
export function toAggregateQuery(state: ViewState, questionId: string, defaults: ViewDefaults, options: { withSegment?: boolean } = {}): AggregateQuery {
  return {
    questionId,
    filters: state.filters,
    // A question is never compared by itself (lib/view/drop-self-comparison says so on the page).
    ...(state.by && state.by !== questionId && options.withSegment !== false ? { by: state.by } : {}),
    baseRule: state.base,
    weight: defaults.weighted && state.weighted,
    waves: wavesOf(state, defaults.waveIds),
    suppressBelow: suppressionOf(state, defaults),
    ...(defaults.disclosure === 'public' ? { disclosure: 'public' as const } : {}),
  };
}
