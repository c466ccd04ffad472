import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { getWave } from '../lib/store/survey-store';
import { describeSurvey, inferredCodebook } from '../lib/survey/describe-survey';
import type { Codebook } from '../lib/survey/codebook-schema';
import { readCodebookFile } from '../lib/store/read-codebook-file';
import { SurveyFileError } from '../lib/survey/survey-file-error';
import { CsvInputError } from '../lib/csv/csv-input-error';
import type { IngestIssue } from '../lib/csv/ingest-issue';
import { runAggregate, UsageError, type AggregateArguments } from './aggregate-command';
import { datasetOfFile } from './cli-view';
import { runCrosstab } from './crosstab-command';
import { runFindings } from './findings-command';
import { describeWaveLinks, findDatasetTarget } from './schema-links-command';
import { EXPORT_KEYS, findFlag } from '../lib/view/state/view-keys';

const HELP = `survey-lens — survey CSV exports in, figures out

Usage:
  survey-lens schema <file.csv|.tsv|.csv.gz|.tsv.gz> [--codebook <survey.json>] [--as-codebook]
      Prints the inferred schema as JSON: header layout, respondent count, and for each
      question its id, label, kind, options in order, respondents and answered counts.
      --as-codebook prints a survey.json to start your own codebook from instead.

  survey-lens schema <dataset id or folder>
      Prints how the dataset's waves are linked for trends, as JSON: each question asked in two
      waves or more with its id in every wave and why (codebook, same id and text, or same text
      under another id), and each same-id question NOT linked because it asks something else.

  survey-lens aggregate <file or dataset id> --question <id>
        [--where <id>=<value>]... [--where <id>!=<value>]... [--where <id>>=<number>]...
        [--by <id>] [--weight <column>] [--base answered|all] [--wave <wave>]
        [--codebook <survey.json>] [--suppress-below <n>] [--level 90|95|99] [--format csv|json]
        [--view '<query string of a dashboard URL>']
      Prints the aggregated figures for that view — the same CSV the dashboard downloads:
      one row per (wave, segment, option) with counts, bases, percentages and intervals
      (95% unless --level says 90 or 99).
      Repeating --where on one question means "is one of"; different questions are ANDed.
      Also <id>__all=<value> (chose all of), <id>__answered=1|0. Quote values with spaces:
        --where 'MainBranch=I am a developer by profession'
      A dataset id is a folder under data/ or under a folder listed in SURVEY_LENS_DATA.
      Without --wave, every wave of a dataset is included (a trend). When the codebook names a
      weight column, figures are weighted (unweighted counts beside); --weight none turns it off,
      and no other column can be chosen. --suppress-below can raise the codebook's threshold
      (suppressBelow, default 10), never lower it.
      --view takes the query string of a dashboard page (e.g. 'region=Europe&_by=role&_wave=all')
      and prints exactly that page's download: it is read as the page reads it, so unknown
      questions or options are left out with a note instead of failing, and no _wave means the
      latest wave. Flags given with it are added to it.

  survey-lens crosstab <file or dataset id> --rows <id> [--rows <id>]... --cols <id>
        [--where …]... [--wave <wave>] [--weight <column>|none] [--base answered|all]
        [--suppress-below <n>] [--level 90|95|99] [--format csv|json] [--view '<query string>']
      Prints the crosstab page's download: each row question against the column question in
      one wave (the latest unless --wave), with counts, column, row and total percentages, the
      column-% interval, significance marks and the test of independence on every row.

  survey-lens findings <file or dataset id> [--where …]... [--by <id>] [--wave <wave>]
        [--q 0.05] [--min 5] [--weight <column>|none] [--base answered|all]
        [--suppress-below <n>] [--format csv|json] [--view '<query string>']
      Prints the findings page's download ("what stands out"): the selection (--where) against
      the rest of its wave, or each --by segment against the rest of the selection, over every
      chartable question of one wave (the latest unless --wave), and what changed since the
      previous wave; one row per finding with question_id, question_label, measure, option,
      segment, percent, percent_rest, difference_points, ci_low, ci_high, p, q, base, base_rest
      and section (stands_out or changed). Benjamini–Hochberg over every test; a finding has
      q ≤ --q (default 0.05) and differs by at least --min percentage points (default 5; a
      mean's floor, 0.2 SD at 5 points, scales with it). The JSON also gives the number of tests.
      Refused in public mode.

  survey-lens --help

A survey.json next to the file is used unless --codebook names another.
Exit codes: 0 ok, 1 the file cannot be read as a survey, 2 bad arguments, unknown question or option.`;

