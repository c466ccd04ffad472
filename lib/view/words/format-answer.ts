import type { Question } from '../../survey/types';
import { hasBit } from '../../survey/bitset';
import { formatAnswerNumber } from './format-figure';

/** Separator between the options of one multi-select or ranking answer in a table cell. */
export const ANSWER_SEPARATOR = '; ';

function formatRanking(question: Extract<Question, { kind: 'ranking' }>, respondent: number): string {
  const ranked: { rank: number; label: string }[] = [];
  question.options.forEach((option, item) => {
    const rank = question.ranks[item][respondent];
    if (rank > 0) ranked.push({ rank, label: option.label });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank, label }) => `${rank}. ${label}`)
    .join(ANSWER_SEPARATOR);
}

/**
 * One respondent's answer as the responses table prints it: option labels (several joined
 * with "; " in option order; rankings as "1. X; 2. Y"), numbers with digit grouping — in a data
 * download (`file`) plain numbers, 289000 not "289,000", so a spreadsheet reads them as numbers —
 * and '' for no answer, never 0.
 */
export function formatAnswer(question: Question, respondent: number, output: 'screen' | 'file' = 'screen'): string {
  switch (question.kind) {
    case 'single':
    case 'likert': {
      const code = question.codes[respondent];
      return code === 0 ? '' : question.options[code - 1].label;
    }
    case 'multi':
      return question.options
        .filter((_, index) => hasBit(question.members[index], respondent))
        .map((option) => option.label)
        .join(ANSWER_SEPARATOR);
    case 'ranking':
      return formatRanking(question, respondent);
    case 'numeric': {
      const value = question.values[respondent];
      if (output === 'file') return Number.isNaN(value) ? '' : String(value);
      return formatAnswerNumber(value);
    }
    case 'text':
    case 'meta':
      return question.values[respondent];
  }
}
