import { toggleFilterValue } from '../state/change-view';
import type { ViewState } from '../state/view-state';
import { binRangeOf, toggleBinFilter } from './bin-range';
import type { ChartData } from './build-chart-data';

/**
 * The view with one category of a question's figures toggled as a filter — an option, an item
 * ranked first, or a histogram bin as its range: what a click on its bar or its table row does.
 */
export function toggleCategoryFilter(state: ViewState, data: Pick<ChartData, 'questionId' | 'measure' | 'categories'>, key: string): ViewState {
  if (data.measure !== 'bin') return toggleFilterValue(state, data.questionId, key, data.measure === 'ranked_first' ? 'first' : 'in');
  const keys = data.categories.map((category) => category.key);
  return toggleBinFilter(state, data.questionId, binRangeOf(keys, keys.indexOf(key)));
}
