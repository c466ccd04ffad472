import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { multiFrequencies, selectionEffectiveBase, singleFrequencies, type Frequencies } from '../../../lib/analysis/frequencies';
import { DEFAULT_SETTINGS, type FigureSettings } from '../../../lib/analysis/figure';
import { selectAll } from '../../../lib/analysis/selection';
import { surveyWeights } from '../../../lib/analysis/weights';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { createBitset, setBit } from '../../../lib/survey/bitset';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { MultiQuestion, SingleQuestion, Survey } from '../../../lib/survey/types';
import type { Selection } from '../../../lib/analysis/selection';

/**
 * tests/fixtures/analysis-frequencies.csv, 10 respondents:
 *
 *   id team               tools              w
 *    1 Platform           Git;Jira           2
 *    2 Platform           Git;Git            1    (Git ticked twice: still one respondent)
 *    3 Product            Jira;Slack         1
 *    4 Product            Other(s):          0.5  (only an excluded option)
 *    5 Platform           Git;Other(s):      1
 *    6 Prefer not to say  Slack              1.5
 *    7 Product            .                  1
 *    8 .                  Git;Jira;Slack     2
 *    9 Platform           Other(s):          1    (only an excluded option)
 *   10 Product            Git;Slack          1
 *
 * The codebook excludes "Prefer not to say" (team) and "Other(s):" (tools) from the base.
 */
const text = readFileSync(fileURLToPath(new URL('../../fixtures/analysis-frequencies.csv', import.meta.url)), 'utf8');
const excluding: Codebook = {
  weight: 'w',
  questions: {
    id: { kind: 'meta' },
    team: { kind: 'single', options: ['Platform', 'Product', { value: 'Prefer not to say', excludeFromBase: true }] },
    tools: { kind: 'multi', separator: ';', excludeFromBase: ['Other(s):'] },
    w: { kind: 'numeric' },
  },
};
const plain: Codebook = {
  weight: 'w',
  questions: {
    id: { kind: 'meta' },
    team: { kind: 'single', options: ['Platform', 'Product', 'Prefer not to say'] },
    tools: { kind: 'multi' },
    w: { kind: 'numeric' },
  },
};
const survey = buildSurvey(text, { codebook: excluding });
const plainSurvey = buildSurvey(text, { codebook: plain });
const team = (s: Survey) => s.questions.find((q) => q.id === 'team') as SingleQuestion;
const tools = (s: Survey) => s.questions.find((q) => q.id === 'tools') as MultiQuestion;
const all = selectAll(10);
const weightsOf = (s: Survey) => {
  const result = surveyWeights(s);
  if (typeof result === 'string') throw new Error(result);
  return result.weights;
};
/** Respondents by 1-based id. */
const select = (...ids: number[]): Selection => {
  const bits = createBitset(10);
  for (const id of ids) setBit(bits, id - 1);
  return { size: 10, bits };
};
const byValue = (frequencies: Frequencies) => Object.fromEntries(frequencies.figures.map((figure) => [figure.value, figure]));
const counts = (frequencies: Frequencies) => Object.fromEntries(frequencies.figures.map((figure) => [figure.value, [figure.count, figure.base, figure.share]]));

