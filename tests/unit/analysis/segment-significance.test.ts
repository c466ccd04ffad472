import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, makeFigure, type Figure, type FigureSettings } from '../../../lib/analysis/figure';
import { questionFigures } from '../../../lib/analysis/question-figures';
import { markSegments } from '../../../lib/analysis/segment-significance';
import { segmentBy } from '../../../lib/analysis/segments';
import { selectAll } from '../../../lib/analysis/selection';
import { fixtureSurvey, questionOf } from '../helpers/fixture-survey';

/**
 * tests/fixtures/analysis-crosstab.csv (22 respondents), remote by team:
 *            A     B     rest of A (B + respondent 21)   rest of B (A + 21)
 *   Yes      8     2     3                               9
 *   No       2     8     8                               2
 *   base    10    10    11                              11
 * Everyone who answered remote: Yes 11, No 10, base 21 (22 left it blank).
 */
const survey = fixtureSurvey('analysis-crosstab.csv', {
  questions: {
    id: { kind: 'meta' },
    team: { kind: 'single', options: ['A', 'B'] },
    remote: { kind: 'single', options: ['Yes', 'No'] },
    tools: { kind: 'multi' },
  },
});
const remote = questionOf(survey, 'remote');

function marksFor(settings: FigureSettings) {
  const segments = segmentBy(questionOf(survey, 'team'), selectAll(22));
  if (typeof segments === 'string') throw new Error(segments);
  const total = questionFigures(remote, selectAll(22), settings).figures;
  return markSegments(
    total,
    segments.map((segment) => questionFigures(remote, segment.selection, settings).figures),
    settings,
  );
}

describe('markSegments, unweighted: the pooled two-proportion z-test of a segment against the rest', () => {
  const marks = marksFor({ ...DEFAULT_SETTINGS, suppressBelow: 0, unreliableBelow: 0 });

  it('markSegments → Yes|A: 8/10 against 3/11, z = (0.8 − 3/11) / √(11/21 · 10/21 · (1/10 + 1/11)) = 2.41627', () => {
    // pooled p = 11/21; se = √(0.2494331 · 0.1909091) = 0.2182179; z = 0.5272727 / 0.2182179
    const pooled = 11 / 21;
    const z = (0.8 - 3 / 11) / Math.sqrt(pooled * (1 - pooled) * (1 / 10 + 1 / 11));
    expect(marks[0][0].difference).toBeCloseTo(0.8 - 3 / 11, 12);
    expect(marks[0][0].statistic).toBeCloseTo(z, 12);
    // R: prop.test(c(8, 3), c(10, 11), correct = FALSE) → X-squared 5.83834710743802 = z²
    expect(marks[0][0].statistic ** 2).toBeCloseTo(5.83834710743802, 10);
  });

  it.each<[string, number, number, number, number]>([
    // R: z and 2·pnorm(−|z|) of each cell; Holm with p.adjust(p, "holm") over the four cells
    ['Yes|A', 0, 0, 2.41626718461308, 0.0156805504085073],
    ['No|A', 0, 1, -2.41626718461308, 0.0156805504085073],
    ['Yes|B', 1, 0, -2.83286497506361, 0.0046132868166852],
    ['No|B', 1, 1, 2.83286497506361, 0.0046132868166852],
  ])('markSegments → %s: z %s, p %s', (_, segment, option, z, p) => {
    expect(marks[segment][option].statistic).toBeCloseTo(z, 10);
    expect(marks[segment][option].p).toBeCloseTo(p, 12);
  });

  it('markSegments → Holm-adjusted over the whole table, as R p.adjust(c(.0157, .0157, .0046, .0046), "holm")', () => {
    expect(marks.flat().map((mark) => mark.adjustedP)).toEqual(
      [0.0313611008170146, 0.0313611008170146, 0.0184531472667408, 0.0184531472667408].map((p) => expect.closeTo(p, 12)),
    );
  });

  it('markSegments → after Holm, every cell is below 0.05: A higher on Yes and lower on No, B the reverse', () => {
    expect(marks.map((segment) => segment.map((mark) => mark.significance))).toEqual([
      ['higher', 'lower'],
      ['lower', 'higher'],
    ]);
  });
});

