import type { Survey } from '../../survey/types';
import { weightOf, type ViewDefaults, type ViewState } from '../state/view-state';

/** One entry of the "Weights" picker: the `_weight` value it writes, and its words. */
export interface WeightChoice {
  value: string;
  label: string;
}

/**
 * The weights a reader can pick: the dataset's own column, none, and — an analyst reading their
 * own data (issue 24) — any other numeric column of the wave. A public dashboard offers only the
 * dataset's own or none. Nothing to choose (no weight column, and public or no numeric column) is [].
 */
export function listWeightChoices(survey: Survey, defaults: Pick<ViewDefaults, 'weighted' | 'weightColumn' | 'disclosure'>): WeightChoice[] {
  const own = defaults.weighted ? [{ value: '1', label: `Dataset weight (“${defaults.weightColumn ?? survey.weightQuestionId ?? 'weight'}”)` }] : [];
  const others =
    defaults.disclosure === 'public'
      ? []
      : survey.questions
          .filter((question) => question.kind === 'numeric' && !question.personal && question.id !== survey.weightQuestionId)
          .map((question) => ({ value: question.id, label: `By “${question.label}”` }));
  return own.length + others.length === 0 ? [] : [...own, { value: '0', label: 'Unweighted' }, ...others];
}

/** The picker's current entry for a view. */
export function currentWeightChoice(state: Pick<ViewState, 'weighted'>, defaults: Pick<ViewDefaults, 'weighted' | 'weightColumn' | 'disclosure'>): string {
  const weight = weightOf(state, defaults);
  if (weight === false) return '0';
  return typeof state.weighted === 'string' && defaults.disclosure !== 'public' ? state.weighted : '1';
}

/** What the "Weights" picker of a view shows: its entries and the one in use. */
export function weightPickerOf(
  survey: Survey,
  state: Pick<ViewState, 'weighted'>,
  defaults: Pick<ViewDefaults, 'weighted' | 'weightColumn' | 'disclosure'>,
): { choices: WeightChoice[]; current: string } {
  return { choices: listWeightChoices(survey, defaults), current: currentWeightChoice(state, defaults) };
}
