import { describe, expect, it } from 'vitest';
import { planQuestions, type PlanContext } from '../../../lib/survey/plan-questions';
import type { QuestionDraft } from '../../../lib/survey/group-columns';
import { codebookQuestionSchema } from '../../../lib/survey/codebook-schema';
import { createMissingTest } from '../../../lib/survey/missing-values';
import { encodeValues } from '../../../lib/survey/column-encoder';

/** A draft over `columns` (one array of cells per column) with the given items. */
function setup(columns: string[][], items: string[], draft: Partial<QuestionDraft> = {}) {
  const context: PlanContext = {
    respondents: columns[0].length,
    isMissing: createMissingTest(),
    column: (index) => encodeValues(columns[index]),
    columnName: (index) => `col${index}`,
  };
  const full: QuestionDraft = {
    id: 'q',
    label: 'Question',
    columns: columns.map((_, i) => i),
    items,
    codes: columns.map(() => ''),
    ...draft,
  };
  return { draft: full, context };
}
const summary = (plans: ReturnType<typeof planQuestions>) => plans.map(({ id, kind, label, columnNames }) => ({ id, kind, label, columnNames }));

describe('planQuestions', () => {
  it('infers the kind of a one-column question from its values', () => {
    const { draft, context } = setup([['3', '5', '', '8', '13']], ['']);
    expect(summary(planQuestions(draft, () => undefined, context))).toEqual([{ id: 'q', kind: 'numeric', label: 'Question', columnNames: ['col0'] }]);
  });

  it('lets the codebook kind and label win over inference, for all the columns', () => {
    const { draft, context } = setup(
      [
        ['3', '5'],
        ['1', ''],
      ],
      ['a', 'b'],
    );
    const entry = codebookQuestionSchema.parse({
      kind: 'text',
      label: 'Notes',
      separator: '|',
      options: ['x', { value: 'y', label: 'Why', excludeFromBase: true }],
    });
    const [plan, ...rest] = planQuestions(draft, () => entry, context);
    expect(rest).toEqual([]);
    expect(plan).toMatchObject({ id: 'q', kind: 'text', label: 'Notes', columnNames: ['col0', 'col1'], separator: '|', order: ['x', 'y'] });
    expect(plan.optionLabels).toEqual(new Map([['y', 'Why']]));
    expect(plan.excludedFromBase).toEqual(new Set(['y']));
  });

  it('calls columns that each hold one label or blank a multi-select question', () => {
    const { draft, context } = setup(
      [
        ['Python', '', 'Python'],
        ['', 'R', 'R'],
      ],
      ['Python', 'R'],
    );
    expect(summary(planQuestions(draft, () => undefined, context))).toEqual([{ id: 'q', kind: 'multi', label: 'Question', columnNames: ['col0', 'col1'] }]);
  });

  it('calls columns of whole ranks 1..k without repeats a ranking', () => {
    const { draft, context } = setup(
      [
        ['1', '2', '', '3'],
        ['2', '1', '', '1'],
        ['3', '3', '', '2'],
      ],
      ['Speed', 'Cost', 'Quality'],
    );
    expect(planQuestions(draft, () => undefined, context).map((p) => p.kind)).toEqual(['ranking']);
  });

  it('does not call integer columns with repeated ranks a ranking: each row becomes its own question', () => {
    // respondents 1-3 give both items the same number: not ranks. With no rating wording the
    // numbers may be amounts or codes, so each row stays a numeric question and no grid is formed.
    const { draft, context } = setup(
      [
        ['1', '2', '3', '1', '2'],
        ['1', '2', '3', '3', '1'],
      ],
      ['Docs', 'Support'],
      { id: 'rate' },
    );
    const plans = planQuestions(draft, () => undefined, context);
    expect(summary(plans)).toEqual([
      { id: 'rate_1', kind: 'numeric', label: 'Question: Docs', columnNames: ['col0'] },
      { id: 'rate_2', kind: 'numeric', label: 'Question: Support', columnNames: ['col1'] },
    ]);
    expect(plans.map((plan) => plan.grid)).toEqual([undefined, undefined]);
  });

  it('reads rows of 1–3 under rating wording ("How would you rate…") as one grid of likert rows', () => {
    const { draft, context } = setup(
      [
        ['1', '2', '3', '1', '2'],
        ['1', '2', '3', '3', '1'],
      ],
      ['Docs', 'Support'],
      { id: 'rate', label: 'How would you rate these?' },
    );
    const plans = planQuestions(draft, () => undefined, context);
    expect(plans.map((plan) => [plan.id, plan.kind, plan.grid])).toEqual([
      ['rate_1', 'likert', 'rate'],
      ['rate_2', 'likert', 'rate'],
    ]);
  });

  it('splits a grid into one question per row, with row codes as ids when the file has them', () => {
    const { draft, context } = setup(
      [
        ['Agree', 'Disagree', 'Agree'],
        ['Disagree', 'Disagree', 'Agree'],
      ],
      ['Speed', 'Cost'],
      { id: 'Q4', label: 'Agree?', codes: ['Q4_1', 'Q4_2'] },
    );
    const plans = planQuestions(draft, () => undefined, context);
    expect(summary(plans)).toEqual([
      { id: 'Q4_1', kind: 'likert', label: 'Agree?: Speed', columnNames: ['col0'] },
      { id: 'Q4_2', kind: 'likert', label: 'Agree?: Cost', columnNames: ['col1'] },
    ]);
    expect(plans.map((p) => p.group)).toEqual(['Agree?', 'Agree?']);
  });

  it('makes an "Other (please specify)" column inside an option group its own text question', () => {
    const { draft, context } = setup(
      [
        ['Python', '', 'Python', ''],
        ['', 'R', '', ''],
        ['', 'Julia', '', 'Fortran 77'],
      ],
      ['Python', 'R', 'Other (please specify)'],
      { id: 'langs', label: 'Languages' },
    );
    const plans = planQuestions(draft, () => undefined, context);
    expect(summary(plans)).toEqual([
      { id: 'langs', kind: 'multi', label: 'Languages', columnNames: ['col0', 'col1'] },
      { id: 'langs_3_text', kind: 'text', label: 'Languages: Other (please specify)', columnNames: ['col2'] },
    ]);
    expect(plans[1].group).toBe('Languages');
  });

  it('labels a one-column question that names an item "label: item" unless the codebook gives a label', () => {
    const { draft, context } = setup([['Yes', 'No', 'Yes']], ['Mobile']);
    expect(planQuestions(draft, () => undefined, context)[0].label).toBe('Question: Mobile');
    expect(planQuestions(draft, () => codebookQuestionSchema.parse({ label: 'Mobile app?' }), context)[0].label).toBe('Mobile app?');
  });

  it('makes a one-column "please specify" answer text when the answers vary', () => {
    const { draft, context } = setup([['Fortran', 'COBOL', '', 'Fortran']], ['Other (please specify)']);
    expect(planQuestions(draft, () => undefined, context)[0].kind).toBe('text');
  });
});
