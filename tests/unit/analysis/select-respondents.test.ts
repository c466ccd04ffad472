import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { selectRespondents } from '../../../lib/analysis/select-respondents';
import { FILTER_OPS, type Filter, type FilterOp } from '../../../lib/analysis/filters';
import { isSelected, selectionCount } from '../../../lib/analysis/selection';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { Selection } from '../../../lib/analysis/selection';

/**
 * tests/fixtures/analysis-select.csv, 12 respondents (ids 1–12; row i is respondent index i − 1):
 *
 *   id role     languages           trends AI/Cloud/Security  years  country
 *    1 Backend  Go;Rust             1 2 .                     5      Côte d’Ivoire
 *    2 Frontend TypeScript          2 1 .                     2      日本
 *    3 Backend  Go                  . . .                     10     日本
 *    4 Data     Python;Go           1 . 2                     .      Germany
 *    5 .        Rust                . 1 .                     3      Germany
 *    6 Backend  Python              3 2 1                     7.5    Côte d’Ivoire
 *    7 Frontend TypeScript;Go;Rust  1 3 2                     0      Germany
 *    8 Data     .                   . . .                     12     日本
 *    9 Backend  Rust;Python         2 . 1                     5      Germany
 *   10 Frontend Go                  . . .                     .      .
 *   11 Data     Python              1 2 3                     1      Germany
 *   12 Backend  .                   . . .                     20     日本
 *   comment (free text) answered by 2, 6 and 12 only.
 *
 * By hand, as sets of ids:
 *   role      Backend {1,3,6,9,12}  Frontend {2,7,10}  Data {4,8,11}  no answer {5}
 *   languages Go {1,3,4,7,10}  Rust {1,5,7,9}  TypeScript {2,7}  Python {4,6,9,11}  no answer {8,12}
 *   trends    ranked AI {1,2,4,6,7,9,11}  Cloud {1,2,5,6,7,11}  Security {4,6,7,9,11}
 *             answered {1,2,4,5,6,7,9,11}  no answer {3,8,10,12}
 *   years     blank for 4 and 10; 0 (a real answer) for 7
 */
const codebook: Codebook = {
  questions: {
    id: { kind: 'meta' },
    role: { kind: 'single', options: ['Backend', 'Frontend', 'Data'] },
    languages: { kind: 'multi', separator: ';' },
    trends: { kind: 'ranking' },
    years: { kind: 'numeric' },
    country: { kind: 'single' },
    comment: { kind: 'text' },
  },
};
const survey = buildSurvey(readFileSync(fileURLToPath(new URL('../../fixtures/analysis-select.csv', import.meta.url)), 'utf8'), { codebook });

/** Selected respondents as their 1-based ids, to compare with the sets worked out above. */
function ids(selection: Selection): number[] {
  const out: number[] = [];
  for (let i = 0; i < selection.size; i++) if (isSelected(selection, i)) out.push(i + 1);
  return out;
}

const f = (question: string, op: FilterOp, ...values: string[]): Filter => ({ question, op, values });

