import { parseCsvText } from '../csv/parse-csv';
import { checkRecordWidths } from '../csv/check-record-widths';
import type { Codebook } from './codebook-schema';
import type { HeaderLayout, IngestIssue, Question, Survey } from './types';
import { detectHeaderLayout } from './detect-header-layout';
import { readColumnHeaders, type ColumnHeader } from './read-column-headers';
import { groupColumns } from './group-columns';
import { applyCodebookStructure, codebookEntry } from './apply-codebook';
import { planQuestions } from './plan-questions';
import { buildQuestion } from './build-question';
import { cleanCell, createMissingTest } from './missing-values';
import { SurveyFileError } from './survey-file-error';

export interface BuildSurveyOptions {
  codebook?: Codebook;
  /** File name for messages. */
  name?: string;
  delimiter?: string;
}

const OTHER_DELIMITERS: Record<string, string[]> = { ',': [';', '\t'], ';': [',', '\t'], '\t': [',', ';'] };

/**
 * A spreadsheet re-save on a semicolon locale leaves a header that is one cell full of commas
 * (Stack Overflow's mangled 2019 sample). Refuse it before anything is counted.
 */
function assertDelimiterFits(header: string[], delimiter: string, name: string): void {
  const filled = header.filter((cell) => cell.trim() !== '');
  if (filled.length !== 1) return;
  for (const other of OTHER_DELIMITERS[delimiter] ?? []) {
    const parts = filled[0].split(other).length;
    if (parts >= 3) {
      throw new SurveyFileError(
        `${name}: the header is a single column holding ${parts} names separated by "${other === '\t' ? 'tab' : other}", ` +
          `but the records are split by "${delimiter === '\t' ? 'tab' : delimiter}". The file looks re-saved by a spreadsheet with another delimiter; export it again from the survey tool.`,
        [{ severity: 'error', line: 1, message: 'header and records use different delimiters' }],
      );
    }
  }
}

function resolveLayout(records: string[][], codebook: Codebook | undefined): HeaderLayout {
  const detected = detectHeaderLayout(records);
  const override = codebook?.header;
  if (!override) return detected;
  return { kind: override.layout ?? detected.kind, skip: override.skip ?? detected.skip, rows: override.rows ?? detected.rows };
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

/** CSV text → columnar survey. Throws SurveyFileError when the file cannot give trustworthy figures. */
export function buildSurvey(text: string, options: BuildSurveyOptions = {}): Survey {
  const name = options.name ?? 'The file';
  const { codebook } = options;
  const parsed = parseCsvText(text, { delimiter: options.delimiter });
  const { records } = parsed;
  if (records.length === 0) throw new SurveyFileError(`${name} has no records.`);
  assertDelimiterFits(records[0], parsed.delimiter, name);
  const layout = resolveLayout(records, codebook);
  const firstData = layout.skip + layout.rows;
  const width = records[layout.skip]?.length ?? 0;
  const check = checkRecordWidths(records, parsed.lines, firstData, width, parsed.endsWithNewline, parsed.brokenRecords);
  const issues: IngestIssue[] = [...parsed.issues, ...check.issues];
  if (check.fatal) throw new SurveyFileError(`${name}: ${check.fatal}`, issues);
  if (check.kept.length === 0) throw new SurveyFileError(`${name} has a header but no usable records.`, issues);
  const isMissing = createMissingTest(codebook?.missing);
  const cache = new Map<number, string[]>();
  const columnValues = (index: number) => {
    let values = cache.get(index);
    if (!values) {
      values = check.kept.map((r) => cleanCell(records[r][index] ?? ''));
      cache.set(index, values);
    }
    return values;
  };
  const headers = readColumnHeaders(records, layout);
  const named = namedColumns(headers, (index) => columnValues(index).filter((value) => value !== '').length);
  issues.push(...named.issues);
  const structured = applyCodebookStructure(groupColumns(named.kept), named.kept, codebook);
  issues.push(...structured.issues);
  const context = {
    respondents: check.kept.length,
    isMissing,
    columnValues,
    columnName: (index: number) => headers[index].name,
  };
  const questions: Question[] = [];
  for (const draft of structured.drafts) {
    for (const plan of planQuestions(draft, (id) => codebookEntry(codebook, id), context)) {
      const built = buildQuestion(plan);
      questions.push(built.question);
      issues.push(...built.issues);
    }
    for (const index of draft.columns) cache.delete(index);
  }
  issues.push(...uniqueIds(questions));
  const weight = codebook?.weight;
  const weightQuestion = weight ? questions.find((q) => q.id === weight || q.source.columns.includes(weight)) : undefined;
  if (weight && weightQuestion?.kind !== 'numeric') {
    issues.push({ severity: 'warning', message: `codebook weight column "${weight}" ${weightQuestion ? 'is not numeric' : 'is not in this file'}; figures are unweighted` });
  }
  return {
    size: check.kept.length,
    questions,
    ...(weightQuestion?.kind === 'numeric' ? { weightQuestionId: weightQuestion.id } : {}),
    layout,
    delimiter: parsed.delimiter,
    issues,
    recordsRead: records.length - firstData,
    columnCount: width,
    lines: Uint32Array.from(check.kept, (r) => parsed.lines[r]),
  };
}
