import { buildFrame } from '@/lib/view/figures/build-frame';
import { packFacet } from '@/lib/view/figures/pack-facets';
import { readFacetsKeys } from '@/lib/view/state/view-keys';
import { openExportView } from '@/app/_server/open-export-view';

/**
 * The options of the facets a reader opens (a page sends only those that start open, once a
 * sidebar's options are many): the page's own query on this route, read as the page reads it
 * and counted by the same buildFrame, so public mode answers with the released counts the page
 * would have shown, and a view it refuses gets the reason, never a count.
 */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }): Promise<Response> {
  const { ids, kind } = readFacetsKeys(new URL(request.url).searchParams);
  // A trend whose older wave cannot be read still has its filters, as its page does.
  const opened = await openExportView(request, params, { kind, partialTrend: true });
  if (opened instanceof Response) return opened;
  const { view } = opened;
  const wanted = new Set(ids);
  const { facets } = buildFrame(view.reference.survey, view.state, view.defaults, view.refused);
  const found = facets.flatMap((group) => group.facets).filter((facet) => wanted.has(facet.id));
  return Response.json({ facets: found.map(packFacet) }, { headers: { 'x-content-type-options': 'nosniff' } });
}
