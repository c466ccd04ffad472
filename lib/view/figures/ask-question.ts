import type { AggregateQuery, DatasetWaves } from '../../analysis/aggregate-query';
import type { Codebook } from '../../survey/codebook-schema';
import type { WaveLinks } from '../../survey/link-waves';
import type { Grid, Question, Wave } from '../../survey/types';
import { aggregatable } from '../../analysis/question-figures';
import type { ViewDefaults, ViewState } from '../state/view-state';
import { toAggregateQuery } from './to-aggregate-query';
import { homeWaveOf, optionValuesIn, trendOf, type QuestionTrend } from './trend-links';

/** What the assembler needs of an opened view (lib/store/open-view's OpenView is one). */
export interface ViewContext {
  dataset: { id: string; codebook?: Codebook };
  defaults: ViewDefaults;
  state: ViewState;
  /** The waves the view covers that were read, oldest first. */
  loaded: readonly Wave[];
  /** The wave filters and segments are named in: the one shown, or the latest of a trend. */
  reference?: Wave;
  /** Every wave of the dataset that was read, and which of their questions are the same question: for trends. */
  everyWave?: readonly Wave[];
  waveLinks?: WaveLinks;
}

/** A question as the view asks it: the wave whose question the id names, its trend across waves, and the analysis request. */
export interface AskedQuestion {
  kind: 'question';
  question: Question;
  home: Wave;
  /** Which waves ask the same question, when the view knows every wave (a trend, or a page with a wave switcher). */
  trend?: QuestionTrend;
  query: AggregateQuery;
}

/** A grid (matrix question) as the view asks it: its rows' figures in one wave. */
export interface AskedGrid {
  kind: 'grid';
  grid: Grid;
  wave: Wave;
  query: AggregateQuery;
}

/**
 * The one assembler from a view to "the question as asked": the page, every download route, the
 * CLI, findings and the browser review turn a view state and an id into figures through here,
 * so none of them works out the home wave, the grid, the trend links or the request on its own.
 *
 * - A question's id names the question of the wave shown; in a trend, of the wave `_as` names,
 *   else of the latest wave that asks a question of that id (ids are reused across years).
 * - An id that names no question but a grid of the wave shown is that grid.
 * - Unknown, or a question only another wave asks: undefined (a 404, a usage error).
 * - `withSegment: false` leaves the comparison out (the overview's cards).
 */
export function askQuestion(view: ViewContext, id: string, options: { withSegment?: boolean } = {}): AskedQuestion | AskedGrid | undefined {
  const { state, defaults, reference } = view;
  const trendView = state.wave === 'all';
  const home = trendView ? homeWaveOf(view.loaded, id, state.asIn) : reference;
  const question = home?.survey.questions.find((candidate) => candidate.id === id);
  const dataset: DatasetWaves = { id: view.dataset.id, waves: [...view.loaded] };
  if (!question || !home) {
    const grid = reference?.survey.grids.find((candidate) => candidate.id === id);
    return grid && reference
      ? { kind: 'grid', grid, wave: reference, query: readableWaves(dataset, toAggregateQuery(state, grid.id, defaults, options)) }
      : undefined;
  }
  const waves = view.everyWave ?? (trendView ? view.loaded : undefined);
  const trend =
    waves && view.waveLinks
      ? trendOf(
          view.waveLinks,
          waves.map((wave) => wave.id),
          home.id,
          question.id,
          view.dataset.codebook,
          {
            filterWave: reference?.id ?? home.id,
            filters: state.filters,
            by: options.withSegment === false ? undefined : state.by,
            optionValues: optionValuesIn(waves),
          },
        )
      : undefined;
  const query = readableWaves(dataset, toAggregateQuery(state, question.id, defaults, options));
  return { kind: 'question', question, home, ...(trend ? { trend } : {}), query: trendView && trend ? { ...query, links: trend.links } : query };
}

/** Why an id is not a question of the view: the wave, and the questions it can aggregate. */
export function describeUnknownQuestion(view: Pick<ViewContext, 'reference'>, id: string): string {
  const names = view.reference?.survey.questions.filter(aggregatable).map((question) => question.id) ?? [];
  return `wave ${view.reference?.id ?? '?'} has no question "${id.slice(0, 80)}"; questions are ${names.slice(0, 30).join(', ')}${names.length > 30 ? ', …' : ''}`;
}

/**
 * The query's waves that were read: a wave whose file is gone or cannot be read is left out of a
 * trend — the page says so above the figures and the export flags every row missing-wave — so
 * every caller computes the same view.
 */
function readableWaves(dataset: DatasetWaves, query: AggregateQuery): AggregateQuery {
  if (!query.waves || query.waves.every((id) => dataset.waves.some((wave) => wave.id === id))) return query;
  return { ...query, waves: query.waves.filter((id) => dataset.waves.some((wave) => wave.id === id)) };
}
