import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeQuestion } from '../../../lib/analysis/summarize-question';
import { selectAll } from '../../../lib/analysis/selection';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { multiFrequencies, singleFrequencies } from '../../../lib/analysis/frequencies';
import { createBitset, setBit } from '../../../lib/survey/bitset';
import type { Question, Selection } from '../../../lib/survey/types';

const singleRowText = readFileSync(fileURLToPath(new URL('../../fixtures/single-row.csv', import.meta.url)), 'utf8');
const survey = buildSurvey(singleRowText);
const qualtrics = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/qualtrics.csv', import.meta.url)), 'utf8'));
const byId = (s: typeof survey, id: string): Question => s.questions.find((q) => q.id === id)!;
const select = (size: number, members: number[]): Selection => {
  const bits = createBitset(size);
  for (const i of members) setBit(bits, i);
  return { size, bits };
};

describe('summarizeQuestion on tests/fixtures/single-row.csv', () => {
  it('single (Country): counts, base 8 and percents by largest remainder summing to 100', () => {
    const summary = summarizeQuestion(byId(survey, 'Country'), selectAll(8));
    expect(summary.type).toBe('choice');
    if (summary.type !== 'choice') return;
    expect(summary).toMatchObject({ questionKind: 'single', base: 8, canExceed100: false });
    // Germany 4/8, United States 2/8, India 1/8, France 1/8
    expect(summary.buckets.map((b) => [b.value, b.count, b.percent])).toEqual([
      ['Germany', 4, 50],
      ['United States', 2, 25],
      ['India', 1, 12.5],
      ['France', 1, 12.5],
    ]);
  });

  it('single within a selection: those who used JavaScript (respondents 2 and 7) → United States 1, France 1', () => {
    const summary = summarizeQuestion(byId(survey, 'Country'), select(8, [1, 6]));
    if (summary.type !== 'choice') throw new Error(summary.type);
    expect(summary.base).toBe(2);
    expect(summary.buckets.map((b) => b.percent)).toEqual([0, 50, 0, 50]);
  });

  it('single percents of every selection of 3 respondents are each a third rounded on its own (33.3), as the download rounds them', () => {
    for (const members of [
      [0, 1, 3],
      [1, 3, 6],
      [0, 3, 6],
      [2, 5, 6],
    ]) {
      const summary = summarizeQuestion(byId(survey, 'OrgSize'), select(8, members));
      if (summary.type !== 'choice') throw new Error(summary.type);
      for (const bucket of summary.buckets) expect(bucket.percent).toBe(Math.round((bucket.count / 3) * 1000) / 10);
    }
  });

  it('likert (JobSat): base 7 answered, scale order kept', () => {
    const summary = summarizeQuestion(byId(survey, 'JobSat'), selectAll(8));
    if (summary.type !== 'choice') throw new Error(summary.type);
    expect(summary.questionKind).toBe('likert');
    expect(summary.base).toBe(7);
    // Very dissatisfied 1, Neither 1, Slightly satisfied 3, Very satisfied 2 of 7:
    // 14.286, 14.286, 42.857, 28.571 → each rounded on its own, the total reading 100.1
    expect(summary.buckets.map((b) => [b.count, b.percent])).toEqual([
      [1, 14.3],
      [1, 14.3],
      [3, 42.9],
      [2, 28.6],
    ]);
  });

  it('multi (LanguageHaveWorkedWith): respondents over the 7 who answered, may pass 100%', () => {
    const summary = summarizeQuestion(byId(survey, 'LanguageHaveWorkedWith'), selectAll(8));
    if (summary.type !== 'choice') throw new Error(summary.type);
    expect(summary).toMatchObject({ questionKind: 'multi', base: 7, canExceed100: true });
    // Python 5/7 = 71.43, SQL 5/7, JavaScript 2/7 = 28.57: each rounded on its own
    expect(summary.buckets.map((b) => [b.value, b.count, b.percent])).toEqual([
      ['Python', 5, 71.4],
      ['SQL', 5, 71.4],
      ['JavaScript', 2, 28.6],
    ]);
  });

  it('numeric (YearsCode): base is the 6 who answered; stats without bins; bins as buckets', () => {
    const summary = summarizeQuestion(byId(survey, 'YearsCode'), selectAll(8));
    if (summary.type !== 'numeric') throw new Error(summary.type);
    // answers 5, 12, 3, 20, 0, 8 → sorted 0 3 5 8 12 20: median 6.5, mean 48/6 = 8
    expect(summary.base).toBe(6);
    expect(summary.stats).toMatchObject({ count: 6, mean: 8, min: 0, median: 6.5, max: 20 });
    expect(summary.stats).not.toHaveProperty('bins');
    expect(summary.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(6);
  });

  it.each([
    ['Comment', 'text'],
    ['ResponseId', 'meta'],
  ])('%s (%s) is not charted, with its answered count as base', (id) => {
    const summary = summarizeQuestion(byId(survey, id), selectAll(8));
    expect(summary.type).toBe('not-charted');
    if (summary.type !== 'not-charted') return;
    expect(summary.base).toBe(id === 'Comment' ? 1 : 8);
    expect(summary.reason.length).toBeGreaterThan(0);
  });
});

describe('summarizeQuestion on a ranking (tests/fixtures/qualtrics.csv Q2)', () => {
  it('ranked-first percents over the 6 who ranked, mean ranks and max rank', () => {
    const summary = summarizeQuestion(byId(qualtrics, 'Q2'), selectAll(7));
    if (summary.type !== 'ranking') throw new Error(summary.type);
    expect(summary.base).toBe(6);
    expect(summary.maxRank).toBe(3);
    // first: 3/6 = 50, 2/6 = 33.3, 1/6 = 16.7
    expect(summary.buckets.map((b) => [b.count, b.percent])).toEqual([
      [3, 50],
      [2, 33.3],
      [1, 16.7],
    ]);
    expect(summary.ranked).toEqual([6, 6, 6]);
    expect(summary.meanRank[1]).toBe(2);
  });
});

describe('summarizeQuestion shows what the export shows', () => {
  it('leaves codebook-excluded options out of the base, as singleFrequencies and multiFrequencies do', () => {
    const codebook = codebookSchema.parse({
      questions: { OrgSize: { excludeFromBase: ["I don't know"] }, LanguageHaveWorkedWith: { excludeFromBase: ['JavaScript'] } },
    });
    const excluded = buildSurvey(singleRowText, { codebook });
    const all = selectAll(8);
    const size = byId(excluded, 'OrgSize');
    const languages = byId(excluded, 'LanguageHaveWorkedWith');
    if (size.kind !== 'single' || languages.kind !== 'multi') throw new Error('unexpected kinds');
    // OrgSize: 8 answered minus respondent 5 ("I don't know") = 7.
    // Languages: respondent 7 ticked only JavaScript; the other 6 who answered ticked Python or SQL.
    expect([singleFrequencies(size, all).base, multiFrequencies(languages, all).base]).toEqual([7, 6]);
    expect([summarizeQuestion(size, all).base, summarizeQuestion(languages, all).base]).toEqual([7, 6]);
  });
});
