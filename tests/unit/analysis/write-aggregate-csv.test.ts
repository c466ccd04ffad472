import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AGGREGATE_COLUMNS, toExportRecord, writeAggregateCsv } from '../../../lib/analysis/write-aggregate-csv';
import type { AggregateRow } from '../../../lib/analysis/aggregate-row';

const row = (overrides: Partial<AggregateRow> = {}): AggregateRow => ({
  dataset: 'state-of-engineers',
  wave: '2022',
  question_id: 'role',
  question_label: 'Primary role',
  measure: 'share',
  filters: 'company_size=1-10',
  segment_question: '',
  segment: '(all)',
  option: 'Backend Engineer',
  count: 12,
  weighted_count: null,
  base: 40,
  weighted_base: null,
  effective_base: null,
  base_rule: 'answered',
  percent: 30,
  value: null,
  ci_low: 18.1,
  ci_high: 45.4,
  ci_method: 'wilson',
  flags: '',
  change_from: '',
  change_points: null,
  change_p: null,
  change_since: '',
  change_since_points: null,
  change_since_p: null,
  keys: { option: 'backend', segment: '' },
  ...overrides,
});

/** The six trend columns of a single-wave row: change_from … change_since_p, all empty. */
const NO_CHANGE = ',,,,,,';

const HEADER =
  'dataset,wave,question_id,question_label,measure,filters,segment_question,segment,option,count,weighted_count,base,weighted_base,effective_base,base_rule,percent,value,ci_low,ci_high,ci_method,flags,change_from,change_points,change_p,change_since,change_since_points,change_since_p';

