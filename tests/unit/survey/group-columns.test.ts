import { describe, expect, it } from 'vitest';
import { groupColumns } from '../../../lib/survey/group-columns';
import { readColumnHeaders } from '../../../lib/survey/read-column-headers';
import type { HeaderLayout } from '../../../lib/survey/types';

const group = (records: string[][], kind: HeaderLayout['kind'] = 'single-row') =>
  groupColumns(readColumnHeaders(records, { kind, skip: 0, rows: records.length }));
const summary = (records: string[][], kind?: HeaderLayout['kind']) => group(records, kind).map(({ id, columns, items }) => ({ id, columns, items }));

describe('groupColumns: one-column-per-option groups', () => {
  it('groups Kaggle Q7_Part_1..3 into Q7 with items from the " - Selected Choice - " suffix', () => {
    const stem = 'What programming languages do you use? (Select all that apply)';
    const drafts = group(
      [
        ['Q1', 'Q7_Part_1', 'Q7_Part_2', 'Q7_Part_3', 'Q8'],
        ['Age?', `${stem} - Selected Choice - Python`, `${stem} - Selected Choice - R`, `${stem} - Selected Choice - SQL`, 'Role?'],
      ],
      'ids-and-text',
    );
    expect(drafts.map((d) => d.id)).toEqual(['Q1', 'Q7', 'Q8']);
    expect(drafts[1]).toEqual({
      id: 'Q7',
      label: stem,
      text: undefined, // the first column's header names one option, not the question: no text for a group
      columns: [1, 2, 3],
      items: ['Python', 'R', 'SQL'],
      codes: ['Q7_Part_1', 'Q7_Part_2', 'Q7_Part_3'],
    });
  });

  it('groups Kaggle 2022 Q12_1..3 into Q12 with items from the text suffix', () => {
    const stem = 'What programming languages do you use on a regular basis? (Select all that apply)';
    const drafts = group(
      [
        ['Q12_1', 'Q12_2', 'Q12_3'],
        [`${stem} - Selected Choice - Python`, `${stem} - Selected Choice - R`, `${stem} - Selected Choice - SQL`],
      ],
      'ids-and-text',
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ id: 'Q12', label: stem, columns: [0, 1, 2], items: ['Python', 'R', 'SQL'] });
  });

  it('groups Qualtrics Q2_1..3 into Q2 with items from the " - Item" suffix of its labels', () => {
    // Qualtrics labels matrix and rank-order items "<question> - <item>".
    const drafts = group(
      [
        ['Q2_1', 'Q2_2', 'Q2_3'],
        ['Rank these priorities - Speed', 'Rank these priorities - Cost', 'Rank these priorities - Quality'],
      ],
      'qualtrics',
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ id: 'Q2', label: 'Rank these priorities', items: ['Speed', 'Cost', 'Quality'] });
  });

  it('groups `stem[item]` columns under the stem code', () => {
    expect(summary([['id', 'trend[AI]', 'trend[Cloud]', 'trend[IoT]', 'salary']])).toEqual([
      { id: 'id', columns: [0], items: [''] },
      { id: 'trend', columns: [1, 2, 3], items: ['AI', 'Cloud', 'IoT'] },
      { id: 'salary', columns: [4], items: [''] },
    ]);
  });

  it('groups Google Forms `Stem [Row]` columns with the stem as label and the rows as items', () => {
    const drafts = group([['Rate the docs [Tutorials]', 'Rate the docs [API reference]', 'Rate the docs [Examples]']]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ id: 'rate_the_docs', label: 'Rate the docs', columns: [0, 1, 2], items: ['Tutorials', 'API reference', 'Examples'] });
  });

  it('groups SurveyMonkey columns that share a carried-over question and name an option each', () => {
    const drafts = group(
      [
        ['Role', 'Which tools do you use?', '', '', 'Comments'],
        ['Response', 'Python', 'R', 'Excel', 'Open-Ended Response'],
      ],
      'question-and-option',
    );
    expect(drafts.map(({ id, label, columns, items }) => ({ id, label, columns, items }))).toEqual([
      { id: 'role', label: 'Role', columns: [0], items: [''] },
      { id: 'which_tools_do_you_use', label: 'Which tools do you use?', columns: [1, 2, 3], items: ['Python', 'R', 'Excel'] },
      { id: 'comments', label: 'Comments', columns: [4], items: [''] },
    ]);
  });

  it('groups TODO 2021 "Q3 01—text" columns by their number and strips the prefix from the label', () => {
    const drafts = group(
      [
        ['Respondent ID', 'Q3 01—Which benefits?', 'Q3 02—Which benefits?', 'Q3 03—Which benefits?', 'Q4 01—Org size?'],
        ['Respondent ID', 'Compliance', 'Speed', 'Hiring', 'Response'],
      ],
      'question-and-option',
    );
    expect(drafts.map(({ id, label, text, columns, items }) => ({ id, label, text, columns, items }))).toEqual([
      { id: 'respondent_id', label: 'Respondent ID', text: undefined, columns: [0], items: [''] },
      { id: 'Q3', label: 'Which benefits?', text: undefined, columns: [1, 2, 3], items: ['Compliance', 'Speed', 'Hiring'] },
      { id: 'Q4', label: 'Org size?', text: 'Q4 01—Org size?', columns: [4], items: [''] },
    ]);
  });

  it.each([
    ['an em dash', 'Q5 01—How often?'],
    ['an en dash', 'Q5 01–How often?'],
    ['a hyphen with spaces', 'Q5 01 - How often?'],
  ])('reads a "Q5 01" prefix followed by %s over an option row', (_, header) => {
    expect(group([[header], ['Response']], 'question-and-option')[0]).toMatchObject({ id: 'Q5', label: 'How often?' });
  });

  it('labels a single-row score_1, score_2 group by its stem, not by its first column’s code', () => {
    // With one header row the code is the whole header; "score_1" as the group label would make
    // the second column read "score_1: score_2" once the grid is split into rows.
    const drafts = group([['score_1', 'score_2']]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ id: 'score', label: 'score', columns: [0, 1] });
  });

  it('groups only neighbouring columns: Q1_1, Q2, Q1_2 make three drafts, each lone column keeping its full code', () => {
    expect(summary([['Q1_1', 'Q2', 'Q1_2']]).map((d) => [d.id, d.columns])).toEqual([
      ['Q1_1', [0]],
      ['Q2', [1]],
      ['Q1_2', [2]],
    ]);
  });

  it('does not group neighbouring single columns that name no item, even with the same text', () => {
    expect(group([['Comments', 'Comments']]).map((d) => d.columns)).toEqual([[0], [1]]);
  });
});

