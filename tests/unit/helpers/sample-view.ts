import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codebookSchema, type Codebook } from '../../../lib/survey/codebook-schema';
import { linkWaves } from '../../../lib/survey/link-waves';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import type { Wave } from '../../../lib/survey/types';
import type { FindingsPageView } from '../../../lib/view/figures/findings-page';
import { parseViewState } from '../../../lib/view/state/parse-view-state';
import { resolveViewState } from '../../../lib/view/state/resolve-view-state';
import { viewDefaultsOf } from '../../../lib/view/state/view-defaults';
import { wavesOf } from '../../../lib/view/state/view-state';
import { makeViewHrefs } from '../../../lib/view/state/write-view-query';

/**
 * The bundled synthetic sample (data/state-of-engineers: 2020, 2021, 2022, weighted) opened as a
 * page opens a URL — parsed, checked against the wave, every wave and their links read — without
 * the survey store, so a test needs no cache folder.
 */
const root = path.resolve(__dirname, '../../..');
export const SAMPLE_CODEBOOK: Codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8')));
const SAMPLE_WAVES = ['2020', '2021', '2022'];

let waves: Promise<Wave[]> | undefined;
export function loadSampleWaves(): Promise<Wave[]> {
  waves ??= Promise.all(
    SAMPLE_WAVES.map(async (id) => ({ id, survey: await loadSurveyFile(path.join(root, `data/state-of-engineers/${id}.csv`), { codebook: SAMPLE_CODEBOOK }) })),
  );
  return waves;
}

/** The view of `query` on the sample: `everyWave` false reads only the waves the view covers, as the overview does. */
export async function openSampleView(query: string, options: { everyWave?: boolean; mode?: string } = {}): Promise<FindingsPageView> {
  const all = await loadSampleWaves();
  const dataset = { id: 'state-of-engineers', waves: all.map(({ id }) => ({ id })), codebook: SAMPLE_CODEBOOK };
  const defaults = viewDefaultsOf(dataset, options.mode ?? 'analyst');
  const parsed = parseViewState(new URLSearchParams(query), defaults);
  const loaded = all.filter((wave) => wavesOf(parsed.value, defaults.waveIds).includes(wave.id));
  const reference = loaded.at(-1)!;
  const state = resolveViewState(parsed.value, reference.survey).value;
  const every = options.everyWave === false ? {} : { everyWave: all, waveLinks: linkWaves(all, SAMPLE_CODEBOOK) };
  return { dataset, defaults, state, loaded, reference, hrefs: makeViewHrefs(dataset.id, defaults), ...every };
}
