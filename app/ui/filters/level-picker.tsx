'use client';

import { useId } from 'react';
import { changeView } from '@/lib/view/state/change-view';
import { CONFIDENCE_LEVELS, type ConfidenceLevel } from '@/lib/view/state/view-state';
import { useViewNavigation } from './view-navigation';

/** “Intervals”: the confidence level of every interval and test on the page (`_level`), 95% unless chosen. */
export function LevelPicker({ current }: { current?: ConfidenceLevel }) {
  const navigation = useViewNavigation();
  const id = useId();
  if (!navigation) return null;
  const { nav, go } = navigation;
  return (
    <span className="compare-picker">
      <label htmlFor={id}>Intervals</label>
      <select
        id={id}
        value={String(current ?? 95)}
        onChange={(event) =>
          go(changeView(nav.state, { level: Number(event.target.value) === 95 ? undefined : (Number(event.target.value) as ConfidenceLevel) }))
        }
      >
        {CONFIDENCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {level}%
          </option>
        ))}
      </select>
    </span>
  );
}
