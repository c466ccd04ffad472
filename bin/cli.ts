import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { loadSurveyFile } from '../lib/survey/load-survey-file';
import { describeSurvey, inferredCodebook } from '../lib/survey/describe-survey';
import { codebookSchema, type Codebook } from '../lib/survey/codebook-schema';
import { SurveyFileError } from '../lib/survey/survey-file-error';
import { CsvInputError } from '../lib/csv/decode-csv-bytes';

const HELP = `survey-lens — survey CSV exports in, figures out

Usage:
  survey-lens schema <file.csv|file.csv.gz> [--codebook <survey.json>] [--as-codebook]
      Prints the inferred schema as JSON: header layout, respondent count, and for each
      question its id, label, kind, options in order, respondents and answered counts.
      --as-codebook prints a survey.json to start your own codebook from instead.
      A survey.json next to the file is used unless --codebook names another.

  survey-lens --help

Exit codes: 0 ok, 1 the file cannot be read as a survey, 2 bad arguments.`;

interface Parsed {
  command?: string;
  file?: string;
  codebook?: string;
  asCodebook: boolean;
  help: boolean;
}

function parseArguments(argv: string[]): Parsed {
  const parsed: Parsed = { asCodebook: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--help' || argument === '-h') parsed.help = true;
    else if (argument === '--as-codebook') parsed.asCodebook = true;
    else if (argument === '--codebook') parsed.codebook = argv[++i];
    else if (argument.startsWith('--')) throw new Error(`unknown option ${argument}`);
    else if (!parsed.command) parsed.command = argument;
    else if (!parsed.file) parsed.file = argument;
    else throw new Error(`unexpected argument ${argument}`);
  }
  return parsed;
}

function readCodebook(file: string): Codebook {
  const result = codebookSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file} is not a valid codebook at "${issue.path.join('.')}": ${issue.message}`);
  }
  return result.data;
}

async function schema(parsed: Parsed): Promise<number> {
  if (!parsed.file) {
    process.stderr.write('survey-lens schema: name a CSV file, e.g. survey-lens schema data/state-of-engineers/2022.csv\n');
    return 2;
  }
  const file = path.resolve(parsed.file);
  const besideFile = path.join(path.dirname(file), 'survey.json');
  const codebookFile = parsed.codebook ?? (existsSync(besideFile) ? besideFile : undefined);
  const codebook = codebookFile ? readCodebook(codebookFile) : undefined;
  const survey = await loadSurveyFile(file, { codebook });
  const output = parsed.asCodebook ? inferredCodebook(survey, path.basename(file)) : describeSurvey(survey, parsed.file);
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    process.stderr.write(`survey-lens: ${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.help || !parsed.command) {
    process.stdout.write(`${HELP}\n`);
    return parsed.help ? 0 : 2;
  }
  try {
    if (parsed.command === 'schema') return await schema(parsed);
    process.stderr.write(`survey-lens: unknown command "${parsed.command}"\n\n${HELP}\n`);
    return 2;
  } catch (error) {
    if (error instanceof SurveyFileError || error instanceof CsvInputError) {
      process.stderr.write(`survey-lens: ${error.message}\n`);
      for (const issue of (error as SurveyFileError).issues ?? []) {
        process.stderr.write(`  ${issue.line ? `line ${issue.line}: ` : ''}${issue.message}\n`);
      }
      return 1;
    }
    process.stderr.write(`survey-lens: ${(error as Error).message}\n`);
    return 1;
  }
}
