import 'server-only';
import { openView, type LoadedWave, type OpenView } from './open-view';
import { findDatasetBySegment } from './resolve-dataset';

/** A plain-text answer for a download that cannot be made, saying why. */
export function problem(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/** A download's headers: its file name, and no content sniffing. */
export function downloadHeaders(name: string, contentType?: string): Record<string, string> {
  return { ...(contentType ? { 'content-type': contentType } : {}), 'content-disposition': `attachment; filename="${name}"`, 'x-content-type-options': 'nosniff' };
}

/**
 * A download route's view, read exactly as its page reads it — or the reason there is none: an
 * unknown dataset or wave (never another wave's figures instead), or a wave that could not be read.
 */
export async function openExportView(request: Request, params: Promise<{ dataset: string }>): Promise<{ url: URL; view: OpenView & { reference: LoadedWave } } | Response> {
  const url = new URL(request.url);
  const segment = (await params).dataset;
  if (!findDatasetBySegment(segment)) return problem(404, 'There is no such dataset.');
  const view = await openView(segment, url.searchParams);
  const requestedWave = url.searchParams.get('_wave');
  if (requestedWave !== null && requestedWave !== 'all' && !view.defaults.waveIds.includes(requestedWave)) {
    return problem(404, `There is no wave "${requestedWave.slice(0, 40)}" in ${view.dataset.id}; waves are ${view.defaults.waveIds.join(', ')}.`);
  }
  if (view.failures.length > 0 || !view.reference) {
    return problem(409, view.failures.map((failure) => `Wave ${failure.wave.id} could not be read: ${failure.message}`).join('\n') || 'No wave of this dataset could be read.');
  }
  return { url, view: view as OpenView & { reference: LoadedWave } };
}
