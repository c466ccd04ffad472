import { prepareView } from '../../analysis/prepare-view';
import { selectionCount } from '../../analysis/selection';
import type { Survey } from '../../survey/types';
import type { ViewDefaults, ViewState } from '../state/view-state';
import { suppressionOf } from '../state/view-state';
import { buildFacets, type FacetGroup } from './build-facets';
import { toSelectionRequest } from './to-aggregate-query';

/** What frames every page's figures: the facet sidebar, and how many respondents the view selects. */
export interface Frame {
  facets: FacetGroup[];
  /** Respondents in the selection — in public mode the released size (a sum of its atoms' cells); null when the view is refused. */
  selected: number | null;
}

/**
 * The sidebar and the selection's size, through the same request as the figures (prepareView):
 * in public mode both come from the release, and a view outside it (`refused`) shows no counts at
 * all — a refused page must not list a group's answers option by option (issue 21, attack 2).
 */
export function buildFrame(survey: Survey, state: ViewState, defaults: ViewDefaults, refused?: string): Frame {
  if (refused) return { facets: [], selected: null };
  const prepared = prepareView(survey, toSelectionRequest(state, defaults));
  const threshold = suppressionOf(state, defaults);
  if (defaults.release && prepared.release)
    return { facets: buildFacets(survey, state, threshold, { policy: defaults.release, context: prepared.release.context }), selected: prepared.release.size };
  if (defaults.release) return { facets: [], selected: null };
  return { facets: buildFacets(survey, state, threshold), selected: selectionCount(prepared.selection) };
}
