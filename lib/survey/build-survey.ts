import { parseCsvPieces, parseCsvStream } from '../csv/parse-csv-stream';
import type { Codebook } from './codebook-schema';
import type { IngestIssue, Question, Survey } from './types';
import { readColumnHeaders, type ColumnHeader } from './read-column-headers';
import { groupColumns } from './group-columns';
import { applyCodebookStructure, codebookEntry } from './apply-codebook';
import { planQuestions } from './plan-questions';
import { buildQuestion } from './build-question';
import { createMissingTest } from './missing-values';
import { SurveyIngest, type IngestedFile } from './survey-ingest';
import { assembleGrids } from './assemble-grids';

export interface BuildSurveyOptions {
  codebook?: Codebook;
  /** File name for messages. */
  name?: string;
  delimiter?: string;
}

/** Columns with no name at all cannot be asked about; say so instead of inventing a question. */
function namedColumns(headers: ColumnHeader[], hasData: (index: number) => number): { kept: ColumnHeader[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const kept: ColumnHeader[] = [];
  for (const header of headers) {
    if (header.name !== '') {
      kept.push(header);
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
function assembleSurvey(file: IngestedFile, codebook: Codebook | undefined): Survey {
  const { headerRecords, layout, columns } = file;
  const issues: IngestIssue[] = [...file.issues];
  const isMissing = createMissingTest(codebook?.missing);
  const headers = readColumnHeaders(headerRecords, layout);
  const named = namedColumns(headers, (index) => columns[index].values.reduce((filled, value, code) => filled + (value === '' ? 0 : columns[index].counts[code]), 0));
  issues.push(...named.issues);
  const structured = applyCodebookStructure(groupColumns(named.kept), named.kept, codebook);
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
      const built = buildQuestion(plan);
      questions.push(built.question);
      issues.push(...built.issues);
    }
  }
  issues.push(...uniqueIds(questions));
  const weight = codebook?.weight;
  const weightQuestion = weight ? questions.find((q) => q.id === weight || q.source.columns.includes(weight)) : undefined;
  if (weight && weightQuestion?.kind !== 'numeric') {
    issues.push({ severity: 'warning', message: `codebook weight column "${weight}" ${weightQuestion ? 'is not numeric' : 'is not in this file'}; figures are unweighted` });
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

/** CSV text in memory → columnar survey. Throws SurveyFileError when the file cannot give trustworthy figures. */
export function buildSurvey(text: string, options: BuildSurveyOptions = {}): Survey {
  const name = options.name ?? 'The file';
  let delimiter = options.delimiter ?? ',';
  const ingest = new SurveyIngest({ codebook: options.codebook, name, delimiter: () => delimiter });
  const summary = parseCsvPieces(text, (batch) => ingest.add(batch), { delimiter: options.delimiter, onDelimiter: (chosen) => (delimiter = chosen) });
  return assembleSurvey(ingest.finish(summary), options.codebook);
}

/**
 * CSV text arriving in pieces (a file being read, an upload) → columnar survey, with no
 * whole-file string and no list of records: each batch of records goes into the columns' dictionaries.
 */
export async function buildSurveyFromStream(pieces: AsyncIterable<string>, options: BuildSurveyOptions = {}): Promise<Survey> {
  const name = options.name ?? 'The file';
  let delimiter = options.delimiter ?? ',';
  const ingest = new SurveyIngest({ codebook: options.codebook, name, delimiter: () => delimiter });
  const summary = await parseCsvStream(pieces, (batch) => ingest.add(batch), { delimiter: options.delimiter, onDelimiter: (chosen) => (delimiter = chosen) });
  return assembleSurvey(ingest.finish(summary), options.codebook);
}
