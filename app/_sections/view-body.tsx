import type { ReactNode } from 'react';
import type { SearchParams } from '@/lib/view/state/search-params';
import { changeView } from '@/lib/view/state/change-view';
import type { ViewState } from '@/lib/view/state/view-state';
import type { PageKind } from '@/lib/view/state/write-view-query';
import { listWaveLinks } from '../_server/list-wave-links';
import { openView, type LoadedWave, type OpenView } from '../_server/open-view';
import { UrlNotes } from '../ui/layout/notice';
import { WaveError } from '../ui/survey/wave-error';
import { WaveSwitcher } from '../ui/survey/wave-switcher';
import { ViewFrame } from './view-frame';

interface ViewBodyProps {
  segment: string;
  query: SearchParams;
  kind: Extract<PageKind, 'overview' | 'responses' | 'crosstab'>;
  children: (view: OpenView, reference: LoadedWave) => ReactNode;
}

/**
 * The part of a dataset-wide page that needs the wave read (so it streams in behind a skeleton):
 * the wave switcher, what the URL could not use, a wave that failed, and the view's frame.
 */
export async function ViewBody({ segment, query, kind, children }: ViewBodyProps) {
  const view = await openView(segment, query);
  const { dataset, state, links, reference } = view;
  const hrefFor = (next: ViewState) => (kind === 'overview' ? links.overview(next) : kind === 'crosstab' ? links.crosstab(next) : links.responses(next));
  const waves = listWaveLinks(dataset, state.wave === 'all' ? undefined : state.wave, (id) => hrefFor(changeView(state, { wave: id, page: 1 })));
  return (
    <>
      <WaveSwitcher waves={waves} />
      <UrlNotes notes={view.notes} />
      {view.failures.map((failure) => (
        <WaveError
          key={failure.wave.id}
          waveLabel={failure.wave.label ?? failure.wave.id}
          message={failure.message}
          issues={failure.issues}
          inTrend={view.state.wave === 'all' && view.loaded.length > 0}
        />
      ))}
      {reference && (
        <ViewFrame view={view} reference={reference} kind={kind} path={links.paths[kind]} hrefFor={hrefFor}>
          {children(view, reference)}
        </ViewFrame>
      )}
    </>
  );
}
