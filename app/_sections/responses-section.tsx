import { selectRespondents } from '@/lib/analysis/select-respondents';
import { changeView } from '@/lib/view/change-view';
import { formatFigure } from '@/lib/view/format-figure';
import { readResponsesPage, RESPONSES_PAGE_SIZE } from '@/lib/view/read-responses-page';
import type { LoadedWave, OpenView } from '../_server/open-view';
import { Notice } from '../ui/layout/notice';
import { Pager } from '../ui/layout/pager';
import { ResponsesTable } from '../ui/tables/responses-table';

/** One page of the raw responses the view selects, sorted on the server, read from the columnar survey. */
export function ResponsesSection({ view, reference }: { view: OpenView; reference: LoadedWave }) {
  const { state, links } = view;
  const { survey } = reference;
  const { selection } = selectRespondents(survey, state.filters);
  const page = readResponsesPage(survey, { sort: state.sort, desc: state.desc, page: state.page, selection });
  const first = page.respondents === 0 ? 0 : (page.page - 1) * RESPONSES_PAGE_SIZE + 1;
  const last = first + page.rows.length - (page.rows.length > 0 ? 1 : 0);
  const sortedBy = page.sort ? survey.questions.find((question) => question.id === page.sort) : undefined;
  const status = `Respondents ${formatFigure(first, 'count')}–${formatFigure(last, 'count')} of ${formatFigure(page.respondents, 'count')} · page ${formatFigure(page.page, 'count')} of ${formatFigure(page.pageCount, 'count')}`;
  const pageHref = (target: number) => links.responses(changeView(state, { page: target }));
  const pager = <Pager label="Response pages" status={status} previousHref={page.page > 1 ? pageHref(page.page - 1) : undefined} nextHref={page.page < page.pageCount ? pageHref(page.page + 1) : undefined} />;
  return (
    <section className="responses" aria-label="Responses">
      {state.page > page.pageCount && <Notice tone="warning"><p>There are {page.pageCount} pages; showing page {page.page}.</p></Notice>}
      <div className="section__head">
        <p className="muted">
          {sortedBy ? `Sorted by ${sortedBy.label} (${page.desc ? 'descending' : 'ascending'}), blanks last.` : 'In file order.'} Click a column heading to sort.
        </p>
        {pager}
      </div>
      {page.respondents === 0 ? (
        <Notice><p>No respondent matches these filters.</p></Notice>
      ) : (
        <ResponsesTable columns={page.columns} rows={page.rows} sort={page.sort} desc={page.desc} />
      )}
      {pager}
    </section>
  );
}
