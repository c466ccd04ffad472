import { crosstabRows, type CrosstabTable } from '../../analysis/crosstab-rows';
import { prepareView } from '../../analysis/prepare-view';
import type { SelectionRequest } from '../../analysis/aggregate-query';
import { cellKeyEpoch } from '../../analysis/cell-key';
import { createViewCache, surveyIdentity } from '../../analysis/view-cache';
import { describePartialRead, flagPartial } from '../../analysis/partial-read';
import type { Wave } from '../../survey/types';
import { writeFilterText } from '../state/filter-grammar';
import type { ViewDefaults, ViewState } from '../state/view-state';
import { toSelectionRequest } from './to-aggregate-query';

export interface CrosstabResult {
  tables: CrosstabTable[];
  problems: string[];
  notes: string[];
}

/** Cells kept across cached crosstabs (a Stack Overflow 2019 table of 20 × 6 cells with totals is some 150). */
const CROSSTAB_CACHE_CELLS = 100_000;
const crosstabCache = createViewCache<CrosstabResult>(CROSSTAB_CACHE_CELLS, (result) => result.tables.reduce((sum, table) => sum + table.rows.length, 0));

/**
 * The crosstabs of a view — each row question against the column question, in one wave, under
 * the view's filters, base, weight and threshold: what the crosstab page shows, its download and
 * `survey-lens crosstab` print. Computed once per view and cached, frozen (lib/analysis/view-cache):
 * keyed by the wave's parsed object and everything that changes a cell — filters, base, weight,
 * threshold, disclosure mode and, in public mode, the cell-key secret's epoch.
 */
export function computeCrosstabs(datasetId: string, wave: Wave, state: ViewState, defaults: ViewDefaults): CrosstabResult {
  const request = toSelectionRequest(state, defaults);
  const key = JSON.stringify([
    datasetId,
    wave.id,
    surveyIdentity(wave.survey),
    state.rows,
    state.cols ?? null,
    request,
    request.disclosure ? cellKeyEpoch() : 0,
  ]);
  return crosstabCache.getOrCompute(key, () => crosstabsOf(datasetId, wave, state, request));
}

function crosstabsOf(datasetId: string, wave: Wave, state: ViewState, request: SelectionRequest): CrosstabResult {
  const result: CrosstabResult = { tables: [], problems: [], notes: [] };
  const columnQuestion = state.cols ? wave.survey.questions.find((question) => question.id === state.cols) : undefined;
  if (!columnQuestion || state.rows.length === 0) return result;
  const prepared = prepareView(wave.survey, request);
  result.problems.push(...prepared.problems);
  result.notes.push(...prepared.notes);
  const context = { dataset: datasetId, wave: wave.id, filters: writeFilterText(state.filters) };
  const partial = describePartialRead(wave.survey);
  if (partial) result.notes.push(partial);
  for (const id of state.rows) {
    const rowQuestion = wave.survey.questions.find((question) => question.id === id);
    if (!rowQuestion) continue;
    if (rowQuestion.id === columnQuestion.id) {
      result.notes.push(`“${rowQuestion.label}” against itself says nothing; it was left out.`);
      continue;
    }
    const table = crosstabRows(context, rowQuestion, columnQuestion, prepared.selection, prepared.settings);
    if (typeof table === 'string') result.problems.push(table);
    else result.tables.push(partial ? { ...table, rows: flagPartial(table.rows, true) } : table);
  }
  return result;
}
