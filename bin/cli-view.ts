import path from 'node:path';
import { existsSync } from 'node:fs';
import type { Codebook } from '../lib/survey/codebook-schema';
import { SURVEY_FILE, type DatasetSource } from '../lib/store/discover-datasets';
import { yearIn } from '../lib/survey/name-waves';
import { openDatasetView, type OpenView } from '../lib/store/open-view';
import { listDatasets } from '../lib/store/survey-store';
import { parseWhereExpression } from '../lib/view/state/filter-grammar';
import { EXPORT_KEYS, findFlag, type ExportFormat } from '../lib/view/state/view-keys';
import { viewDefaultsOf } from '../lib/view/state/view-defaults';

/** The view flags every figures command takes: each `--flag value` is the URL key the key table gives it. */
export interface ViewArguments {
  target?: string;
  /** Flags in the order given, as `[--flag, value]` (repeatable ones repeat). */
  flags: [string, string][];
  where: string[];
  codebook?: Codebook;
  format?: string;
  /** A dashboard URL's query string: the view exactly as the page reads it (leniently, with notes). */
  view?: string;
}

export class UsageError extends Error {}

/** One file as a dataset of one wave, named by its folder; the wave by the codebook, else the year in its name. */
export function datasetOfFile(target: string, codebook: Codebook | undefined): DatasetSource {
  const file = path.resolve(target);
  const listed = codebook?.waves?.find((wave) => path.basename(file) === wave.file);
  const wave = listed?.id ?? yearIn(path.basename(file)) ?? path.basename(file).replace(SURVEY_FILE, '');
  const id = path.basename(path.dirname(file));
  return {
    id,
    title: codebook?.title ?? id,
    synthetic: false,
    dir: path.dirname(file),
    ...(codebook ? { codebook } : {}),
    waves: [{ id: wave, path: file }],
    origin: 'external',
  };
}

/** A file path is a one-wave dataset of its own; anything else is looked up as a dataset id. */
function findTarget(target: string, codebook: Codebook | undefined): DatasetSource {
  if (existsSync(target) && SURVEY_FILE.test(target)) return datasetOfFile(target, codebook);
  const datasets = listDatasets();
  const dataset = datasets.find((candidate) => candidate.id === target);
  if (!dataset)
    throw new UsageError(
      `"${target}" is neither a survey file (.csv, .tsv, optionally .gz) nor a dataset id; datasets are ${datasets.map((candidate) => candidate.id).join(', ') || '(none)'}`,
    );
  // --codebook replaces the dataset's codebook for every wave (a publisher's schema merged into a wave's included).
  return codebook ? { ...dataset, codebook, waves: dataset.waves.map((wave) => ({ ...wave, codebook: undefined })) } : dataset;
}

/**
 * The command line as URL pairs, through the key table (lib/view/state/view-keys): each flag is
 * the key it declares, `--where` in the filter grammar. Flags come first, so a flag wins over the
 * same setting in --view (the first value is read). Without --view and --wave, `aggregate` takes
 * every wave (a trend), `crosstab` the latest. A flag value the table refuses is a usage error.
 */
function toViewPairs(args: ViewArguments, dataset: DatasetSource, allWaves: boolean): [string, string][] {
  const defaults = viewDefaultsOf(dataset);
  const context = { weightColumn: dataset.codebook?.weight, suppressBelow: defaults.suppressBelow, disclosure: defaults.disclosure };
  const settings = args.flags.map(([name, raw]): [string, string] => {
    const found = findFlag(name);
    if (!found) throw new UsageError(`unknown option ${name}`);
    const value = found.flag.toValue ? found.flag.toValue(raw, context) : raw;
    if (typeof value !== 'string') throw new UsageError(value.error);
    return [found.key, value];
  });
  if (!args.flags.some(([name]) => name === '--wave') && args.view === undefined && allWaves) settings.push(['_wave', 'all']);
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
  view: OpenView;
  /** What --view could not use (printed as notes); strict flags never get here with notes. */
  notes: string[];
  format: ExportFormat;
}

/**
 * The command line's view, opened as a page opens its URL (lib/store/open-view: the same store,
 * the same persisted cache): flags are strict (a bad one is a usage error, exit 2), `--view`
 * lenient (what it cannot use is returned as notes). A wave that cannot be read exits 1.
 * `everyWave` also reads every wave and their links, as a page that needs them does.
 */
export async function openCliView(
  args: ViewArguments,
  options: { allWaves: boolean; everyWave?: boolean; kind?: 'question' | 'crosstab' },
): Promise<CliView | { exit: number; messages: string[] }> {
  if (!args.target) throw new UsageError('name a CSV file or a dataset id');
  const format = args.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`${EXPORT_KEYS.format.flag} is csv or json, not "${format}"`);
  const dataset = findTarget(args.target, args.codebook);
  const wave = args.flags.find(([name]) => name === '--wave')?.[1];
  if (wave !== undefined && wave !== 'all' && !dataset.waves.some((candidate) => candidate.id === wave)) {
    throw new UsageError(`there is no wave "${wave}"; waves are ${dataset.waves.map((candidate) => candidate.id).join(', ')}`);
  }
  const view = await openDatasetView(dataset, toViewPairs(args, dataset, options.allWaves), { everyWave: options.everyWave, kind: options.kind });
  if (view.refused) return { exit: 2, messages: [view.refused] };
  if (view.failures.length > 0)
    return {
      exit: 1,
      messages: view.failures.flatMap((failure) => [
        failure.message,
        ...failure.issues.map((issue) => `  ${issue.line ? `line ${issue.line}: ` : ''}${issue.message}`),
      ]),
    };
  const strict = args.view === undefined;
  if (strict && view.readNotes > 0) throw new UsageError(view.notes.slice(0, view.readNotes).join(' '));
  if (strict && view.notes.length > 0) return { exit: 2, messages: view.notes };
  return { view, notes: view.notes, format };
}
