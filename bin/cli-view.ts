import path from 'node:path';
import { existsSync } from 'node:fs';
import { loadSurveyFile } from '../lib/store/load-survey-file';
import { configureCellKeySecret } from '../lib/store/cell-key-secret';
import type { Codebook } from '../lib/survey/codebook-schema';
import { dataRootsFromEnv, discoverDatasets, SURVEY_FILE, yearIn } from '../lib/store/discover-datasets';
import type { DatasetWaves } from '../lib/analysis/aggregate-query';
import { parseWhereExpression } from '../lib/view/state/filter-grammar';
import { parseViewState } from '../lib/view/state/parse-view-state';
import { resolveViewState } from '../lib/view/state/resolve-view-state';
import { viewDefaultsOf } from '../lib/view/state/view-defaults';
import { wavesOf, type ViewDefaults, type ViewState } from '../lib/view/state/view-state';

/** The view flags every figures command takes. */
export interface ViewArguments {
  target?: string;
  where: string[];
  by?: string;
  weight?: string;
  base?: string;
  wave?: string;
  codebook?: Codebook;
  format?: string;
  suppressBelow?: string;
  /** A dashboard URL's query string: the view exactly as the page reads it (leniently, with notes). */
  view?: string;
  /** Crosstab row questions (repeatable) and column question. */
  rows: string[];
  cols?: string;
}

export class UsageError extends Error {}

// A codebook that says `disclosure: public` (or SURVEY_LENS_MODE=public) perturbs the CLI's
// counts as the server's, with the same secret (SURVEY_LENS_SECRET, or the one in the cache folder).
configureCellKeySecret(path.resolve(process.env.SURVEY_LENS_CACHE || path.join(process.cwd(), '.survey-lens-cache')));

interface Target {
  id: string;
  defaults: ViewDefaults;
  codebook?: Codebook;
  load(waveIds: readonly string[]): Promise<DatasetWaves['waves']>;
}

/** A file path is a one-wave dataset; anything else is looked up as a dataset id. Waves are read only when needed. */
export function findTarget(target: string, codebook: Codebook | undefined): Target {
  if (existsSync(target) && SURVEY_FILE.test(target)) {
    const listed = codebook?.waves?.find((wave) => path.basename(target) === wave.file);
    const wave = listed?.id ?? yearIn(path.basename(target)) ?? path.basename(target).replace(SURVEY_FILE, '');
    return {
      id: path.basename(path.dirname(path.resolve(target))),
      defaults: viewDefaultsOf({ waves: [{ id: wave }], codebook }),
      codebook,
      load: async () => [{ id: wave, survey: await loadSurveyFile(target, { codebook }) }],
    };
  }
  const datasets = discoverDatasets(dataRootsFromEnv(process.cwd(), process.env.SURVEY_LENS_DATA));
  const dataset = datasets.find((d) => d.id === target);
  if (!dataset)
    throw new UsageError(
      `"${target}" is neither a survey file (.csv, .tsv, optionally .gz) nor a dataset id; datasets are ${datasets.map((d) => d.id).join(', ') || '(none)'}`,
    );
  const used = codebook ?? dataset.codebook;
  return {
    id: dataset.id,
    defaults: viewDefaultsOf({ waves: dataset.waves, codebook: used }),
    codebook: used,
    load: async (waveIds) => {
      const waves = [];
      for (const wave of dataset.waves.filter((w) => waveIds.includes(w.id)))
        waves.push({ id: wave.id, survey: await loadSurveyFile(wave.path, { codebook: codebook ?? wave.codebook ?? dataset.codebook }) });
      return waves;
    },
  };
}

/**
 * The command line as URL pairs: `--where` in the filter grammar, the rest as `_` settings.
 * Flags come first, so a flag wins over the same setting in --view (the first value is read).
 * Without --view and --wave, `aggregate` takes every wave (a trend), `crosstab` the latest.
 */
