import type { Codebook } from './codebook-schema';
import type { Grid, Question, QuestionKind, Survey } from './types';
import type { IngestIssue } from '../csv/ingest-issue';

export interface QuestionDescription {
  id: string;
  label: string;
  kind: QuestionKind;
  /** Why inference chose the kind ("multi: 1,203 of 1,797 answers hold ', '-joined parts…"). */
  reason?: string;
  options?: string[];
  respondents: number;
  answered: number;
  /** Header names of the file columns it is built from. */
  columns: string[];
  /** 0-based positions of those columns in the file. */
  indexes: number[];
  /** A joined multi-select's separator. */
  separator?: string;
  /** The grid this question is a row of. */
  grid?: string;
  /** A numeric rating scale's scores per option (NaN → null: off the scale). */
  scores?: (number | null)[];
  netPromoter?: boolean;
  /** Why it looks like personal data (then it is kept out of charts, exports and the responses table). */
  personal?: string;
}

/** What each file column became: the question built from it, its kind, and its role there. */
export interface ColumnDescription {
  index: number;
  header: string;
  /** The question id, or null for a column that became none (no name). */
  question: string | null;
  kind: QuestionKind | null;
  grid?: string;
}

export interface SurveyDescription {
  file: string;
  layout: Survey['layout'];
  delimiter: string;
  respondents: number;
  columns: number;
  recordsRead: number;
  issues: IngestIssue[];
  questions: QuestionDescription[];
  grids: Grid[];
  /** One entry per file column, in file order. */
  columnKinds: ColumnDescription[];
}

function optionValues(question: Question): string[] | undefined {
  return 'options' in question ? question.options.map((option) => option.value) : undefined;
}

/** The inferred schema of one file, as the CLI prints it. */
export function describeSurvey(survey: Survey, file: string): SurveyDescription {
  return {
    file,
    layout: survey.layout,
    delimiter: survey.delimiter,
    respondents: survey.size,
    columns: survey.columnCount,
    recordsRead: survey.recordsRead,
    issues: survey.issues,
    questions: survey.questions.map((question) => {
      const options = optionValues(question);
      return {
        id: question.id,
        label: question.label,
        kind: question.kind,
        ...(question.reason ? { reason: question.reason } : {}),
        ...(options ? { options } : {}),
        respondents: survey.size,
        answered: question.answeredCount,
        columns: question.source.columns,
        indexes: question.source.indexes,
        ...(question.kind === 'multi' && question.separator ? { separator: question.separator } : {}),
        ...(question.grid ? { grid: question.grid } : {}),
        ...(question.kind === 'likert' && question.scores ? { scores: question.scores.map((score) => (Number.isFinite(score) ? score : null)) } : {}),
        ...(question.kind === 'likert' && question.netPromoter ? { netPromoter: true } : {}),
        ...(question.personal ? { personal: question.personal } : {}),
      };
    }),
    grids: survey.grids,
    columnKinds: describeColumns(survey),
  };
}

/**
 * Per file column, the question it feeds. A column can feed two questions (a single choice and
 * the text of its typed-in answers): the first, the choice, is the one named.
 */
function describeColumns(survey: Survey): ColumnDescription[] {
  const byIndex = new Map<number, Question>();
  for (const question of survey.questions) for (const index of question.source.indexes) if (!byIndex.has(index)) byIndex.set(index, question);
  return Array.from({ length: survey.columnCount }, (_, index) => {
    const question = byIndex.get(index);
    const position = question ? question.source.indexes.indexOf(index) : -1;
    return {
      index,
      header: question ? question.source.columns[position] : '',
      question: question?.id ?? null,
      kind: question?.kind ?? null,
      ...(question?.grid ? { grid: question.grid } : {}),
    };
  });
}

/** A `survey.json` that states everything inference decided, for a user to edit and keep next to the data. */
export function inferredCodebook(survey: Survey, title: string): Codebook {
  const questions: NonNullable<Codebook['questions']> = {};
  for (const question of survey.questions) {
    const options = optionValues(question);
    questions[question.id] = {
      label: question.label,
      kind: question.kind,
      ...(options && question.kind !== 'multi' && question.kind !== 'ranking' ? { options } : {}),
      ...(question.source.columns.length > 1 ? { columns: question.source.columns } : {}),
    };
  }
  return { title, header: { layout: survey.layout.kind, skip: survey.layout.skip, rows: survey.layout.rows }, questions };
}
