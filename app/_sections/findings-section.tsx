import { changeView } from '@/lib/view/state/change-view';
import { listCompareChoices } from '@/lib/view/figures/compare-choices';
import { buildFindingsPage } from '@/lib/view/figures/findings-page';
import { computeFindingsView, SD_PER_POINT } from '@/lib/view/figures/findings-view';
import { describeFindingsMethod, describeFindingsScope } from '@/lib/view/words/describe-finding';
import { formatCounted, formatFigure } from '@/lib/view/words/format-figure';
import { writeDownloadBase } from '@/lib/view/words/download-name';
import type { Wave } from '@/lib/survey/types';
import type { OpenView } from '../_server/open-view';
import { ComparePicker } from '../ui/filters/compare-picker';
import { LevelPicker } from '../ui/filters/level-picker';
import { WeightPicker } from '../ui/filters/weight-picker';
import { weightPickerOf } from '@/lib/view/figures/weight-choices';
import { FindingList } from '../ui/findings/finding-list';
import { ThresholdPicker } from '../ui/findings/threshold-picker';
import { DownloadLinks } from '../ui/layout/download-links';
import { Notice } from '../ui/layout/notice';
import { Pager } from '../ui/layout/pager';

/** The findings page under the filter sentence: its controls, the header line, what stands out and what changed. */
export function FindingsSection({ view, reference }: { view: OpenView; reference: Wave }) {
  const { state, hrefs, dataset, defaults } = view;
  const findings = computeFindingsView(view);
  const page = buildFindingsPage(view, findings);
  const { thresholds, wave, previous } = findings;
  const fileBase = writeDownloadBase(dataset.id, 'findings', changeView(state, { wave: wave?.id }), defaults);
  const pageHref = (target: number) => hrefs.findings(changeView(state, { page: target }));
  const pager = page.pageCount > 1 && (
    <Pager
      label="Pages of findings"
      status={`Findings ${page.first}–${page.last} of ${formatFigure(page.total, 'count')} · page ${page.page} of ${page.pageCount}`}
      previousHref={page.page > 1 ? pageHref(page.page - 1) : undefined}
      nextHref={page.page < page.pageCount ? pageHref(page.page + 1) : undefined}
    />
  );
  const choices = listCompareChoices(reference.survey.questions);
  const sides = (findings.compares === 'segments' ? ['Group', 'Rest'] : ['Selected', 'Rest']) as [string, string];
  return (
    <>
      <div className="toolbar view-toolbar">
        <ComparePicker choices={choices} current={state.by} />
        <LevelPicker current={state.level} />
        <WeightPicker {...weightPickerOf(reference.survey, state, view.defaults)} />
      </div>
      <div className="toolbar view-toolbar">
        <ThresholdPicker q={thresholds.q} minPoints={thresholds.minPoints} sdPerPoint={SD_PER_POINT} />
        <DownloadLinks csvHref={hrefs.findingsExport(state, 'csv')} jsonHref={hrefs.findingsExport(state, 'json')} fileBase={fileBase} />
      </div>
      {[...findings.problems.map((problem) => `Not scanned: ${problem}.`), ...findings.notes].map((note) => (
        <Notice key={note} tone={note.startsWith('Not scanned') ? 'warning' : 'info'}>
          <p>{note}</p>
        </Notice>
      ))}
      <section className="card findings-summary" aria-labelledby="findings-header">
        <p id="findings-header" className="findings-summary__header">
          {page.header}
        </p>
        <p className="small muted">
          {describeFindingsMethod({
            weighted: findings.weighted,
            thresholds,
            untested: findings.untested,
            changes: Boolean(previous),
            published: defaults.disclosure === 'public',
          })}
        </p>
      </section>
      <section className="section" aria-labelledby="stands-out-heading">
        <div className="section__head">
          <h2 id="stands-out-heading">Findings</h2>
          {pager}
        </div>
        {findings.compares === 'nothing' ? (
          <Notice title="Choose a group">
            <p>
              Filter to a group at the left, or compare by a question above: every question of wave {reference.label ?? reference.id} is then tested for what
              sets the group apart from the rest.
            </p>
          </Notice>
        ) : (
          <>
            <p className="muted">
              {describeFindingsScope({
                filters: state.filters,
                by: state.by,
                selected: findings.selected,
                size: reference.survey.size,
                wave: reference.label ?? reference.id,
                lookup: (id) => reference.survey.questions.find((question) => question.id === id),
              })}
              , ranked by the size of the difference.
            </p>
            {page.findings.length > 0 ? (
              <FindingList items={page.findings} sides={sides} start={page.first} />
            ) : (
              <p>No difference is both beyond chance and as large as the floor: this group answers like the rest.</p>
            )}
            {pager}
          </>
        )}
      </section>
      {wave && previous && (
        <section className="section" aria-labelledby="changed-heading">
          <h2 id="changed-heading">What changed since {previous.label ?? previous.id}</h2>
          <p className="muted">
            Each question asked in both waves, {wave.label ?? wave.id} against {previous.label ?? previous.id}
            {state.filters.length > 0 ? ', among the same filtered respondents' : ''}
            {state.by ? ', within each group' : ''}.
          </p>
          {page.changes.length > 0 ? (
            <FindingList items={page.changes} sides={[previous.label ?? previous.id, wave.label ?? wave.id]} />
          ) : (
            <p>No change is both beyond chance and as large as the floor.</p>
          )}
        </section>
      )}
      <p className="small muted">
        {formatCounted(findings.tests, 'test')} in all. The download holds every finding of this view, all pages and both sections, with p and q.
      </p>
    </>
  );
}
