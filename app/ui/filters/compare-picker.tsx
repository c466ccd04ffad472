'use client';

import { useId } from 'react';
import { changeView } from '@/lib/view/state/change-view';
import { useViewNavigation } from './view-navigation';

import type { CompareChoice } from '@/lib/view/figures/compare-choices';

/** “Compare by”: any single-choice, rating-scale or multiple-choice question splits the figures into segments. */
export function ComparePicker({ choices, current }: { choices: readonly CompareChoice[]; current?: string }) {
  const navigation = useViewNavigation();
  const id = useId();
  if (!navigation || choices.length === 0) return null;
  const { nav, go } = navigation;
  return (
    <span className="compare-picker">
      <label htmlFor={id}>Compare by</label>
      <select id={id} value={current ?? ''} onChange={(event) => go(changeView(nav.state, { by: event.target.value || undefined }))}>
        <option value="">No comparison</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
            {choice.overlapping ? ' (multiple choice)' : ''}
          </option>
        ))}
      </select>
    </span>
  );
}
