import path from 'node:path';
import { existsSync } from 'node:fs';
import { loadSurveyFile } from '../lib/survey/load-survey-file';
import type { Codebook } from '../lib/survey/codebook-schema';
import { dataRootsFromEnv, discoverDatasets, yearIn } from '../lib/survey/discover-datasets';
import { aggregateView, type DatasetWaves } from '../lib/analysis/aggregate-view';
import { toExportRecord, writeAggregateCsv } from '../lib/analysis/write-aggregate-csv';
import { parseWhereExpression, writeFilterText } from '../lib/view/filter-grammar';
import { parseViewState } from '../lib/view/parse-view-state';
import { resolveViewState } from '../lib/view/resolve-view-state';
import { toAggregateQuery } from '../lib/view/to-aggregate-query';
import { homeWaveOf, trendOf } from '../lib/view/trend-links';
import { linkWaves } from '../lib/survey/link-waves';
import { viewDefaultsOf } from '../lib/view/view-defaults';
import { wavesOf, type ViewDefaults } from '../lib/view/view-state';

export interface AggregateArguments {
  target?: string;
  question?: string;
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
}

export class UsageError extends Error {}

interface Target {
  id: string;
  defaults: ViewDefaults;
  codebook?: Codebook;
  load(waveIds: readonly string[]): Promise<DatasetWaves['waves']>;
}

/** A file path is a one-wave dataset; anything else is looked up as a dataset id. Waves are read only when needed. */
function findTarget(target: string, codebook: Codebook | undefined): Target {
  if (existsSync(target) && /\.csv(\.gz)?$/i.test(target)) {
    const listed = codebook?.waves?.find((wave) => path.basename(target) === wave.file);
    const wave = listed?.id ?? yearIn(path.basename(target)) ?? path.basename(target).replace(/\.csv(\.gz)?$/i, '');
    return {
      id: path.basename(path.dirname(path.resolve(target))),
      defaults: viewDefaultsOf({ waves: [{ id: wave }], codebook }),
      codebook,
      load: async () => [{ id: wave, survey: await loadSurveyFile(target, { codebook }) }],
    };
  }
  const datasets = discoverDatasets(dataRootsFromEnv(process.cwd(), process.env.SURVEY_LENS_DATA));
  const dataset = datasets.find((d) => d.id === target);
  if (!dataset) throw new UsageError(`"${target}" is neither a .csv/.csv.gz file nor a dataset id; datasets are ${datasets.map((d) => d.id).join(', ') || '(none)'}`);
  const used = codebook ?? dataset.codebook;
  return {
    id: dataset.id,
    defaults: viewDefaultsOf({ waves: dataset.waves, codebook: used }),
    codebook: used,
    load: async (waveIds) => {
      const waves = [];
      for (const wave of dataset.waves.filter((w) => waveIds.includes(w.id))) waves.push({ id: wave.id, survey: await loadSurveyFile(wave.path, { codebook: used }) });
      return waves;
    },
  };
}

/**
 * The command line as URL pairs: `--where` in the filter grammar, the rest as `_` settings.
 * Flags come first, so a flag wins over the same setting in --view (the first value is read).
 * Without --view, no --wave means every wave.
 */
function toViewPairs(args: AggregateArguments): [string, string][] {
  const settings: [string, string][] = [];
  if (args.by) settings.push(['_by', args.by]);
  if (args.base !== undefined) {
    if (args.base !== 'answered' && args.base !== 'all') throw new UsageError(`--base is "answered" or "all", not "${args.base}"`);
    settings.push(['_base', args.base]);
  }
  if (args.wave !== undefined) settings.push(['_wave', args.wave]);
  else if (args.view === undefined) settings.push(['_wave', 'all']);
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

/**
 * `survey-lens aggregate`: the same rows as the dashboard's export, on standard output, from the
 * same view state. Flags are strict (a bad one exits 2); `--view` is read as leniently as the
 * page reads its URL, with what it could not use printed as notes. Returns the exit code.
 */
export async function runAggregate(args: AggregateArguments, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (!args.target) throw new UsageError('name a CSV file or a dataset id');
  if (!args.question) throw new UsageError('--question <id> is required');
  const format = args.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);
  const suppressBelow = args.suppressBelow === undefined ? undefined : Number(args.suppressBelow);
  if (suppressBelow !== undefined && !(Number.isInteger(suppressBelow) && suppressBelow >= 0)) throw new UsageError('--suppress-below takes a whole number');
  const target = findTarget(args.target, args.codebook);
  if (args.wave !== undefined && args.wave !== 'all' && !target.defaults.waveIds.includes(args.wave)) {
    throw new UsageError(`there is no wave "${args.wave}"; waves are ${target.defaults.waveIds.join(', ')}`);
  }
  const parsed = parseViewState(toViewPairs(args), target.defaults);
  const strict = args.view === undefined;
  if (strict && parsed.notes.length > 0) throw new UsageError(parsed.notes.join(' '));
  const waves = await target.load(wavesOf(parsed.value, target.defaults.waveIds));
  const reference = waves.at(-1);
  const resolved = reference ? resolveViewState(parsed.value, reference.survey) : { value: parsed.value, notes: [] };
  const notes = [...(strict ? [] : parsed.notes), ...resolved.notes];
  if (strict && notes.length > 0) {
    for (const note of notes) err(`survey-lens: ${note}\n`);
    return 2;
  }
  const state = resolved.value;
  const query = toAggregateQuery(state, args.question, target.defaults);
  // A trend joins a question's waves only where it is the same question, as the page does.
  const home = homeWaveOf(waves, args.question, state.asIn);
  if (waves.length > 1 && home) query.links = trendOf(linkWaves(waves, target.codebook), waves.map((wave) => wave.id), home.id, args.question, target.codebook, { filterWave: reference!.id, filters: state.filters, by: state.by }).links;
  // Someone who holds the file may choose its weight column and threshold; a reader of the dashboard may not.
  if (args.weight !== undefined && args.weight !== 'none') query.weight = args.weight;
  if (suppressBelow !== undefined) query.suppressBelow = suppressBelow;
  const result = aggregateView({ id: target.id, waves }, query, writeFilterText(state.filters));
  for (const note of [...notes, ...result.notes]) err(`survey-lens: note: ${note}\n`);
  if (result.problems.length > 0) {
    for (const problem of result.problems) err(`survey-lens: ${problem}\n`);
    return 2;
  }
  out(format === 'csv' ? writeAggregateCsv(result.rows) : `${JSON.stringify(result.rows.map(toExportRecord), null, 2)}\n`);
  return 0;
}
