import { aggregateView } from '../lib/analysis/aggregate-view';
import { toExportRecord, writeAggregateCsv } from '../lib/analysis/write-aggregate-csv';
import { askQuestion, describeUnknownQuestion } from '../lib/view/figures/ask-question';
import { writeFilterText } from '../lib/view/state/filter-grammar';
import { openCliView, UsageError, type ViewArguments } from './cli-view';

export { UsageError } from './cli-view';

export interface AggregateArguments extends ViewArguments {
  question?: string;
}

/**
 * `survey-lens aggregate`: the same rows as the dashboard's export, on standard output, from the
 * same view state and the same assembler (askQuestion). Flags are strict (a bad one exits 2);
 * `--view` is read as leniently as the page reads its URL, with what it could not use printed as
 * notes. Returns the exit code.
 */
export async function runAggregate(args: AggregateArguments, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (!args.question) throw new UsageError('--question <id> is required');
  const opened = await openCliView(args, { allWaves: true });
  if ('exit' in opened) {
    for (const message of opened.messages) err(`survey-lens: ${message}\n`);
    return opened.exit;
  }
  const { view, notes, format } = opened;
  const asked = askQuestion(view, args.question);
  if (!asked) {
    err(`survey-lens: ${describeUnknownQuestion(view, args.question)}\n`);
    return 2;
  }
  const result = aggregateView({ id: view.dataset.id, waves: [...view.loaded] }, asked.query, writeFilterText(view.state.filters));
  for (const note of [...notes, ...result.notes]) err(`survey-lens: note: ${note}\n`);
  if (result.problems.length > 0) {
    for (const problem of result.problems) err(`survey-lens: ${problem}\n`);
    return 2;
  }
  out(format === 'csv' ? writeAggregateCsv(result.rows) : `${JSON.stringify(result.rows.map(toExportRecord), null, 2)}\n`);
  return 0;
}
