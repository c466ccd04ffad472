import type { ReactNode } from 'react';
import { describePartialRead } from '@/lib/analysis/partial-read';
import { Notice } from '../ui/layout/notice';
import { buildFrame } from '@/lib/view/figures/build-frame';
import { packSidebar } from '@/lib/view/figures/pack-facets';
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
  const { facets: groups, selected } = buildFrame(survey, state, defaults, view.refused);
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
        <FacetSidebar
          groups={packSidebar(groups, threshold)}
          facetsPath={view.hrefs.paths.facets}
          threshold={threshold}
          empty={
            view.refused
              ? 'Filters are offered on published views: remove what this view cannot ask.'
              : defaults.release
                ? `This public dashboard combines ${defaults.release.fields === 1 ? 'one breakdown' : `${defaults.release.fields} breakdowns`} at a time: remove a filter or the comparison to filter by another.`
                : undefined
          }
        />
        <div className="view-layout__main">
          <FilterSentence
            selection={selected === null ? 'This view is not published' : `${describeSelection(selected, survey.size, threshold)}${trend}`}
            parts={parts}
            clearHref={parts.length > 1 ? hrefFor(clearFilters(state)) : undefined}
            comparison={comparing ? { text: `compared by ${comparing.label}`, removeHref: hrefFor(changeView(state, { by: undefined })) } : undefined}
          />
          {defaults.release && !view.refused && (
            <p className="small muted public-note">
              A public dashboard: every count is a published cell, changed by up to 2 to protect respondents, and every other figure is worked out from those
              cells — so a total may differ by a few from the sum of its parts.
            </p>
          )}
          {view.refused && (
            <Notice tone="warning" title="Not published">
              <p>{view.refused}</p>
            </Notice>
          )}
          {partial.map((message) => (
            <Notice key={message} tone="warning" title="Figures from part of a file">
              <p>{message}</p>
            </Notice>
          ))}
          {!view.refused && children}
        </div>
      </div>
    </ViewNavigationProvider>
  );
}
