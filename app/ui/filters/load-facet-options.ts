import type { PackedFacet, PackedOptions } from '@/lib/view/figures/pack-facets';

/** Loaded options, by view and facet: reopening a facet, or Back to a view, asks nothing again. */
const loaded = new Map<string, Promise<PackedOptions | undefined>>();
/** Views whose loads are kept; the oldest go first. */
const KEPT = 200;

/** Facets asked for in the same turn (a search opens every match at once) share one request. */
let batch: { view: string; ids: Set<string>; answer: Promise<Map<string, PackedOptions>> } | undefined;

function startBatch(view: string, href: (ids: readonly string[]) => string): NonNullable<typeof batch> {
  const ids = new Set<string>();
  const answer = new Promise((resolve) => setTimeout(resolve, 0)).then(async () => {
    if (batch?.ids === ids) batch = undefined;
    const response = await fetch(href([...ids]), { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`the facets route answered ${response.status}`);
    const body = (await response.json()) as { facets: PackedFacet[] };
    return new Map(body.facets.flatMap((facet) => (facet.options ? [[facet.id, facet.options] as const] : [])));
  });
  return { view, ids, answer };
}

/**
 * A collapsed facet's options for a view (`view` names it; `href` writes the facets route's URL
 * for some of its facets). Undefined when the view has no such facet any more; a failed load is
 * forgotten, so opening the facet again retries.
 */
export function loadFacetOptions(view: string, id: string, href: (ids: readonly string[]) => string): Promise<PackedOptions | undefined> {
  const key = `${view}\n${id}`;
  const known = loaded.get(key);
  if (known) return known;
  if (batch?.view !== view) batch = startBatch(view, href);
  batch.ids.add(id);
  const answer = batch.answer.then((options) => options.get(id));
  answer.catch(() => loaded.delete(key));
  loaded.set(key, answer);
  if (loaded.size > KEPT) loaded.delete(loaded.keys().next().value!);
  return answer;
}
