import type { Selection, Survey } from '../survey/types';
import type { BaseRule } from './bucket';
import type { Filter } from './filters';
import { DEFAULT_SETTINGS, type FigureSettings } from './figure';
import { selectRespondents } from './select-respondents';
import { surveyWeights } from './weights';

export interface ViewRequest {
  filters: Filter[];
  baseRule: BaseRule;
  /** true = the codebook's weight column, a string = that column, false/undefined = unweighted. */
  weight?: boolean | string;
  suppressBelow?: number;
  unreliableBelow?: number;
}

export interface PreparedView {
  selection: Selection;
  settings: FigureSettings;
  /** The weight column in use, when weighted. */
  weightColumn?: string;
  /** Filters or weights that could not be applied: the figures are not what was asked for. */
  problems: string[];
  /** Worth saying, but the figures are as asked (respondents without a usable weight). */
  notes: string[];
}

/**
 * The one step between a request and the figures: filters → selection, weight → settings. The
 * question page, the export route and the CLI all go through here, so they cannot disagree.
 */
export function prepareView(survey: Survey, request: ViewRequest): PreparedView {
  const { selection, problems } = selectRespondents(survey, request.filters);
  const prepared: PreparedView = {
    selection,
    settings: {
      ...DEFAULT_SETTINGS,
      baseRule: request.baseRule,
      suppressBelow: request.suppressBelow ?? DEFAULT_SETTINGS.suppressBelow,
      unreliableBelow: request.unreliableBelow ?? DEFAULT_SETTINGS.unreliableBelow,
      surveySize: survey.size,
    },
    problems: problems.map((problem) => problem.message),
    notes: [],
  };
  if (!request.weight) return prepared;
  const weights = surveyWeights(survey, typeof request.weight === 'string' ? request.weight : undefined);
  if (typeof weights === 'string') {
    prepared.problems.push(weights);
    return prepared;
  }
  if (weights.invalid > 0) prepared.notes.push(`${weights.invalid} respondents have no usable weight in “${weights.column}” and weigh 0`);
  prepared.settings.weights = weights.weights;
  prepared.weightColumn = weights.column;
  return prepared;
}
