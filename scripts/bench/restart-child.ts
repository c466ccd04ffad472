/**
 * A server's first dataset page after a start, without React: a fresh process reads the dataset
 * through the app's own store (app/_server/survey-store: file hash, persisted cache, else the
 * parse, then the cache written) and computes the overview's first page of question cards
 * (lib/view's buildQuestionView, as app/_sections/wave-overview does). With a cache folder
 * holding the dataset (warm) or an empty one (cold). Run with --conditions=react-server, so
 * that the store's `server-only` import resolves as it does inside Next.
 *
 *   SURVEY_LENS_DATA=… SURVEY_LENS_CACHE=… node --conditions=react-server --import tsx scripts/bench/restart-child.ts <dataset-id>
 */
import { existsSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { aggregatable } from '../../lib/analysis/question-figures';
import { buildQuestionView } from '../../lib/view/figures/question-view';
import { ask } from './ask';
import { parseViewState } from '../../lib/view/state/parse-view-state';
import { resolveViewState } from '../../lib/view/state/resolve-view-state';
import { viewDefaultsOf } from '../../lib/view/state/view-defaults';
import { wavesOf } from '../../lib/view/state/view-state';
import { printResult } from './child-result';

/** Cards on the overview's first page (app/_sections/wave-overview QUESTIONS_PER_PAGE) and bars per card. */
const QUESTIONS_PER_PAGE = 24;
const OVERVIEW_BARS = 8;

export interface RestartResult {
  /** From this process's start (Node's time origin) to the page's figures. */
  sinceStartMs: number;
  /** The store's part: hash, cache read or parse. */
  loadMs: number;
  /** The first page's cards. */
  pageMs: number;
  /** Whether the store answered from the persisted cache (a cache file existed before the start). */
  warm: boolean;
  respondents: number;
}

/** The store writes the cache without awaiting it: a cold run waits for it, so the warm run after finds it. */
async function waitForCache(folder: string): Promise<void> {
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.summary.json'))) return;
    await sleep(50);
  }
  throw new Error(`no cache entry appeared in ${folder}`);
}

async function main(): Promise<void> {
  const id = process.argv[2];
  const { cacheFolder } = await import('../../lib/store/persisted-surveys');
  const { findDataset, getWave } = await import('../../lib/store/survey-store');
  const folder = cacheFolder();
  const warm = existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.survey'));
  const loadStart = performance.now();
  const dataset = findDataset(id);
  if (!dataset) throw new Error(`no dataset "${id}" under SURVEY_LENS_DATA`);
  const defaults = viewDefaultsOf(dataset);
  const parsed = parseViewState(new URLSearchParams(), defaults).value;
  const results = await Promise.all(
    wavesOf(parsed, defaults.waveIds).map((waveId) =>
      getWave(
        dataset,
        dataset.waves.find((wave) => wave.id === waveId)!,
      ),
    ),
  );
  const reference = results.at(-1);
  if (!reference?.ok) throw new Error(`the dataset did not load: ${reference && !reference.ok ? reference.message : 'no wave'}`);
  const loadMs = performance.now() - loadStart;
  const pageStart = performance.now();
  const state = resolveViewState(parsed, reference.survey).value;
  const waves = { id: dataset.id, waves: [{ id: reference.wave.id, survey: reference.survey }] };
  for (const question of reference.survey.questions.slice(0, QUESTIONS_PER_PAGE).filter(aggregatable)) {
    buildQuestionView(waves, ask(waves, defaults, { ...state, wave: reference.wave.id }, question.id, false), state, { limit: OVERVIEW_BARS });
  }
  const done = performance.now();
  const result: RestartResult = { sinceStartMs: done, loadMs, pageMs: done - pageStart, warm, respondents: reference.survey.size };
  if (!warm) await waitForCache(folder);
  printResult(result);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
