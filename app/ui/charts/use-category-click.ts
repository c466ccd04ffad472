'use client';

import { useRef } from 'react';
import type { ChartCategory, ChartData } from '@/lib/view/figures/build-chart-data';

/**
 * Clicks that select a category: on its bar (which also works for a tap with no hover first), or
 * anywhere on its band (so a 0% bar can be chosen too) — recharts reports the band under the
 * pointer as the active tooltip index. A bar click bubbles to the chart, so it is handled once.
 */
export function useCategoryClick(data: ChartData, onSelect?: (category: ChartCategory) => void) {
  const handled = useRef(false);
  if (!onSelect) return { onBarClick: undefined, onChartClick: undefined };
  return {
    onBarClick: (item: { payload?: unknown }) => {
      const category = (item.payload as { category?: ChartCategory } | undefined)?.category;
      if (!category) return;
      handled.current = true;
      onSelect(category);
    },
    onChartClick: (state: { activeTooltipIndex?: unknown }) => {
      if (handled.current) {
        handled.current = false;
        return;
      }
      const index = state.activeTooltipIndex;
      const position = typeof index === 'number' ? index : typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : -1;
      const category = data.categories[position];
      if (category) onSelect(category);
    },
  };
}