function toViewPairs(args: ViewArguments, allWaves: boolean): [string, string][] {
  const settings: [string, string][] = [];
  if (args.by) settings.push(['_by', args.by]);
  if (args.base !== undefined) {
    if (args.base !== 'answered' && args.base !== 'all') throw new UsageError(`--base is "answered" or "all", not "${args.base}"`);
    settings.push(['_base', args.base]);
  }
  if (args.wave !== undefined) settings.push(['_wave', args.wave]);
  else if (args.view === undefined && allWaves) settings.push(['_wave', 'all']);
  for (const row of args.rows) settings.push(['_rows', row]);
  if (args.cols) settings.push(['_cols', args.cols]);
  if (args.weight === 'none') settings.push(['_weight', '0']);
  const filters = args.where.map((expression): [string, string] => {
    const pair = parseWhereExpression(expression);
    if (typeof pair === 'string') throw new UsageError(pair);
    // In a URL `_` keys are settings; on the command line there are none, so say so rather than drop it.
    if (pair[0].startsWith('_')) throw new UsageError(`--where "${expression}": question ids cannot start with "_"`);
    return pair;
  });
  const view: [string, string][] = args.view !== undefined ? [...new URLSearchParams(args.view).entries()] : [];
  return [...settings, ...view, ...filters];
}

export interface CliView {
  target: Target;
  state: ViewState;
  waves: DatasetWaves['waves'];
  reference?: DatasetWaves['waves'][number];
  /** What --view could not use (printed as notes); strict flags never get here with notes. */
  notes: string[];
  format: 'csv' | 'json';
  suppressBelow?: number;
}

/**
 * The command line's view, read as the page reads its URL: flags are strict (a bad one is a
 * usage error, exit 2), `--view` lenient (what it cannot use is returned as notes).
 */
export async function openCliView(args: ViewArguments, options: { allWaves: boolean }): Promise<CliView | { exit: number; messages: string[] }> {
  if (!args.target) throw new UsageError('name a CSV file or a dataset id');
  const format = args.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);
  const suppressBelow = args.suppressBelow === undefined ? undefined : Number(args.suppressBelow);
  if (suppressBelow !== undefined && !(Number.isInteger(suppressBelow) && suppressBelow >= 0)) throw new UsageError('--suppress-below takes a whole number');
  const target = findTarget(args.target, args.codebook);
  // The dataset's rules hold on the command line as on the dashboard (issue 16): a threshold can
  // be raised, never lowered, and the weight is the codebook's or none. To change either, edit
  // the codebook (`suppressBelow`, `weight`) — that is the dataset owner's decision, written down.
  if (suppressBelow !== undefined && suppressBelow < target.defaults.suppressBelow) {
    throw new UsageError(
      `--suppress-below ${suppressBelow} would lower the dataset's threshold of ${target.defaults.suppressBelow}; it can only be raised (the codebook's suppressBelow sets the floor)`,
    );
  }
  const ownWeight = target.codebook?.weight;
  if (args.weight !== undefined && args.weight !== 'none' && args.weight !== ownWeight) {
    throw new UsageError(
      `--weight ${args.weight}: figures are weighted by the codebook's weight column${ownWeight ? ` ("${ownWeight}")` : ' (this dataset has none)'} or not at all (--weight none); name another column as "weight" in the codebook to use it`,
    );
  }
  if (args.wave !== undefined && args.wave !== 'all' && !target.defaults.waveIds.includes(args.wave)) {
    throw new UsageError(`there is no wave "${args.wave}"; waves are ${target.defaults.waveIds.join(', ')}`);
  }
  const parsed = parseViewState(toViewPairs(args, options.allWaves), target.defaults);
  const strict = args.view === undefined;
  if (strict && parsed.notes.length > 0) throw new UsageError(parsed.notes.join(' '));
  const waves = await target.load(wavesOf(parsed.value, target.defaults.waveIds));
  const reference = waves.at(-1);
  const resolved = reference ? resolveViewState(parsed.value, reference.survey) : { value: parsed.value, notes: [] };
  const notes = [...(strict ? [] : parsed.notes), ...resolved.notes];
  if (strict && notes.length > 0) return { exit: 2, messages: notes };
  return { target, state: resolved.value, waves, reference, notes, format, suppressBelow };
}
