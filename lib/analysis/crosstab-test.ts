import type { Question } from '../survey/types';
import type { Selection } from './selection';
import type { Crosstab } from './crosstab';
import type { FigureSettings } from './figure';
import { raoScottTest } from './rao-scott';

/** A crosstab's test of independence, as its test line and download give it. */
export interface CrosstabTest {
  method: string;
  statistic: number;
  /** "4" for a chi-square; "3.41, 21677.8" for an F's two degrees of freedom. */
  df: string;
  p: number;
}

const PEARSON = 'Pearson chi-square (no continuity correction)';

/**
 * Independence of two single-answer questions within the selection: Pearson's chi-square on the
 * counts when unweighted; weighted, the Rao–Scott F of R survey's svychisq (the design's effect
 * on the variance of the cell shares taken into account). None when a question is
 * multi-select: a respondent in several cells breaks the test's assumptions.
 */
export function crosstabTest(
  rowQuestion: Question,
  columnQuestion: Question,
  selection: Selection,
  settings: FigureSettings,
  table: Crosstab,
): CrosstabTest | null {
  if (rowQuestion.kind === 'multi' || columnQuestion.kind === 'multi') return null;
  if (!('codes' in rowQuestion) || !('codes' in columnQuestion)) return null;
  // Public mode: the test reads only the released cells (their counts), as every other public figure does.
  if (!settings.weights || settings.recordKeys) {
    const chi = table.chiSquare;
    return chi ? { method: PEARSON, statistic: chi.statistic, df: String(chi.df), p: chi.p } : null;
  }
  const test = raoScottTest(
    rowQuestion.codes,
    columnQuestion.codes,
    rowQuestion.options.length,
    columnQuestion.options.length,
    selection.bits,
    settings.weights,
    settings.surveySize ?? selection.size,
  );
  if (!Number.isFinite(test.statistic)) return null;
  const round = (value: number) => String(Number(value.toPrecision(6)));
  return { method: test.method, statistic: test.statistic, df: `${round(test.ndf)}, ${round(test.ddf)}`, p: test.p };
}
