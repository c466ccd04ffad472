import path from 'node:path';
import { existsSync } from 'node:fs';
import { loadSurveyFile } from '../lib/survey/load-survey-file';
import type { Codebook } from '../lib/survey/codebook-schema';
import { dataRootsFromEnv, discoverDatasets, yearIn } from '../lib/survey/discover-datasets';
import { aggregateView, type AggregateQuery, type DatasetWaves } from '../lib/analysis/aggregate-view';
import { parseFilterPairs, parseWhereExpression, writeFilterText } from '../lib/view/filter-grammar';
import { writeAggregateCsv } from '../lib/csv/write-aggregate-csv';

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
}

export class UsageError extends Error {}

/** A file path loads as a one-wave dataset; anything else is looked up as a dataset id. */
async function loadTarget(target: string, codebook: Codebook | undefined): Promise<DatasetWaves & { weighted: boolean }> {
  if (existsSync(target) && /\.csv(\.gz)?$/i.test(target)) {
    const survey = await loadSurveyFile(target, { codebook });
    const listed = codebook?.waves?.find((wave) => path.basename(target) === wave.file);
    const wave = listed?.id ?? yearIn(path.basename(target)) ?? path.basename(target).replace(/\.csv(\.gz)?$/i, '');
    return { id: path.basename(path.dirname(path.resolve(target))), waves: [{ id: wave, survey }], weighted: Boolean(codebook?.weight) };
  }
  const datasets = discoverDatasets(dataRootsFromEnv(process.cwd(), process.env.SURVEY_LENS_DATA));
  const dataset = datasets.find((d) => d.id === target);
  if (!dataset) {
    throw new UsageError(`"${target}" is neither a .csv/.csv.gz file nor a dataset id; datasets are ${datasets.map((d) => d.id).join(', ') || '(none)'}`);
  }
  const waves = [];
  for (const wave of dataset.waves) waves.push({ id: wave.id, survey: await loadSurveyFile(wave.path, { codebook: codebook ?? dataset.codebook }) });
  return { id: dataset.id, waves, weighted: Boolean((codebook ?? dataset.codebook)?.weight) };
}

function buildQuery(args: AggregateArguments): { query: AggregateQuery; filterText: string } {
  if (!args.question) throw new UsageError('--question <id> is required');
  const pairs = args.where.map((expression) => {
    const pair = parseWhereExpression(expression);
    if (typeof pair === 'string') throw new UsageError(pair);
    // In a URL `_` keys are settings; on the command line there are none, so say so rather than drop it.
    if (pair[0].startsWith('_')) throw new UsageError(`--where "${expression}": question ids cannot start with "_"`);
    return pair;
  });
  const { filters, notes } = parseFilterPairs(pairs);
  if (notes.length > 0) throw new UsageError(notes.join(' '));
  const base = args.base ?? 'answered';
  if (base !== 'answered' && base !== 'all') throw new UsageError(`--base is "answered" or "all", not "${base}"`);
  const suppressBelow = args.suppressBelow === undefined ? undefined : Number(args.suppressBelow);
  if (suppressBelow !== undefined && !(Number.isInteger(suppressBelow) && suppressBelow >= 0)) throw new UsageError('--suppress-below takes a whole number');
  return {
    query: { questionId: args.question, filters, by: args.by, baseRule: base, weight: args.weight === 'none' ? false : args.weight, waves: args.wave ? [args.wave] : [], suppressBelow },
    filterText: writeFilterText(filters),
  };
}

/** `survey-lens aggregate`: the same rows as the dashboard's export, on standard output. Returns the exit code. */
export async function runAggregate(args: AggregateArguments, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (!args.target) throw new UsageError('name a CSV file or a dataset id');
  const format = args.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format is csv or json, not "${format}"`);
  const { query, filterText } = buildQuery(args);
  const dataset = await loadTarget(args.target, args.codebook);
  // Like the dashboard: a codebook that names a weight column weights the figures unless --weight none.
  if (query.weight === undefined) query.weight = dataset.weighted;
  const result = aggregateView(dataset, query, filterText);
  for (const note of result.notes) err(`survey-lens: note: ${note}\n`);
  if (result.problems.length > 0) {
    for (const problem of result.problems) err(`survey-lens: ${problem}\n`);
    return 2;
  }
  out(format === 'csv' ? writeAggregateCsv(result.rows) : `${JSON.stringify(result.rows, null, 2)}\n`);
  return 0;
}
