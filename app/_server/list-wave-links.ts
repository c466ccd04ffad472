import type { DatasetSource } from '@/lib/store/discover-datasets';
import type { WaveLink } from '@/app/ui/survey/wave-switcher';
import type { WaveResult } from '../../lib/store/survey-store';

/**
 * One link per wave (and, where trends are shown, one for all waves), marking the current one
 * and, when known, waves that failed or lack the question.
 */
export function listWaveLinks(
  dataset: DatasetSource,
  currentWave: string | undefined,
  hrefFor: (waveId: string) => string,
  states: ReadonlyMap<string, 'failed' | 'missing'> = new Map(),
  withTrend = false,
): WaveLink[] {
  const current = currentWave ?? dataset.waves.at(-1)?.id;
  const links: WaveLink[] = dataset.waves.map((wave) => ({
    id: wave.id,
    label: wave.label ?? wave.id,
    href: hrefFor(wave.id),
    state: wave.id === current ? 'current' : (states.get(wave.id) ?? 'available'),
  }));
  if (withTrend && dataset.waves.length > 1)
    links.push({ id: 'all', label: 'All waves', href: hrefFor('all'), state: current === 'all' ? 'current' : 'available' });
  return links;
}

/** Waves that failed to load, and (given a question id) waves where that question was not asked. */
export function findWaveStates(results: readonly WaveResult[], questionId?: string): Map<string, 'failed' | 'missing'> {
  const states = new Map<string, 'failed' | 'missing'>();
  for (const result of results) {
    if (!result.ok) states.set(result.wave.id, 'failed');
    else if (questionId !== undefined && !result.survey.questions.some((question) => question.id === questionId)) states.set(result.wave.id, 'missing');
  }
  return states;
}