describe('markSegments, weighted: the design-based t-test (R survey svyttest)', () => {
  // weights 1 + (id mod 3); in R: svyttest(y ~ inA, subset(svydesign(ids = ~1, weights = ~w, data), !is.na(remote)))
  const weights = Float64Array.from({ length: 22 }, (_, i) => 1 + ((i + 1) % 3));
  const marks = marksFor({ ...DEFAULT_SETTINGS, suppressBelow: 0, unreliableBelow: 0, weights, surveySize: 22 });

  it.each<[string, number, number, number, number]>([
    // R: t 3.5553583289952, df 19, p 0.0021123578419797, difference 0.6227272727272726
    ['A', 0, 3.5553583289952013, 0.0021123578419797, 0.6227272727272726],
    // R: t −3.85774952594886, p 0.00106034075065722, difference −0.666666666666666
    ['B', 1, -3.85774952594886189, 0.00106034075065722, -0.66666666666666641],
  ])('markSegments(weighted) → Yes|%s against the rest: t, p and difference as R', (_, segment, t, p, difference) => {
    expect(marks[segment][0].statistic).toBeCloseTo(t, 8);
    expect(marks[segment][0].p).toBeCloseTo(p, 10);
    expect(marks[segment][0].difference).toBeCloseTo(difference, 10);
  });
});

describe('markSegments: suppressed cells are not tested and do not count in Holm', () => {
  // Built by hand: a total of 40 (option 20), segments X 10 of 15, Y 3 of 20, Z 4 of 5 (under a threshold of 6).
  const settings = { ...DEFAULT_SETTINGS, suppressBelow: 6, unreliableBelow: 0 };
  const tally = (count: number) => ({ count, sumW: count, sumW2: count });
  const figures = (chose: number, base: number): Figure[] => [
    makeFigure('yes', 'Yes', false, tally(chose), tally(base), settings),
    makeFigure('no', 'No', false, tally(base - chose), tally(base), settings),
  ];
  const marks = markSegments(figures(17, 40), [figures(10, 15), figures(3, 20), figures(4, 5)], settings);

  it('markSegments → the suppressed segment Z (base 5 < 6): no difference, statistic or p, and no mark', () => {
    for (const mark of marks[2]) {
      expect([mark.difference, mark.statistic, mark.p, mark.adjustedP].every(Number.isNaN)).toBe(true);
      expect(mark.significance).toBeNull();
    }
  });

  it('markSegments → Holm over the four tested cells only (m = 4, not 6)', () => {
    // X: 10/15 against 7/25; Y: 3/20 against 14/20 — z by hand with the pooled standard error
    const z = (x1: number, n1: number, x2: number, n2: number) => {
      const pooled = (x1 + x2) / (n1 + n2);
      return (x1 / n1 - x2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    };
    expect(marks[0][0].statistic).toBeCloseTo(z(10, 15, 7, 25), 12);
    expect(marks[1][0].statistic).toBeCloseTo(z(3, 20, 14, 20), 12);
    // each segment's Yes and No cells share one p; sorted ascending Y, Y, X, X → Holm factors 4, 3, 2, 1
    const [pX, pY] = [marks[0][0].p, marks[1][0].p];
    expect(pY).toBeLessThan(pX);
    expect(marks[1].map((mark) => mark.adjustedP)).toEqual([4 * pY, 4 * pY].map((p) => expect.closeTo(p, 12)));
    expect(marks[0].map((mark) => mark.adjustedP)).toEqual([Math.max(4 * pY, 2 * pX), Math.max(4 * pY, 2 * pX)].map((p) => expect.closeTo(p, 12)));
  });
});

describe('markSegments: a segment under the reliability threshold is never marked (issue 24, defect 2)', () => {
  // The same table under the default threshold of 30: both segments have a base of 10.
  const marks = marksFor({ ...DEFAULT_SETTINGS, suppressBelow: 0 });

  it('markSegments(bases 10 < 30) → statistics as before, but no Holm p and no mark on any cell', () => {
    expect(marks[0][0].statistic).toBeCloseTo(2.41626718461308, 10);
    expect(marks.flat().map((mark) => mark.significance)).toEqual([null, null, null, null]);
    expect(marks.flat().every((mark) => Number.isNaN(mark.adjustedP))).toBe(true);
  });

  it('markSegments(one respondent in a segment) → no mark, however far its share is from the rest', () => {
    const settings = { ...DEFAULT_SETTINGS, suppressBelow: 0 };
    const tally = (count: number) => ({ count, sumW: count, sumW2: count });
    const figure = (chose: number, base: number) => makeFigure('yes', 'Yes', false, tally(chose), tally(base), settings);
    // 1 of 1 against 10 of 200: 100% against 5%.
    const [[alone]] = markSegments([figure(11, 201)], [[figure(1, 1)]], settings);
    expect(alone.significance).toBeNull();
  });
});