describe('singleFrequencies (team)', () => {
  it('singleFrequencies(team, all, answered) → Platform 4/8, Product 4/8; "Prefer not to say" (excluded) leaves the base and is shown over all 9 who answered', () => {
    const result = singleFrequencies(team(survey), all);
    // Platform {1,2,5,9} = 4, Product {3,4,7,10} = 4, Prefer not to say {6} = 1, blank {8}.
    // Answered base without the excluded answer: 4 + 4 = 8 (not 9, not 10).
    expect(result.base).toBe(8);
    expect(counts(result)).toEqual({
      Platform: [4, 8, 0.5],
      Product: [4, 8, 0.5],
      'Prefer not to say': [1, 9, 1 / 9], // still counted, shown over everyone who answered (4 + 4 + 1 = 9): 1/9
    });
    expect(byValue(result)['Prefer not to say'].excludedFromBase).toBe(true);
    expect(byValue(result).Platform.excludedFromBase).toBe(false);
    expect([result.weightedBase, result.effectiveBase]).toEqual([null, null]);
  });

  it('singleFrequencies(team, all, answered) without the exclusion → base 9 (4 + 4 + 1)', () => {
    const result = singleFrequencies(team(plainSurvey), all);
    expect(result.base).toBe(9);
    expect(counts(result)).toEqual({ Platform: [4, 9, 4 / 9], Product: [4, 9, 4 / 9], 'Prefer not to say': [1, 9, 1 / 9] });
    // shares of the included options sum to 100% of the base: 4/9 + 4/9 + 1/9
    expect(result.figures.reduce((sum, figure) => sum + figure.share, 0)).toBeCloseTo(1, 12);
  });

  it('singleFrequencies(team, all, base "all") → base 10: the blank (8) and the excluded answer (6) count in it', () => {
    const result = singleFrequencies(team(survey), all, { ...DEFAULT_SETTINGS, baseRule: 'all' });
    expect(result.base).toBe(10);
    expect(counts(result)).toEqual({ Platform: [4, 10, 0.4], Product: [4, 10, 0.4], 'Prefer not to say': [1, 10, 0.1] });
  });

  it('singleFrequencies(team, {1,3,6,8}) counts only the selection: Platform 1, Product 1, base 2', () => {
    // 1 Platform, 3 Product, 6 Prefer not to say (excluded), 8 blank
    const result = singleFrequencies(team(survey), select(1, 3, 6, 8));
    expect(result.base).toBe(2);
    // The excluded answer is shown over the 3 who answered in the selection (1, 3, 6): 1/3.
    expect(counts(result)).toEqual({ Platform: [1, 2, 0.5], Product: [1, 2, 0.5], 'Prefer not to say': [1, 3, 1 / 3] });
  });

  it('singleFrequencies gives the Wilson interval of 4/8: (0.215216, 0.784784) (R prop.test(4, 8, correct = FALSE))', () => {
    // z²/n = 3.841458820694124 / 8 = 0.48018235; centre = (0.5 + 0.24009118) / 1.48018235 = 0.5
    // half = 1.959964 · √(0.25/8 + 0.48018235/32) / 1.48018235 = 1.959964 · 0.2150714 / 1.48018235 = 0.2847839
    const platform = byValue(singleFrequencies(team(survey), all)).Platform;
    expect(platform.low).toBeCloseTo(0.215216062214, 9);
    expect(platform.high).toBeCloseTo(0.784783937786, 9);
  });

  it('singleFrequencies flags bases: 8 < 10 is suppressed; with suppressBelow 5 it is shown but unreliable (< 30)', () => {
    expect(byValue(singleFrequencies(team(survey), all)).Platform).toMatchObject({ suppressed: true, unreliable: false });
    expect(byValue(singleFrequencies(team(survey), all, { ...DEFAULT_SETTINGS, suppressBelow: 5 })).Platform).toMatchObject({
      suppressed: false,
      unreliable: true,
    });
  });
});

