import { computeFindingsView } from '@/lib/view/figures/findings-view';
import { writeFindingsDownload } from '@/lib/view/figures/findings-download';
import { changeView } from '@/lib/view/state/change-view';
import { readExportKeys } from '@/lib/view/state/view-keys';
import { writeDownloadName } from '@/lib/view/words/download-name';
import { downloadHeaders, openExportView, problem } from '@/app/_server/open-export-view';

/**
 * The findings page's rows as CSV (or JSON): its own query on this route, read as the page reads
 * it, computed by the same function — the bytes `survey-lens findings` prints. Public mode: 403.
 */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }): Promise<Response> {
  const opened = await openExportView(request, params, { everyWave: true });
  if (opened instanceof Response) return opened;
  const { url, view } = opened;
  const { dataset, state, defaults } = view;
  const findings = computeFindingsView(view);
  if (findings.refused) return problem(403, findings.refused);
  if (findings.problems.length > 0) return problem(400, [...view.notes, ...findings.problems].join('\n'));
  const { format } = readExportKeys(url.searchParams);
  const name = writeDownloadName(dataset.id, 'findings', changeView(state, { wave: findings.wave?.id }), defaults, format);
  const body = writeFindingsDownload(dataset.id, state, findings, format);
  return new Response(body, { headers: downloadHeaders(name, format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8') });
}
