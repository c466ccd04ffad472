import type { ReactNode } from 'react';
import { selectRespondents } from '@/lib/analysis/select-respondents';
import { selectionCount } from '@/lib/analysis/selection';
import { perturbCount, recordKeysOf } from '@/lib/analysis/cell-key';
import { tallyBits } from '@/lib/analysis/tally';
import { describePartialRead } from '@/lib/analysis/partial-read';
import { Notice } from '../ui/layout/notice';
import { buildFacets } from '@/lib/view/figures/build-facets';
import { changeView, clearFilters, removeFilter } from '@/lib/view/state/change-view';
import { describeSelection } from '@/lib/view/words/describe-base';
import { describeFilterParts } from '@/lib/view/words/describe-filters';
import { suppressionOf, type ViewState } from '@/lib/view/state/view-state';
import type { PageKind } from '@/lib/view/state/write-view-query';
import type { OpenView } from '../_server/open-view';
import type { Wave } from '@/lib/survey/types';
import { FacetSidebar } from '../ui/filters/facet-sidebar';
import { FilterSentence } from '../ui/filters/filter-sentence';
import { ViewNavigationProvider } from '../ui/filters/view-navigation';

interface ViewFrameProps {
  view: OpenView;
  reference: Wave;
  kind: PageKind;
  /** This page's path (without the query). */
  path: string;
  /** This page's URL for a state: the links of the sentence. */
  hrefFor: (state: ViewState) => string;
  children: ReactNode;
}

/**
 * The frame of every page that shows figures: the facet sidebar, the filters as a sentence with
 * remove buttons, and the client-side navigation the controls share. The figures go inside.
 */
export function ViewFrame({ view, reference, kind, path, hrefFor, children }: ViewFrameProps) {
  const { state, defaults } = view;
  const { survey } = reference;
  const threshold = suppressionOf(state, defaults);
  // Public mode: the sentence's count and the facets' are perturbed like the figures (lib/analysis/cell-key).
  const keys = defaults.disclosure === 'public' ? recordKeysOf(survey) : undefined;
  const groups = buildFacets(survey, state, threshold, { keys });
  const selection = selectRespondents(survey, state.filters).selection;
  const tally = keys ? tallyBits(selection.bits, undefined, keys) : undefined;
  const selected = tally ? perturbCount(tally.count, tally.keySum ?? 0) : selectionCount(selection);
  const lookup = (id: string) => survey.questions.find((question) => question.id === id);
  const parts = describeFilterParts(state.filters, lookup).map((part) => ({
    text: part.text,
    removeHref: hrefFor(removeFilter(state, part.question, part.op)),
  }));
  const comparing = (kind === 'question' || kind === 'findings') && state.by ? lookup(state.by) : undefined;
  const trend = state.wave === 'all' ? ` in ${reference.id}` : '';
  // Every wave the view covers that was read only in part, said above its figures on every page.
  const partial = view.loaded.flatMap((wave) => {
    const message = describePartialRead(wave.survey);
    return message ? [`${view.loaded.length > 1 ? `Wave ${wave.label ?? wave.id}: ` : ''}${message}`] : [];
  });
  return (
    <ViewNavigationProvider nav={{ path, kind, state, defaults }}>
      <div className="view-layout">
        <FacetSidebar groups={groups} threshold={threshold} />
        <div className="view-layout__main">
          <FilterSentence
            selection={`${describeSelection(selected, survey.size, threshold)}${trend}`}
            parts={parts}
            clearHref={parts.length > 1 ? hrefFor(clearFilters(state)) : undefined}
            comparison={comparing ? { text: `compared by ${comparing.label}`, removeHref: hrefFor(changeView(state, { by: undefined })) } : undefined}
          />
          {partial.map((message) => (
            <Notice key={message} tone="warning" title="Figures from part of a file">
              <p>{message}</p>
            </Notice>
          ))}
          {children}
        </div>
      </div>
    </ViewNavigationProvider>
  );
}
