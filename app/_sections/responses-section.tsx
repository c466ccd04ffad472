import { changeView } from '@/lib/view/state/change-view';
import { describeSelection } from '@/lib/view/words/describe-base';
import { formatFigure } from '@/lib/view/words/format-figure';
import { readResponsesPage, RESPONSES_PAGE_SIZE } from '@/lib/view/responses/read-responses-page';
import { buildResponsesView } from '@/lib/view/responses/responses-view';
import { defaultColumns } from '@/lib/view/responses/search-responses';
import { suppressionOf } from '@/lib/view/state/view-state';
import type { OpenView } from '../_server/open-view';
import type { Wave } from '@/lib/survey/types';
import { Notice } from '../ui/layout/notice';
import { Pager } from '../ui/layout/pager';
import { ResponsesTable } from '../ui/tables/responses-table';
import { ResponsesTools } from '../ui/tables/responses-tools';

/**
 * One page of the raw responses the view selects (filters, then searches), sorted on the server,
 * read from the columnar survey; the columns chosen; and the selected rows as a download.
 * Paged rather than virtualised: a page is a URL to share and return to, works with the keyboard
 * and screen readers as a plain table, and the browser never holds more than 50 rows.
 */
export function ResponsesSection({ view, reference }: { view: OpenView; reference: Wave }) {
  const { state, hrefs, dataset } = view;
  const { survey } = reference;
  const responses = buildResponsesView(survey, state, dataset.codebook, { mode: view.defaults.disclosure, threshold: suppressionOf(state, view.defaults) });
  if (responses.refused && responses.available.length === 0)
    return (
      <Notice>
        <p>{responses.refused}</p>
      </Notice>
    );
  const page = readResponsesPage(survey, { sort: state.sort, desc: state.desc, page: state.page, selection: responses.selection, columns: responses.shown });
  const first = page.respondents === 0 ? 0 : (page.page - 1) * RESPONSES_PAGE_SIZE + 1;
  const last = first + page.rows.length - (page.rows.length > 0 ? 1 : 0);
  const sortedBy = page.sort ? survey.questions.find((question) => question.id === page.sort) : undefined;
  const status = `Respondents ${formatFigure(first, 'count')}–${formatFigure(last, 'count')} of ${formatFigure(page.respondents, 'count')} · page ${formatFigure(page.page, 'count')} of ${formatFigure(page.pageCount, 'count')}`;
  const pageHref = (target: number) => hrefs.responses(changeView(state, { page: target }));
  const pager = (
    <Pager
      label="Response pages"
      status={status}
      firstHref={page.page > 1 ? pageHref(1) : undefined}
      previousHref={page.page > 1 ? pageHref(page.page - 1) : undefined}
      nextHref={page.page < page.pageCount ? pageHref(page.page + 1) : undefined}
      lastHref={page.page < page.pageCount ? pageHref(page.pageCount) : undefined}
    />
  );
  const searching = state.search !== undefined || Object.keys(state.matches).length > 0;
  return (
    <section className="responses" aria-label="Responses">
      <ResponsesTools
        columns={responses.available.map(({ id, label, kind }) => ({ id, label, kind }))}
        shown={responses.shown}
        defaults={defaultColumns(responses.available)}
      />
      {responses.withheld.length > 0 && (
        <Notice>
          <p>
            Left out of this table, its search and its downloads: {responses.withheld.map((column) => `“${column.label}” (${column.reason})`).join('; ')}. A
            codebook can show such a column with <code>&quot;private&quot;: false</code>.
          </p>
        </Notice>
      )}
      {state.page > page.pageCount && (
        <Notice tone="warning">
          <p>
            There are {page.pageCount} pages; showing page {page.page}.
          </p>
        </Notice>
      )}
      <div className="section__head">
        <p className="muted" role="status">
          <strong>{describeSelection(responses.listed, survey.size, suppressionOf(state, view.defaults)).replace(/ of .*/, '')} matching respondents</strong>
          {searching ? ' (filters and search)' : ''}.{' '}
          {sortedBy ? `Sorted by ${sortedBy.label} (${page.desc ? 'descending' : 'ascending'}), blanks last.` : 'In file order.'} Click a column heading to
          sort.
        </p>
        <span className="toolbar__downloads">
          <span className="muted small">Download these rows:</span>
          <a className="button button--small" href={hrefs.responsesExport(state, false)} download>
            CSV, shown columns
          </a>
          <a className="button button--small" href={hrefs.responsesExport(state, true)} download>
            CSV, all columns
          </a>
        </span>
      </div>
      {pager}
      {responses.refused ? (
        <Notice>
          <p>{responses.refused}</p>
        </Notice>
      ) : page.respondents === 0 ? (
        <Notice>
          <p>No respondent matches these filters{searching ? ' and searches' : ''}.</p>
        </Notice>
      ) : (
        <ResponsesTable columns={page.columns} rows={page.rows} sort={page.sort} desc={page.desc} />
      )}
      {pager}
    </section>
  );
}
