import type { DatasetWaves } from '../../lib/analysis/aggregate-query';
import { askQuestion, type AskedQuestion } from '../../lib/view/figures/ask-question';
import type { ViewDefaults, ViewState } from '../../lib/view/state/view-state';

/** A question as a page asks it under a state (the dataset's latest wave read), for the bench's page timings. */
export function ask(dataset: DatasetWaves, defaults: ViewDefaults, state: ViewState, id: string, withSegment = true): AskedQuestion {
  const asked = askQuestion({ dataset, defaults, state, loaded: dataset.waves, reference: dataset.waves.at(-1) }, id, { withSegment });
  if (asked?.kind !== 'question') throw new Error(`the bench's survey has no question "${id}"`);
  return asked;
}
