import type { Wave } from '@/lib/survey/types';
import type { AskedGrid } from '@/lib/view/figures/ask-question';
import { listWavePills } from '@/lib/view/figures/question-waves';
import type { OpenView } from '../_server/open-view';
import { UrlNotes } from '../ui/layout/notice';
import { GridHeading } from '../ui/survey/grid-heading';
import { DatasetHeading } from './dataset-heading';
import { GridSection } from './grid-section';
import { ViewFrame } from './view-frame';
import { WaveErrors } from './wave-errors';

/**
 * A grid's page (`/<dataset>/questions/<grid id>`: a grid is reached like a question): its
 * heading, the waves that have it, and its figures under the view's filters. A grid is of one
 * wave; its rows' own pages have their trends.
 */
export function GridPage({ view, reference, asked }: { view: OpenView; reference: Wave; asked: AskedGrid }) {
  const { dataset, state, hrefs } = view;
  const { grid } = asked;
  const states = new Map<string, 'failed' | 'missing'>((view.failedWaves ?? []).map((id) => [id, 'failed']));
  for (const wave of view.everyWave ?? []) if (!wave.survey.grids.some((candidate) => candidate.id === grid.id)) states.set(wave.id, 'missing');
  const waves = listWavePills(dataset, state.wave === 'all' ? reference.id : state.wave, (id) => hrefs.question(grid.id, { ...state, wave: id }), states);
  const crumbs = [
    { label: 'Datasets', href: '/' },
    { label: dataset.title, href: hrefs.overview({ ...state, wave: state.wave === 'all' ? undefined : state.wave }) },
    { label: grid.label },
  ];
  return (
    <>
      <DatasetHeading dataset={dataset} waves={waves} crumbs={crumbs} title={<GridHeading grid={grid} waveLabel={reference.label ?? reference.id} />} />
      <UrlNotes notes={view.notes} />
      <WaveErrors view={view} />
      <ViewFrame view={view} reference={reference} kind="question" path={hrefs.paths.question(grid.id)} hrefFor={(next) => hrefs.question(grid.id, next)}>
        <GridSection view={view} reference={reference} asked={asked} />
      </ViewFrame>
    </>
  );
}
