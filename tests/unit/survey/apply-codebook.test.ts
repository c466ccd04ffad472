import { describe, expect, it } from 'vitest';
import { applyCodebookStructure, codebookEntry } from '../../../lib/survey/apply-codebook';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { groupColumns } from '../../../lib/survey/group-columns';
import { readColumnHeaders } from '../../../lib/survey/read-column-headers';
import type { HeaderLayout } from '../../../lib/survey/types';

function structure(records: string[][], codebookJson: unknown, kind: HeaderLayout['kind'] = 'single-row') {
  const headers = readColumnHeaders(records, { kind, skip: 0, rows: records.length });
  return applyCodebookStructure(groupColumns(headers), headers, codebookSchema.parse(codebookJson));
}
const shape = (drafts: { id: string; columns: number[]; items: string[] }[]) => drafts.map(({ id, columns, items }) => ({ id, columns, items }));

describe('applyCodebookStructure', () => {
  it('returns the drafts untouched when the codebook has no questions', () => {
    const headers = readColumnHeaders([['a', 'b']], { kind: 'single-row', skip: 0, rows: 1 });
    const drafts = groupColumns(headers);
    expect(applyCodebookStructure(drafts, headers, undefined)).toEqual({ drafts, issues: [] });
    expect(applyCodebookStructure(drafts, headers, codebookSchema.parse({ title: 'x' })).drafts).toBe(drafts);
  });

  it('assembles a question from named columns, placed where its first column was, and removes them from other drafts', () => {
    const result = structure([['id', 'uses_docker', 'team', 'uses_k8s']], { questions: { containers: { columns: ['uses_docker', 'uses_k8s'] } } });
    expect(shape(result.drafts)).toEqual([
      { id: 'id', columns: [0], items: [''] },
      { id: 'containers', columns: [1, 3], items: ['uses_docker', 'uses_k8s'] }, // no item row: the column name
      { id: 'team', columns: [2], items: [''] },
    ]);
    expect(result.issues).toEqual([]);
  });

  it('takes the label from the codebook entry, else its id', () => {
    const labelled = structure([['a', 'b']], { questions: { both: { label: 'Both columns', columns: ['a', 'b'] } } });
    expect(labelled.drafts[0].label).toBe('Both columns');
    const bare = structure([['a', 'b']], { questions: { both: { columns: ['a', 'b'] } } });
    expect(bare.drafts[0].label).toBe('both');
  });

  it('matches codebook columns by header name, code or question text', () => {
    const records = [
      ['Q1', 'Q2'],
      ['First question?', 'Second question?'],
    ];
    const result = structure(records, { questions: { pair: { columns: ['Q1', 'Second question?'] } } }, 'ids-and-text');
    expect(shape(result.drafts)).toEqual([{ id: 'pair', columns: [0, 1], items: ['Q1', 'Q2'] }]);
  });

  it('keeps an option row label as the item of a codebook-assembled column', () => {
    const result = structure(
      [
        ['Tools', '', 'Role'],
        ['Python', 'R', 'Response'],
      ],
      { questions: { tools: { columns: ['Tools · Python', 'Tools · R'] } } },
      'question-and-option',
    );
    expect(shape(result.drafts)).toEqual([
      { id: 'tools', columns: [0, 1], items: ['Python', 'R'] },
      { id: 'role', columns: [2], items: [''] },
    ]);
  });

  it('keeps the item that groupColumns read from a Kaggle " - Selected Choice - " suffix', () => {
    // The codebook that inferredCodebook writes for Kaggle lists Q7_Part_1..2 as columns; applying
    // it must not rename the options Python and R to their column codes.
    const records = [
      ['Q7_Part_1', 'Q7_Part_2'],
      ['Languages? - Selected Choice - Python', 'Languages? - Selected Choice - R'],
    ];
    const result = structure(records, { questions: { Q7: { kind: 'multi', columns: ['Q7_Part_1', 'Q7_Part_2'] } } }, 'ids-and-text');
    expect(shape(result.drafts)).toEqual([{ id: 'Q7', columns: [0, 1], items: ['Python', 'R'] }]);
  });

  it('keeps the `[Row]` item of a bracketed column named in the codebook', () => {
    const result = structure([['trend[AI]', 'trend[Cloud]']], { questions: { trend: { kind: 'ranking', columns: ['trend[AI]', 'trend[Cloud]'] } } });
    expect(result.drafts[0].items).toEqual(['AI', 'Cloud']);
  });

  it('warns about a codebook column the file does not have and keeps the ones it has', () => {
    const result = structure([['a', 'b']], { questions: { pair: { columns: ['a', 'zzz'] } } });
    expect(shape(result.drafts)).toEqual([
      { id: 'pair', columns: [0], items: ['a'] },
      { id: 'b', columns: [1], items: [''] },
    ]);
    expect(result.issues).toEqual([{ severity: 'warning', message: 'codebook question "pair" names column "zzz", which this file does not have' }]);
  });

  it('renames a draft whose id is an alias to the canonical id, columns unchanged', () => {
    const result = structure([['id', 'work_setup']], { questions: { work_arrangement: { aliases: ['work_setup', 'workplace'] } } });
    expect(shape(result.drafts)).toEqual([
      { id: 'id', columns: [0], items: [''] },
      { id: 'work_arrangement', columns: [1], items: [''] },
    ]);
  });
});

describe('codebookEntry', () => {
  const codebook = codebookSchema.parse({ questions: { role: { label: 'Role' } } });

  it('codebookEntry(codebook, "role") is its entry', () => {
    expect(codebookEntry(codebook, 'role')).toEqual({ label: 'Role' });
  });

  it.each([
    ['an id it lacks', codebook, 'team'],
    ['no codebook', undefined, 'role'],
    ['a codebook without questions', codebookSchema.parse({}), 'role'],
  ])('codebookEntry with %s is undefined', (_, book, id) => {
    expect(codebookEntry(book, id)).toBeUndefined();
  });
});
