import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { surveyWeights } from '../../../lib/analysis/weights';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';

/**
 * tests/fixtures/analysis-weights.csv, 8 respondents; w = 1.5, 0, (blank), −2, 0.5, 2, "abc", 1.
 * Usable weights are finite and > 0: respondents 1 (1.5), 5 (0.5), 6 (2), 8 (1).
 * Unusable, so weight 0 and counted as invalid: 2 (zero), 3 (blank), 4 (negative), 7 (not a number) → 4.
 */
const text = readFileSync(fileURLToPath(new URL('../../fixtures/analysis-weights.csv', import.meta.url)), 'utf8');
const questions: NonNullable<Codebook['questions']> = { id: { kind: 'meta' }, w: { kind: 'numeric' }, group: { kind: 'single' }, wt_text: { kind: 'single' } };
const weighted = buildSurvey(text, { codebook: { weight: 'w', questions } });
const unweighted = buildSurvey(text, { codebook: { questions } });

describe('surveyWeights', () => {
  it('surveyWeights(survey with codebook weight w) → [1.5, 0, 0, 0, 0.5, 2, 0, 1], 4 invalid', () => {
    const result = surveyWeights(weighted);
    if (typeof result === 'string') throw new Error(result);
    expect(result.column).toBe('w');
    expect(Array.from(result.weights)).toEqual([1.5, 0, 0, 0, 0.5, 2, 0, 1]);
    expect(result.invalid).toBe(4);
    // the usable weights sum to 1.5 + 0.5 + 2 + 1 = 5
    expect(result.weights.reduce((sum, w) => sum + w, 0)).toBe(5);
  });

  it('surveyWeights(survey without a codebook weight, "w") → the same weights from the named column', () => {
    const result = surveyWeights(unweighted, 'w');
    if (typeof result === 'string') throw new Error(result);
    expect(Array.from(result.weights)).toEqual([1.5, 0, 0, 0, 0.5, 2, 0, 1]);
    expect(result.invalid).toBe(4);
  });

  it.each<[string, string | undefined, string]>([
    ['no weight column at all', undefined, 'this survey has no weight column (set "weight" in survey.json)'],
    ['an unknown column', 'weight', 'there is no weight column "weight"'],
    ['a single-choice column', 'group', '"group" is single, not numeric: it cannot be a weight'],
    ['a metadata column', 'id', '"id" is meta, not numeric: it cannot be a weight'],
  ])('surveyWeights(%s) → a message', (_, column, message) => {
    expect(surveyWeights(unweighted, column)).toBe(message);
  });

  it('the codebook weight column is recorded on the survey (weightQuestionId "w"); none without it', () => {
    expect(weighted.weightQuestionId).toBe('w');
    expect(unweighted.weightQuestionId).toBeUndefined();
  });
});
