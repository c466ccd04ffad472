import { aggregateView } from '../lib/analysis/aggregate-view';
import { toExportRecord, writeAggregateCsv } from '../lib/analysis/write-aggregate-csv';
import { writeFilterText } from '../lib/view/state/filter-grammar';
import { toAggregateQuery } from '../lib/view/figures/to-aggregate-query';
import { homeWaveOf, trendOf, optionValuesIn } from '../lib/view/figures/trend-links';
import { linkWaves } from '../lib/survey/link-waves';
import { openCliView, UsageError, type ViewArguments } from './cli-view';

export { UsageError } from './cli-view';

export interface AggregateArguments extends ViewArguments {
  question?: string;
}

/**
 * `survey-lens aggregate`: the same rows as the dashboard's export, on standard output, from the
 * same view state. Flags are strict (a bad one exits 2); `--view` is read as leniently as the
 * page reads its URL, with what it could not use printed as notes. Returns the exit code.
 */
export async function runAggregate(args: AggregateArguments, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (!args.question) throw new UsageError('--question <id> is required');
  const opened = await openCliView(args, { allWaves: true });
  if ('exit' in opened) {
    for (const message of opened.messages) err(`survey-lens: ${message}\n`);
    return opened.exit;
  }
  const { target, state, waves, reference, notes, format, suppressBelow } = opened;
  const query = toAggregateQuery(state, args.question, target.defaults);
  // A trend joins a question's waves only where it is the same question, as the page does.
  const home = homeWaveOf(waves, args.question, state.asIn);
  if (waves.length > 1 && home)
    query.links = trendOf(
      linkWaves(waves, target.codebook),
      waves.map((wave) => wave.id),
      home.id,
      args.question,
      target.codebook,
      { filterWave: reference!.id, filters: state.filters, by: state.by, optionValues: optionValuesIn(waves) },
    ).links;
  // --weight is the codebook's column or none, --suppress-below only raises (checked in openCliView).
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
