import { aggregateView } from '@/lib/analysis/aggregate-view';
import { flagMissingWaves } from '@/lib/analysis/partial-read';
import { toExportRecord, writeAggregateCsv } from '@/lib/analysis/write-aggregate-csv';
import { writeDownloadName } from '@/lib/view/download-name';
import { writeFilterText } from '@/lib/view/filter-grammar';
import { toAggregateQuery } from '@/lib/view/to-aggregate-query';
import { dropSelfComparison } from '@/lib/view/drop-self-comparison';
import { readableWaves } from '@/lib/view/question-view';
import { homeWaveOf, trendOf, optionValuesIn } from '@/lib/view/trend-links';
import { downloadHeaders, openExportView, problem } from '@/app/_server/open-export-view';

/**
 * A question's view as CSV (or JSON): the page's own query on this route. The URL is read and
 * checked exactly as the page reads it (openView), so the file holds the rows the page shows —
 * an unknown filter is left out here as it is there, and named in the JSON notes.
 */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }): Promise<Response> {
  // A trend goes on without a wave that cannot be read, as its page does, and every row says so.
  const opened = await openExportView(request, params, { partialTrend: true });
  if (opened instanceof Response) return opened;
  const { url } = opened;
  const questionParam = url.searchParams.get('_question') ?? '';
  // Compared by itself: no comparison, as on the page (the JSON notes say so).
  const view = dropSelfComparison(opened.view, questionParam, questionParam);
  const { dataset, state, defaults, reference } = view;
  // A trend's question may be one the latest wave no longer asks: the latest wave that has it, as the page finds it.
  const home = state.wave === 'all' ? homeWaveOf(view.loaded, questionParam, state.asIn) : reference;
  const question = home?.survey.questions.find((candidate) => candidate.id === questionParam);
  // A grid's id gives the rows of every row question, as its page shows them (aggregateView knows grids).
  const grid = question ? undefined : reference.survey.grids.find((candidate) => candidate.id === questionParam);
  if (!grid && (!home || !question))
    return problem(
      questionParam ? 404 : 400,
      questionParam ? `There is no question "${questionParam.slice(0, 80)}" in this wave.` : 'Name the question to export with _question=<id>.',
    );
  const id = question?.id ?? grid!.id;
  const query = readableWaves({ id: dataset.id, waves: view.loaded }, toAggregateQuery(state, id, defaults));
  const missing = view.failures.map((failure) => failure.wave.id);
  if (question && home && state.wave === 'all' && view.waveLinks)
    query.links = trendOf(
      view.waveLinks,
      view.loaded.map((wave) => wave.id),
      home.id,
      id,
      dataset.codebook,
      { filterWave: reference.id, filters: state.filters, by: state.by, optionValues: optionValuesIn(view.loaded) },
    ).links;
  const result = aggregateView({ id: dataset.id, waves: view.loaded }, query, writeFilterText(state.filters));
  if (result.rows.length === 0 && result.problems.length > 0) return problem(400, [...view.notes, ...result.problems].join('\n'));
  const format = url.searchParams.get('_format') === 'json' ? 'json' : 'csv';
  const name = writeDownloadName(dataset.id, id, state, defaults, format);
  const missingNotes = view.failures.map((failure) => `wave ${failure.wave.id} could not be read (${failure.message}): the trend leaves it out`);
  const rows = flagMissingWaves(result.rows, missing);
  const warning: Record<string, string> = missingNotes.length > 0 ? { 'x-survey-lens-warning': missingNotes.join(' ').replace(/[^\x20-\x7e]/g, '.') } : {};
  if (format === 'json')
    return Response.json(
      { notes: [...missingNotes, ...view.notes, ...result.notes, ...result.problems], rows: rows.map(toExportRecord) },
      { headers: { ...downloadHeaders(name), ...warning } },
    );
  return new Response(writeAggregateCsv(rows), { headers: { ...downloadHeaders(name, 'text/csv; charset=utf-8'), ...warning } });
}
