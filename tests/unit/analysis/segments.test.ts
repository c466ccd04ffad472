import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { segmentBy, type Segment } from '../../../lib/analysis/segments';
import { isSelected, selectAll } from '../../../lib/analysis/selection';
import { selectRespondents } from '../../../lib/analysis/select-respondents';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { Question } from '../../../lib/survey/types';
import type { Selection } from '../../../lib/analysis/selection';

/**
 * tests/fixtures/analysis-select.csv (the table is in select-respondents.test.ts). By hand:
 *   role      Backend {1,3,6,9,12}  Frontend {2,7,10}  Data {4,8,11}  no answer {5}
 *   languages Go {1,3,4,7,10}  Rust {1,5,7,9}  Python {4,6,9,11}  TypeScript {2,7}  no answer {8,12}
 *   years ≥ 5: {1,3,6,8,9,12}
 */
const codebook: Codebook = {
  questions: {
    id: { kind: 'meta' },
    role: { kind: 'single', options: ['Backend', 'Frontend', 'Data'] },
    languages: { kind: 'multi' },
    trends: { kind: 'ranking' },
    years: { kind: 'numeric' },
    country: { kind: 'single', options: ['Germany', '日本', 'Côte d’Ivoire'] },
    comment: { kind: 'text' },
  },
};
const survey = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/analysis-select.csv', import.meta.url)), 'utf8'), { codebook });
const question = (id: string): Question => survey.questions.find((q) => q.id === id)!;
const ids = (selection: Selection) =>
  Array.from({ length: selection.size }, (_, i) => i)
    .filter((i) => isSelected(selection, i))
    .map((i) => i + 1);
const asSets = (segments: Segment[] | string) => {
  if (typeof segments === 'string') throw new Error(segments);
  return segments.map((segment) => [segment.value, ids(segment.selection)]);
};

describe('segmentBy', () => {
  it('segmentBy(role, all) partitions the answering respondents: Backend, Frontend, Data; 5 (no answer) in none', () => {
    const segments = asSets(segmentBy(question('role'), selectAll(12)));
    expect(segments).toEqual([
      ['Backend', [1, 3, 6, 9, 12]],
      ['Frontend', [2, 7, 10]],
      ['Data', [4, 8, 11]],
    ]);
    const members = segments.flatMap(([, set]) => set as number[]);
    expect(members).toHaveLength(11); // 5 + 3 + 3: everyone who answered, once
    expect(new Set(members).size).toBe(11); // no one twice
    expect(members).not.toContain(5);
  });

  it('segmentBy(languages, all) overlaps: a respondent is in every segment they chose (7 in Go, Rust and TypeScript)', () => {
    const segments = asSets(segmentBy(question('languages'), selectAll(12)));
    expect(segments).toEqual([
      ['Go', [1, 3, 4, 7, 10]],
      ['Rust', [1, 5, 7, 9]],
      ['Python', [4, 6, 9, 11]],
      ['TypeScript', [2, 7]],
    ]);
    // 5 + 4 + 4 + 2 = 15 memberships for 10 answering respondents
    expect(segments.reduce((sum, [, set]) => sum + (set as number[]).length, 0)).toBe(15);
  });

  it('segmentBy(role, years ≥ 5 = {1,3,6,8,9,12}) segments within the selection: Backend {1,3,6,9,12}, Frontend {}, Data {8}', () => {
    const { selection } = selectRespondents(survey, [{ question: 'years', op: 'gte', values: ['5'] }]);
    expect(asSets(segmentBy(question('role'), selection))).toEqual([
      ['Backend', [1, 3, 6, 9, 12]],
      ['Frontend', []],
      ['Data', [8]],
    ]);
  });

  it('segmentBy(languages, role = Frontend {2,7,10}) → Go {7,10}, Rust {7}, Python {}, TypeScript {2,7}', () => {
    const { selection } = selectRespondents(survey, [{ question: 'role', op: 'in', values: ['Frontend'] }]);
    expect(asSets(segmentBy(question('languages'), selection))).toEqual([
      ['Go', [7, 10]],
      ['Rust', [7]],
      ['Python', []],
      ['TypeScript', [2, 7]],
    ]);
  });

  it('segmentBy(country, all) keeps unicode values and labels: Germany {4,5,7,9,11}, 日本 {2,3,8,12}, Côte d’Ivoire {1,6}', () => {
    const segments = segmentBy(question('country'), selectAll(12));
    if (typeof segments === 'string') throw new Error(segments);
    expect(segments.map((segment) => [segment.value, segment.label, ids(segment.selection)])).toEqual([
      ['Germany', 'Germany', [4, 5, 7, 9, 11]],
      ['日本', '日本', [2, 3, 8, 12]],
      ['Côte d’Ivoire', 'Côte d’Ivoire', [1, 6]],
    ]);
  });

  it('segmentBy gives selections of the survey size (12)', () => {
    const segments = segmentBy(question('role'), selectAll(12));
    if (typeof segments === 'string') throw new Error(segments);
    expect(segments.every((segment) => segment.selection.size === 12)).toBe(true);
  });

  it.each<[string, string]>([
    ['years', '"years" is numeric: compare by a single-choice, Likert or multi-select question'],
    ['trends', '"trends" is ranking: compare by a single-choice, Likert or multi-select question'],
    ['comment', '"comment" is text: compare by a single-choice, Likert or multi-select question'],
    ['id', '"id" is meta: compare by a single-choice, Likert or multi-select question'],
  ])('segmentBy(%s) is refused with a message', (id, message) => {
    expect(segmentBy(question(id), selectAll(12))).toBe(message);
  });
});
