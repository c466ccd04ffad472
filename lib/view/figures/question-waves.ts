import type { ViewState } from '../state/view-state';
import type { ViewHrefs } from '../state/write-view-query';
import type { AskedQuestion, ViewContext } from './ask-question';
import { trendAnchorFor } from './trend-links';

/** One pill of the wave switcher: a wave, where it leads, and what it holds of this page. */
export interface WavePill {
  id: string;
  label: string;
  href: string;
  /** failed: the file could not be read; missing: not asked in that wave; different: that wave's question of this id is another question. */
  state: 'current' | 'available' | 'failed' | 'missing' | 'different';
}

/** The dataset's waves by id and label. */
type WaveList = { waves: readonly { id: string; label?: string }[] };

/**
 * One pill per wave (and, where trends are shown, one for all waves), marking the current one
 * and, when known, waves that failed or lack the page's question.
 */
export function listWavePills(
  dataset: WaveList,
  currentWave: string | undefined,
  hrefFor: (waveId: string) => string,
  states: ReadonlyMap<string, 'failed' | 'missing'> = new Map(),
): WavePill[] {
  const current = currentWave ?? dataset.waves.at(-1)?.id;
  return dataset.waves.map((wave) => ({
    id: wave.id,
    label: wave.label ?? wave.id,
    href: hrefFor(wave.id),
    state: wave.id === current ? 'current' : (states.get(wave.id) ?? 'available'),
  }));
}

/** A question page's view: what it opened, and every link it draws. */
export type QuestionPageView = ViewContext & { dataset: WaveList; hrefs: ViewHrefs; failedWaves?: readonly string[] };

export interface QuestionWaves {
  /** The wave switcher: each wave's own question under this id (or why there is none), and the trend. */
  pills: WavePill[];
  /** What the heading says the figures are of: a wave, or all waves. */
  label: string;
  /** The grid the question is a row of, one click away. */
  grid?: { label: string; rows: number; href: string };
  /** The question's trend, when it is the same question in two waves or more. */
  trend?: { href: string; waves: number };
}

/**
 * The waves around a question page: each wave's pill leads to that wave's own question (ids
 * change between years), says when a wave asked a different question under this id, did not ask
 * it, or could not be read; and when the question is the same question in two waves or more, a
 * pill for its trend.
 */
export function listQuestionWaves(view: QuestionPageView, id: string, asked: AskedQuestion | undefined): QuestionWaves {
  const { state, hrefs, reference } = view;
  const trend = asked?.trend;
  const idIn = (waveId: string) => trend?.links.ids[waveId];
  const pills: WavePill[] = view.dataset.waves.map((wave) => {
    const other = trend?.askedDifferently.find((entry) => entry.waveId === wave.id);
    const waveQuestion = idIn(wave.id);
    const failed = view.failedWaves?.includes(wave.id) ?? false;
    return {
      id: wave.id,
      label: wave.label ?? wave.id,
      href: hrefs.question(waveQuestion ?? other?.questionId ?? id, { ...state, wave: wave.id }),
      state: failed ? 'failed' : other ? 'different' : !waveQuestion ? 'missing' : state.wave !== 'all' && wave.id === reference?.id ? 'current' : 'available',
    };
  });
  const linkedWaves = Object.keys(trend?.links.ids ?? {}).length;
  const trendState: ViewState | undefined =
    asked && linkedWaves > 1 ? { ...state, wave: 'all', asIn: trendAnchorFor(view.everyWave ?? view.loaded, id, asked.home.id) } : undefined;
  if (trendState)
    pills.push({ id: 'all', label: 'All waves (trend)', href: hrefs.question(id, trendState), state: state.wave === 'all' ? 'current' : 'available' });
  const ownGrid = asked?.question.grid ? asked.home.survey.grids.find((candidate) => candidate.id === asked.question.grid) : undefined;
  return {
    pills,
    label: state.wave === 'all' ? 'all waves' : (reference?.label ?? reference?.id ?? ''),
    ...(ownGrid && asked
      ? {
          grid: {
            label: ownGrid.label,
            rows: ownGrid.rowIds.length,
            href: hrefs.question(ownGrid.id, { ...state, wave: state.wave === 'all' ? asked.home.id : state.wave }),
          },
        }
      : {}),
    ...(trendState ? { trend: { href: hrefs.question(id, trendState), waves: linkedWaves } } : {}),
  };
}