interface Parsed extends AggregateArguments {
  command?: string;
  codebookPath?: string;
  asCodebook: boolean;
  help: boolean;
}

/** Flags of the commands themselves; every other value flag is a view setting the key table declares (lib/view/state/view-keys). */
const COMMAND_FLAGS: Record<string, 'question' | 'codebookPath' | 'format' | 'view'> = {
  [EXPORT_KEYS.question.flag]: 'question',
  [EXPORT_KEYS.format.flag]: 'format',
  '--codebook': 'codebookPath',
  '--view': 'view',
};

function parseArguments(argv: string[]): Parsed {
  const parsed: Parsed = { asCodebook: false, help: false, where: [], flags: [] };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const [flag, inline] =
      argument.startsWith('--') && argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
    const value = () => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') parsed.help = true;
    else if (flag === '--as-codebook') parsed.asCodebook = true;
    else if (flag === '--where') parsed.where.push(value());
    else if (flag in COMMAND_FLAGS) parsed[COMMAND_FLAGS[flag]] = value();
    else if (findFlag(flag)) parsed.flags.push([flag, value()]);
    else if (flag.startsWith('--')) throw new UsageError(`unknown option ${flag}`);
    else if (!parsed.command) parsed.command = argument;
    else if (!parsed.target) parsed.target = argument;
    else throw new UsageError(`unexpected argument ${argument}`);
  }
  return parsed;
}

function readCodebook(file: string): Codebook {
  const read = readCodebookFile(file, file);
  if ('error' in read) throw new UsageError(read.error);
  return read.codebook;
}

function codebookFor(parsed: Parsed): Codebook | undefined {
  if (parsed.codebookPath) return readCodebook(parsed.codebookPath);
  if (!parsed.target || !existsSync(parsed.target)) return undefined;
  const beside = path.join(path.dirname(path.resolve(parsed.target)), 'survey.json');
  return existsSync(beside) ? readCodebook(beside) : undefined;
}

async function schema(parsed: Parsed): Promise<number> {
  if (!parsed.target) throw new UsageError('schema: name a CSV file, e.g. survey-lens schema data/state-of-engineers/2022.csv');
  const isFile = existsSync(parsed.target) && statSync(parsed.target).isFile();
  if (!isFile) {
    const dataset = findDatasetTarget(parsed.target, process.cwd());
    if (!dataset) throw new UsageError(`"${parsed.target}" is neither a CSV file, a dataset id nor a dataset folder`);
    process.stdout.write(`${JSON.stringify(await describeWaveLinks(dataset), null, 2)}\n`);
    return 0;
  }
  // Through the survey store, as the server reads it: a file read before is a cache read.
  const dataset = datasetOfFile(parsed.target, codebookFor(parsed));
  const result = await getWave(dataset, dataset.waves[0]);
  if (!result.ok) return reportFileError(result);
  const { survey } = result;
  const output = parsed.asCodebook ? inferredCodebook(survey, path.basename(parsed.target)) : describeSurvey(survey, parsed.target);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

function reportFileError(error: { message: string; issues?: readonly IngestIssue[] }): number {
  process.stderr.write(`survey-lens: ${error.message}\n`);
  for (const issue of error.issues ?? []) {
    process.stderr.write(`  ${issue.line ? `line ${issue.line}: ` : ''}${issue.message}\n`);
  }
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseArguments(argv);
    if (parsed.help || !parsed.command) {
      process.stdout.write(`${HELP}\n`);
      return parsed.help ? 0 : 2;
    }
    if (parsed.command === 'schema') return await schema(parsed);
    const write = (stream: NodeJS.WriteStream) => (text: string) => void stream.write(text);
    if (parsed.command === 'aggregate') return await runAggregate({ ...parsed, codebook: codebookFor(parsed) }, write(process.stdout), write(process.stderr));
    if (parsed.command === 'crosstab') return await runCrosstab({ ...parsed, codebook: codebookFor(parsed) }, write(process.stdout), write(process.stderr));
    if (parsed.command === 'findings') return await runFindings({ ...parsed, codebook: codebookFor(parsed) }, write(process.stdout), write(process.stderr));
    throw new UsageError(`unknown command "${parsed.command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`survey-lens: ${error.message}\n(see survey-lens --help)\n`);
      return 2;
    }
    if (error instanceof SurveyFileError || error instanceof CsvInputError) return reportFileError(error);
    process.stderr.write(`survey-lens: ${(error as Error).message}\n`);
    return 1;
  }
}
