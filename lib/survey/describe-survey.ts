import type { Codebook } from './codebook-schema';
import type { IngestIssue, Question, QuestionKind, Survey } from './types';

export interface QuestionDescription {
  id: string;
  label: string;
  kind: QuestionKind;
  options?: string[];
  respondents: number;
  answered: number;
  columns: string[];
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
        ...(options ? { options } : {}),
        respondents: survey.size,
        answered: question.answeredCount,
        columns: question.source.columns,
      };
    }),
  };
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
