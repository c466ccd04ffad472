import { parseCsvPieces, parseCsvStream, type CsvStreamSummary, type ParseOptions, type RecordBatch } from '../csv/parse-csv-stream';
import { SurveyFileError } from './survey-file-error';
import type { Codebook } from './codebook-schema';
import type { Question, Survey } from './types';
import type { IngestIssue } from '../csv/ingest-issue';
import { readColumnHeaders, type ColumnHeader } from './read-column-headers';
import { groupColumns, keyColumn } from './group-columns';
import { findColumnRuns } from './find-column-runs';
import { isMetaName } from './infer-kind';
import { applyCodebookStructure, codebookEntry } from './apply-codebook';
import { planQuestions } from './plan-questions';
import { buildQuestion } from './build-question';
import { createMissingTest } from './missing-values';
import { SurveyIngest, type IngestedFile, type PartLayout } from './survey-ingest';
import { answeredFlags, dictionaryOf, isPacked, type IngestedColumn } from './column-encoder';
import { assembleGrids } from './assemble-grids';

export interface BuildSurveyOptions {
  codebook?: Codebook;
  /** File name for messages. */
  name?: string;
  delimiter?: string;
  /** The same text again from its start (a file opened anew): lets a tab-separated file be re-read without quoting. */
  reread?: () => AsyncIterable<string>;
  /** Called after each batch of records is read, with how many records that batch held (a progress bar). */
  onRecords?: (records: number) => void;
  /** Handed the file's columns once read: the browser review assembles them again under an edited codebook without re-reading the file. */
  onIngested?: (file: IngestedFile) => void;
  /** Told how records are split and what the header rows are, once decided (a second thread reading the file's later part waits for it). */
  onLayout?: (layout: PartLayout) => void;
  /**
   * When the text given is only the file's first part: called after it is parsed, to append the
   * rest (`SurveyIngest.appendPart`) and return the summary of the whole. Not called on a re-read.
   */
  appendRest?: (ingest: SurveyIngest, summary: CsvStreamSummary) => Promise<CsvStreamSummary>;
}

/**
 * The nameless first column pandas writes when it saves a table with its index: whole numbers,
 * each once (0, 1, 2… or the kept rows' original numbers).
 */
function isRowIndex(header: ColumnHeader, ingested: IngestedColumn): boolean {
  if (header.index !== 0 || (isPacked(ingested) ? ingested.packed.offsets.length - 1 : ingested.codes.length) < 2) return false;
  const column = dictionaryOf(ingested);
  return column.counts.every((count) => count === 1) && column.values.every((value) => /^\d+$/.test(value));
}

