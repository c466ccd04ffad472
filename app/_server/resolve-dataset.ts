import 'server-only';
import { notFound } from 'next/navigation';
import type { DatasetSource, WaveSource } from '@/lib/survey/discover-datasets';
import { parseWaveParam } from '@/lib/view/parse-view-state';
import type { SearchParams } from '@/lib/view/search-params';
import { findDataset } from './survey-store';

export interface DatasetRequest {
  dataset: DatasetSource;
  query: SearchParams;
  /** The wave to show; undefined only when the dataset has no waves (an invalid codebook). */
  wave?: WaveSource;
  latestWave?: string;
  notes: string[];
}

/** Route params may arrive percent-encoded; a malformed escape is kept as written. */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The dataset named in the URL and the wave to show. Runs before anything streams, so an
 * unknown dataset answers with a real 404 status.
 */
export async function resolveDataset(params: Promise<{ dataset: string }>, searchParams: Promise<SearchParams>): Promise<DatasetRequest> {
  const [{ dataset: raw }, query] = await Promise.all([params, searchParams]);
  const dataset = findDataset(raw) ?? findDataset(decodeSegment(raw));
  if (!dataset) notFound();
  const waveIds = dataset.waves.map((wave) => wave.id);
  const { value, notes } = parseWaveParam(query, waveIds);
  return { dataset, query, wave: dataset.waves.find((wave) => wave.id === value), latestWave: waveIds.at(-1), notes };
}
