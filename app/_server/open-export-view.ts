import 'server-only';
import { openView, type OpenView } from './open-view';
import type { Wave } from '@/lib/survey/types';
import { findDatasetBySegment } from './resolve-dataset';

/** A plain-text answer for a download that cannot be made, saying why. */
export function problem(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

/** A download's headers: its file name, and no content sniffing. */
export function downloadHeaders(name: string, contentType?: string): Record<string, string> {
  return {
    ...(contentType ? { 'content-type': contentType } : {}),
    'content-disposition': `attachment; filename="${name}"`,
    'x-content-type-options': 'nosniff',
  };
}

/**
 * A download route's view, read exactly as its page reads it — or the reason there is none, never
 * another wave's figures instead (issue 16, finding 6): an unknown dataset or wave is a 404 naming
 * the waves there are; a wave whose file is gone a 404, one that cannot be read a 409, each naming
 * the waves that can be. A trend (`_wave=all`) whose route says it can leave a wave out
 * (`partialTrend`) goes on with the waves that were read, and the route says which one is missing.
 * `everyWave` reads every wave and their links too, as the page behind the route does.
 */
export async function openExportView(
  request: Request,
  params: Promise<{ dataset: string }>,
  options: { partialTrend?: boolean; everyWave?: boolean; kind?: 'question' | 'crosstab' } = {},
): Promise<{ url: URL; view: OpenView & { reference: Wave } } | Response> {
  const url = new URL(request.url);
  const segment = (await params).dataset;
  if (!findDatasetBySegment(segment)) return problem(404, 'There is no such dataset.');
  const view = await openView(segment, url.searchParams, { everyWave: options.everyWave, kind: options.kind });
  // Public mode: a view outside the release gets the reason and what can be asked, never a figure.
  if (view.refused) return problem(403, view.refused);
  // A reader who left while the wave was read (a dropped slow download) costs no figures.
  if (request.signal.aborted) return problem(499, 'The client closed the connection.');
  const requestedWave = url.searchParams.get('_wave');
  if (requestedWave !== null && requestedWave !== 'all' && !view.defaults.waveIds.includes(requestedWave)) {
    return problem(404, `There is no wave "${requestedWave.slice(0, 40)}" in ${view.dataset.id}; waves are ${view.defaults.waveIds.join(', ')}.`);
  }
  const trendGoesOn = options.partialTrend === true && view.state.wave === 'all' && view.loaded.length > 0;
  if ((view.failures.length > 0 && !trendGoesOn) || !view.reference) {
    const failed = new Set(view.failures.map((failure) => failure.wave.id));
    const others = view.defaults.waveIds.filter((id) => !failed.has(id));
    const reasons = view.failures.map(
      (failure) => `Wave ${failure.wave.id} ${failure.missing ? 'has no file any more' : 'could not be read'}: ${failure.message}`,
    );
    const status = view.failures.length > 0 && view.failures.every((failure) => failure.missing) ? 404 : 409;
    return problem(
      status,
      [...reasons, others.length > 0 ? `Other waves: ${others.join(', ')} (ask for one with _wave=<id>).` : 'No wave of this dataset can be read.'].join('\n'),
    );
  }
  return { url, view: view as OpenView & { reference: Wave } };
}
