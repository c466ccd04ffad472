import { toCrosstabRecord, writeCrosstabCsv } from '../lib/analysis/write-crosstab-csv';
import { computeCrosstabs } from '../lib/view/figures/compute-crosstabs';
import { openCliView, UsageError, type ViewArguments } from './cli-view';

/**
 * `survey-lens crosstab`: the crosstab page's download on standard output — each --rows
 * question against the --cols question, in one wave (the latest unless --wave), under the same
 * filters, base and weight. Returns the exit code.
 */
export async function runCrosstab(args: ViewArguments, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const named = (flag: string) => args.flags.some(([name]) => name === flag);
  if (args.view === undefined && (!named('--rows') || !named('--cols'))) throw new UsageError('--rows <id> (one or more) and --cols <id> are required');
  const opened = await openCliView(args, { allWaves: false, kind: 'crosstab' });
  if ('exit' in opened) {
    for (const message of opened.messages) err(`survey-lens: ${message}\n`);
    return opened.exit;
  }
  const { view, notes, format } = opened;
  const { state, reference } = view;
  if (!reference) throw new UsageError('no wave of this dataset could be read');
  if (state.rows.length === 0 || !state.cols) throw new UsageError('the view names no row and column questions (_rows, _cols)');
  const result = computeCrosstabs(view.dataset.id, reference, state, view.defaults);
  for (const note of [...notes, ...result.notes]) err(`survey-lens: note: ${note}\n`);
  const rows = result.tables.flatMap((table) => table.rows);
  if (result.problems.length > 0 || rows.length === 0) {
    for (const problem of result.problems) err(`survey-lens: ${problem}\n`);
    return 2;
  }
  out(format === 'csv' ? writeCrosstabCsv(rows) : `${JSON.stringify(rows.map(toCrosstabRecord), null, 2)}\n`);
  return 0;
}
