import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeLikert } from '../../../lib/analysis/likert-summary';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import { selectAll } from '../../../lib/analysis/selection';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { createBitset, setBit } from '../../../lib/survey/bitset';
import type { LikertQuestion, Selection } from '../../../lib/survey/types';

/**
 * tests/fixtures/analysis-likert.csv, 12 respondents, two scales:
 *
 *   satisfaction (5 points + "Don't know")      agreement (4 points + "Not applicable")
 *   1 Very dissatisfied    {6}          1        Strongly disagree {5}             1
 *   2 Dissatisfied         {5, 11}      2        Disagree          {3, 9}          2
 *   3 Neither …            {4}          1        Agree             {1,4,6,10,12}   5
 *   4 Satisfied            {2, 3, 7}    3        Strongly agree    {2, 8}          2
 *   5 Very satisfied       {1, 9}       2        Not applicable    {7}             1 (off-scale)
 *     Don't know           {8, 12}      2 (off)  blank             {11}
 *     blank                {10}
 *
 * On-scale respondents: satisfaction 1 + 2 + 1 + 3 + 2 = 9; agreement 1 + 2 + 5 + 2 = 10.
 */
const survey = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/analysis-likert.csv', import.meta.url)), 'utf8'), {
  codebook: { questions: { id: { kind: 'meta' }, satisfaction: { kind: 'likert' }, agreement: { kind: 'likert' } } },
});
const satisfaction = survey.questions.find((q) => q.id === 'satisfaction') as LikertQuestion;
const agreement = survey.questions.find((q) => q.id === 'agreement') as LikertQuestion;
const select = (...ids: number[]): Selection => {
  const bits = createBitset(12);
  for (const id of ids) setBit(bits, id - 1);
  return { size: 12, bits };
};

describe('summarizeLikert on a 5-point scale with "Don\'t know" (satisfaction)', () => {
  const summary = summarizeLikert(satisfaction, selectAll(12));

  it('summarizeLikert(satisfaction) keeps scale order, off-scale last, in its frequencies', () => {
    expect(summary.frequencies.figures.map((figure) => [figure.value, figure.count])).toEqual([
      ['Very dissatisfied', 1],
      ['Dissatisfied', 2],
      ['Neither satisfied nor dissatisfied', 1],
      ['Satisfied', 3],
      ['Very satisfied', 2],
      ["Don't know", 2],
    ]);
    // The distribution's base counts "Don't know" (an answer): 9 + 2 = 11; the blank (10) is not in it.
    expect(summary.frequencies.base).toBe(11);
    expect(summary.points).toBe(5);
  });

  it('summarizeLikert(satisfaction) → top-2 (Satisfied + Very satisfied) = (3 + 2)/9, bottom-2 = (1 + 2)/9', () => {
    expect(summary.topTwo).toBeCloseTo(5 / 9, 12);
    expect(summary.bottomTwo).toBeCloseTo(3 / 9, 12);
  });

  it('summarizeLikert(satisfaction) → mean score (1·1 + 2·2 + 3·1 + 4·3 + 5·2)/9 = 30/9 = 3.333, "Don\'t know" excluded', () => {
    // Had "Don't know" counted as a 6th point: (30 + 6·2)/11 = 3.82; as 0: 30/11 = 2.73. Neither is right.
    expect(summary.meanScore).toBeCloseTo(30 / 9, 12);
  });

  it('summarizeLikert(satisfaction) → diverging split: negative (1 + 2)/9, neutral 1/9, positive (3 + 2)/9, summing to 1', () => {
    expect(summary.negative).toBeCloseTo(3 / 9, 12);
    expect(summary.neutral).toBeCloseTo(1 / 9, 12);
    expect(summary.positive).toBeCloseTo(5 / 9, 12);
    expect(summary.negative + summary.neutral + summary.positive).toBeCloseTo(1, 12);
  });

  it('summarizeLikert(satisfaction, {8, 10, 12}) → NaN top-2 and mean: only "Don\'t know" and a blank, nobody on the scale', () => {
    const none = summarizeLikert(satisfaction, select(8, 10, 12));
    expect([none.topTwo, none.bottomTwo, none.meanScore].every(Number.isNaN)).toBe(true);
    expect(none.frequencies.base).toBe(2); // the two "Don't know" answers
  });

  it('summarizeLikert(satisfaction, {1, 2, 5, 8}) → mean (5 + 4 + 2)/3 = 11/3, top-2 2/3, bottom-2 1/3', () => {
    // 1 Very satisfied (5), 2 Satisfied (4), 5 Dissatisfied (2), 8 Don't know (off-scale)
    const some = summarizeLikert(satisfaction, select(1, 2, 5, 8));
    expect(some.meanScore).toBeCloseTo(11 / 3, 12);
    expect(some.topTwo).toBeCloseTo(2 / 3, 12);
    expect(some.bottomTwo).toBeCloseTo(1 / 3, 12);
    expect(some.neutral).toBe(0);
  });

  it('summarizeLikert(satisfaction, weights 2 for respondents 1–6, 1 otherwise) → weighted mean 49/15, top-2 8/15', () => {
    // On-scale weights: 1 VS 2, 2 S 2, 3 S 2, 4 N 2, 5 D 2, 6 VD 2, 7 S 1, 9 VS 1, 11 D 1 → total 15
    // Σ w·score = 2·(5 + 4 + 4 + 3 + 2 + 1) + (4 + 5 + 2) = 38 + 11 = 49
    // top-2: VS 2 + 1, S 2 + 2 + 1 → 8; bottom-2: VD 2, D 2 + 1 → 5; neutral 2
    const weights = Float64Array.from([2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1]);
    const weighted = summarizeLikert(satisfaction, selectAll(12), { ...DEFAULT_SETTINGS, weights });
    expect(weighted.meanScore).toBeCloseTo(49 / 15, 12);
    expect(weighted.topTwo).toBeCloseTo(8 / 15, 12);
    expect(weighted.bottomTwo).toBeCloseTo(5 / 15, 12);
    expect(weighted.neutral).toBeCloseTo(2 / 15, 12);
  });
});

describe('summarizeLikert on a 4-point scale with "Not applicable" (agreement)', () => {
  const summary = summarizeLikert(agreement, selectAll(12));

  it('summarizeLikert(agreement) → 4 points in scale order, "Not applicable" off-scale and last', () => {
    expect(summary.points).toBe(4);
    expect(summary.frequencies.figures.map((figure) => figure.value)).toEqual(['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree', 'Not applicable']);
    expect(agreement.offScale).toEqual(['Not applicable']);
  });

  it('summarizeLikert(agreement) → top-2 (Agree + Strongly agree) = (5 + 2)/10, bottom-2 = (1 + 2)/10', () => {
    expect(summary.topTwo).toBeCloseTo(0.7, 12);
    expect(summary.bottomTwo).toBeCloseTo(0.3, 12);
  });

  it('summarizeLikert(agreement) → mean (1·1 + 2·2 + 3·5 + 4·2)/10 = 28/10 = 2.8', () => {
    expect(summary.meanScore).toBeCloseTo(2.8, 12);
  });

  it('summarizeLikert(agreement) → diverging split with no neutral point: negative 0.3, neutral 0, positive 0.7', () => {
    expect(summary.negative).toBeCloseTo(0.3, 12);
    expect(summary.neutral).toBe(0);
    expect(summary.positive).toBeCloseTo(0.7, 12);
  });
});
