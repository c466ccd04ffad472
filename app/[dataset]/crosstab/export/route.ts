import { toCrosstabRecord, writeCrosstabCsv } from '@/lib/analysis/write-crosstab-csv';
import { computeCrosstabs } from '@/lib/view/figures/compute-crosstabs';
import { writeDownloadName } from '@/lib/view/words/download-name';
import { downloadHeaders, openExportView, problem } from '@/app/_server/open-export-view';

/** The crosstab page's tables as CSV (or JSON): its own query on this route, the same rows as `survey-lens crosstab`. */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }): Promise<Response> {
  const opened = await openExportView(request, params, { kind: 'crosstab' });
  if (opened instanceof Response) return opened;
  const { url, view } = opened;
  const { dataset, state, defaults, reference } = view;
  if (state.rows.length === 0 || !state.cols) return problem(400, ['Name the questions to cross with _rows=<id> and _cols=<id>.', ...view.notes].join('\n'));
  const result = computeCrosstabs(dataset.id, reference, state, defaults);
  const rows = result.tables.flatMap((table) => table.rows);
  if (rows.length === 0) return problem(400, [...view.notes, ...result.problems].join('\n'));
  const format = url.searchParams.get('_format') === 'json' ? 'json' : 'csv';
  const name = writeDownloadName(dataset.id, `crosstab_${state.rows.join('+')}_by_${state.cols}`, state, defaults, format);
  if (format === 'json')
    return Response.json({ notes: [...view.notes, ...result.notes, ...result.problems], rows: rows.map(toCrosstabRecord) }, { headers: downloadHeaders(name) });
  return new Response(writeCrosstabCsv(rows), { headers: downloadHeaders(name, 'text/csv; charset=utf-8') });
}
