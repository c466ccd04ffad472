import 'server-only';
import { notFound } from 'next/navigation';
import type { DatasetSource, WaveSource } from '@/lib/store/discover-datasets';
import type { Survey } from '@/lib/survey/types';
import { parseViewState } from '@/lib/view/state/parse-view-state';
import { resolveViewState } from '@/lib/view/state/resolve-view-state';
import type { SearchParams } from '@/lib/view/state/search-params';
import { viewDefaultsOf } from '@/lib/view/state/view-defaults';
import { wavesOf, type ViewDefaults, type ViewState } from '@/lib/view/state/view-state';
import { makeViewLinks, type ViewLinks } from '@/lib/view/state/write-view-query';
import { findDatasetBySegment } from './resolve-dataset';
import { configureCellKeySecret } from '@/lib/store/cell-key-secret';
import { cacheFolder } from '../../lib/store/persisted-surveys';

// Public mode perturbs counts with record keys derived from a secret kept beside the cache.
configureCellKeySecret(cacheFolder());
import { getWave, getWaveLinks, type WaveResult } from '../../lib/store/survey-store';
import type { WaveLinks } from '@/lib/survey/link-waves';

export interface LoadedWave {
  id: string;
  source: WaveSource;
  survey: Survey;
}

/** A request's view: the dataset, the validated state, the waves it covers, and every link it can draw. */
export interface OpenView {
  dataset: DatasetSource;
  defaults: ViewDefaults;
  state: ViewState;
  /** What in the URL could not be used, in plain words. */
  notes: string[];
  links: ViewLinks;
  /** The waves the view covers that loaded, oldest first. */
  loaded: LoadedWave[];
  /** The wave whose questions filters and segments are checked against: the one shown, or the latest of a trend. */
  reference?: LoadedWave;
  failures: Extract<WaveResult, { ok: false }>[];
  /** For a trend (`_wave=all`): which questions of the waves are the same question. */
  waveLinks?: WaveLinks;
}

/**
 * The one way a page or route reads its URL: dataset (404 when unknown, before anything
 * streams), then the view state parsed, the waves it covers loaded (cached), and the state
 * checked against the survey. Pages, the export route and their links all start here.
 */
export async function openView(datasetSegment: string, params: SearchParams | URLSearchParams): Promise<OpenView> {
  const dataset = findDatasetBySegment(datasetSegment);
  if (!dataset) notFound();
  const defaults = viewDefaultsOf(dataset);
  const parsed = parseViewState(params, defaults);
  const results = await Promise.all(
    wavesOf(parsed.value, defaults.waveIds).map((id) =>
      getWave(
        dataset,
        dataset.waves.find((wave) => wave.id === id)!,
      ),
    ),
  );
  const loaded = results.flatMap((result) => (result.ok ? [{ id: result.wave.id, source: result.wave, survey: result.survey }] : []));
  const failures = results.filter((result): result is Extract<WaveResult, { ok: false }> => !result.ok);
  const reference = loaded.at(-1);
  const resolved = reference ? resolveViewState(parsed.value, reference.survey) : { value: parsed.value, notes: [] };
  return {
    dataset,
    defaults,
    state: resolved.value,
    notes: [...parsed.notes, ...resolved.notes],
    links: makeViewLinks(dataset.id, defaults),
    loaded,
    reference,
    failures,
    ...(parsed.value.wave === 'all' ? { waveLinks: getWaveLinks(dataset, loaded) } : {}),
  };
}
