import type { Question } from '../survey/types';
import type { Selection } from './selection';
import { DEFAULT_SETTINGS, type Figure, type FigureSettings } from './figure';
import { questionFigures, type QuestionFigures } from './question-figures';
import { segmentBy } from './segments';
import { chiSquareTest, type ChiSquareTest } from './chi-square';
import { markSegments, type SegmentMark } from './segment-significance';

export interface CrosstabCell extends Figure, SegmentMark {}

/** How a crosstab gets a question's figures for a group: from the microdata, or in public mode from the release. */
export type FiguresOf = (question: Question, group: Selection) => QuestionFigures;

export interface Crosstab {
  rowQuestionId: string;
  columnQuestionId: string;
  columns: { value: string; label: string; base: number }[];
  rows: { value: string; label: string; total: Figure; cells: CrosstabCell[] }[];
  /** Pearson chi-square of independence; null when either question is multi-select (columns overlap). */
  chiSquare: ChiSquareTest | null;
  correction: 'holm';
}

/**
 * Row question × banner (column) question: counts and column percentages, the chi-square test
 * of independence, and per cell a test of the column against the rest of the selection
 * (lib/analysis/segment-significance: z unweighted, design-based t weighted), Holm-corrected
 * over all cells (many cells means many tests: uncorrected, one in twenty would be
 * "significant" by chance).
 */
export function crosstab(
  rowQuestion: Question,
  columnQuestion: Question,
  selection: Selection,
  settings: FigureSettings = DEFAULT_SETTINGS,
  figuresOf: FiguresOf = (question, group) => questionFigures(question, group, settings),
): Crosstab | string {
  if (rowQuestion.kind !== 'single' && rowQuestion.kind !== 'likert' && rowQuestion.kind !== 'multi')
    return `"${rowQuestion.id}" is ${rowQuestion.kind}: crosstabs take single-choice, Likert or multi-select rows`;
  const segments = segmentBy(columnQuestion, selection);
  if (typeof segments === 'string') return segments;
  const overall = figuresOf(rowQuestion, selection);
  const byColumn = segments.map((segment) => figuresOf(rowQuestion, segment.selection));
  const marks = markSegments(
    overall.figures,
    byColumn.map((column) => column.figures),
    settings,
  );
  const rows = overall.figures.map((total, r) => ({
    value: total.value,
    label: total.label,
    total,
    cells: byColumn.map((column, c) => ({ ...column.figures[r], ...marks[c][r] })),
  }));
  const independent = rowQuestion.kind !== 'multi' && columnQuestion.kind !== 'multi';
  return {
    rowQuestionId: rowQuestion.id,
    columnQuestionId: columnQuestion.id,
    columns: segments.map((segment, c) => ({ value: segment.value, label: segment.label, base: byColumn[c].base })),
    rows,
    chiSquare: independent ? chiSquareTest(rows.map((row) => row.cells.map((cell) => cell.count))) : null,
    correction: 'holm',
  };
}
