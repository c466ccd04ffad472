import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregatable, questionFigures } from '../../../lib/analysis/question-figures';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import type { NumericBin } from '../../../lib/analysis/numeric-bins';
import { selectAll } from '../../../lib/analysis/selection';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { Question } from '../../../lib/survey/types';

/**
 * tests/fixtures/analysis-select.csv (the table is in select-respondents.test.ts):
 *   role answered by 11 (Backend 5, Frontend 3, Data 3); languages by 10 (Go 5, Rust 4, Python 4, TypeScript 2);
 *   trends ranked by 8, first: AI {1,4,7,11} = 4, Cloud {2,5} = 2, Security {6,9} = 2;
 *   years 5, 2, 10, ·, 3, 7.5, 0, 12, 5, ·, 1, 20 (10 answers, 2 blanks).
 */
const codebook: Codebook = {
  questions: {
    id: { kind: 'meta' },
    role: { kind: 'single', options: ['Backend', 'Frontend', 'Data'] },
    languages: { kind: 'multi' },
    trends: { kind: 'ranking' },
    years: { kind: 'numeric' },
    country: { kind: 'single' },
    comment: { kind: 'text' },
  },
};
const survey = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/analysis-select.csv', import.meta.url)), 'utf8'), { codebook });
const question = (id: string): Question => survey.questions.find((q) => q.id === id)!;
const all = selectAll(12);
/** Weights 2 for ids 1–6, 1 for 7–12. */
const weights = Float64Array.from([2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1]);

