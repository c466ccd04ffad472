import type { WaveLinks } from '../survey/link-waves';
import type { Wave } from '../survey/types';
import { parseViewState } from '../view/state/parse-view-state';
import { resolveViewState } from '../view/state/resolve-view-state';
import type { SearchParams } from '../view/state/search-params';
import { viewDefaultsOf } from '../view/state/view-defaults';
import { wavesOf, type ViewDefaults, type ViewState } from '../view/state/view-state';
import { makeViewHrefs, type ViewHrefs } from '../view/state/write-view-query';
import type { DatasetSource } from './discover-datasets';
import { configureCellKeySecret } from './cell-key-secret';
import { cacheFolder } from './persisted-surveys';
import { getWave, getWaveLinks, type WaveFailure } from './survey-store';

// Public mode perturbs counts with record keys derived from a secret kept beside the cache:
// the server and the CLI read the same one, so they publish the same noise.
configureCellKeySecret(cacheFolder());

/** A request's view: the dataset, the validated state, the waves it covers, and every link it can draw. */
export interface OpenView {
  dataset: DatasetSource;
  defaults: ViewDefaults;
  state: ViewState;
  /** What in the URL could not be used, in plain words: first what could not be read, then what the survey has not. */
  notes: string[];
  /** How many of `notes` are about reading the URL itself (the CLI's flags are strict about those). */
  readNotes: number;
  hrefs: ViewHrefs;
  /** The waves the view covers that loaded, oldest first. */
  loaded: Wave[];
  /** The wave whose questions filters and segments are checked against: the one shown, or the latest of a trend. */
  reference?: Wave;
  failures: WaveFailure[];
  /** Every wave of the dataset that loaded, when asked for or when the view is a trend. */
  everyWave?: Wave[];
  /** Which questions of `everyWave` are the same question (lib/survey/link-waves), with it. */
  waveLinks?: WaveLinks;
  /** With `everyWave`: the waves of the dataset that could not be read. */
  failedWaves?: string[];
}

/**
 * The one way a page, a download route or the CLI opens a view: the state parsed from the URL's
 * pairs, the waves it covers loaded through the survey store (parsed once, cached on disk), and
 * the state checked against the survey. A trend (`_wave=all`), or a caller that asks for
 * `everyWave` (a question page's wave switcher), also gets every wave and their links.
 */
export async function openDatasetView(
  dataset: DatasetSource,
  params: SearchParams | URLSearchParams | Iterable<[string, string]>,
  options: { everyWave?: boolean } = {},
): Promise<OpenView> {
  const defaults = viewDefaultsOf(dataset);
  const parsed = parseViewState(params, defaults);
  const covered = wavesOf(parsed.value, defaults.waveIds);
  const wanted = options.everyWave || parsed.value.wave === 'all' ? defaults.waveIds : covered;
  const results = await Promise.all(
    wanted.map((id) =>
      getWave(
        dataset,
        dataset.waves.find((wave) => wave.id === id)!,
      ),
    ),
  );
  const read = results.flatMap((result) =>
    result.ok ? [{ id: result.wave.id, survey: result.survey, ...(result.wave.label ? { label: result.wave.label } : {}) }] : [],
  );
  const loaded = read.filter((wave) => covered.includes(wave.id));
  const failures = results.filter((result): result is WaveFailure => !result.ok && covered.includes(result.wave.id));
  const reference = loaded.at(-1);
  const resolved = reference ? resolveViewState(parsed.value, reference.survey) : { value: parsed.value, notes: [] };
  const withEvery = options.everyWave || parsed.value.wave === 'all';
  return {
    dataset,
    defaults,
    state: resolved.value,
    notes: [...parsed.notes, ...resolved.notes],
    readNotes: parsed.notes.length,
    hrefs: makeViewHrefs(dataset.id, defaults),
    loaded,
    reference,
    failures,
    ...(withEvery
      ? { everyWave: read, waveLinks: getWaveLinks(dataset, read), failedWaves: results.filter((result) => !result.ok).map((result) => result.wave.id) }
      : {}),
  };
}
