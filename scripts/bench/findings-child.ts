/**
 * The findings scan (issue 23) on a loaded survey, in a process of its own: scanFindings for one
 * filter — the selection against the rest of its wave, over every other chartable question — timed
 * afresh on every run (nothing is cached: the first run, in a fresh process, is the uncached
 * figure the target reads), against DuckDB counting the same options on both sides of the filter
 * on its loaded table (scripts/bench/findings-sql.ts), the engines taking turns as the query
 * benchmark's do (query-child timeQuery). Every compared base, share and mean must be equal. Ours
 * computes the tests, Benjamini–Hochberg and the floors besides; DuckDB only counts.
 * Prints one `BENCH_RESULT {json}` line.
 *
 *   node --import tsx scripts/bench/findings-child.ts '<FindingsJob as JSON>'
 */
import { DEFAULT_SETTINGS } from '../../lib/analysis/figure';
import type { Filter } from '../../lib/analysis/filters';
import { scanFindings, scannedQuestions } from '../../lib/analysis/scan-findings';
import { selectRespondents } from '../../lib/analysis/select-respondents';
import { selectionCount } from '../../lib/analysis/selection';
import type { FindingsScan } from '../../lib/analysis/pick-findings';
import type { Survey } from '../../lib/survey/types';
import { printResult } from './child-result';
import { factKey, type Facts } from './facts';
import { findingsFacts, findingsSql, type ScannedColumn } from './findings-sql';
import { openDuckdb } from './ingest-child';
import { readModel, timeQuery, type QueryTiming } from './query-child';
import { ident, text } from './query-sql';

export interface FindingsJob {
  dataset: string;
  model: string;
  duckdb: string;
  runs: number;
  /** One filter: `question` is `value`. */
  filter: { question: string; value: string };
}

export interface FindingsRun {
  dataset: string;
  respondents: number;
  filter: string;
  selected: number;
  timing: QueryTiming;
  tests: number;
  untested: number;
  findings: number;
  failure?: string;
}

function scannedColumns(survey: Survey, skip: ReadonlySet<string>): ScannedColumn[] {
  return scannedQuestions(survey, skip).flatMap((question): ScannedColumn[] => {
    if (question.kind === 'multi')
      return [{ id: question.id, kind: 'multi', excluded: question.options.filter((o) => o.excludedFromBase).map((o) => o.value) }];
    if (question.kind === 'single' || question.kind === 'likert') return [{ id: question.id, kind: 'single' }];
    if (question.kind === 'numeric') return [{ id: question.id, kind: 'numeric' }];
    return [];
  });
}

/** Our facts: each tested comparison's two sides (shares per option, numeric means); the Likert boxes and mean scores are ours alone. */
function scanFacts(scan: FindingsScan, survey: Survey): Facts {
  const facts: Facts = new Map();
  for (const row of scan.tested) {
    const question = survey.questions.find((q) => q.id === row.question_id)!;
    const isMean = row.measure === 'mean';
    if (row.measure === 'top2' || (isMean && question.kind !== 'numeric')) continue;
    const sides = [
      ['selection', row.base, row.percent!],
      ['rest', row.base_rest, row.percent_rest!],
    ] as const;
    for (const [side, base, figure] of sides)
      facts.set(factKey(row.question_id, side, isMean ? 'mean' : 'share', row.keys.option), isMean ? { base, value: figure } : { base, share: figure / 100 });
  }
  return facts;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as FindingsJob;
  const connection = await openDuckdb(job.duckdb);
  const survey = readModel(job.model);
  const filters: Filter[] = [{ question: job.filter.question, op: 'in', values: [job.filter.value] }];
  const skip = new Set([job.filter.question]);
  const columns = scannedColumns(survey, skip);
  const spec = { table: 't', selected: `${ident(job.filter.question)} = ${text(job.filter.value)}` };
  // The selection is part of what is timed: the page computes it from the URL each time.
  const scan = () => {
    const { selection, problems } = selectRespondents(survey, filters);
    if (problems.length > 0) throw new Error(problems.join('; '));
    return { selected: selectionCount(selection), result: scanFindings(survey, { selection, skip, settings: DEFAULT_SETTINGS }) };
  };
  let last: ReturnType<typeof scan> | undefined;
  let ourKeys = new Set<string>();
  const timing = await timeQuery(
    {
      name: `findings scan, ${job.filter.question} = ${job.filter.value}`,
      ours: scan,
      statements: columns.map((column) => findingsSql(spec, column)),
      oursFacts: (answer) => {
        last = answer as ReturnType<typeof scan>;
        const facts = scanFacts(last.result, survey);
        ourKeys = new Set(facts.keys());
        return { facts };
      },
      // DuckDB counts every option; the scan tests those whose bases are large enough. timeQuery
      // reads our facts first, so theirs are compared where ours are (every one of ours must be there).
      theirFacts: (results) => new Map(results.flatMap((rows, k) => [...findingsFacts(rows, columns[k])]).filter(([key]) => ourKeys.has(key))),
    },
    connection,
    job.runs,
  );
  printResult({
    dataset: job.dataset,
    respondents: survey.size,
    filter: `${job.filter.question} = ${job.filter.value}`,
    selected: last!.selected,
    timing,
    tests: last!.result.tests,
    untested: last!.result.untested,
    findings: last!.result.findings.length,
  } satisfies FindingsRun);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
