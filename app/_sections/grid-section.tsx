import Link from 'next/link';
import { changeView } from '@/lib/view/state/change-view';
import type { Wave } from '@/lib/survey/types';
import type { AskedGrid } from '@/lib/view/figures/ask-question';
import { listCompareChoices } from '@/lib/view/figures/compare-choices';
import { isWeightedMethod } from '@/lib/analysis/figure';
import { PROPORTION_TEST_METHOD } from '@/lib/analysis/proportion-tests';
import { buildGridFigures, describeRowBases, toGridChart } from '@/lib/view/figures/build-grid-view';
import { describeSelection, describeWeighting } from '@/lib/view/words/describe-base';
import { describeFilters } from '@/lib/view/words/describe-filters';
import { writeDownloadBase } from '@/lib/view/words/download-name';
import { suppressionOf, weightColumnOf } from '@/lib/view/state/view-state';
import type { OpenView } from '../_server/open-view';
import { formatAll, formatCounted } from '@/lib/view/words/format-figure';
import { ChartDownloads } from '../ui/charts/chart-downloads';
import { GridChart } from '../ui/charts/grid-chart';
import { GridLegend } from '../ui/charts/grid-legend';
import { ComparePicker } from '../ui/filters/compare-picker';
import { LevelPicker } from '../ui/filters/level-picker';
import { WeightPicker } from '../ui/filters/weight-picker';
import { weightPickerOf } from '@/lib/view/figures/weight-choices';
import { DisplayToggle } from '../ui/layout/display-toggle';
import { DownloadLinks } from '../ui/layout/download-links';
import { Notice } from '../ui/layout/notice';
import { BaseStatement } from '../ui/survey/base-statement';
import { GridTable } from '../ui/tables/grid-table';
import { PanelSwitch } from '../ui/tables/panel-switch';

/**
 * A grid (matrix question) under the view: one stacked bar per row in one chart (one chart per
 * segment when compared), one table of rows × answers, and the download of the very same rows —
 * those of every row question.
 */
export function GridSection({ view, reference, asked }: { view: OpenView; reference: Wave; asked: AskedGrid }) {
  const { state, defaults, hrefs, dataset } = view;
  const { survey } = reference;
  const { grid } = asked;
  const figures = buildGridFigures({ id: dataset.id, waves: [...view.loaded] }, asked, state);
  const { result, panels } = figures;
  const [everyone, ...segments] = panels;
  const threshold = suppressionOf(state, defaults);
  const selection = result.selections[0] ?? { selected: 0, size: survey.size };
  const weighted = result.rows.some((row) => isWeightedMethod(row.ci_method));
  const rowHrefs = Object.fromEntries(grid.rowIds.map((rowId) => [rowId, hrefs.question(rowId, state)]));
  const choices = listCompareChoices(survey.questions, (q) => q.grid === grid.id, defaults.release && { policy: defaults.release, filters: state.filters });
  const fileBase = writeDownloadBase(dataset.id, grid.id, state, defaults);
  const base = `Base: each row’s respondents who answered it (${describeRowBases(everyone)}), of ${describeSelection(selection.selected, selection.size, threshold)}${selection.selected === selection.size ? '' : ' selected'} in wave ${reference.label ?? reference.id}.`;
  const notes = [
    'Each row adds up to 100% (shown shares, each rounded on its own, may read 99.9 or 100.1): every answer, on the scale or not, is a share of the row’s base.',
    ...result.notes,
    ...result.problems.map((problem) => `Not shown: ${problem}.`),
    ...(weighted ? [describeWeighting(weightColumnOf(state, defaults))] : []),
  ];
  const lookup = (id: string) => survey.questions.find((q) => q.id === id);
  const caption = [describeFilters(state.filters, lookup), `${describeRowBases(everyone)}.`, `${dataset.title}, wave ${reference.label ?? reference.id}.`];
  const shownSegments = segments.filter((panel) => !figures.withheldSegments.includes(panel.label));
  const tableCaption = (who: string) =>
    `${formatAll(grid.rowIds.length, 'row')} × ${formatCounted(figures.scale.length, 'answer')}: % of those who answered each row, and count${who}`;
  return (
    <>
      <div className="toolbar view-toolbar">
        <ComparePicker choices={choices} current={state.by} />
        <LevelPicker current={state.level} />
        <WeightPicker {...weightPickerOf(reference.survey, state, view.defaults)} />
        <DisplayToggle questionId={grid.id} state={state} hrefs={hrefs} />
        <Link className="button button--small" href={hrefs.findings(changeView(state, { page: 1 }))} prefetch={false}>
          What stands out →
        </Link>
        <DownloadLinks csvHref={hrefs.export(grid.id, state, 'csv')} jsonHref={hrefs.export(grid.id, state, 'json')} fileBase={fileBase}>
          {state.display === 'chart' && segments.length === 0 && (
            <ChartDownloads questionId={grid.id} title={grid.label} caption={caption} fileBase={fileBase} />
          )}
        </DownloadLinks>
      </div>
      <BaseStatement base={base} notes={notes} />
      {state.display === 'chart' && (
        <section className="card" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{segments.length > 0 ? 'Answers by row, for each segment' : 'Answers by row'}</h2>
          {segments.length === 0 ? (
            <GridChart data={toGridChart(grid, figures, everyone)} variant="full" />
          ) : (
            <div className="grid-panels">
              {shownSegments.map((panel) => (
                <GridChart
                  key={panel.key}
                  data={toGridChart(grid, figures, panel)}
                  variant="full"
                  title={`${panel.label} (${describeRowBases(panel)})`}
                  segment={panel.key}
                />
              ))}
            </div>
          )}
          <GridLegend scale={figures.scale} neutralIndex={figures.neutralIndex} />
          {segments.length > 0 && (
            <p className="small muted">
              One chart per segment, on the same scale; ▲ / ▼ in the table: significantly higher / lower than the rest of the selection, Holm-corrected (
              {weighted ? PROPORTION_TEST_METHOD.segment : PROPORTION_TEST_METHOD.pooled}).
            </p>
          )}
          {figures.withheldSegments.length > 0 && (
            <p className="small muted">
              Not shown (fewer respondents than the dataset’s threshold): {figures.withheldSegments.map((name) => `“${name}”`).join(', ')}.
            </p>
          )}
        </section>
      )}
      <section className="section" aria-label="Table of figures">
        {segments.length === 0 ? (
          <GridTable view={figures} panel={everyone} caption={tableCaption('')} rowHrefs={rowHrefs} />
        ) : (
          <PanelSwitch label="Table for" names={[everyone, ...shownSegments].map((panel) => panel.label)}>
            {[everyone, ...shownSegments].map((panel) => (
              <GridTable
                key={panel.key}
                view={figures}
                panel={panel}
                caption={tableCaption(panel.key === '' ? ', all respondents' : `, ${panel.label}`)}
                rowHrefs={rowHrefs}
              />
            ))}
          </PanelSwitch>
        )}
      </section>
      {result.rows.length === 0 && (
        <Notice tone="warning">
          <p>No figures for this grid under this view.</p>
        </Notice>
      )}
    </>
  );
}
