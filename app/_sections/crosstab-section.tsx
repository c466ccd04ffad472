import { weightColumnOf } from '@/lib/view/state/view-state';
import { isWeightedMethod } from '@/lib/analysis/figure';
import { buildCrosstabView } from '@/lib/view/figures/build-crosstab-view';
import { computeCrosstabs } from '@/lib/view/figures/compute-crosstabs';
import { describeFilters } from '@/lib/view/words/describe-filters';
import { writeDownloadName } from '@/lib/view/words/download-name';
import { PROPORTION_TEST_METHOD } from '@/lib/analysis/proportion-tests';
import type { Wave } from '@/lib/survey/types';
import { listCompareChoices } from '@/lib/view/figures/compare-choices';
import type { OpenView } from '../_server/open-view';
import { CrosstabPicker } from '../ui/filters/crosstab-picker';
import { LevelPicker } from '../ui/filters/level-picker';
import { WeightPicker } from '../ui/filters/weight-picker';
import { weightPickerOf } from '@/lib/view/figures/weight-choices';
import { Notice } from '../ui/layout/notice';
import { CrosstabTable } from '../ui/tables/crosstab-table';
import { TablePngButton } from '../ui/tables/table-png-button';

const PERCENT_LABEL = { column: 'column %', row: 'row %', total: '% of all who answered both' } as const;

/** Question × question tables for the view: pickers, the tables with marks and test lines, and their downloads. */
export function CrosstabSection({ view, reference }: { view: OpenView; reference: Wave }) {
  const { state, defaults, hrefs, dataset } = view;
  const { survey } = reference;
  const pickable = listCompareChoices(survey.questions).map(({ id, label }) => ({ id, label }));
  const result = computeCrosstabs(dataset.id, reference, state, defaults);
  const weighted = result.tables.some((table) => table.rows.some((row) => isWeightedMethod(row.ci_method)));
  const subject = `crosstab_${state.rows.join('+')}_by_${state.cols ?? ''}`;
  const lookup = (id: string) => survey.questions.find((question) => question.id === id);
  return (
    <>
      <CrosstabPicker questions={pickable} rows={state.rows} cols={state.cols} pct={state.pct} />
      <div className="toolbar view-toolbar">
        <LevelPicker current={state.level} />
        <WeightPicker {...weightPickerOf(reference.survey, state, view.defaults)} />
      </div>
      {state.wave === 'all' && (
        <Notice>
          <p>A crosstab is of one wave: showing {reference.id}, the latest.</p>
        </Notice>
      )}
      {result.problems.map((problem) => (
        <Notice key={problem} tone="warning">
          <p>Not shown: {problem}.</p>
        </Notice>
      ))}
      {result.notes.map((note) => (
        <Notice key={note}>
          <p>{note}</p>
        </Notice>
      ))}
      {result.tables.length === 0 ? (
        <Notice title="Choose the questions to cross">
          <p>Pick a row question and a column question above. Several row questions can be stacked against one banner.</p>
        </Notice>
      ) : (
        <>
          <div className="toolbar view-toolbar">
            <p className="small muted">
              Cells are the {PERCENT_LABEL[state.pct]} over the count of respondents; shading grows with the percentage. ▲/▼: the column differs from the rest
              of the row at the 5% level, Holm-corrected over the table ({weighted ? PROPORTION_TEST_METHOD.segment : PROPORTION_TEST_METHOD.pooled}). Empty
              cells are withheld (too few respondents); pale ones rest on fewer than 30.
            </p>
            <span className="toolbar__downloads">
              <span className="muted small">Download:</span>
              <a
                className="button button--small"
                href={hrefs.crosstabExport(state, 'csv')}
                download={writeDownloadName(dataset.id, subject, state, defaults, 'csv')}
              >
                CSV
              </a>
              <a
                className="button button--small"
                href={hrefs.crosstabExport(state, 'json')}
                download={writeDownloadName(dataset.id, subject, state, defaults, 'json')}
              >
                JSON
              </a>
              <TablePngButton targetId="crosstabs" fileName={writeDownloadName(dataset.id, subject, state, defaults, 'png')} />
            </span>
          </div>
          <div id="crosstabs" className="crosstabs">
            <p className="crosstabs__caption small muted">
              {describeFilters(state.filters, lookup)} · {dataset.title}, wave {reference.label ?? reference.id}
              {weighted ? ` · weighted by “${weightColumnOf(state, defaults)}”` : ''}
            </p>
            {result.tables.map((table, index) => {
              const tableView = buildCrosstabView(table, state.pct);
              return tableView ? (
                <CrosstabTable key={tableView.rowQuestion.id} id={`crosstab-${index}`} view={tableView} percentLabel={PERCENT_LABEL[state.pct]} />
              ) : null;
            })}
          </div>
        </>
      )}
    </>
  );
}