/** Columns with no name at all cannot be asked about; say so instead of inventing a question (a pandas row index is kept, named). */
function namedColumns(headers: ColumnHeader[], columns: IngestedColumn[], hasData: (index: number) => number): { kept: ColumnHeader[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const kept: ColumnHeader[] = [];
  for (const header of headers) {
    if (header.name !== '') {
      kept.push(header);
      continue;
    }
    if (isRowIndex(header, columns[header.index])) {
      kept.push({ ...header, code: 'row_number', question: 'Row number', name: 'Row number' });
      continue;
    }
    const filled = hasData(header.index);
    issues.push({
      severity: 'warning',
      line: 1,
      message:
        filled === 0
          ? `column ${header.index + 1} has no name and no data; ignored`
          : `column ${header.index + 1} has no name but holds values in ${filled} records; ignored (name it in the header to use it)`,
    });
  }
  return { kept, issues };
}

function uniqueIds(questions: Question[]): IngestIssue[] {
  const issues: IngestIssue[] = [];
  const seen = new Map<string, number>();
  for (const question of questions) {
    const count = (seen.get(question.id) ?? 0) + 1;
    seen.set(question.id, count);
    if (count > 1) {
      const renamed = `${question.id}_${count}`;
      issues.push({ severity: 'warning', line: 1, message: `column name "${question.id}" appears more than once; occurrence ${count} is named "${renamed}"` });
      question.id = renamed;
    }
  }
  return issues;
}

/** The file's records, read into columns → the columnar survey: questions grouped, kinds inferred, codebook applied. */
export function assembleSurvey(file: IngestedFile, codebook: Codebook | undefined): Survey {
  const { headerRecords, layout, columns } = file;
  const issues: IngestIssue[] = [...file.issues];
  const isMissing = createMissingTest(codebook?.missing);
  const headers = readColumnHeaders(headerRecords, layout);
  const named = namedColumns(headers, columns, (index) => answeredFlags(columns[index], (value) => value === '').reduce((filled, flag) => filled + flag, 0));
  issues.push(...named.issues);
  // Columns the header does not group (no shared stem, code or bracket) may still be one question: their answers say so.
  const loose = (header: ColumnHeader) => keyColumn(header).stem === '' && !isMetaName(header.name);
  const runs = findColumnRuns(named.kept, (index) => columns[index], isMissing, loose);
  const structured = applyCodebookStructure(groupColumns(named.kept, runs), named.kept, codebook);
  issues.push(...structured.issues);
  const context = {
    respondents: file.lines.length,
    isMissing,
    column: (index: number) => columns[index],
    columnName: (index: number) => headers[index].name,
  };
  const questions: Question[] = [];
  for (const draft of structured.drafts) {
    for (const plan of planQuestions(draft, (id) => codebookEntry(codebook, id), context)) {
      // A question the codebook says to ignore is not one: no chart, no filter, no responses column.
      if (codebookEntry(codebook, plan.id)?.ignore) continue;
      const built = buildQuestion(plan);
      questions.push(built.question);
      issues.push(...built.issues);
    }
  }
  issues.push(...uniqueIds(questions));
  const weight = codebook?.weight;
  const weightQuestion = weight ? questions.find((q) => q.id === weight || q.source.columns.includes(weight)) : undefined;
  if (weight && weightQuestion?.kind !== 'numeric') {
    issues.push({
      severity: 'warning',
      message: `codebook weight column "${weight}" ${weightQuestion ? 'is not numeric' : 'is not in this file'}; figures are unweighted`,
    });
  }
  return {
    size: file.lines.length,
    questions,
    grids: assembleGrids(questions),
    ...(weightQuestion?.kind === 'numeric' ? { weightQuestionId: weightQuestion.id } : {}),
    layout,
    delimiter: file.delimiter,
    issues,
    recordsRead: file.recordsRead,
    columnCount: file.columnCount,
    lines: file.lines,
  };
}

/** One read of the text: the ingested file, or why it could not give figures, with the parse's summary. */
interface Attempt {
  file?: IngestedFile;
  error?: unknown;
  summary?: CsvStreamSummary;
  ragged: number;
}

function openIngest(options: BuildSurveyOptions): { ingest: SurveyIngest; parse: ParseOptions } {
  let delimiter = options.delimiter ?? ',';
  const ingest = new SurveyIngest({ codebook: options.codebook, name: options.name ?? 'The file', delimiter: () => delimiter, onLayout: options.onLayout });
  return { ingest, parse: { delimiter: options.delimiter, onDelimiter: (chosen) => (delimiter = chosen) } };
}

function finishAttempt(ingest: SurveyIngest, summary: CsvStreamSummary): Attempt {
  try {
    return { file: ingest.finish(summary), summary, ragged: ingest.ragged };
  } catch (error) {
    if (!(error instanceof SurveyFileError)) throw error;
    return { error, summary, ragged: ingest.ragged };
  }
}

/** Quoting broke records of a tab-separated file: some could not be read, or came out the wrong width. */
function quotingBroke(attempt: Attempt): boolean {
  return attempt.summary?.delimiter === '\t' && attempt.summary.quoting && (attempt.summary.quoteErrors > 0 || attempt.ragged > 0);
}

/**
 * Google Sheets writes TSV without quoting: a cell may begin with a literal `"` ("Native"
 * interactive graphics), which a quoting reader takes for an opening quote, swallowing lines
 * (the Learning R survey lost 268 of 3,062 respondents that way). When quoting breaks a
 * tab-separated file, it is read again with every quote as text; that read is taken only if
 * every record then has the header's width, so a quoted Excel TSV keeps its quoted read.
 */
function preferUnquoted(quoted: Attempt, unquoted: Attempt): Attempt {
  if (!unquoted.file || unquoted.ragged > 0 || (unquoted.summary?.quoteErrors ?? 0) > 0) return quoted;
  const broken = (quoted.summary?.issues ?? [])
    .concat((quoted.error as SurveyFileError | undefined)?.issues ?? [])
    .flatMap((issue) => (issue.severity === 'error' && issue.line ? [issue.line] : []));
  const lines = [...new Set(broken)].slice(0, 5);
  const message =
    'tab-separated file read without quote handling: read with quotes, ' +
    `records broke${lines.length > 0 ? ` (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${broken.length > lines.length ? ', …' : ''})` : ''}, ` +
    `but split on tabs every line has ${unquoted.file.columnCount} fields, so quote characters are read as part of the answers (as Google Sheets writes TSV)`;
  unquoted.file.issues.unshift({ severity: 'warning', message });
  return unquoted;
}

function surveyOf(attempt: Attempt, codebook: Codebook | undefined): Survey {
  if (attempt.error !== undefined || !attempt.file) throw attempt.error;
  return assembleSurvey(attempt.file, codebook);
}

/** CSV text in memory → columnar survey. Throws SurveyFileError when the file cannot give trustworthy figures. */
export function buildSurvey(text: string, options: BuildSurveyOptions = {}): Survey {
  const read = (quoting: boolean): Attempt => {
    const { ingest, parse } = openIngest(options);
    return finishAttempt(
      ingest,
      parseCsvPieces(text, (batch) => ingest.add(batch), { ...parse, quoting }),
    );
  };
  const quoted = read(true);
  return surveyOf(quotingBroke(quoted) ? preferUnquoted(quoted, read(false)) : quoted, options.codebook);
}

/**
 * CSV text arriving in pieces (a file being read, an upload) → columnar survey, with no
 * whole-file string and no list of records: each batch of records goes into the columns' dictionaries.
 */
export async function buildSurveyFromStream(pieces: AsyncIterable<string>, options: BuildSurveyOptions = {}): Promise<Survey> {
  const read = async (text: AsyncIterable<string>, quoting: boolean, appendRest?: BuildSurveyOptions['appendRest']): Promise<Attempt> => {
    const { ingest, parse } = openIngest(options);
    const add = (batch: RecordBatch) => {
      ingest.add(batch);
      options.onRecords?.(batch.records.length);
    };
    const summary = await parseCsvStream(text, add, { ...parse, quoting });
    return finishAttempt(ingest, appendRest ? await appendRest(ingest, summary) : summary);
  };
  const quoted = await read(pieces, true, options.appendRest);
  const chosen = quotingBroke(quoted) && options.reread ? preferUnquoted(quoted, await read(options.reread(), false)) : quoted;
  if (chosen.file) options.onIngested?.(chosen.file);
  return surveyOf(chosen, options.codebook);
}
