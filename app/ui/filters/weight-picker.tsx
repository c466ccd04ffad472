'use client';

import { useId } from 'react';
import { changeView } from '@/lib/view/state/change-view';
import type { WeightChoice } from '@/lib/view/figures/weight-choices';
import { useViewNavigation } from './view-navigation';

/** “Weights”: the dataset's weight, none, or (analyst mode) another numeric column (`_weight`). */
export function WeightPicker({ choices, current }: { choices: readonly WeightChoice[]; current: string }) {
  const navigation = useViewNavigation();
  const id = useId();
  if (!navigation || choices.length === 0) return null;
  const { nav, go } = navigation;
  return (
    <span className="compare-picker">
      <label htmlFor={id}>Weights</label>
      <select
        id={id}
        value={current}
        onChange={(event) => {
          const value = event.target.value;
          go(changeView(nav.state, { weighted: value === '1' ? true : value === '0' ? false : value }));
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </span>
  );
}
