import { findDataset, getWaves } from '@/app/_server/survey-store';
import { aggregateView } from '@/lib/analysis/aggregate-view';
import { writeAggregateCsv } from '@/lib/csv/write-aggregate-csv';
import { parseAnalysisQuery } from '@/lib/view/parse-analysis-query';
import { writeFilterText } from '@/lib/view/filter-grammar';

function problem(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The question view as CSV (or JSON): the page's own query string on this route, the same rows as the CLI. */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }): Promise<Response> {
  const dataset = findDataset((await params).dataset);
  if (!dataset) return problem(404, 'There is no such dataset.');
  const url = new URL(request.url);
  const searchParams = Object.fromEntries([...url.searchParams.keys()].map((key) => [key, url.searchParams.getAll(key)]));
  const loaded = (await getWaves(dataset)).flatMap((result) => (result.ok ? [{ id: result.wave.id, survey: result.survey }] : []));
  const view = parseAnalysisQuery(searchParams, undefined, loaded.map((wave) => wave.id), Boolean(dataset.codebook?.weight));
  if (!view.query.questionId) return problem(400, 'Name the question to export with _question=<id>.');
  const result = aggregateView({ id: dataset.id, waves: loaded }, view.query, writeFilterText(view.query.filters));
  if (result.problems.length > 0) return problem(400, [...view.notes, ...result.problems].join('\n'));
  const name = `${dataset.id}-${view.query.questionId}`.replace(/[^\w.-]+/g, '_');
  if (view.format === 'json') {
    return Response.json({ notes: [...view.notes, ...result.notes], rows: result.rows }, { headers: { 'content-disposition': `attachment; filename="${name}.json"` } });
  }
  return new Response(writeAggregateCsv(result.rows), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` },
  });
}
