import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../../lib/analysis/filters';
import { describeFilter, describeFilterParts, describeFilters } from '../../../../lib/view/words/describe-filters';
import { selectSurvey } from '../../helpers/fixture-survey';
import { f } from '../../helpers/view-fixtures';

const survey = selectSurvey();
/** The survey's own labels: role "Primary role" (Backend labelled "Backend engineer"), languages "Languages used", trends "Hot trends", years "Years of experience". */
const lookup = (id: string) => survey.questions.find((question) => question.id === id);

describe('describeFilter with the survey’s labels', () => {
  it.each<[Filter, string]>([
    // single choice: "is", option values shown by their labels
    [f('role', 'in', 'Backend'), 'Primary role is “Backend engineer”'],
    [f('role', 'in', 'Backend', 'Frontend', 'Data'), 'Primary role is “Backend engineer”, “Frontend” or “Data”'],
    [f('role', 'not', 'Data'), 'Primary role is not “Data”'],
    [f('role', 'not', 'Backend', 'Data'), 'Primary role is neither “Backend engineer” nor “Data”'],
    // multi-select: "includes"
    [f('languages', 'in', 'Go', 'Rust'), 'Languages used includes “Go” or “Rust”'],
    [f('languages', 'not', 'Go'), 'Languages used does not include “Go”'],
    [f('languages', 'not', 'Go', 'Rust'), 'Languages used includes neither “Go” nor “Rust”'],
    [f('languages', 'all', 'Go', 'Rust'), 'Languages used includes all of “Go” and “Rust”'],
    // rankings: "ranked" at all, or "ranked … first"
    [f('trends', 'in', 'AI'), 'Hot trends: ranked “AI”'],
    [f('trends', 'first', 'AI'), 'Hot trends: ranked “AI” first'],
    [f('trends', 'first', 'AI', 'Cloud'), 'Hot trends: ranked “AI” or “Cloud” first'],
    [f('trends', 'all', 'AI', 'Cloud'), 'Hot trends includes all of “AI” and “Cloud”'],
    // numbers
    [f('years', 'gte', '5'), 'Years of experience is at least 5'],
    [f('years', 'lte', '5'), 'Years of experience is at most 5'],
    [f('years', 'gt', '5'), 'Years of experience is more than 5'],
    [f('years', 'lt', '0.5'), 'Years of experience is less than 0.5'],
    [f('years', 'in', '5'), 'Years of experience is “5”'],
    // answered or not
    [f('comment', 'answered', '1'), 'Comment was answered'],
    [f('comment', 'answered', '0'), 'Comment was not answered'],
  ])('describeFilter(%j, lookup) → %j', (filter, text) => {
    expect(describeFilter(filter, lookup)).toBe(text);
  });
});

describe('describeFilter without a lookup, or for an unknown question', () => {
  it.each<[Filter, string]>([
    [f('region', 'in', 'Europe', 'Asia'), 'region is “Europe” or “Asia”'],
    [f('region', 'not', 'US', 'UK'), 'region is neither “US” nor “UK”'],
    [f('tools', 'all', 'Git', 'Jira'), 'tools includes all of “Git” and “Jira”'],
    [f('salary', 'answered', '0'), 'salary was not answered'],
  ])('describeFilter(%j) → ids and values as written: %j', (filter, text) => {
    expect(describeFilter(filter)).toBe(text);
    expect(describeFilter(filter, () => undefined)).toBe(text);
  });

  it('describeFilter(role = an option the survey does not have) → the value as written', () => {
    expect(describeFilter(f('role', 'in', 'Manager'), lookup)).toBe('Primary role is “Manager”');
  });
});

describe('describeFilters and describeFilterParts', () => {
  it('describeFilters([]) → "All respondents"', () => {
    expect(describeFilters([], lookup)).toBe('All respondents');
  });

  it('describeFilters(two filters, lookup) → one sentence joined by "and"', () => {
    expect(describeFilters([f('role', 'in', 'Backend', 'Frontend'), f('years', 'gte', '5')], lookup)).toBe(
      'Respondents where Primary role is “Backend engineer” or “Frontend” and Years of experience is at least 5',
    );
  });

  it('describeFilterParts(two filters on one question) → one part each, naming the question and operator it removes', () => {
    expect(describeFilterParts([f('years', 'gte', '5'), f('years', 'lt', '10')], lookup)).toEqual([
      { question: 'years', op: 'gte', text: 'Years of experience is at least 5' },
      { question: 'years', op: 'lt', text: 'Years of experience is less than 10' },
    ]);
  });
});
