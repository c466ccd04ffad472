import { describe, expect, it } from 'vitest';
import { buildQuestion, type QuestionPlan } from '../../../lib/survey/build-question';
import { hasBit } from '../../../lib/survey/bitset';
import { createMissingTest } from '../../../lib/survey/missing-values';
import { encodeValues } from '../../../lib/survey/column-encoder';
import type { Question, QuestionKind } from '../../../lib/survey/types';

function plan(kind: QuestionKind, columns: string[][], extra: Partial<QuestionPlan> = {}): QuestionPlan {
  return {
    id: 'q',
    label: 'Question',
    kind,
    columnNames: columns.map((_, i) => `col${i}`),
    columnIndexes: columns.map((_, i) => i),
    // The cells as the ingest hands them over: cleaned (trimmed) and dictionary-encoded.
    columns: columns.map((cells) => encodeValues(cells)),
    items: columns.map(() => ''),
    separator: ';',
    isMissing: createMissingTest(),
    ...extra,
  };
}

function build<K extends QuestionKind>(kind: K, columns: string[][], extra: Partial<QuestionPlan> = {}) {
  const built = buildQuestion(plan(kind, columns, extra));
  expect(built.question.kind).toBe(kind);
  return { question: built.question as Extract<Question, { kind: K }>, issues: built.issues };
}
const indexes = (bits: Uint32Array, size: number) => Array.from({ length: size }, (_, i) => i).filter((i) => hasBit(bits, i));

describe('buildQuestion: single and likert', () => {
  it('single: codes are 1 + option index, 0 for no answer', () => {
    const { question } = build('single', [['b', 'a', '', 'b', 'NA', 'c', 'b']]);
    expect(question.options.map((o) => o.value)).toEqual(['b', 'a', 'c']); // b 3, a 1, c 1 (a seen first)
    expect([...question.codes]).toEqual([1, 2, 0, 1, 0, 3, 1]);
    expect(question.answeredCount).toBe(5);
    expect(question.source).toEqual({ columns: ['col0'], indexes: [0] });
  });

  it('single: the codebook order comes first, even for options nobody chose, and labels apply', () => {
    const { question } = build('single', [['Web', 'Data', 'Web', 'Ops']], {
      order: ['Mobile', 'Web'],
      optionLabels: new Map([['Web', 'Web development']]),
      excludedFromBase: new Set(['Ops']),
    });
    expect(question.options).toEqual([
      { value: 'Mobile', label: 'Mobile' },
      { value: 'Web', label: 'Web development' },
      { value: 'Data', label: 'Data' },
      { value: 'Ops', label: 'Ops', excludedFromBase: true },
    ]);
    expect([...question.codes]).toEqual([2, 3, 2, 4]);
  });

  it('likert: scale order, lowest first, with off-scale answers after it and listed', () => {
    const { question } = build('likert', [['Agree', "Don't know", 'Strongly disagree', 'Agree', '']]);
    expect(question.options.map((o) => o.value)).toEqual(['Strongly disagree', 'Agree', "Don't know"]);
    expect(question.offScale).toEqual(["Don't know"]);
    expect([...question.codes]).toEqual([2, 3, 1, 2, 0]);
  });

  it('likert: a codebook order replaces the scale order', () => {
    const { question } = build('likert', [['Agree', 'Disagree']], { order: ['Agree', 'Disagree'] });
    expect(question.options.map((o) => o.value)).toEqual(['Agree', 'Disagree']);
  });

  it('keeps text, group and label on the question', () => {
    const { question } = build('single', [['x']], { text: 'Long text?', group: 'Grid' });
    expect(question).toMatchObject({ id: 'q', label: 'Question', text: 'Long text?', group: 'Grid' });
  });
});

