import { aggregateView } from '@/lib/analysis/aggregate-view';
import { flagMissingWaves } from '@/lib/analysis/partial-read';
import { toExportRecord, writeAggregateCsv } from '@/lib/analysis/write-aggregate-csv';
import { askQuestion } from '@/lib/view/figures/ask-question';
import { dropSelfComparison } from '@/lib/view/state/drop-self-comparison';
import { writeFilterText } from '@/lib/view/state/filter-grammar';
import { readExportKeys } from '@/lib/view/state/view-keys';
import { writeDownloadName } from '@/lib/view/words/download-name';
import { downloadHeaders, openExportView, problem } from '@/app/_server/open-export-view';

/**
 * A question's view as CSV (or JSON): the page's own query on this route. The URL is read and
 * checked exactly as the page reads it, and the question asked through the same assembler, so
 * the file holds the rows the page shows — an unknown filter is left out here as it is there,
 * and named in the JSON notes.
 */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }): Promise<Response> {
  // A trend goes on without a wave that cannot be read, as its page does, and every row says so.
  const opened = await openExportView(request, params, { partialTrend: true });
  if (opened instanceof Response) return opened;
  const { url } = opened;
  const { question: id, format } = readExportKeys(url.searchParams);
  // Compared by itself: no comparison, as on the page (the JSON notes say so).
  const view = dropSelfComparison(opened.view, id, id);
  const { dataset, state, defaults } = view;
  const asked = id ? askQuestion(view, id) : undefined;
  if (!asked)
    return problem(id ? 404 : 400, id ? `There is no question "${id.slice(0, 80)}" in this wave.` : 'Name the question to export with _question=<id>.');
  const result = aggregateView({ id: dataset.id, waves: [...view.loaded] }, asked.query, writeFilterText(state.filters));
  if (result.rows.length === 0 && result.problems.length > 0) return problem(400, [...view.notes, ...result.problems].join('\n'));
  const name = writeDownloadName(dataset.id, asked.query.questionId, state, defaults, format);
  const missingNotes = view.failures.map((failure) => `wave ${failure.wave.id} could not be read (${failure.message}): the trend leaves it out`);
  const rows = flagMissingWaves(
    result.rows,
    view.failures.map((failure) => failure.wave.id),
  );
  const warning: Record<string, string> = missingNotes.length > 0 ? { 'x-survey-lens-warning': missingNotes.join(' ').replace(/[^\x20-\x7e]/g, '.') } : {};
  if (format === 'json')
    return Response.json(
      { notes: [...missingNotes, ...view.notes, ...result.notes, ...result.problems], rows: rows.map(toExportRecord) },
      { headers: { ...downloadHeaders(name), ...warning } },
    );
  return new Response(writeAggregateCsv(rows), { headers: { ...downloadHeaders(name, 'text/csv; charset=utf-8'), ...warning } });
}
