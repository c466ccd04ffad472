import type { Grid } from '@/lib/survey/types';
import { changeView } from '@/lib/view/state/change-view';
import { findWaveStates, listWaveLinks } from '../_server/list-wave-links';
import type { LoadedWave, OpenView } from '../_server/open-view';
import { getWaves } from '../../lib/store/survey-store';
import { UrlNotes } from '../ui/layout/notice';
import { GridHeading } from '../ui/survey/grid-heading';
import { WaveError } from '../ui/survey/wave-error';
import { DatasetHeading } from './dataset-heading';
import { GridFigures } from './grid-figures';
import { ViewFrame } from './view-frame';

/**
 * A grid's page (`/<dataset>/questions/<grid id>`: a grid is reached like a question): its
 * heading, the waves that have it, and its figures under the view's filters. A grid is of one
 * wave; its rows' own pages have their trends.
 */
export async function GridPage({ view, reference, grid }: { view: OpenView; reference: LoadedWave; grid: Grid }) {
  const { dataset, state, links } = view;
  const results = await getWaves(dataset);
  const states = findWaveStates(results);
  for (const result of results) if (result.ok && !result.survey.grids.some((candidate) => candidate.id === grid.id)) states.set(result.wave.id, 'missing');
  const waves = listWaveLinks(
    dataset,
    state.wave === 'all' ? reference.id : state.wave,
    (id) => links.question(grid.id, changeView(state, { wave: id })),
    states,
  );
  const crumbs = [
    { label: 'Datasets', href: '/' },
    { label: dataset.title, href: links.overview(changeView(state, { wave: state.wave === 'all' ? undefined : state.wave })) },
    { label: grid.label },
  ];
  return (
    <>
      <DatasetHeading dataset={dataset} waves={waves} crumbs={crumbs} title={<GridHeading grid={grid} waveLabel={reference.source.label ?? reference.id} />} />
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
      <ViewFrame view={view} reference={reference} kind="question" path={links.paths.question(grid.id)} hrefFor={(next) => links.question(grid.id, next)}>
        <GridFigures view={view} reference={reference} grid={grid} />
      </ViewFrame>
    </>
  );
}
