import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { crosstab, type Crosstab } from '../../../lib/analysis/crosstab';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import { selectAll } from '../../../lib/analysis/selection';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Question } from '../../../lib/survey/types';

/**
 * tests/fixtures/analysis-crosstab.csv, 22 respondents:
 *   ids 1–10   team A; remote Yes for 1–8, No for 9–10
 *   ids 11–20  team B; remote Yes for 11–12, No for 13–20
 *   id 21      team blank, remote Yes
 *   id 22      team A, remote blank
 *   tools (multi): Git {1,…,12}, Jira {7,…,18}, blank 19–22
 *
 * remote × team (answered base of remote: 21, everyone but 22):
 *            A     B     total
 *   Yes      8     2     11 (with 21, who has no team)
 *   No       2     8     10
 *   base    10    10     21
 * Column %: Yes|A = 8/10 = 80%, Yes|B = 2/10 = 20%, No|A = 20%, No|B = 80%.
 *
 * Each cell against the rest of the selection (pooled two-proportion z):
 *   Yes|A: x1 = 8, n1 = 10; x2 = 11 − 8 = 3, n2 = 21 − 10 = 11; pooled 11/21
 *          se = √(11/21 · 10/21 · (1/10 + 1/11)) = √((110/441)·(21/110)) = √(1/21) = 0.2182179
 *          z = (0.8 − 3/11)/0.2182179 = 0.5272727·√21 = 2.4162672
 *   Yes|B: x1 = 2, x2 = 9, p2 = 9/11: z = (0.2 − 0.8181818)·√21 = −2.8328650
 *   No|A:  x1 = 2, x2 = 8, pooled 10/21, same se: z = (0.2 − 8/11)·√21 = −2.4162672
 *   No|B:  x1 = 8, x2 = 2: z = (0.8 − 2/11)·√21 = 2.8328650
 *   p = 2·(1 − Φ(|z|)): 0.0156805504 (|z| 2.416), 0.0046132868 (|z| 2.833)
 *   Holm over the 4 cells: 4·0.0046133 = 0.0184531 (both), 2·0.0156806 = 0.0313611 (both)
 *   R: z and p from pnorm; p.adjust(…, "holm") → 0.0313611008, 0.0184531473, 0.0313611008, 0.0184531473
 * χ² on [[8, 2], [2, 8]]: every expected count 5 → 4·9/5 = 7.2, df 1, p 0.0072903581 (R chisq.test)
 */
const survey = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/analysis-crosstab.csv', import.meta.url)), 'utf8'), {
  codebook: {
    questions: {
      id: { kind: 'meta' },
      team: { kind: 'single', options: ['A', 'B'] },
      remote: { kind: 'single', options: ['Yes', 'No'] },
      tools: { kind: 'multi' },
    },
  },
});
const question = (id: string): Question => survey.questions.find((q) => q.id === id)!;
/** No reliability threshold: the small fixture's cells are tested (with the default 30, columns of 10 get no marks). */
const table = (row: string, column: string): Crosstab => {
  const result = crosstab(question(row), question(column), selectAll(22), { ...DEFAULT_SETTINGS, unreliableBelow: 0 });
  if (typeof result === 'string') throw new Error(result);
  return result;
};

describe('crosstab(remote × team) under the default reliability threshold (issue 24, defect 2)', () => {
  it('crosstab(remote, team) with columns of 10 < 30 → the statistics, and no cell marked significant', () => {
    const result = crosstab(question('remote'), question('team'), selectAll(22));
    if (typeof result === 'string') throw new Error(result);
    expect(result.rows.flatMap((row) => row.cells.map((cell) => cell.significance))).toEqual([null, null, null, null]);
    expect(result.rows[0].cells[0].statistic).toBeCloseTo(2.41626718461308, 10);
  });
});