describe('groupColumns: question ids', () => {
  it.each([
    ['a code from the file', [['Q5'], ['How old are you?']], 'ids-and-text', 'Q5'],
    ['the full code of a lone part column (a stem only names a group)', [['Q9_Part_4'], ['Tools? - Selected Choice - Go']], 'ids-and-text', 'Q9_Part_4'],
    ['a short label made a slug', [['Years of professional experience']], 'single-row', 'years_of_professional_experience'],
    ['a short label with punctuation', [['What is your role?']], 'single-row', 'what_is_your_role'],
  ] as const)('takes %s as the id: %j → %s', (_, records, kind, id) => {
    expect(
      group(
        records.map((r) => [...r]),
        kind,
      )[0].id,
    ).toBe(id);
  });

  it('names a question with a label over 40 characters q<n>, n its position among the drafts', () => {
    const long = 'Does your organization have an open source program office?'; // 58 characters
    expect(group([['id', long]]).map((d) => d.id)).toEqual(['id', 'q2']);
  });

  it('names a question whose label is mostly non-Latin q<n> ("อายุ", Thai for "age")', () => {
    expect(group([['อายุ']])[0].id).toBe('q1');
  });

  it('drops accents when making an id from a label: "Género" → "genero"', () => {
    expect(group([['Género']])[0].id).toBe('genero');
  });

  it('uses a bracket stem that is not an id (has spaces) as a slug', () => {
    expect(group([['How satisfied are you? [Docs]', 'How satisfied are you? [Support]']])[0].id).toBe('how_satisfied_are_you');
  });

  it('labels a grid that lost its stem ("[Row]" only) "Untitled grid"', () => {
    const drafts = group([['[Docs]', '[Support]']]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ label: 'Untitled grid', items: ['Docs', 'Support'] });
  });
});