describe('multiFrequencies (tools)', () => {
  it('multiFrequencies(tools, all, answered) counts respondents: Git 5, Slack 4, Jira 3 of base 7; lone "Other(s):" answerers (4, 9) are not in the base', () => {
    const result = multiFrequencies(tools(survey), all);
    // Git {1,2,5,8,10} = 5 (respondent 2 ticked it twice, counted once); Slack {3,6,8,10} = 4;
    // Jira {1,3,8} = 3; Other(s): {4,5,9} = 3.
    // Base: respondents with at least one non-excluded option {1,2,3,5,6,8,10} = 7
    // (7 left it blank; 4 and 9 answered only "Other(s):").
    expect(result.base).toBe(7);
    expect(counts(result)).toMatchObject({ Git: [5, 7, 5 / 7], Slack: [4, 7, 4 / 7], Jira: [3, 7, 3 / 7] });
    // the excluded option's respondents are counted within the selection, even those outside the base
    expect(byValue(result)['Other(s):']).toMatchObject({ count: 3, excludedFromBase: true });
  });

  it('multiFrequencies counts respondents, not ticks: 12 ticks of non-excluded options over a base of 7', () => {
    const result = multiFrequencies(tools(survey), all);
    const ticks = result.figures.filter((figure) => !figure.excludedFromBase).reduce((sum, figure) => sum + figure.count, 0);
    expect(ticks).toBe(12); // 5 + 4 + 3: shares can sum past 100%
    expect(ticks).toBeGreaterThan(result.base);
    for (const figure of result.figures) expect(figure.count).toBeLessThanOrEqual(10);
  });

  it('multiFrequencies(tools, all, answered) without the exclusion → base 9: everyone who ticked anything', () => {
    const result = multiFrequencies(tools(plainSurvey), all);
    expect(result.base).toBe(9); // all but respondent 7
    expect(counts(result)).toEqual({ Git: [5, 9, 5 / 9], Slack: [4, 9, 4 / 9], Jira: [3, 9, 3 / 9], 'Other(s):': [3, 9, 3 / 9] });
  });

  it('multiFrequencies(tools, all, base "all") → base 10 including the blank respondent 7', () => {
    const result = multiFrequencies(tools(survey), all, { ...DEFAULT_SETTINGS, baseRule: 'all' });
    expect(result.base).toBe(10);
    expect(counts(result)).toEqual({ Git: [5, 10, 0.5], Slack: [4, 10, 0.4], Jira: [3, 10, 0.3], 'Other(s):': [3, 10, 0.3] });
  });

  it('multiFrequencies(tools, {4, 9, 7}) → base 0: answering only an excluded option is not answering; Other(s): counts 2', () => {
    const result = multiFrequencies(tools(survey), select(4, 7, 9));
    expect(result.base).toBe(0);
    expect(byValue(result)['Other(s):'].count).toBe(2);
    expect(byValue(result).Git.count).toBe(0);
    expect(Number.isNaN(byValue(result).Git.share)).toBe(true); // no base, no share: never a made-up 0%
    expect(byValue(result).Git.suppressed).toBe(true);
  });

  it('multiFrequencies(tools, {1, 5, 9}) → base 2 (1 and 5); Git 2/2, Jira 1/2, Other(s): 2 (5 and 9)', () => {
    const result = multiFrequencies(tools(survey), select(1, 5, 9));
    expect(result.base).toBe(2);
    expect(counts(result)).toMatchObject({ Git: [2, 2, 1], Slack: [0, 2, 0], Jira: [1, 2, 0.5] });
    expect(byValue(result)['Other(s):'].count).toBe(2);
  });

  it('multiFrequencies(tools, {4, 5, 9}) → every share within 0–100% with a finite interval, the excluded option too', () => {
    // Base: only 5 (Git); Other(s): is chosen by 4, 5 and 9. Counting 3 "Other(s):" respondents over a
    // base of 1 would print 300% with a NaN Wilson interval (p(1 − p) < 0): a share must be of a base that holds it.
    const result = multiFrequencies(tools(survey), select(4, 5, 9));
    expect(result.base).toBe(1);
    for (const figure of result.figures) {
      expect(figure.share).toBeGreaterThanOrEqual(0);
      expect(figure.share).toBeLessThanOrEqual(1);
      expect(Number.isFinite(figure.low) && Number.isFinite(figure.high)).toBe(true);
    }
  });
});

