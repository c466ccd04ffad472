import type { DatasetSource, WaveSource } from '@/lib/survey/discover-datasets';
import { formatFigure } from '@/lib/view/format-figure';
import { parsePageParam, parseSortParams } from '@/lib/view/parse-view-state';
import { readResponsesPage, RESPONSES_PAGE_SIZE } from '@/lib/view/read-responses-page';
import type { SearchParams } from '@/lib/view/search-params';
import { writeResponsesHref } from '@/lib/view/write-view-query';
import { getWave } from '../_server/survey-store';
import { UrlNotes } from '../ui/layout/notice';
import { Pager } from '../ui/layout/pager';
import { ResponsesTable } from '../ui/tables/responses-table';
import { WaveError } from '../ui/survey/wave-error';

interface ResponsesSectionProps {
  dataset: DatasetSource;
  wave: WaveSource;
  latestWave?: string;
  query: SearchParams;
}

/** One page of raw responses: the URL is validated against this wave's questions, then read from the columnar survey. */
export async function ResponsesSection({ dataset, wave, latestWave, query }: ResponsesSectionProps) {
  const result = await getWave(dataset, wave);
  if (!result.ok) return <WaveError waveLabel={wave.label ?? wave.id} message={result.message} issues={result.issues} />;
  const { survey } = result;
  const sortParams = parseSortParams(query, survey.questions.map((question) => question.id));
  const pageParam = parsePageParam(query);
  const page = readResponsesPage(survey, { ...sortParams.value, page: pageParam.value });
  const notes = [...sortParams.notes, ...pageParam.notes];
  if (page.page !== pageParam.value && pageParam.notes.length === 0) notes.push(`There are ${page.pageCount} pages; showing page ${page.page}.`);
  const view = { wave: wave.id, sort: page.sort, desc: page.desc };
  const first = (page.page - 1) * RESPONSES_PAGE_SIZE + 1;
  const last = first + page.rows.length - 1;
  const sortedBy = page.sort ? survey.questions.find((question) => question.id === page.sort) : undefined;
  const status = `Respondents ${formatFigure(first, 'count')}–${formatFigure(last, 'count')} of ${formatFigure(page.respondents, 'count')} · page ${formatFigure(page.page, 'count')} of ${formatFigure(page.pageCount, 'count')}`;
  const pager = (
    <Pager
      label="Response pages"
      status={status}
      previousHref={page.page > 1 ? writeResponsesHref(dataset.id, { ...view, page: page.page - 1 }, latestWave) : undefined}
      nextHref={page.page < page.pageCount ? writeResponsesHref(dataset.id, { ...view, page: page.page + 1 }, latestWave) : undefined}
    />
  );
  return (
    <section className="responses" aria-label="Responses">
      <UrlNotes notes={notes} />
      <div className="section__head">
        <p className="muted">
          {sortedBy ? `Sorted by ${sortedBy.label} (${page.desc ? 'descending' : 'ascending'}), blanks last.` : 'In file order.'} Click a column
          heading to sort.
        </p>
        {pager}
      </div>
      <ResponsesTable
        datasetId={dataset.id}
        wave={wave.id}
        latestWave={latestWave}
        columns={page.columns}
        rows={page.rows}
        sort={page.sort}
        desc={page.desc}
      />
      {pager}
    </section>
  );
}