describe('crosstab(remote × team) on analysis-crosstab.csv', () => {
  const result = table('remote', 'team');

  it('crosstab(remote, team) → columns A and B with bases 10 and 10; rows Yes and No with totals 11 and 10 of 21', () => {
    expect([result.rowQuestionId, result.columnQuestionId, result.correction]).toEqual(['remote', 'team', 'holm']);
    expect(result.columns).toEqual([
      { value: 'A', label: 'A', base: 10 },
      { value: 'B', label: 'B', base: 10 },
    ]);
    expect(result.rows.map((row) => [row.value, row.total.count, row.total.base])).toEqual([
      ['Yes', 11, 21],
      ['No', 10, 21],
    ]);
  });

  it('crosstab(remote, team) → counts [[8, 2], [2, 8]] and column percentages 80/20, 20/80 (each column sums to 100%)', () => {
    expect(result.rows.map((row) => row.cells.map((cell) => cell.count))).toEqual([
      [8, 2],
      [2, 8],
    ]);
    expect(result.rows.map((row) => row.cells.map((cell) => cell.share))).toEqual([
      [0.8, 0.2],
      [0.2, 0.8],
    ]);
    for (let c = 0; c < 2; c++) expect(result.rows.reduce((sum, row) => sum + row.cells[c].share, 0)).toBeCloseTo(1, 12);
  });

  it.each<[string, number, number, number, number]>([
    ['Yes|A', 0, 0, 2.41626718461308, 0.0156805504085073],
    ['Yes|B', 0, 1, -2.83286497506361, 0.0046132868166852],
    ['No|A', 1, 0, -2.41626718461308, 0.0156805504085073],
    ['No|B', 1, 1, 2.83286497506361, 0.0046132868166852],
  ])('crosstab(remote, team) cell %s: z %s, p %s against the rest of the selection', (_, r, c, z, p) => {
    const cell = result.rows[r].cells[c];
    expect(cell.statistic).toBeCloseTo(z, 10);
    expect(cell.p).toBeCloseTo(p, 12);
  });

  it('crosstab(remote, team) → Holm-adjusted p over all four cells, all < 0.05: higher where the column exceeds the rest', () => {
    expect(result.rows.map((row) => row.cells.map((cell) => +cell.adjustedP.toFixed(10)))).toEqual([
      [0.0313611008, 0.0184531473],
      [0.0313611008, 0.0184531473],
    ]);
    expect(result.rows.map((row) => row.cells.map((cell) => cell.significance))).toEqual([
      ['higher', 'lower'],
      ['lower', 'higher'],
    ]);
  });

  it('crosstab(remote, team) → χ² 7.2, df 1, p 0.0072903581', () => {
    expect(result.chiSquare!.statistic).toBeCloseTo(7.2, 12);
    expect(result.chiSquare!.df).toBe(1);
    expect(result.chiSquare!.p).toBeCloseTo(0.00729035809153564, 12);
  });

  it('crosstab(remote, team) cells carry their bases: 10 ≥ 10 is shown but flagged unreliable (< 30)', () => {
    const flagged = crosstab(question('remote'), question('team'), selectAll(22));
    if (typeof flagged === 'string') throw new Error(flagged);
    const cell = flagged.rows[0].cells[0];
    expect([cell.base, cell.suppressed, cell.unreliable]).toEqual([10, false, true]);
  });

  it('crosstab(remote, team, suppressBelow 11) → no significance mark on suppressed cells, however small p is', () => {
    const suppressed = crosstab(question('remote'), question('team'), selectAll(22), { ...DEFAULT_SETTINGS, suppressBelow: 11 });
    if (typeof suppressed === 'string') throw new Error(suppressed);
    expect(suppressed.rows.flatMap((row) => row.cells.map((cell) => [cell.suppressed, cell.significance]))).toEqual([
      [true, null],
      [true, null],
      [true, null],
      [true, null],
    ]);
  });
});

describe('crosstab with a multi-select banner (remote × tools)', () => {
  const result = table('remote', 'tools');

  it('crosstab(remote, tools) → overlapping columns Git and Jira (12 each); no chi-square (columns overlap)', () => {
    // Git {1,…,12}: all answered remote → base 12; Jira {7,…,18} → base 12; {7,…,12} are in both
    expect(result.columns.map((column) => [column.value, column.base])).toEqual([
      ['Git', 12],
      ['Jira', 12],
    ]);
    expect(result.chiSquare).toBeNull();
  });

  it('crosstab(remote, tools) → Yes|Git = 10/12 ({1..8, 11, 12}), Yes|Jira = 4/12 ({7, 8, 11, 12})', () => {
    expect(result.rows[0].cells.map((cell) => [cell.count, cell.base])).toEqual([
      [10, 12],
      [4, 12],
    ]);
  });

  it('crosstab(remote, tools) Yes|Git: z = (10/12 − 1/9)/√(11/21·10/21·(1/12 + 1/9)) = 3.2794124', () => {
    // rest of the selection: x2 = 11 − 10 = 1, n2 = 21 − 12 = 9; pooled 11/21
    // p1 − p2 = 30/36 − 4/36 = 13/18 = 0.7222222
    // se = √(110/441 · 7/36) = √(770/15876) = √0.04850088 = 0.2202292; z = 0.7222222/0.2202292 = 3.2794124
    // R: (13/18)/sqrt(110/441*7/36) = 3.27941236421183
    expect(result.rows[0].cells[0].statistic).toBeCloseTo(3.27941236421183, 10);
  });
});

describe('crosstab refusals', () => {
  it('crosstab(tools as rows, team) is allowed: multi rows; no chi-square', () => {
    const result = table('tools', 'team');
    // Git in A: {1..10} = 10 of base (tools answered in A: {1..10}) 10; in B: {11, 12} = 2 of {11..18} = 8
    expect(result.rows.map((row) => row.cells.map((cell) => [cell.count, cell.base]))).toEqual([
      [
        [10, 10],
        [2, 8],
      ],
      [
        [4, 10],
        [8, 8],
      ],
    ]);
    expect(result.chiSquare).toBeNull();
  });

  it('crosstab(id (meta), team) → a message, not a table', () => {
    expect(crosstab(question('id'), question('team'), selectAll(22))).toBe('"id" is meta: crosstabs take single-choice, Likert or multi-select rows');
  });

  it('crosstab(remote, id (meta)) → the segment message', () => {
    expect(crosstab(question('remote'), question('id'), selectAll(22))).toBe('"id" is meta: compare by a single-choice, Likert or multi-select question');
  });
});