describe('weighted frequencies (weight column w)', () => {
  const weighted = (s: Survey, extra: Partial<FigureSettings> = {}): FigureSettings => ({ ...DEFAULT_SETTINGS, weights: weightsOf(s), ...extra });

  it('singleFrequencies(team, weighted) → Platform 5 of 8.5 (10/17), Product 3.5 of 8.5 (7/17); counts stay unweighted', () => {
    const result = singleFrequencies(team(survey), all, weighted(survey));
    // Platform w: 2 + 1 + 1 + 1 = 5; Product w: 1 + 0.5 + 1 + 1 = 3.5; base 5 + 3.5 = 8.5
    // Prefer not to say (excluded): 1.5 over everyone who answered, 8.5 + 1.5 = 10 → 0.15
    expect(result.weightedBase).toBeCloseTo(8.5, 12);
    const figures = byValue(result);
    expect([figures.Platform.count, figures.Platform.weightedCount, figures.Platform.weightedBase]).toEqual([4, 5, 8.5]);
    expect(figures.Platform.share).toBeCloseTo(10 / 17, 12);
    expect(figures.Product.share).toBeCloseTo(7 / 17, 12);
    expect(figures['Prefer not to say'].share).toBeCloseTo(0.15, 12);
    expect(figures.Product.weightedCount).toBeCloseTo(3.5, 12);
  });

  it('singleFrequencies(team, weighted) → Kish effective base (Σw)²/Σw² = 8.5² / 10.25 = 289/41 ≈ 7.0488', () => {
    // Σw² over the base: Platform 4 + 1 + 1 + 1 = 7, Product 1 + 0.25 + 1 + 1 = 3.25 → 10.25
    // 72.25 / 10.25 = 7.04878…, less than the 8 respondents because the weights vary
    expect(singleFrequencies(team(survey), all, weighted(survey)).effectiveBase).toBeCloseTo(289 / 41, 12);
  });

  it('singleFrequencies(team, weighted, surveySize 10) → Platform logit interval (0.184834, 0.900005), as R survey svyciprop on subset()', () => {
    // p = 10/17. Σ_base w²(y − p)² = (7/17)²·7 + (10/17)²·3.25 = (343 + 325)/289 = 668/289
    // var = 10/9 · (668/289) / 8.5² = 6680 / 187922.25 = 0.0355466 (R vcov: 0.0355466157)
    // logit p = ln(10/7) = 0.3566749; se = √0.0355466 / (70/289) = 0.1885380 / 0.2422145 = 0.7783925
    // t(7) = 2.3646243; 0.3566749 ∓ 1.8406015 → expit(−1.4839266) = 0.184834, expit(2.1972764) = 0.900005
    // R: svyciprop(~I(team == "Platform"), subset(svydesign(ids = ~1, weights = ~w), team %in% …), method = "logit")
    //    → 0.5882352941, 0.1848342385, 0.9000051637
    const platform = byValue(singleFrequencies(team(survey), all, weighted(survey, { surveySize: 10 }))).Platform;
    expect(platform.share).toBeCloseTo(0.5882352941, 9);
    expect(platform.low).toBeCloseTo(0.1848342385, 8);
    expect(platform.high).toBeCloseTo(0.9000051637, 8);
  });

  it('multiFrequencies(tools, weighted) → base 9.5 over {1,2,3,5,6,8,10}; Git 7 (14/19), Slack 5.5 (11/19), Jira 5 (10/19), Other(s): 2.5 of 11 answered (5/22)', () => {
    const result = multiFrequencies(tools(survey), all, weighted(survey));
    // base w: 2 + 1 + 1 + 1 + 1.5 + 2 + 1 = 9.5
    // Git {1,2,5,8,10}: 2 + 1 + 1 + 2 + 1 = 7; Slack {3,6,8,10}: 1 + 1.5 + 2 + 1 = 5.5
    // Jira {1,3,8}: 2 + 1 + 2 = 5; Other(s) (excluded): {4,5,9}: 0.5 + 1 + 1 = 2.5 over everyone who
    // answered, the base plus the lone Other(s): answerers 4 and 9: 9.5 + 0.5 + 1 = 11 → 2.5/11 = 5/22
    expect(result.weightedBase).toBeCloseTo(9.5, 12);
    const figures = byValue(result);
    expect(figures.Git.weightedCount).toBeCloseTo(7, 12);
    expect(figures.Git.share).toBeCloseTo(14 / 19, 12);
    expect(figures.Slack.share).toBeCloseTo(11 / 19, 12);
    expect(figures.Jira.share).toBeCloseTo(10 / 19, 12);
    expect(figures['Other(s):'].share).toBeCloseTo(5 / 22, 12);
    expect(figures.Git.count).toBe(5);
  });

  it('multiFrequencies(tools, weighted) → Kish effective base 9.5² / 14.25 = 19/3', () => {
    // Σw² over the base: 4 + 1 + 1 + 1 + 2.25 + 4 + 1 = 14.25; 90.25 / 14.25 = 6.333…
    expect(multiFrequencies(tools(survey), all, weighted(survey)).effectiveBase).toBeCloseTo(19 / 3, 12);
  });

  it('selectionEffectiveBase(all 10, w) → (Σw)²/Σw² = 12² / 16.5 = 96/11 ≈ 8.7273', () => {
    // Σw = 2+1+1+0.5+1+1.5+1+2+1+1 = 12; Σw² = 4+1+1+0.25+1+2.25+1+4+1+1 = 16.5
    expect(selectionEffectiveBase(all, weightsOf(survey))).toBeCloseTo(96 / 11, 12);
  });

  it('selectionEffectiveBase({1, 8}, w) → 2: two equal weights (2, 2) are as good as two unweighted respondents', () => {
    expect(selectionEffectiveBase(select(1, 8), weightsOf(survey))).toBeCloseTo(2, 12);
  });
});
