import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import type { Codebook } from '../../../../lib/survey/codebook-schema';
import type { Survey } from '../../../../lib/survey/types';
import { sortRespondents } from '../../../../lib/view/responses/sort-respondents';

/**
 * Seven respondents, a–g, one column per question kind. Kinds and option orders are pinned by the
 * codebook so the expected orders below depend only on sortRespondents, not on inference.
 */
const csv = [
  'id,score,size,agree,langs,rank[Cost],rank[Speed],rank[Safety],note,empty',
  'a,5,High,Agree,Python;Go,2,1,,banana,',
  'b,-2,Low,Strongly agree,Rust,1,2,3,Apple,',
  'c,,,Strongly disagree,,,,,,',
  'd,10,Medium,,Go,,,1,apple,',
  'e,5,Low,Disagree,Go;Rust,1,,,cherry,',
  'f,1e3,Unsure,Agree,Python,1,3,2,item 10,',
  'g,NA,High,N/A,Rust;Go,2,1,,item 9,',
].join('\n');

const codebook: Codebook = {
  questions: {
    id: { kind: 'meta' },
    score: { kind: 'numeric' },
    // "Unsure" is not listed, so it follows the listed options (code 4).
    size: { kind: 'single', options: ['Low', 'Medium', 'High'] },
    agree: { kind: 'likert', options: ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'] },
    langs: { kind: 'multi', separator: ';', options: ['Go', 'Rust', 'Python'] },
    rank: { kind: 'ranking' },
    note: { kind: 'text' },
    empty: { kind: 'numeric' },
  },
};

const survey = buildSurvey(csv, { codebook, name: 'inline.csv' });
const ids = survey.questions.find((question) => question.id === 'id')!;

/** The sorted order as respondent ids (a–g), which reads better than indexes. */
function sortedIds(target: Survey, questionId: string, desc: boolean): string[] {
  const question = target.questions.find((q) => q.id === questionId)!;
  const idColumn = target.questions.find((q) => q.id === 'id')!;
  if (idColumn.kind !== 'meta') throw new Error('id should be meta');
  return Array.from(sortRespondents(target, question, desc), (index) => idColumn.values[index]);
}

describe('sortRespondents on a seven-respondent inline survey', () => {
  it('the inline survey has the kinds the codebook pins', () => {
    expect(survey.size).toBe(7);
    expect(ids.kind).toBe('meta');
    expect(survey.questions.map((q) => [q.id, q.kind])).toEqual([
      ['id', 'meta'],
      ['score', 'numeric'],
      ['size', 'single'],
      ['agree', 'likert'],
      ['langs', 'multi'],
      ['rank', 'ranking'],
      ['note', 'text'],
      ['empty', 'numeric'],
    ]);
  });

  it.each([
    // score: a 5, b −2, c blank, d 10, e 5, f 1e3 = 1000, g NA (blank).
    // By value, not as text ("10" < "5" as strings): −2 b, 5 a, 5 e (tie: file order), 10 d, 1000 f; blanks c, g.
    ['score', false, ['b', 'a', 'e', 'd', 'f', 'c', 'g']],
    // Descending: 1000 f, 10 d, 5 a, 5 e (tie still in file order), −2 b; blanks still last, in file order.
    ['score', true, ['f', 'd', 'a', 'e', 'b', 'c', 'g']],
    // size codes: Low 1, Medium 2, High 3, Unsure 4 (unlisted, after the codebook's).
    // a 3, b 1, c blank, d 2, e 1, f 4, g 3 → Low b e, Medium d, High a g, Unsure f; blank c.
    ['size', false, ['b', 'e', 'd', 'a', 'g', 'f', 'c']],
    ['size', true, ['f', 'a', 'g', 'd', 'b', 'e', 'c']],
    // agree in scale order: SD 1, D 2, A 3, SA 4. a 3, b 4, c 1, d blank, e 2, f 3, g N/A (blank).
    // Low to high: c, e, a f (tie), b; blanks d, g.
    ['agree', false, ['c', 'e', 'a', 'f', 'b', 'd', 'g']],
    ['agree', true, ['b', 'a', 'f', 'e', 'c', 'd', 'g']],
    // Text, case-insensitive with numbers in numeric order: Apple = apple (b, d tie), banana a,
    // cherry e, "item 9" g before "item 10" f; blank c last.
    ['note', false, ['b', 'd', 'a', 'e', 'g', 'f', 'c']],
    // Descending: item 10 f, item 9 g, cherry e, banana a, then the Apple/apple tie in file order (b, d).
    ['note', true, ['f', 'g', 'e', 'a', 'b', 'd', 'c']],
    // Meta sorts like text: ids a–g are already alphabetical.
    ['id', false, ['a', 'b', 'c', 'd', 'e', 'f', 'g']],
    ['id', true, ['g', 'f', 'e', 'd', 'c', 'b', 'a']],
  ] as const)('sortRespondents(survey, %s, desc %s) gives %j', (questionId, desc, expected) => {
    expect(sortedIds(survey, questionId, desc)).toEqual(expected);
  });

  it.each([
    // Option positions Go 0, Rust 1, Python 2; the key is the chosen positions in option order:
    // a "Python;Go" [0,2], b [1], c blank, d [0], e "Go;Rust" [0,1], f [2], g "Rust;Go" [0,1].
    // Lists compare item by item, a shorter prefix first: [0] d, [0,1] e g (tie), [0,2] a, [1] b, [2] f; blank c.
    [false, ['d', 'e', 'g', 'a', 'b', 'f', 'c']],
    // Descending: [2] f, [1] b, [0,2] a, [0,1] e g (tie in file order), [0] d; blank c.
    [true, ['f', 'b', 'a', 'e', 'g', 'd', 'c']],
  ] as const)("sortRespondents(survey, langs (multi), desc %s) sorts by the chosen options' positions: %j", (desc, expected) => {
    expect(sortedIds(survey, 'langs', desc)).toEqual(expected);
  });

  it('sortRespondents(survey, langs) gives "Go;Rust" and "Rust;Go" the same key: a set of options, not the cell text', () => {
    const order = sortedIds(survey, 'langs', false);
    // e and g are adjacent and in file order.
    expect(order.indexOf('g')).toBe(order.indexOf('e') + 1);
  });

  it.each([
    // Items Cost 0, Speed 1, Safety 2; the key is the ranked items in rank order:
    // a Speed 1, Cost 2 → [1,0]; b Cost 1, Speed 2, Safety 3 → [0,1,2]; c nothing → blank;
    // d Safety 1 → [2]; e Cost 1 → [0]; f Cost 1, Safety 2, Speed 3 → [0,2,1]; g Speed 1, Cost 2 → [1,0].
    // Ascending: [0] e, [0,1,2] b, [0,2,1] f, [1,0] a g (tie), [2] d; blank c.
    [false, ['e', 'b', 'f', 'a', 'g', 'd', 'c']],
    // Descending: [2] d, [1,0] a g (tie in file order), [0,2,1] f, [0,1,2] b, [0] e; blank c.
    [true, ['d', 'a', 'g', 'f', 'b', 'e', 'c']],
  ] as const)('sortRespondents(survey, rank (ranking), desc %s) sorts by the items in rank order: %j', (desc, expected) => {
    expect(sortedIds(survey, 'rank', desc)).toEqual(expected);
  });

  it.each([false, true])('sortRespondents(survey, empty (nobody answered), desc %s) keeps file order', (desc) => {
    expect(sortedIds(survey, 'empty', desc)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('sortRespondents(survey, score, false) returns a Uint32Array permutation of 0..size−1', () => {
    const order = sortRespondents(survey, survey.questions[1], false);
    expect(order).toBeInstanceOf(Uint32Array);
    // b −2, a 5, e 5, d 10, f 1000, c, g as indexes (a = 0 … g = 6).
    expect(Array.from(order)).toEqual([1, 0, 4, 3, 5, 2, 6]);
  });

  it('sortRespondents(survey, score, …) asked ascending, descending, then ascending again answers each direction', () => {
    expect(sortedIds(survey, 'score', false)).toEqual(['b', 'a', 'e', 'd', 'f', 'c', 'g']);
    expect(sortedIds(survey, 'score', true)).toEqual(['f', 'd', 'a', 'e', 'b', 'c', 'g']);
    expect(sortedIds(survey, 'score', false)).toEqual(['b', 'a', 'e', 'd', 'f', 'c', 'g']);
  });

  it('sortRespondents(other survey with the same question id) sorts that survey, not a cached one', () => {
    // Same ids and codebook, scores reversed: a 3, b 2, c 1 → ascending c, b, a.
    const other = buildSurvey('id,score\na,3\nb,2\nc,1', { codebook });
    expect(sortedIds(other, 'score', false)).toEqual(['c', 'b', 'a']);
  });
});

describe('sortRespondents on many ties', () => {
  // 40 respondents r1…r40: every third one (r3, r6, …, r39) blank, the rest all answer 7.
  const rows = Array.from({ length: 40 }, (_, i) => `r${i + 1},${(i + 1) % 3 === 0 ? '' : '7'}`);
  const tied = buildSurvey(['id,score', ...rows].join('\n'), { codebook });
  const answered = Array.from({ length: 40 }, (_, i) => `r${i + 1}`).filter((_, i) => (i + 1) % 3 !== 0);
  const blank = Array.from({ length: 13 }, (_, k) => `r${3 * (k + 1)}`);

  it.each([false, true])('sortRespondents(40 respondents, 27 answering 7 and 13 blank, desc %s) keeps file order, blanks last', (desc) => {
    // 40 − ⌊40/3⌋ = 27 tied answers in file order, then the 13 blanks r3 … r39 in file order.
    expect(answered).toHaveLength(27);
    expect(sortedIds(tied, 'score', desc)).toEqual([...answered, ...blank]);
  });
});
