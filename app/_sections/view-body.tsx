import type { ReactNode } from 'react';
import type { SearchParams } from '@/lib/view/state/search-params';
import { changeView } from '@/lib/view/state/change-view';
import type { ViewState } from '@/lib/view/state/view-state';
import type { PageKind } from '@/lib/view/state/write-view-query';
import { listWavePills } from '@/lib/view/figures/question-waves';
import { openView, type OpenView } from '../_server/open-view';
import type { Wave } from '@/lib/survey/types';
import { UrlNotes } from '../ui/layout/notice';
import { WaveSwitcher } from '../ui/survey/wave-switcher';
import { ViewFrame } from './view-frame';
import { WaveErrors } from './wave-errors';

interface ViewBodyProps {
  segment: string;
  query: SearchParams;
  kind: Extract<PageKind, 'overview' | 'responses' | 'crosstab' | 'findings'>;
  children: (view: OpenView, reference: Wave) => ReactNode;
}

/**
 * The part of a dataset-wide page that needs the wave read (so it streams in behind a skeleton):
 * the wave switcher, what the URL could not use, a wave that failed, and the view's frame.
 */
export async function ViewBody({ segment, query, kind, children }: ViewBodyProps) {
  // Findings compare the wave with the one before it: every wave and their links are read.
  const view = await openView(segment, query, { everyWave: kind === 'findings', kind: kind === 'crosstab' ? 'crosstab' : 'question' });
  const { dataset, state, hrefs, reference } = view;
  const hrefFor = (next: ViewState) => hrefs[kind](next);
  const waves = listWavePills(dataset, state.wave === 'all' ? undefined : state.wave, (id) => hrefFor(changeView(state, { wave: id, page: 1 })));
  return (
    <>
      <WaveSwitcher waves={waves} />
      <UrlNotes notes={view.notes} />
      <WaveErrors view={view} />
      {reference && (
        <ViewFrame view={view} reference={reference} kind={kind} path={hrefs.paths[kind]} hrefFor={hrefFor}>
          {children(view, reference)}
        </ViewFrame>
      )}
    </>
  );
}
