import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../../../lib/analysis/finding-row';
import { FINDINGS_EXPORT_COLUMNS, writeFindingsCsv, writeFindingsJson } from '../../../lib/analysis/write-findings';

function row(fields: Partial<FindingRow>): FindingRow {
  return {
    question_id: 'languages',
    question_label: 'Languages used at work',
    measure: 'share',
    option: 'Rust',
    segment: '',
    percent: 12.4,
    percent_rest: 7.1,
    difference_points: 5.3,
    ci_low: 3.9,
    ci_high: 6.7,
    p: 0.0001,
    q: 0.001,
    base: 1204,
    base_rest: 5196,
    keys: { option: 'rust', segment: '', effect: 5.3, unit: 'points' },
    ...fields,
  };
}

describe('writeFindingsCsv', () => {
  const csv = writeFindingsCsv([row({}), row({ option: 'Go', difference_points: -6.2 })], [row({ question_id: 'role', option: 'Hybrid', segment: '' })]);
  const [header, ...records] = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;

  it('writeFindingsCsv → the issue’s columns in its order, then section', () => {
    expect(header).toEqual([
      'question_id',
      'question_label',
      'measure',
      'option',
      'segment',
      'percent',
      'percent_rest',
      'difference_points',
      'ci_low',
      'ci_high',
      'p',
      'q',
      'base',
      'base_rest',
      'section',
    ]);
    expect(FINDINGS_EXPORT_COLUMNS).toEqual(header);
  });

  it('writeFindingsCsv(2 findings, 1 change) → the findings first, strongest first as given, then the change; keys never written', () => {
    expect(records.map((record) => [record[0], record[3], record[7], record[14]])).toEqual([
      ['languages', 'Rust', '5.3', 'stands_out'],
      ['languages', 'Go', '-6.2', 'stands_out'],
      ['role', 'Hybrid', '5.3', 'changed'],
    ]);
    expect(csv).not.toContain('rust');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writeFindingsCsv(labels starting with =, +, -, @) → each written with a leading apostrophe; negative numbers stay numbers', () => {
    const hostile = writeFindingsCsv([row({ question_label: '=HYPERLINK("http://x")', option: '+1', segment: '@SUM(A1)', difference_points: -5.5 })], []);
    const [, record] = Papa.parse<string[]>(hostile.trim()).data;
    expect([record[1], record[3], record[4], record[7]]).toEqual(['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)", '-5.5']);
  });

  it('writeFindingsCsv(a mean with no interval) → empty cells, never "null"', () => {
    const [, record] = Papa.parse<string[]>(writeFindingsCsv([row({ measure: 'mean', ci_low: null, ci_high: null })], []).trim()).data;
    expect([record[8], record[9]]).toEqual(['', '']);
  });
});

describe('writeFindingsJson', () => {
  it('writeFindingsJson → the number of tests, the thresholds, the findings count and the rows of both sections', () => {
    const header = {
      dataset: 'd',
      wave: '2022',
      previous_wave: '2021',
      filters: 'region=Europe',
      by: null,
      weighted: false,
      tests: 120,
      untested: 3,
      thresholds: { q: 0.05, minPoints: 5, minSd: 0.2 },
      notes: [],
    };
    const parsed = JSON.parse(writeFindingsJson(header, [row({})], [row({ option: 'Hybrid' })]));
    expect(parsed).toMatchObject({ tests: 120, untested: 3, q: 0.05, min_points: 5, min_sd: 0.2, findings: 2, wave: '2022', previous_wave: '2021' });
    expect(parsed.rows.map((record: Record<string, unknown>) => [record.option, record.section])).toEqual([
      ['Rust', 'stands_out'],
      ['Hybrid', 'changed'],
    ]);
    expect(Object.keys(parsed.rows[0])).toEqual([...FINDINGS_EXPORT_COLUMNS]);
  });
});
