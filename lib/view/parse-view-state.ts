import { z } from 'zod';
import { readParam, type SearchParams } from './search-params';

/** The non-filter part of the URL this app reads so far: `_wave`, `_sort`, `_desc`, `_page`. */
export interface ViewState {
  wave: string;
  /** Question id to sort the responses table by; undefined = file order. */
  sort?: string;
  desc: boolean;
  /** 1-based. */
  page: number;
}

/** A parsed value plus what was wrong with the URL, in words a reader understands. */
export interface Parsed<T> {
  value: T;
  notes: string[];
}

const pageSchema = z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().min(1));
const descSchema = z.enum(['1', '0', 'true', 'false']).transform((value) => value === '1' || value === 'true');

/** Unknown or missing `_wave` falls back to the latest wave (waves are listed oldest first). */
export function parseWaveParam(params: SearchParams, waveIds: readonly string[]): Parsed<string> {
  const latest = waveIds[waveIds.length - 1] ?? '';
  const requested = readParam(params, '_wave');
  if (requested === undefined || waveIds.includes(requested)) return { value: requested ?? latest, notes: [] };
  return { value: latest, notes: [`There is no wave “${requested}” in this dataset; showing the latest wave, ${latest}.`] };
}

/** `_page` for any paged list; the caller clamps it to the number of pages it has. */
export function parsePageParam(params: SearchParams): Parsed<number> {
  const raw = readParam(params, '_page');
  if (raw === undefined) return { value: 1, notes: [] };
  const parsed = pageSchema.safeParse(raw);
  return parsed.success ? { value: parsed.data, notes: [] } : { value: 1, notes: [`“${raw}” is not a page number; showing page 1.`] };
}

/** `_sort` must name a question of the wave on screen; `_desc` is 1/0 (true/false accepted). */
export function parseSortParams(params: SearchParams, questionIds: readonly string[]): Parsed<Pick<ViewState, 'sort' | 'desc'>> {
  const notes: string[] = [];
  const rawSort = readParam(params, '_sort');
  let sort: string | undefined;
  if (rawSort !== undefined && rawSort !== '') {
    if (questionIds.includes(rawSort)) sort = rawSort;
    else notes.push(`There is no question “${rawSort}” to sort by; showing responses in file order.`);
  }
  const rawDesc = readParam(params, '_desc');
  const desc = rawDesc === undefined ? { success: true as const, data: false } : descSchema.safeParse(rawDesc);
  if (!desc.success) notes.push(`“${rawDesc}” is not a sort direction (use _desc=1); sorting ascending.`);
  return { value: { sort, desc: sort !== undefined && desc.success && desc.data }, notes };
}