describe('selectRespondents on analysis-select.csv (valid filters)', () => {
  it('selectRespondents(survey, []) selects all 12 respondents with no problems', () => {
    const { selection, problems } = selectRespondents(survey, []);
    expect(selection.size).toBe(12);
    expect(ids(selection)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(problems).toEqual([]);
  });

  it.each<[string, Filter[], number[]]>([
    // OR within a question: Backend {1,3,6,9,12} ∪ Frontend {2,7,10}
    ['role in Backend, Frontend (one of)', [f('role', 'in', 'Backend', 'Frontend')], [1, 2, 3, 6, 7, 9, 10, 12]],
    // AND across questions: Backend {1,3,6,9,12} ∩ Go {1,3,4,7,10} = {1,3}
    ['role=Backend and languages=Go', [f('role', 'in', 'Backend'), f('languages', 'in', 'Go')], [1, 3]],
    // {1,2,3,6,7,9,10,12} ∩ (Go ∪ Rust = {1,3,4,5,7,9,10}) = {1,3,7,9,10}
    ['role in Backend, Frontend and languages in Go, Rust', [f('role', 'in', 'Backend', 'Frontend'), f('languages', 'in', 'Go', 'Rust')], [1, 3, 7, 9, 10]],
    // answered role (all but 5) minus Backend = {2,4,7,8,10,11}; 5 did not answer, so is not "not Backend"
    ['role__not=Backend (never the non-answerer 5)', [f('role', 'not', 'Backend')], [2, 4, 7, 8, 10, 11]],
    // answered minus (Backend ∪ Data) = Frontend {2,7,10}
    ['role__not Backend, Data (is neither)', [f('role', 'not', 'Backend', 'Data')], [2, 7, 10]],
    // multi "in" is any of: TypeScript {2,7} ∪ Python {4,6,9,11}
    ['languages in TypeScript, Python (any of)', [f('languages', 'in', 'TypeScript', 'Python')], [2, 4, 6, 7, 9, 11]],
    // multi "all": Go {1,3,4,7,10} ∩ Rust {1,5,7,9} = {1,7}
    ['languages__all Go, Rust', [f('languages', 'all', 'Go', 'Rust')], [1, 7]],
    // {1,7} ∩ TypeScript {2,7} = {7}
    ['languages__all Go, Rust, TypeScript', [f('languages', 'all', 'Go', 'Rust', 'TypeScript')], [7]],
    // answered languages {1,…,11} \ {8} minus Go {1,3,4,7,10} = {2,5,6,9,11}; 8 and 12 left no answer
    ['languages__not=Go (never 8 or 12, who left it blank)', [f('languages', 'not', 'Go')], [2, 5, 6, 9, 11]],
    // ranking "in" = ranked the item at all, whatever the rank
    ['trends=Security (ranked at any rank)', [f('trends', 'in', 'Security')], [4, 6, 7, 9, 11]],
    // Cloud {1,2,5,6,7,11} ∩ Security {4,6,7,9,11} = {6,7,11}
    ['trends__all Cloud, Security', [f('trends', 'all', 'Cloud', 'Security')], [6, 7, 11]],
    // answered trends {1,2,4,5,6,7,9,11} minus AI {1,2,4,6,7,9,11} = {5}
    ['trends__not=AI (only answerers who left AI out)', [f('trends', 'not', 'AI')], [5]],
    // __first = ranked the item first: AI at rank 1 by {1,4,7,11} (2 and 9 ranked it 2nd, 6 3rd)
    ['trends__first=AI (rank 1 only)', [f('trends', 'first', 'AI')], [1, 4, 7, 11]],
    // ranked first: Cloud {2,5} ∪ Security {6,9}
    ['trends__first Cloud, Security (either first)', [f('trends', 'first', 'Cloud', 'Security')], [2, 5, 6, 9]],
    // first AI {1,4,7,11} ∩ ranked Security at all {4,6,7,9,11} = {4,7,11}
    ['trends__first=AI and trends=Security', [f('trends', 'first', 'AI'), f('trends', 'in', 'Security')], [4, 7, 11]],
    // single with unicode values: 日本 {2,3,8,12}
    ['country=日本 (unicode value matches exactly)', [f('country', 'in', '日本')], [2, 3, 8, 12]],
    ['country=Côte d’Ivoire (curly apostrophe)', [f('country', 'in', 'Côte d’Ivoire')], [1, 6]],
  ])('selectRespondents(%s) → ids %j', (_, filters, expected) => {
    const { selection, problems } = selectRespondents(survey, filters);
    expect(problems).toEqual([]);
    expect(ids(selection)).toEqual(expected);
    expect(selectionCount(selection)).toBe(expected.length);
  });

  it.each<[string, Filter, number[]]>([
    // years: 1:5 2:2 3:10 4:blank 5:3 6:7.5 7:0 8:12 9:5 10:blank 11:1 12:20
    ['years__gte=5', f('years', 'gte', '5'), [1, 3, 6, 8, 9, 12]], // 5,10,7.5,12,5,20
    ['years__lte=5', f('years', 'lte', '5'), [1, 2, 5, 7, 9, 11]], // 5,2,3,0,5,1 (0 is an answer)
    ['years__gt=5', f('years', 'gt', '5'), [3, 6, 8, 12]], // 10,7.5,12,20
    ['years__lt=5', f('years', 'lt', '5'), [2, 5, 7, 11]], // 2,3,0,1
    ['years__lt=0.5', f('years', 'lt', '0.5'), [7]], // only the 0; the blanks (4, 10) are not 0
    ['years__gte=-100', f('years', 'gte', '-100'), [1, 2, 3, 5, 6, 7, 8, 9, 11, 12]], // every answer, no blank
    ['years__lte=1e9', f('years', 'lte', '1e9'), [1, 2, 3, 5, 6, 7, 8, 9, 11, 12]],
    ['years__gt=20', f('years', 'gt', '20'), []],
    ['years=5 (numeric equals)', f('years', 'in', '5'), [1, 9]],
    // answered years minus {1, 9}; blanks 4 and 10 never match
    ['years__not=5', f('years', 'not', '5'), [2, 3, 5, 6, 7, 8, 11, 12]],
  ])('selectRespondents(%s) → ids %j, never a blank', (_, filter, expected) => {
    const { selection, problems } = selectRespondents(survey, [filter]);
    expect(problems).toEqual([]);
    expect(ids(selection)).toEqual(expected);
    expect(ids(selection)).not.toContain(4);
    expect(ids(selection)).not.toContain(10);
  });

  it('selectRespondents(years__gte=5 and years__lt=12) → a range {1,3,6,9} (5,10,7.5,5)', () => {
    const { selection } = selectRespondents(survey, [f('years', 'gte', '5'), f('years', 'lt', '12')]);
    expect(ids(selection)).toEqual([1, 3, 6, 9]);
  });

  it.each<[string, Filter, number[]]>([
    ['role__answered=0', f('role', 'answered', '0'), [5]],
    ['role__answered=1', f('role', 'answered', '1'), [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]],
    ['languages__answered=0', f('languages', 'answered', '0'), [8, 12]],
    ['trends__answered=0', f('trends', 'answered', '0'), [3, 8, 10, 12]],
    ['years__answered=0', f('years', 'answered', '0'), [4, 10]],
    ['years__answered=1', f('years', 'answered', '1'), [1, 2, 3, 5, 6, 7, 8, 9, 11, 12]],
    // free text can be filtered on whether it was answered, never on its content
    ['comment__answered=1', f('comment', 'answered', '1'), [2, 6, 12]],
    ['comment__answered=0', f('comment', 'answered', '0'), [1, 3, 4, 5, 7, 8, 9, 10, 11]],
  ])('selectRespondents(%s) → ids %j', (_, filter, expected) => {
    const { selection, problems } = selectRespondents(survey, [filter]);
    expect(problems).toEqual([]);
    expect(ids(selection)).toEqual(expected);
  });

  it('__answered=1 and __answered=0 partition the 12 respondents for every question', () => {
    for (const question of survey.questions) {
      const yes = ids(selectRespondents(survey, [f(question.id, 'answered', '1')]).selection);
      const no = ids(selectRespondents(survey, [f(question.id, 'answered', '0')]).selection);
      expect(yes.length + no.length).toBe(12);
      expect(yes.filter((id) => no.includes(id))).toEqual([]);
      expect(yes.length).toBe(question.answeredCount);
    }
  });

  it('a filtered selection is never larger than the unfiltered one, and adding a filter never grows it', () => {
    const one = selectionCount(selectRespondents(survey, [f('languages', 'in', 'Go', 'Python')]).selection); // {1,3,4,6,7,9,10,11} = 8
    const two = selectionCount(selectRespondents(survey, [f('languages', 'in', 'Go', 'Python'), f('role', 'in', 'Backend')]).selection); // ∩ Backend = {1,3,6,9} = 4
    expect([one, two]).toEqual([8, 4]);
  });

  it('FILTER_OPS lists the nine operators the grammar knows', () => {
    expect([...FILTER_OPS].sort()).toEqual(['all', 'answered', 'first', 'gt', 'gte', 'in', 'lt', 'lte', 'not']);
  });
});

describe('selectRespondents on analysis-select.csv (invalid filters are reported, named, and left out)', () => {
  const questionList = '"id", "role", "languages", "trends", "years", "country", "comment"';

  it.each<[string, Filter, string]>([
    ['an unknown question', f('salary', 'in', '100'), `there is no question "salary"; questions are ${questionList}`],
    ['an unknown option on a single', f('role', 'in', 'Manager'), '"role" has no option "Manager"; its options are "Backend", "Frontend", "Data"'],
    // options in frequency order: Go 5, Rust 4, Python 4 (Rust seen first), TypeScript 2
    [
      'an unknown option on a multi (case matters)',
      f('languages', 'all', 'go'),
      '"languages" has no option "go"; its options are "Go", "Rust", "Python", "TypeScript"',
    ],
    ['an unknown ranking item', f('trends', 'in', 'Blockchain'), '"trends" has no option "Blockchain"; its options are "AI", "Cloud", "Security"'],
    ['a range on a single-choice question', f('role', 'gte', '5'), '"role" is not numeric, so it cannot be filtered with __gte'],
    ['a range on a multi-select question', f('languages', 'lt', '2'), '"languages" is not numeric, so it cannot be filtered with __lt'],
    ['a range that is not a number', f('years', 'gte', 'five'), '"years__gte" needs one number, not "five"'],
    ['a range with a blank number', f('years', 'lte', ' '), '"years__lte" needs one number, not " "'],
    ['a range with two numbers', f('years', 'gt', '1', '2'), '"years__gt" needs one number, not "1, 2"'],
    ['__all on a single-choice question', f('role', 'all', 'Backend'), '"role__all" only applies to multi-select and ranking questions'],
    ['__first on a single-choice question', f('role', 'first', 'Backend'), '"role__first" only applies to ranking questions'],
    ['__first on a multi-select question', f('languages', 'first', 'Go'), '"languages__first" only applies to ranking questions'],
    [
      '__first with an unknown ranking item',
      f('trends', 'first', 'Blockchain'),
      '"trends" has no option "Blockchain"; its options are "AI", "Cloud", "Security"',
    ],
    ['__all on a numeric question', f('years', 'all', '5'), '"years" is numeric: it can only be filtered with __answered or a range'],
    ['__answered with a value other than 1/0', f('role', 'answered', 'yes'), '"role__answered" takes 1 or 0, not "yes"'],
    ['a value filter on free text', f('comment', 'in', 'Bye'), '"comment" is free text: it can only be filtered with __answered'],
    ['a value filter on metadata', f('id', 'in', '1'), '"id" is meta: it can only be filtered with __answered'],
    ['a numeric equals that is not a number', f('years', 'in', 'ten'), '"years" is numeric: "ten" are not all numbers'],
    ['a filter with no value', f('role', 'in'), 'the filter on "role" has no value'],
  ])('selectRespondents(%s) → one problem, the filter left out (all 12 selected)', (_, filter, message) => {
    const { selection, problems } = selectRespondents(survey, [filter]);
    expect(problems).toEqual([{ filter, message }]);
    expect(selectionCount(selection)).toBe(12);
  });

  it('selectRespondents(role=Backend, role=Manager as two filters) applies the valid one ({1,3,6,9,12}) and reports the other', () => {
    const { selection, problems } = selectRespondents(survey, [f('role', 'in', 'Backend'), f('role', 'not', 'Manager')]);
    expect(ids(selection)).toEqual([1, 3, 6, 9, 12]);
    expect(problems.map((p) => p.message)).toEqual(['"role" has no option "Manager"; its options are "Backend", "Frontend", "Data"']);
  });

  it('selectRespondents(role in Backend, Manager) reports the unknown one even when another value is valid', () => {
    const { problems } = selectRespondents(survey, [f('role', 'in', 'Backend', 'Manager')]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('no option "Manager"');
  });

  const long = 'x'.repeat(10_000);
  it.each<[string, string]>([
    ['a 10 000-character value', long],
    ['an SQL injection', "'; DROP TABLE respondents; --"],
    ['a path traversal', '../../etc/passwd'],
    ['unicode that is not an option of role', '日本'],
    ['an emoji and a right-to-left mark', '🙂\u200f'],
    ['a NUL byte', 'Backend\u0000'],
    ['HTML', '<script>alert(1)</script>'],
  ])('selectRespondents(role=%s) is just an "unknown option" problem naming the options', (_, value) => {
    const before = survey.questions.map((q) => q.id).join(',');
    const { selection, problems } = selectRespondents(survey, [f('role', 'in', value)]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(`"role" has no option "${value}"; its options are "Backend", "Frontend", "Data"`);
    expect(selectionCount(selection)).toBe(12);
    expect(survey.questions.map((q) => q.id).join(',')).toBe(before);
  });

  it('selectRespondents with a hostile question id is an "unknown question" problem', () => {
    const { problems } = selectRespondents(survey, [f('../../etc/passwd', 'in', 'x')]);
    expect(problems[0].message).toBe(`there is no question "../../etc/passwd"; questions are ${questionList}`);
  });
});