describe('buildQuestion: multi', () => {
  it('joined cells: a token repeated in one cell counts once; respondents, not ticks', () => {
    const { question } = build('multi', [['Go;Go;Rust', 'Rust', '', ' Go ; Python ']]);
    expect(question.layout).toBe('joined');
    // Go: respondents 0 and 3 (2); Rust: 0 and 1 (2); Python: 3 (1). Go seen first.
    expect(question.options.map((o) => o.value)).toEqual(['Go', 'Rust', 'Python']);
    expect(question.members.map((bits) => indexes(bits, 4))).toEqual([[0, 3], [0, 1], [3]]);
    expect(indexes(question.answered, 4)).toEqual([0, 1, 3]);
    expect(question.answeredCount).toBe(3);
  });

  it('joined cells split on the plan separator', () => {
    const { question } = build('multi', [['a, b', 'b']], { separator: ',' });
    expect(question.options.map((o) => o.value)).toEqual(['b', 'a']);
  });

  it('one column per option: any answer ticks; labels from items, else the first value, else the column name', () => {
    const { question } = build(
      'multi',
      [
        ['x', '', 'x'],
        ['', '1', ''],
        ['', '', ''],
      ],
      { items: ['Python', '', ''] },
    );
    expect(question.layout).toBe('columns');
    expect(question.options.map((o) => o.value)).toEqual(['Python', '1', 'col2']);
    expect(question.members.map((bits) => indexes(bits, 3))).toEqual([[0, 2], [1], []]);
    expect(question.answeredCount).toBe(3);
  });
});

describe('buildQuestion: ranking', () => {
  it('rank columns: ranks kept per item, 0 for unranked, invalid cells reported', () => {
    const { question, issues } = build(
      'ranking',
      [
        ['1', '2', '', 'x'],
        ['2', '1', '', '0'],
        ['', '3', '', '256'],
      ],
      { items: ['Speed', 'Cost', ''] },
    );
    expect(question.layout).toBe('columns');
    expect(question.options.map((o) => o.value)).toEqual(['Speed', 'Cost', 'col2']);
    expect(question.ranks.map((r) => [...r])).toEqual([
      [1, 2, 0, 0],
      [2, 1, 0, 0],
      [0, 3, 0, 0],
    ]);
    expect(question.maxRank).toBe(3);
    expect(question.answeredCount).toBe(2); // respondent 3 only wrote invalid ranks
    expect(issues).toEqual([{ severity: 'warning', message: 'q: 3 cells are not ranks 1–255 and were treated as no answer' }]);
  });

  it('an ordered list in one cell: position is the rank', () => {
    const { question } = build('ranking', [['Go;Rust;Python', 'Python;Go', '']]);
    expect(question.layout).toBe('ordered-list');
    // Go 2, Python 2 (Go counted first), Rust 1.
    expect(question.options.map((o) => o.value)).toEqual(['Go', 'Python', 'Rust']);
    expect(question.ranks.map((r) => [...r])).toEqual([
      [1, 2, 0],
      [3, 1, 0],
      [2, 0, 0],
    ]);
    expect(question.maxRank).toBe(3);
    expect(question.answeredCount).toBe(2);
  });
});

describe('buildQuestion: numeric, text, meta', () => {
  it('numeric: blanks and NA are NaN, never 0; words are NaN and reported with an example', () => {
    const { question, issues } = build('numeric', [['3', '', 'NA', '0', 'ten', '-1.5', '1e3']]);
    expect([...question.values]).toEqual([3, NaN, NaN, 0, NaN, -1.5, 1000]);
    expect(question.answeredCount).toBe(4);
    expect(issues).toEqual([{ severity: 'warning', message: 'q: 1 answers are not numbers (for example "ten") and count as no answer' }]);
  });

  it.each(['text', 'meta'] as const)('%s: values kept as written, no answer as ""', (kind) => {
    const { question } = build(kind, [['hello', 'NA', '', 'N/A', 'bye']]);
    expect(question.values).toEqual(['hello', '', '', '', 'bye']);
    expect(question.answeredCount).toBe(2);
  });
});
