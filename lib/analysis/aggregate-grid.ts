import type { Grid } from '../survey/types';
import type { AggregateQuery, AggregateResult, DatasetWaves } from './aggregate-query';

/** A grid a query names, and the one wave its figures are of. */
export interface GridTarget {
  grid: Grid;
  wave: string;
  /** Said when the query covered more waves than the one shown. */
  note?: string;
}

/**
 * The grid (matrix question) a query's id names, if it names no question: a question's id
 * always wins. A grid's figures are of one wave — the latest of the query's waves that has it —
 * because its rows are linked across waves one by one (each row's own page has its trend).
 */
export function findGridTarget(dataset: DatasetWaves, query: Pick<AggregateQuery, 'questionId' | 'waves'>): GridTarget | undefined {
  const waves = query.waves && query.waves.length > 0 ? dataset.waves.filter((wave) => query.waves!.includes(wave.id)) : dataset.waves;
  if (waves.some((wave) => wave.survey.questions.some((question) => question.id === query.questionId))) return undefined;
  const wave = [...waves].reverse().find((candidate) => candidate.survey.grids.some((grid) => grid.id === query.questionId));
  if (!wave) return undefined;
  const grid = wave.survey.grids.find((candidate) => candidate.id === query.questionId)!;
  const note = waves.length > 1 ? `a grid is shown for one wave: these are wave ${wave.id}’s figures; each row’s own page has its trend` : undefined;
  return { grid, wave: wave.id, ...(note ? { note } : {}) };
}

/** One query per row of the grid: the same filters, segment, base and weights, on the grid's wave. */
export function gridRowQueries(target: GridTarget, query: AggregateQuery): AggregateQuery[] {
  return target.grid.rowIds.map((rowId) => ({ ...query, questionId: rowId, waves: [target.wave], links: undefined }));
}

/**
 * The rows of every row question, in the grid's row order, as one result: what the grid page
 * shows and its download and `survey-lens aggregate --question <grid>` write. Notes and problems
 * that every row repeats (a filter this wave cannot apply) are said once.
 */
export function mergeGridResults(target: GridTarget, results: readonly AggregateResult[]): AggregateResult {
  const unique = (lists: string[][]) => [...new Set(lists.flat())];
  return {
    rows: results.flatMap((result) => result.rows),
    problems: unique(results.map((result) => result.problems)),
    notes: unique([...(target.note ? [[target.note]] : []), ...results.map((result) => result.notes)]),
    selections: results[0]?.selections ?? [],
  };
}
