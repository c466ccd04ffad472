'use client';

import { useId } from 'react';
import { changeView } from '@/lib/view/state/change-view';
import { useViewNavigation } from '../filters/view-navigation';

const Q_CHOICES = [0.01, 0.05, 0.1];
const MIN_CHOICES = [0, 2, 5, 10, 20];

/** A choice list that always holds the current value, even one only a URL could set. */
const withCurrent = (choices: readonly number[], current: number) => [...new Set([...choices, current])].sort((a, b) => a - b);

/** "At most q" and "at least … points": the findings page's two floors (`_q`, `_min`), each change a new URL. */
/** `sdPerPoint`: a mean's floor in standard deviations per point of `_min` (lib/view/figures/findings-view findingThresholdsOf). */
export function ThresholdPicker({ q, minPoints, sdPerPoint }: { q: number; minPoints: number; sdPerPoint: number }) {
  const navigation = useViewNavigation();
  const qId = useId();
  const minId = useId();
  if (!navigation) return null;
  const { nav, go } = navigation;
  return (
    <span className="threshold-picker">
      <span className="compare-picker">
        <label htmlFor={qId}>False discoveries</label>
        <select id={qId} value={q} onChange={(event) => go(changeView(nav.state, { q: Number(event.target.value), page: 1 }))}>
          {withCurrent(Q_CHOICES, q).map((choice) => (
            <option key={choice} value={choice}>
              q ≤ {choice}
            </option>
          ))}
        </select>
      </span>
      <span className="compare-picker">
        <label htmlFor={minId}>Smallest difference</label>
        <select id={minId} value={minPoints} onChange={(event) => go(changeView(nav.state, { minPoints: Number(event.target.value), page: 1 }))}>
          {withCurrent(MIN_CHOICES, minPoints).map((choice) => (
            <option key={choice} value={choice}>
              {choice === 0 ? 'any size' : `${choice} points (${Math.round(choice * sdPerPoint * 100) / 100} SD)`}
            </option>
          ))}
        </select>
      </span>
    </span>
  );
}
