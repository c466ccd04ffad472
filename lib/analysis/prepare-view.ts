import type { Survey } from '../survey/types';
import type { Selection } from './selection';
import type { SelectionRequest } from './aggregate-query';
import { DEFAULT_SETTINGS, type FigureSettings } from './figure';
import { selectRespondents } from './select-respondents';
import { surveyWeights } from './weights';
import { perturbCount, recordKeysOf } from './cell-key';
import { tallyBits } from './tally';

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
export function prepareView(survey: Survey, request: SelectionRequest): PreparedView {
  const { selection, problems } = selectRespondents(survey, request.filters);
  const prepared: PreparedView = {
    selection,
    settings: {
      ...DEFAULT_SETTINGS,
      baseRule: request.baseRule,
      suppressBelow: request.suppressBelow ?? DEFAULT_SETTINGS.suppressBelow,
      unreliableBelow: request.unreliableBelow ?? DEFAULT_SETTINGS.unreliableBelow,
      level: request.level ?? DEFAULT_SETTINGS.level,
      surveySize: survey.size,
    },
    problems: problems.map((problem) => problem.message),
    notes: [],
  };
  if (request.disclosure === 'public') {
    const keys = recordKeysOf(survey);
    prepared.settings.recordKeys = keys;
    // The filter limit: a filtered selection smaller than the threshold gives nothing at all —
    // not even suppressed rows — as survey platforms' public reports do. Judged on the perturbed
    // size, so the limit itself does not reveal the exact count at its edge.
    const tally = tallyBits(selection.bits, undefined, keys);
    if (request.filters.length > 0 && perturbCount(tally.count, tally.keySum ?? 0) < prepared.settings.suppressBelow) {
      prepared.problems.push(
        `fewer than ${prepared.settings.suppressBelow} respondents match these filters: a public dashboard shows no figures for so small a group (remove a filter)`,
      );
    }
  }
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