describe('writeAggregateCsv', () => {
  it('AGGREGATE_COLUMNS lists the 27 export columns in order', () => {
    expect(AGGREGATE_COLUMNS.join(',')).toBe(HEADER);
  });

  it('writeAggregateCsv([]) → the header row only, with no blank record after it', () => {
    const csv = writeAggregateCsv([]);
    expect(csv).toBe(`${HEADER}\r\n`);
    // not `${HEADER}\r\n\r\n`: the blank line is an empty record to readers that keep empty lines
  });

  it('writeAggregateCsv(one row) → header and one line; null cells empty, numbers as written', () => {
    expect(writeAggregateCsv([row()])).toBe(
      `${HEADER}\r\nstate-of-engineers,2022,role,Primary role,share,company_size=1-10,,(all),Backend Engineer,12,,40,,,answered,30,,18.1,45.4,wilson,${NO_CHANGE}\r\n`,
    );
  });

  it('writeAggregateCsv(a suppressed row) → empty count, base, percent and interval, never 0', () => {
    const line = writeAggregateCsv([row({ count: null, percent: null, ci_low: null, ci_high: null, base: null, flags: 'suppressed' })]).split('\r\n')[1];
    expect(line).toBe(
      `state-of-engineers,2022,role,Primary role,share,company_size=1-10,,(all),Backend Engineer,,,,,,answered,,,,,wilson,suppressed${NO_CHANGE}`,
    );
  });

  it('writeAggregateCsv(a mean-rank row) → the figure in `value`, `percent` empty', () => {
    const line = writeAggregateCsv([
      row({ measure: 'mean_rank', percent: null, value: 1.57142857143, ci_low: 1.1, ci_high: 2.04, ci_method: 'mean, t interval' }),
    ]).split('\r\n')[1];
    expect(line).toBe(
      `state-of-engineers,2022,role,Primary role,mean_rank,company_size=1-10,,(all),Backend Engineer,12,,40,,,answered,,1.57142857143,1.1,2.04,"mean, t interval",${NO_CHANGE}`,
    );
  });

  it('writeAggregateCsv(a trend row) → change_from, points and p from the previous wave, then since the first, after `flags`', () => {
    const trend = row({
      wave: '2022',
      flags: 'down-from-previous',
      change_from: '2021',
      change_points: -12.5,
      change_p: 0.0031,
      change_since: '2020',
      change_since_points: 2.25,
      change_since_p: 0.61,
    });
    const line = writeAggregateCsv([trend]).split('\r\n')[1];
    expect(line).toBe(
      'state-of-engineers,2022,role,Primary role,share,company_size=1-10,,(all),Backend Engineer,12,,40,,,answered,30,,18.1,45.4,wilson,down-from-previous,2021,-12.5,0.0031,2020,2.25,0.61',
    );
  });

  it('writeAggregateCsv and toExportRecord leave out `keys` (the app-only option and segment values)', () => {
    const keyed = row({
      keys: {
        option: 'secret-option-key',
        segment: 'secret-segment-key',
        sample: { option: { count: 987654, sumW: 1, sumW2: 1 }, base: { count: 1, sumW: 1, sumW2: 1 }, surveySize: 1 },
      },
    });
    expect(writeAggregateCsv([keyed])).not.toContain('secret-');
    expect(Object.keys(toExportRecord(keyed))).toEqual([...AGGREGATE_COLUMNS]);
    expect(JSON.stringify(toExportRecord(keyed))).not.toContain('secret-');
    // nor the sums kept for tests between waves (a withheld count must never leak through them)
    expect(writeAggregateCsv([keyed])).not.toContain('987654');
    expect(JSON.stringify(toExportRecord(keyed))).not.toContain('987654');
  });

  it.each<[string, string]>([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['+44 phone', `'+44 phone`],
    ['-1 or less', `'-1 or less`],
  ])('writeAggregateCsv neutralises an option label %s → %s', (label, cell) => {
    const line = writeAggregateCsv([row({ option: label })]).split('\r\n')[1];
    expect(line).toBe(`state-of-engineers,2022,role,Primary role,share,company_size=1-10,,(all),${cell},12,,40,,,answered,30,,18.1,45.4,wilson,${NO_CHANGE}`);
  });

  it('writeAggregateCsv neutralises labels and segments as well as options, and leaves negative numbers alone', () => {
    const csv = writeAggregateCsv([row({ question_label: '=1+1', segment: '@me', percent: 0, ci_low: -1 })]);
    const [, line] = csv.split('\r\n');
    expect(line).toBe(`state-of-engineers,2022,role,'=1+1,share,company_size=1-10,,'@me,Backend Engineer,12,,40,,,answered,0,,-1,45.4,wilson,${NO_CHANGE}`);
  });

  it('writeAggregateCsv round-trips through papaparse with a header: every column back, hostile labels with their apostrophe', () => {
    const rows = [
      row({ option: 'I am not primarily a developer, but I write code sometimes as part of my work', filters: 'MainBranch=I+am+not' }),
      row({ option: '=HYPERLINK("http://x")', weighted_count: 3.25, weighted_base: 10.5, effective_base: 7.04878, flags: 'unreliable;excluded-from-base' }),
      row({ option: 'line\nbreak "quoted"', count: null, percent: null, ci_low: null, ci_high: null, flags: 'suppressed' }),
    ];
    const parsed = Papa.parse<Record<string, string>>(writeAggregateCsv(rows), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...AGGREGATE_COLUMNS]);
    expect(
      parsed.data.map((record) => [
        record.option,
        record.count,
        record.weighted_count,
        record.weighted_base,
        record.effective_base,
        record.percent,
        record.flags,
      ]),
    ).toEqual([
      ['I am not primarily a developer, but I write code sometimes as part of my work', '12', '', '', '', '30', ''],
      [`'=HYPERLINK("http://x")`, '12', '3.25', '10.5', '7.04878', '30', 'unreliable;excluded-from-base'],
      ['line\nbreak "quoted"', '', '', '', '', '', 'suppressed'],
    ]);
    expect(parsed.data[0].filters).toBe('MainBranch=I+am+not');
  });
});
