import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Question, Survey } from '../../../lib/survey/types';
import { selectAll } from '../../../lib/analysis/selection';
import { multiFrequencies, singleFrequencies } from '../../../lib/analysis/frequencies';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import { topOptions } from '../../../lib/analysis/top-options';

/**
 * Eight respondents:        colour   tools
 *   1                       Red      a;b
 *   2                       Red      b
 *   3                       Red      c;d
 *   4                       Blue     d
 *   5                       Blue     c
 *   6                       Green    e
 *   7                       Grey     (blank)
 *   8                       (blank)  a
 * colour: Red 3, Blue 2, Green 1, Grey 1 → base 7.
 * tools: a {1,8} 2, b {1,2} 2, c {3,5} 2, d {3,4} 2, e {6} 1 → base 7 (respondent 7 blank).
 */
const CSV = 'colour,tools\nRed,a;b\nRed,b\nRed,c;d\nBlue,d\nBlue,c\nGreen,e\nGrey,\n,a\n';
const survey: Survey = buildSurvey(CSV, {
  codebook: { questions: { colour: { kind: 'single', options: ['Grey', 'Green', 'Blue', 'Red'] }, tools: { kind: 'multi' } } },
});
const question = (id: string): Question => survey.questions.find((q) => q.id === id)!;
const all = selectAll(survey.size);
const settings = { ...DEFAULT_SETTINGS, suppressBelow: 0 };

describe('topOptions', () => {
  it('topOptions(colour, top 2, by share) → Red 3, Blue 2, then "Other (2 more)" = Green 1 + Grey 1 = 2, all of base 7', () => {
    const colour = question('colour');
    if (colour.kind !== 'single') throw new Error('single');
    const figures = topOptions(colour, singleFrequencies(colour, all, settings), all, settings, 2);
    expect(figures.map((f) => [f.label, f.count, f.base])).toEqual([
      ['Red', 3, 7],
      ['Blue', 2, 7],
      ['Other (2 more)', 2, 7],
    ]);
    expect(figures[2].share).toBeCloseTo(2 / 7, 12);
  });

  it('topOptions(colour, top 2, codebook order) keeps Grey, Green first and merges Blue 2 + Red 3 = 5', () => {
    const colour = question('colour');
    if (colour.kind !== 'single') throw new Error('single');
    const figures = topOptions(colour, singleFrequencies(colour, all, settings), all, settings, 2, 'codebook');
    expect(figures.map((f) => [f.label, f.count])).toEqual([
      ['Grey', 1],
      ['Green', 1],
      ['Other (2 more)', 5],
    ]);
  });

  it('topOptions(tools, top 2) merges c, d, e as a union of respondents: {3,4,5,6} = 4, not 2 + 2 + 1 = 5 ticks', () => {
    const tools = question('tools');
    if (tools.kind !== 'multi') throw new Error('multi');
    const figures = topOptions(tools, multiFrequencies(tools, all, settings), all, settings, 2);
    // a, b, c, d all 2: ties keep model order (a, b first); the rest c {3,5}, d {3,4}, e {6} → {3,4,5,6}
    expect(figures.map((f) => [f.label, f.count, f.base])).toEqual([
      ['a', 2, 7],
      ['b', 2, 7],
      ['Other (3 more)', 4, 7],
    ]);
  });

  it('topOptions with N covering all but one option shows every option instead of an "Other" of one', () => {
    const colour = question('colour');
    if (colour.kind !== 'single') throw new Error('single');
    expect(topOptions(colour, singleFrequencies(colour, all, settings), all, settings, 3).map((f) => f.label)).toEqual(['Red', 'Blue', 'Grey', 'Green']);
  });
});
