import { describe, expect, it } from 'vitest';
import { codebookQuestionSchema, codebookSchema, headerSchema, waveSchema } from '../../../lib/survey/codebook-schema';

describe('codebookSchema accepts', () => {
  it('an empty codebook: everything is optional', () => {
    expect(codebookSchema.safeParse({}).success).toBe(true);
  });

  it('a codebook using every setting', () => {
    const codebook = {
      $schema: './survey.schema.json',
      title: 'State of Engineers',
      description: 'Made-up data',
      synthetic: true,
      source: 'scripts/generate-sample.ts',
      waves: [
        { id: '2020', file: '2020.csv', label: 'First wave' },
        { id: '2021-b', file: 'wave_2021.csv.gz' },
      ],
      weight: 'weight',
      header: { layout: 'question-and-option', skip: 1, rows: 2 },
      missing: ['-99', 'Skipped'],
      questions: {
        role: { label: 'Primary role', kind: 'single', options: ['Backend', { value: 'Other', label: 'Something else', excludeFromBase: true }] },
        languages: { kind: 'multi', separator: ';', excludeFromBase: ['Other(s):'] },
        trends: { kind: 'ranking', columns: ['trend[AI]', 'trend[Cloud]'] },
        work_arrangement: { aliases: ['work_setup'], text: 'Where do you work?' },
      },
    };
    expect(codebookSchema.parse(codebook)).toEqual(codebook);
  });
});

describe('codebookSchema rejects', () => {
  it.each([
    '../x.csv',
    '/etc/passwd',
    'a/../b.csv',
    '2024/../../x.csv',
    'a/.hidden/b.csv',
    'a/b/c/d/e.csv',
    'a//b.csv',
    'a\\b.csv',
    '..csv',
    '.hidden.csv',
    'data.txt',
    'data.csv.zip',
    'data.xlsx',
    '',
    'x.csv\n',
  ])('the wave file name %j', (file) => {
    expect(waveSchema.safeParse({ id: '2020', file }).success).toBe(false);
    expect(codebookSchema.safeParse({ waves: [{ id: '2020', file }] }).success).toBe(false);
  });

  it.each(['2020.csv', 'wave-2021.csv', 'Results_2022.CSV', '2023.csv.gz', 'a.b.csv', '2024/results.csv', '2024/Raw_Data/raw-data-text.csv'])(
    'accepts the wave file path %j (up to three folders down)',
    (file) => {
      expect(waveSchema.safeParse({ id: 'w', file }).success).toBe(true);
    },
  );

  it.each(['', 'two words', 'a/b', 'x'.repeat(41)])('the wave id %j', (id) => {
    expect(waveSchema.safeParse({ id, file: 'a.csv' }).success).toBe(false);
  });

  it('an empty waves list', () => {
    expect(codebookSchema.safeParse({ waves: [] }).success).toBe(false);
  });

  it.each([
    ['at the top', { titel: 'typo' }],
    ['in a question', { questions: { q1: { lable: 'typo' } } }],
    ['in a wave', { waves: [{ id: '2020', file: '2020.csv', path: '/tmp' }] }],
    ['in the header', { header: { layout: 'single-row', row: 1 } }],
    // A typo here would silently drop the setting: "Other" would stay in the base.
    ['in an option object', { questions: { q1: { options: [{ value: 'Other', excludeFromBse: true }] } } }],
  ])('an unknown key %s', (_, codebook) => {
    expect(codebookSchema.safeParse(codebook).success).toBe(false);
  });

  it.each([
    ['an unknown kind', { kind: 'matrix' }],
    ['an empty label', { label: '' }],
    ['an empty option value', { options: [''] }],
    ['an empty columns list', { columns: [] }],
    ['a separator over 3 characters', { separator: ' and ' }],
    ['an empty alias', { aliases: [''] }],
  ])('a question with %s', (_, question) => {
    expect(codebookQuestionSchema.safeParse(question).success).toBe(false);
  });

  it.each([
    ['an unknown layout', { layout: 'two-rows' }],
    ['a negative skip', { skip: -1 }],
    ['a fractional skip', { skip: 1.5 }],
    ['rows 0', { rows: 0 }],
    ['rows 5', { rows: 5 }],
  ])('a header with %s', (_, header) => {
    expect(headerSchema.safeParse(header).success).toBe(false);
  });

  it('an empty question id', () => {
    expect(codebookSchema.safeParse({ questions: { '': { label: 'x' } } }).success).toBe(false);
  });
});
