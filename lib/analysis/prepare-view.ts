import type { Survey } from '../survey/types';
import type { Selection } from './selection';
import type { SelectionRequest } from './aggregate-query';
import { DEFAULT_SETTINGS, type FigureSettings } from './figure';
import { selectRespondents } from './select-respondents';
import { surveyWeights } from './weights';
import { recordKeysOf } from './cell-key';
import { releaseAtoms } from './release/release-atoms';
import { releaseOver, weightStepOf, type ReleaseContext } from './release/release-cell';

export interface PreparedView {
  selection: Selection;
  /** Public mode: the selection's atoms and what releasing a cell needs (lib/analysis/release). */
  release?: { atoms: Uint32Array[]; context: ReleaseContext; size: number };
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
  if (request.weight) {
    const weights = surveyWeights(survey, typeof request.weight === 'string' ? request.weight : undefined);
    if (typeof weights === 'string') prepared.problems.push(weights);
    else {
      if (weights.invalid > 0) prepared.notes.push(`${weights.invalid} respondents have no usable weight in “${weights.column}” and weigh 0`);
      prepared.settings.weights = weights.weights;
      prepared.weightColumn = weights.column;
    }
  }
  return request.disclosure === 'public' ? withRelease(survey, request, prepared) : prepared;
}

/**
 * Public mode: figures are sums of released cells over the selection's atoms, never counts of
 * their own (lib/analysis/release). The filter limit stands: a filtered selection whose released
 * size is under the threshold gives nothing at all, not even suppressed rows, as survey
 * platforms' public reports do.
 */
function withRelease(survey: Survey, request: SelectionRequest, prepared: PreparedView): PreparedView {
  const keys = recordKeysOf(survey);
  const context: ReleaseContext = { keys, weights: prepared.settings.weights, weightStep: weightStepOf(prepared.settings.weights) };
  let atoms: Uint32Array[];
  const policy = request.release ?? { breakdowns: [], fields: 1 };
  const fields = new Set(request.filters.map((filter) => filter.question));
  const outside = [...fields].filter((id) => !policy.breakdowns.includes(id));
  if (outside.length > 0 || fields.size > policy.fields)
    return {
      ...prepared,
      problems: [
        ...prepared.problems,
        `${outside.length > 0 ? `"${outside[0]}" is not a breakdown of this release` : `more breakdowns than the release combines (${policy.fields})`}: a public view filters by its breakdowns only`,
      ],
    };
  try {
    atoms = releaseAtoms(survey, request.filters);
  } catch (error) {
    return { ...prepared, problems: [...prepared.problems, (error as Error).message] };
  }
  const size = releaseOver(atoms, undefined, context).count;
  if (request.filters.length > 0 && size < prepared.settings.suppressBelow) {
    prepared.problems.push(
      `fewer than ${prepared.settings.suppressBelow} respondents match these filters: a public dashboard shows no figures for so small a group (remove a filter)`,
    );
  }
  return { ...prepared, settings: { ...prepared.settings, recordKeys: keys }, release: { atoms, context, size } };
}