describe('questionFigures', () => {
  it('questionFigures(role) → measure "share", base 11, Backend 5 / Frontend 3 / Data 3', () => {
    const result = questionFigures(question('role'), all);
    expect([result.measure, result.base, result.weightedBase, result.effectiveBase]).toEqual(['share', 11, null, null]);
    expect(result.figures.map((figure) => [figure.value, figure.count])).toEqual([
      ['Backend', 5],
      ['Frontend', 3],
      ['Data', 3],
    ]);
  });

  it('questionFigures(languages) → measure "share", base 10, respondents per language (15 ticks in all)', () => {
    const result = questionFigures(question('languages'), all);
    expect([result.measure, result.base]).toEqual(['share', 10]);
    expect(result.figures.map((figure) => [figure.value, figure.count])).toEqual([
      ['Go', 5],
      ['Rust', 4],
      ['Python', 4],
      ['TypeScript', 2],
    ]);
  });

  it('questionFigures(trends) → measure "ranked_first", base 8, AI 4 / Cloud 2 / Security 2 ranked first', () => {
    const result = questionFigures(question('trends'), all);
    expect([result.measure, result.base, result.effectiveBase]).toEqual(['ranked_first', 8, null]);
    expect(result.figures.map((figure) => [figure.value, figure.count, figure.share])).toEqual([
      ['AI', 4, 0.5],
      ['Cloud', 2, 0.25],
      ['Security', 2, 0.25],
    ]);
  });

  it('questionFigures(years) → measure "bin", base 10 answered; 2-wide bins 0–2 … "≥ 18"', () => {
    // sorted 0, 1, 2, 3, 5, 5, 7.5, 10, 12, 20; 1st percentile h = 0.09 → 0.09; 99th h = 8.91 → 12 + 0.91·8 = 19.28
    // span 19.19/12 = 1.599 → step 2; start 0; ⌈19.28/2⌉ = 10 bins; 0 is not below 0; 20 ≥ 18 + 2 → "≥ 18"
    // [0,2): 0, 1 | [2,4): 2, 3 | [4,6): 5, 5 | [6,8): 7.5 | [8,10): — | [10,12): 10 | [12,14): 12 | — | — | [18,∞): 20
    const result = questionFigures(question('years'), all);
    expect([result.measure, result.base]).toEqual(['bin', 10]);
    expect(result.figures.map((figure) => [figure.label, figure.count])).toEqual([
      ['< 2', 2],
      ['2–4', 2],
      ['4–6', 2],
      ['6–8', 1],
      ['8–10', 0],
      ['10–12', 1],
      ['12–14', 1],
      ['14–16', 0],
      ['16–18', 0],
      ['≥ 18', 1],
    ]);
    expect(result.figures.every((figure) => figure.base === 10)).toBe(true);
  });

  it('questionFigures(years, base "all") → base 12: the two blanks join the base but no bin (never counted as 0)', () => {
    const result = questionFigures(question('years'), all, { ...DEFAULT_SETTINGS, baseRule: 'all' });
    expect(result.base).toBe(12);
    expect(result.figures[0].count).toBe(2); // 0 and 1 only; the blanks are not zeros
    expect(result.figures.reduce((sum, figure) => sum + figure.count, 0)).toBe(10);
  });

  it('questionFigures(years, bins < 5 and ≥ 5) uses the bins it is given: 4 and 6', () => {
    const bins: NumericBin[] = [
      { value: 'low', label: '< 5', from: -Infinity, to: 5 },
      { value: 'high', label: '≥ 5', from: 5, to: Infinity },
    ];
    // < 5: 0, 1, 2, 3; ≥ 5: 5, 5, 7.5, 10, 12, 20
    expect(questionFigures(question('years'), all, DEFAULT_SETTINGS, bins).figures.map((figure) => [figure.value, figure.count])).toEqual([
      ['low', 4],
      ['high', 6],
    ]);
  });

  it('questionFigures(years, ids 1–6 only, bins < 5 and ≥ 5) → 2 and 3 by hand (5, 2, 10, ·, 3, 7.5), and weights of 1 give the same counts by the other path', () => {
    const bins: NumericBin[] = [
      { value: 'low', label: '< 5', from: -Infinity, to: 5 },
      { value: 'high', label: '≥ 5', from: 5, to: Infinity },
    ];
    const firstSix = { size: 12, bits: Uint32Array.from([0b111111]) };
    const counts = (settings = DEFAULT_SETTINGS) => {
      const result = questionFigures(question('years'), firstSix, settings, bins);
      return [result.base, ...result.figures.map((figure) => figure.count)];
    };
    // Unweighted: counted from the selection's sorted values; weighted: one pass over the respondents.
    expect(counts()).toEqual([5, 2, 3]);
    expect(counts({ ...DEFAULT_SETTINGS, weights: new Float64Array(12).fill(1) })).toEqual([5, 2, 3]);
    expect(counts({ ...DEFAULT_SETTINGS, baseRule: 'all' })).toEqual([6, 2, 3]);
  });

  it('questionFigures(years, weights) → weighted bin sums: weights 2 for ids 1–6, 1 otherwise', () => {
    // answered with weights: 1:5 (2), 2:2 (2), 3:10 (2), 5:3 (2), 6:7.5 (2), 7:0 (1), 8:12 (1), 9:5 (1), 11:1 (1), 12:20 (1)
    // base Σw = 5·2 + 5·1 = 15; [0,2): 0 (1) + 1 (1) = 2; [2,4): 2 (2) + 3 (2) = 4
    const result = questionFigures(question('years'), all, { ...DEFAULT_SETTINGS, weights });
    expect(result.weightedBase).toBe(15);
    expect(result.figures.slice(0, 2).map((figure) => figure.weightedCount)).toEqual([2, 4]);
    expect(result.figures[1].share).toBeCloseTo(4 / 15, 12);
  });

  // The export documents effective_base as "empty when unweighted" only: weighted rankings and bins need it too.
  it('questionFigures(trends, weights) → Kish effective base 13²/23 = 7.3478, like single and multi questions', () => {
    // ranked anything {1,2,4,5,6,7,9,11}: Σw = 2·5 + 1·3 = 13, Σw² = 4·5 + 1·3 = 23
    const result = questionFigures(question('trends'), all, { ...DEFAULT_SETTINGS, weights });
    expect(result.weightedBase).toBe(13);
    expect(result.effectiveBase).toBeCloseTo(169 / 23, 12);
  });

  it('questionFigures(years, weights) → Kish effective base 15²/25 = 9', () => {
    // answered {1,2,3,5,6} weigh 2, {7,8,9,11,12} weigh 1: Σw = 15, Σw² = 4·5 + 5 = 25
    const result = questionFigures(question('years'), all, { ...DEFAULT_SETTINGS, weights });
    expect(result.effectiveBase).toBeCloseTo(9, 12);
  });

  it.each<[string, string]>([
    ['comment', '"comment" is free text: it is never aggregated'],
    ['id', '"id" is metadata: it is never aggregated'],
  ])('questionFigures(%s) throws: free text and metadata are refused', (id, message) => {
    expect(() => questionFigures(question(id), all)).toThrow(message);
  });

  it.each<[string, boolean]>([
    ['role', true],
    ['languages', true],
    ['trends', true],
    ['years', true],
    ['comment', false],
    ['id', false],
  ])('aggregatable(%s) → %s', (id, expected) => {
    expect(aggregatable(question(id))).toBe(expected);
  });
});
