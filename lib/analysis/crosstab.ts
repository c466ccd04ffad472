import type { Question, Selection } from '../survey/types';
import { DEFAULT_SETTINGS, type Figure, type FigureSettings } from './figure';
import { questionFigures } from './question-figures';
import { segmentBy } from './segments';
import { chiSquareTest, type ChiSquareTest } from './chi-square';
import { holmAdjust } from './multiple-comparisons';
import { normalTwoSidedP } from './distributions';

export interface CrosstabCell extends Figure {
  /** Two-proportion z-test of this column against the rest of the sample. */
  z: number;
  p: number;
  /** Holm-adjusted over every cell of the table. */
  adjustedP: number;
  /** 'higher' / 'lower' when significantly different from the rest at the 5% level after adjustment. */
  significance: 'higher' | 'lower' | null;
}

export interface Crosstab {
  rowQuestionId: string;
  columnQuestionId: string;
  columns: { value: string; label: string; base: number }[];
  rows: { value: string; label: string; total: Figure; cells: CrosstabCell[] }[];
  /** Pearson chi-square of independence; null when either question is multi-select (columns overlap). */
  chiSquare: ChiSquareTest | null;
  correction: 'holm';
}

/** z for p₁ (in the column) vs p₂ (everyone else), pooled standard error. */
function twoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return NaN;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return se > 0 ? (x1 / n1 - x2 / n2) / se : NaN;
}

/**
 * Row question × banner (column) question: counts and column percentages, the chi-square test
 * of independence, and per cell a two-proportion z-test of the column against the rest of the
 * selection, Holm-corrected over all cells (many cells means many tests: uncorrected, one in
 * twenty would be "significant" by chance). Tests use unweighted counts.
 */
export function crosstab(rowQuestion: Question, columnQuestion: Question, selection: Selection, settings: FigureSettings = DEFAULT_SETTINGS): Crosstab | string {
  if (rowQuestion.kind !== 'single' && rowQuestion.kind !== 'likert' && rowQuestion.kind !== 'multi') return `"${rowQuestion.id}" is ${rowQuestion.kind}: crosstabs take single-choice, Likert or multi-select rows`;
  const segments = segmentBy(columnQuestion, selection);
  if (typeof segments === 'string') return segments;
  const overall = questionFigures(rowQuestion, selection, settings);
  const byColumn = segments.map((segment) => questionFigures(rowQuestion, segment.selection, settings));
  const raw = overall.figures.map((total, r) =>
    byColumn.map((column) => {
      const cell = column.figures[r];
      const z = twoProportionZ(cell.count, cell.base, total.count - cell.count, total.base - cell.base);
      return { cell, z, p: Number.isNaN(z) ? NaN : normalTwoSidedP(z) };
    }),
  );
  const adjusted = holmAdjust(raw.flat().map(({ p }) => p));
  let k = 0;
  const rows = overall.figures.map((total, r) => ({
    value: total.value,
    label: total.label,
    total,
    cells: raw[r].map(({ cell, z, p }) => {
      const adjustedP = adjusted[k++];
      const significance = adjustedP < 0.05 && !cell.suppressed ? (z > 0 ? 'higher' : 'lower') : null;
      return { ...cell, z, p, adjustedP, significance } as CrosstabCell;
    }),
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
