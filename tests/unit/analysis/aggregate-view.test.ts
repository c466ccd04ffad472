import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import type { AggregateQuery, DatasetWaves } from '../../../lib/analysis/aggregate-query';
import type { AggregateRow } from '../../../lib/analysis/aggregate-row';
import { writeAggregateCsv } from '../../../lib/analysis/write-aggregate-csv';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import { analysisTrendWaves } from '../helpers/fixture-survey';
import { trendLinkDataset } from '../helpers/trend-links-fixture';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8');
const oneWave = (name: string, codebook: Codebook, wave = '2022'): DatasetWaves => ({
  id: 'fixture',
  waves: [{ id: wave, survey: buildSurvey(read(name), { codebook }) }],
});
const query = (questionId: string, extra: Partial<AggregateQuery> = {}): AggregateQuery => ({ questionId, filters: [], baseRule: 'answered', ...extra });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The exact message, with or without the "wave 2022: " prefix. */
const optionallyForWave2022 = (message: string) => expect.stringMatching(new RegExp(`^(wave 2022: )?${escapeRegExp(message)}$`));
/** The export's rule for non-integers (lib/analysis/aggregate-row cleanNumber), applied to a hand-computed value. */
const TWELVE_DIGITS = (value: number) => Number(value.toPrecision(12));
const pick = (rows: AggregateRow[], ...keys: (keyof AggregateRow)[]) => rows.map((row) => keys.map((key) => row[key]));

/**
 * tests/fixtures/analysis-crosstab.csv (table and z-tests worked in crosstab.test.ts):
 *            A     B     all (answered remote)
 *   Yes      8     2     11 (21 has no team)
 *   No       2     8     10
 *   base    10    10     21
 * Holm-adjusted p of every cell < 0.05: Yes|A, No|B higher; Yes|B, No|A lower.
 */
const crosstabData = oneWave('analysis-crosstab.csv', {
  questions: {
    id: { kind: 'meta' },
    team: { kind: 'single', options: ['A', 'B'] },
    remote: { kind: 'single', options: ['Yes', 'No'] },
    tools: { kind: 'multi' },
  },
});

describe('aggregateView(remote by team) on analysis-crosstab.csv', () => {
  const result = aggregateView(crosstabData, query('remote', { by: 'team' }), '');

  it('aggregateView → rows per (wave, segment, option): the two (all) rows first, then A’s, then B’s; no problems', () => {
    expect(result.problems).toEqual([]);
    expect(pick(result.rows, 'wave', 'segment_question', 'segment', 'option', 'count', 'base')).toEqual([
      ['2022', 'team', '(all)', 'Yes', 11, 21],
      ['2022', 'team', '(all)', 'No', 10, 21],
      ['2022', 'team', 'A', 'Yes', 8, 10],
      ['2022', 'team', 'A', 'No', 2, 10],
      ['2022', 'team', 'B', 'Yes', 2, 10],
      ['2022', 'team', 'B', 'No', 8, 10],
    ]);
  });

  it('aggregateView → percents 11/21, 10/21, 80, 20, 20, 80 (full precision, in percent)', () => {
    const percents = result.rows.map((row) => row.percent!);
    [(11 / 21) * 100, (10 / 21) * 100, 80, 20, 20, 80].forEach((expected, i) => expect(percents[i]).toBeCloseTo(expected, 10));
  });

  it('aggregateView → Wilson intervals in percent, as R prop.test(correct = FALSE)', () => {
    // 11/21: z²/n = 0.1829266; centre (0.5238095 + 0.0914633)/1.1829266 = 0.5201273;
    //        half 1.959964·√(0.0118778 + 0.0021777)/1.1829266 = 0.1964319 → 32.3695, 71.6560
    // R: 11/21 → 32.3695345828, 71.6559938985; 10/21 → 28.3440061015, 67.6304654172
    //    8/10 → 49.0162471537, 94.3317848546; 2/10 → 5.6682151454, 50.9837528463
    const expected = [
      [32.3695345828, 71.6559938985],
      [28.3440061015, 67.6304654172],
      [49.0162471537, 94.3317848546],
      [5.6682151454, 50.9837528463],
      [5.6682151454, 50.9837528463],
      [49.0162471537, 94.3317848546],
    ];
    result.rows.forEach((row, i) => {
      expect(row.ci_low).toBeCloseTo(expected[i][0], 8);
      expect(row.ci_high).toBeCloseTo(expected[i][1], 8);
      expect(row.ci_method).toBe('wilson');
    });
  });

  it('aggregateView → flags: bases under 30 are "unreliable", and their segment cells carry no significance mark (issue 24, defect 2)', () => {
    expect(result.rows.map((row) => row.flags)).toEqual(['unreliable', 'unreliable', 'unreliable', 'unreliable', 'unreliable', 'unreliable']);
  });

  it('aggregateView(unreliableBelow 0) → segment cells carry their Holm significance', () => {
    const tested = aggregateView(crosstabData, query('remote', { by: 'team', unreliableBelow: 0 }), '');
    expect(tested.rows.map((row) => row.flags)).toEqual(['', '', 'significantly-higher', 'significantly-lower', 'significantly-lower', 'significantly-higher']);
  });

  it('aggregateView → every row names the dataset, question, measure, base rule; unweighted columns are null', () => {
    for (const row of result.rows) {
      expect(row).toMatchObject({ dataset: 'fixture', question_id: 'remote', question_label: 'remote', measure: 'share', base_rule: 'answered', filters: '' });
      expect([row.weighted_count, row.weighted_base, row.effective_base]).toEqual([null, null, null]);
    }
  });

  it('aggregateView(suppressBelow 11) → the base-10 segment rows withhold count, base, percent and interval (null, never 0), flagged "suppressed"', () => {
    // A base of 10 under a threshold of 11 would give the count away with the percent: base goes too.
    const suppressed = aggregateView(crosstabData, query('remote', { by: 'team', suppressBelow: 11 }), '');
    expect(pick(suppressed.rows, 'segment', 'count', 'base', 'percent', 'ci_low', 'ci_high', 'flags')).toEqual([
      ['(all)', 11, 21, TWELVE_DIGITS((11 / 21) * 100), expect.any(Number), expect.any(Number), 'unreliable'],
      ['(all)', 10, 21, TWELVE_DIGITS((10 / 21) * 100), expect.any(Number), expect.any(Number), 'unreliable'],
      ['A', null, null, null, null, null, 'suppressed'],
      ['A', null, null, null, null, null, 'suppressed'],
      ['B', null, null, null, null, null, 'suppressed'],
      ['B', null, null, null, null, null, 'suppressed'],
    ]);
  });

  it('aggregateView(suppressBelow 11) written as CSV → suppressed count and percent are empty cells, never 0', () => {
    const csv = writeAggregateCsv(aggregateView(crosstabData, query('remote', { by: 'team', suppressBelow: 11 }), '').rows);
    const records = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
    expect(records.map((record) => [record.segment, record.count, record.percent, record.ci_low, record.base])).toEqual([
      // 11/21 = 52.380952380952… and 10/21 = 47.619047619047…, to twelve significant digits
      ['(all)', '11', '52.380952381', records[0].ci_low, '21'],
      ['(all)', '10', '47.619047619', records[1].ci_low, '21'],
      ['A', '', '', '', ''],
      ['A', '', '', '', ''],
      ['B', '', '', '', ''],
      ['B', '', '', '', ''],
    ]);
    // …and one wave has no change columns to fill: the six after `flags` are empty too
    expect(csv.split('\r\n')[3]).toBe('fixture,2022,remote,remote,share,,team,A,Yes,,,,,,answered,,,,,wilson,suppressed,,,,,,');
  });

  it('aggregateView(remote, team=B): filters reach the rows and the filters column carries the text it is given', () => {
    const filtered = aggregateView(crosstabData, query('remote', { filters: [{ question: 'team', op: 'in', values: ['B'] }] }), 'team=B');
    // team B {11,…,20}: Yes {11, 12} = 2, No 8, base 10
    expect(pick(filtered.rows, 'segment', 'option', 'count', 'base', 'filters', 'segment_question')).toEqual([
      ['(all)', 'Yes', 2, 10, 'team=B', ''],
      ['(all)', 'No', 8, 10, 'team=B', ''],
    ]);
  });

  it('aggregateView(remote by tools) → overlapping multi-select segments: Git Yes 10/12, Jira Yes 4/12', () => {
    const byTools = aggregateView(crosstabData, query('remote', { by: 'tools' }), '');
    expect(pick(byTools.rows.slice(2), 'segment', 'option', 'count', 'base')).toEqual([
      ['Git', 'Yes', 10, 12],
      ['Git', 'No', 2, 12],
      ['Jira', 'Yes', 4, 12],
      ['Jira', 'No', 8, 12],
    ]);
  });

  it('aggregateView(base "all") → base 22 includes respondent 22 who left remote blank', () => {
    const everyone = aggregateView(crosstabData, query('remote', { baseRule: 'all' }), '');
    expect(pick(everyone.rows, 'option', 'count', 'base', 'base_rule')).toEqual([
      ['Yes', 11, 22, 'all'],
      ['No', 10, 22, 'all'],
    ]);
  });
});

describe('aggregateView problems and refusals', () => {
  const selectData = oneWave('analysis-select.csv', {
    questions: {
      id: { kind: 'meta' },
      role: { kind: 'single', options: ['Backend', 'Frontend', 'Data'] },
      languages: { kind: 'multi' },
      trends: { kind: 'ranking' },
      years: { kind: 'numeric' },
      country: { kind: 'single' },
      comment: { kind: 'text' },
    },
  });

  it.each<[string, AggregateQuery, string[]]>([
    ['a free-text question', query('comment'), ['"comment" is free text: it is never part of aggregated figures']],
    ['a metadata column', query('id'), ['"id" is metadata: it is never part of aggregated figures']],
    ['an unknown question', query('salary'), ['wave 2022 has no question "salary"; questions are role, languages, trends, years, country']],
    ['an unknown wave', query('role', { waves: ['2019'] }), ['there is no wave "2019"; waves are 2022']],
    [
      'an unknown option in a filter',
      query('role', { filters: [{ question: 'role', op: 'in', values: ['Manager'] }] }),
      ['wave 2022: "role" has no option "Manager"; its options are "Backend", "Frontend", "Data"'],
    ],
    ['an unknown compare-by question', query('role', { by: 'nope' }), ['wave 2022: there is no question "nope" to compare by']],
    ['compare by a numeric question', query('role', { by: 'years' }), ['"years" is numeric: compare by a single-choice, Likert or multi-select question']],
    ['weights asked for without a weight column', query('role', { weight: true }), ['this survey has no weight column (set "weight" in survey.json)']],
  ])('aggregateView(%s) → that problem, named', (_, aggregateQuery, problems) => {
    // a "wave 2022: " prefix is allowed: the message itself must be there, once
    expect(aggregateView(selectData, aggregateQuery, '').problems).toEqual(problems.map(optionallyForWave2022));
  });

  it('aggregateView(comment) → no rows at all: free text never appears in aggregated output', () => {
    const result = aggregateView(selectData, query('comment'), '');
    expect(result.rows).toEqual([]);
    const csv = writeAggregateCsv(result.rows);
    for (const answer of ['Nice survey', 'Too long', 'Bye']) expect(csv).not.toContain(answer);
  });
});

describe('aggregateView with weights and excluded options (analysis-frequencies.csv)', () => {
  const data = oneWave('analysis-frequencies.csv', {
    weight: 'w',
    questions: {
      id: { kind: 'meta' },
      team: { kind: 'single', options: ['Platform', 'Product', { value: 'Prefer not to say', excludeFromBase: true }] },
      tools: { kind: 'multi', excludeFromBase: ['Other(s):'] },
      w: { kind: 'numeric' },
    },
  });

  it('aggregateView(team, suppressBelow 0) → 50%, 50%, and the excluded option 1/9 of all who answered, flagged "excluded-from-base"', () => {
    // Platform 4, Product 4 → base 8; "Prefer not to say" 1 (respondent 6) outside the base, shown over 4 + 4 + 1 = 9
    const result = aggregateView(data, query('team', { suppressBelow: 0 }), '');
    expect(pick(result.rows, 'option', 'count', 'base', 'percent', 'flags')).toEqual([
      ['Platform', 4, 8, 50, 'unreliable'],
      ['Product', 4, 8, 50, 'unreliable'],
      // 1/9 = 11.111…%, cleaned to twelve significant digits
      ['Prefer not to say', 1, 9, 11.1111111111, 'unreliable;excluded-from-base'],
    ]);
  });

  it('aggregateView(team, weight, suppressBelow 0) → weighted percent 10/17, weighted base 8.5, Kish 289/41, R svyciprop interval', () => {
    // worked in frequencies.test.ts: Platform Σw 5 of 8.5; Σw² 10.25; R logit interval 18.48342385 – 90.00051637
    const result = aggregateView(data, query('team', { weight: true, suppressBelow: 0 }), '');
    const platform = result.rows[0];
    expect(platform.percent).toBeCloseTo((10 / 17) * 100, 10);
    expect([platform.count, platform.weighted_count, platform.weighted_base]).toEqual([4, 5, 8.5]);
    expect(platform.effective_base).toBeCloseTo(289 / 41, 10);
    expect(platform.ci_low).toBeCloseTo(18.48342385, 6);
    expect(platform.ci_high).toBeCloseTo(90.00051637, 6);
    expect(platform.ci_method).toBe('logit (R survey svyciprop, ids = ~1)');
    expect(result.notes).toEqual([]);
  });
});

describe('aggregateView across waves (analysis-trend-*.csv)', () => {
  const data: DatasetWaves = { id: 'trend', waves: analysisTrendWaves() };

  it('aggregateView(arrangement, suppressBelow 0) → every wave in order, each with its own base: 8, 12, 10 (trends.test.ts)', () => {
    const result = aggregateView(data, query('arrangement', { suppressBelow: 0 }), '');
    expect(result.problems).toEqual([]);
    expect(pick(result.rows, 'wave', 'option', 'count', 'base')).toEqual([
      ['2020', 'Office', 3, 8],
      ['2020', 'Hybrid', 0, 8],
      ['2020', 'Remote', 5, 8],
      ['2021', 'Office', 4, 12],
      ['2021', 'Hybrid', 2, 12],
      ['2021', 'Remote', 6, 12],
      ['2022', 'Office', 2, 10],
      ['2022', 'Hybrid', 5, 10],
      ['2022', 'Remote', 3, 10],
    ]);
  });

  it('aggregateView(arrangement) with the default threshold → 2020 (base 8 < 10) suppressed, 2021 and 2022 shown', () => {
    const result = aggregateView(data, query('arrangement'), '');
    expect(pick(result.rows, 'wave', 'count', 'percent', 'flags')).toEqual([
      ['2020', null, null, 'suppressed'],
      ['2020', null, null, 'suppressed'],
      ['2020', null, null, 'suppressed'],
      // 4/12 = 33.333…% and 2/12 = 16.666…%, to twelve significant digits
      ['2021', 4, 33.3333333333, 'unreliable'],
      ['2021', 2, 16.6666666667, 'unreliable'],
      ['2021', 6, 50, 'unreliable'],
      ['2022', 2, 20, 'unreliable'],
      ['2022', 5, 50, 'unreliable'],
      ['2022', 3, 30, 'unreliable'],
    ]);
  });

  it('aggregateView(editor) over all waves → a note for 2020 (not asked that year), rows for 2021 and 2022', () => {
    const result = aggregateView(data, query('editor'), '');
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual(['wave 2020 has no question "editor"; questions are role, arrangement, years']);
    expect([...new Set(result.rows.map((row) => row.wave))]).toEqual(['2021', '2022']);
  });

  it('aggregateView(editor, wave 2020 asked for explicitly) → a problem, not a note', () => {
    const result = aggregateView(data, query('editor', { waves: ['2020'] }), '');
    expect(result.problems).toEqual(['wave 2020 has no question "editor"; questions are role, arrangement, years']);
    expect(result.rows).toEqual([]);
  });

  it('aggregateView(salary) over all waves → "no wave has a question"', () => {
    const result = aggregateView(data, query('salary'), '');
    expect(result.problems).toEqual(['no wave has a question "salary"']);
    expect(result.notes).toHaveLength(3);
  });

  it('aggregateView(years, suppressBelow 0) → the 2020 row counting the answer 0.5 is not labelled "1–2"', () => {
    // Shared edges from 2022 (1 … 10): first bin [−∞, 2). 2020 answers 0.5 and 1 fall in it (trends.test.ts).
    const result = aggregateView(data, query('years', { suppressBelow: 0 }), '');
    const first2020 = result.rows.find((row) => row.wave === '2020')!;
    expect(first2020.count).toBe(2);
    expect(first2020.option).toBe('< 2');
  });
});

describe('aggregateView on a ranking nobody answered (analysis-rankings-unanswered.csv)', () => {
  it('aggregateView(trend) → ranked first, ranked at all and mean rank of AI and Cloud, all suppressed with nothing shown, not a TypeError', () => {
    const data = oneWave('analysis-rankings-unanswered.csv', { questions: { id: { kind: 'meta' }, trend: { kind: 'ranking' } } });
    const result = aggregateView(data, query('trend'), '');
    expect(pick(result.rows, 'measure', 'option', 'count', 'base', 'percent', 'value', 'flags')).toEqual([
      ['ranked_first', 'AI', null, null, null, null, 'suppressed'],
      ['ranked_first', 'Cloud', null, null, null, null, 'suppressed'],
      ['ranked_at_all', 'AI', null, null, null, null, 'suppressed'],
      ['ranked_at_all', 'Cloud', null, null, null, null, 'suppressed'],
      ['mean_rank', 'AI', null, null, null, null, 'suppressed'],
      ['mean_rank', 'Cloud', null, null, null, null, 'suppressed'],
    ]);
  });
});

/**
 * tests/fixtures/analysis-select.csv, trends (ranking of AI, Cloud, Security), counted by hand:
 *   r1 AI1 Cloud2 · r2 AI2 Cloud1 · r4 AI1 Sec2 · r5 Cloud1 · r6 AI3 Cloud2 Sec1 · r7 AI1 Cloud3 Sec2
 *   r9 AI2 Sec1 · r11 AI1 Cloud2 Sec3; r3, r8, r10, r12 ranked nothing → base 8 who ranked any.
 *   ranked first: AI 4 (r1 r4 r7 r11), Cloud 2 (r2 r5), Security 2 (r6 r9)
 *   ranked at all: AI 7, Cloud 6, Security 5
 *   mean rank: AI (1+2+1+3+1+2+1)/7 = 11/7, Cloud (2+1+1+2+3+2)/6 = 11/6, Security (2+1+2+1+3)/5 = 9/5
 * role: Backend r1 r3 r6 r9 r12 (of whom r1, r6, r9 ranked: AI first 1, Security first 2),
 *   Frontend r2 r7 r10, Data r4 r8 r11, r5 blank.
 */
describe('aggregateView(trends by role) on analysis-select.csv: measure rows beside the main ones', () => {
  const selectData = oneWave('analysis-select.csv', {
    questions: {
      id: { kind: 'meta' },
      role: { kind: 'single', options: ['Backend', 'Frontend', 'Data'] },
      trends: { kind: 'ranking' },
      languages: { kind: 'multi' },
    },
  });
  const result = aggregateView(selectData, query('trends', { by: 'role', suppressBelow: 0 }), '');

  it('aggregateView → for each segment, the three ranked_first rows, then ranked_at_all, then mean_rank, before the next segment', () => {
    const block = ['ranked_first', 'ranked_first', 'ranked_first', 'ranked_at_all', 'ranked_at_all', 'ranked_at_all', 'mean_rank', 'mean_rank', 'mean_rank'];
    expect(result.problems).toEqual([]);
    expect(pick(result.rows, 'segment', 'measure')).toEqual(
      ['(all)', 'Backend', 'Frontend', 'Data'].flatMap((segment) => block.map((measure) => [segment, measure])),
    );
  });

  it('aggregateView → everyone: ranked first 4, 2, 2 of 8; ranked at all 7, 6, 5 of 8; mean ranks 11/7, 11/6, 9/5', () => {
    const all = result.rows.filter((row) => row.segment === '(all)');
    expect(pick(all, 'measure', 'option', 'count', 'base', 'percent')).toEqual([
      ['ranked_first', 'AI', 4, 8, 50],
      ['ranked_first', 'Cloud', 2, 8, 25],
      ['ranked_first', 'Security', 2, 8, 25],
      ['ranked_at_all', 'AI', 7, 8, 87.5],
      ['ranked_at_all', 'Cloud', 6, 8, 75],
      ['ranked_at_all', 'Security', 5, 8, 62.5],
      ['mean_rank', 'AI', 7, 8, null],
      ['mean_rank', 'Cloud', 6, 8, null],
      ['mean_rank', 'Security', 5, 8, null],
    ]);
    expect(all.slice(6).map((row) => row.value)).toEqual([TWELVE_DIGITS(11 / 7), TWELVE_DIGITS(11 / 6), 1.8]);
    expect(all.slice(6).map((row) => row.ci_method)).toEqual(['mean, t interval', 'mean, t interval', 'mean, t interval']);
  });

  it('aggregateView → Backend: AI ranked first by 1 of 3, Security by 2 of 3; `keys` carry the option and segment values', () => {
    const backend = result.rows.filter((row) => row.segment === 'Backend' && row.measure === 'ranked_first');
    expect(pick(backend, 'option', 'count', 'base')).toEqual([
      ['AI', 1, 3],
      ['Cloud', 0, 3],
      ['Security', 2, 3],
    ]);
    // and the sums behind each share for a test between waves: 1, 0, 2 of Backend's 3, in a file of 12
    const unweighted = (count: number) => ({ count, sumW: count, sumW2: count });
    expect(backend.map((row) => row.keys)).toEqual(
      [
        ['AI', 1],
        ['Cloud', 0],
        ['Security', 2],
      ].map(([option, count]) => ({ option, segment: 'Backend', sample: { option: unweighted(count as number), base: unweighted(3), surveySize: 12 } })),
    );
    expect(result.rows.filter((row) => row.segment === '(all)').every((row) => row.keys.segment === '')).toBe(true);
  });
});

describe('aggregateView with links (tests/fixtures/trend-links-*.csv, counted in helpers/trend-links-fixture.ts)', () => {
  const data = trendLinkDataset();
  type Links = NonNullable<AggregateQuery['links']>;
  const linked = (questionId: string, links: Links, extra: Partial<AggregateQuery> = {}) =>
    aggregateView(data, query(questionId, { suppressBelow: 0, links, ...extra }), '');
  const EDITOR_IDS = { '2020': 'Q2', '2021': 'Q2', '2022': 'Q3' };
  const EVERY_WAVE = { '2020': 'arrangement', '2021': 'arrangement', '2022': 'arrangement' };

  it('aggregateView(editor, links Q2/Q2/Q3) → each wave’s own question under its own id: 3, 2, 1 of 6; 3, 2, 1 of 6; 5, 2, 1 of 8', () => {
    const result = linked('Q3', { ids: EDITOR_IDS, notLinked: {} });
    expect(result.problems).toEqual([]);
    expect(pick(result.rows, 'wave', 'question_id', 'option', 'count', 'base')).toEqual([
      ['2020', 'Q2', 'VS Code', 3, 6],
      ['2020', 'Q2', 'Vim', 2, 6],
      ['2020', 'Q2', 'Emacs', 1, 6],
      ['2021', 'Q2', 'VS Code', 3, 6],
      ['2021', 'Q2', 'Vim', 2, 6],
      ['2021', 'Q2', 'Emacs', 1, 6],
      ['2022', 'Q3', 'VS Code', 5, 8],
      ['2022', 'Q3', 'Vim', 2, 8],
      ['2022', 'Q3', 'Emacs', 1, 8],
    ]);
  });

  it('aggregateView(team size Q2, linked in 2022 only) → 2022’s rows, and why 2020 and 2021 are left out', () => {
    const why = 'asked differently (“Which editor do you use most?”: the question is worded differently), so it is not part of this trend';
    const result = linked('Q2', { ids: { '2022': 'Q2' }, notLinked: { '2020': why, '2021': why } });
    expect(result.notes).toEqual([`wave 2020: ${why}`, `wave 2021: ${why}`]);
    expect(pick(result.rows, 'wave', 'option', 'count', 'base')).toEqual([
      ['2022', '1-5', 3, 8],
      ['2022', '6-20', 3, 8],
      ['2022', '21+', 2, 8],
    ]);
  });

  it('aggregateView(team size Q2, no links) → matched by id, 2020 and 2021 bring the editor question: what links are for', () => {
    const result = aggregateView(data, query('Q2', { suppressBelow: 0 }), '');
    expect([...new Set(result.rows.map((row) => `${row.wave} ${row.question_label}`))]).toEqual([
      '2020 Which editor do you use most?',
      '2021 Which editor do you use most?',
      '2022 How many people are on your team?',
    ]);
  });

  it('aggregateView(a grid row, links 2021:Q5_2 2022:Q5_1) → Jira in both waves, never 2021’s Git under the same number', () => {
    const result = linked('Q5_1', { ids: { '2021': 'Q5_2', '2022': 'Q5_1' }, notLinked: { '2020': 'not asked' } });
    expect(result.notes).toEqual(['wave 2020: not asked']);
    // Never, Weekly, Daily: a usage-frequency scale the grid's rows share, in scale order (and a mean score row each wave)
    expect(result.rows.filter((row) => row.measure === 'mean').map((row) => row.wave)).toEqual(['2021', '2022']);
    expect(
      pick(
        result.rows.filter((row) => row.measure === 'share'),
        'wave',
        'question_label',
        'option',
        'count',
        'base',
      ),
    ).toEqual([
      ['2021', 'How often do you use each of these tools at work?: Jira', 'Never', 2, 6],
      ['2021', 'How often do you use each of these tools at work?: Jira', 'Weekly', 2, 6],
      ['2021', 'How often do you use each of these tools at work?: Jira', 'Daily', 2, 6],
      ['2022', 'How often do you use each of these tools at work?: Jira', 'Never', 2, 8],
      ['2022', 'How often do you use each of these tools at work?: Jira', 'Weekly', 3, 8],
      ['2022', 'How often do you use each of these tools at work?: Jira', 'Daily', 3, 8],
    ]);
  });

  it('aggregateView(arrangement, option alias Fully remote → Remote) → one Remote row per wave: 3 of 6, 2 of 6, 4 of 8', () => {
    const result = linked('arrangement', { ids: EVERY_WAVE, notLinked: {}, optionAliases: { 'Fully remote': 'Remote' } });
    expect(pick(result.rows, 'wave', 'option', 'count', 'base', 'change_from', 'change_points')).toEqual([
      ['2020', 'Office', 2, 6, '', null],
      ['2020', 'Hybrid', 1, 6, '', null],
      ['2020', 'Remote', 3, 6, '', null],
      // 2/6 − 2/6 = 0; 2/6 − 1/6 = +16.67; 2/6 − 3/6 = −16.67 points
      ['2021', 'Office', 2, 6, '2020', 0],
      ['2021', 'Hybrid', 2, 6, '2020', TWELVE_DIGITS((2 / 6 - 1 / 6) * 100)],
      ['2021', 'Remote', 2, 6, '2020', TWELVE_DIGITS((2 / 6 - 3 / 6) * 100)],
      // 2/8 − 2/6 = −8.33; 2/8 − 2/6; 4/8 − 2/6 = +16.67 points
      ['2022', 'Office', 2, 8, '2021', TWELVE_DIGITS((2 / 8 - 2 / 6) * 100)],
      ['2022', 'Hybrid', 2, 8, '2021', TWELVE_DIGITS((2 / 8 - 2 / 6) * 100)],
      ['2022', 'Remote', 4, 8, '2021', TWELVE_DIGITS((4 / 8 - 2 / 6) * 100)],
    ]);
    expect(result.rows.filter((row) => row.option === 'Remote').map((row) => row.keys.option)).toEqual(['Remote', 'Remote', 'Remote']);
  });

  it('aggregateView(an option alias, one wave answering with both wordings) → one option with the current label in every wave: the alias is folded when the wave is read', () => {
    const codebook: Codebook = {
      questions: {
        id: { kind: 'meta' },
        arrangement: { kind: 'single', options: [{ value: 'Remote', label: 'Remote (any)', aliases: ['Fully remote'] }, 'Office'] },
      },
    };
    const waves = [
      // 2020: Fully remote {1,2}, Office {3}: "Remote" is listed by the codebook, chosen by nobody
      { id: '2020', survey: buildSurvey('id,arrangement\n1,Fully remote\n2,Fully remote\n3,Office', { codebook }) },
      // 2021: Remote {1}, Fully remote {2}, Office {3}: both wordings answered
      { id: '2021', survey: buildSurvey('id,arrangement\n1,Remote\n2,Fully remote\n3,Office', { codebook }) },
    ];
    const ids = { '2020': 'arrangement', '2021': 'arrangement' };
    const result = aggregateView(
      { id: 'alias', waves },
      query('arrangement', { suppressBelow: 0, links: { ids, notLinked: {}, optionAliases: { 'Fully remote': 'Remote' } } }),
      '',
    );
    // 2020: Fully remote {1,2} → Remote; 2021: Remote {1} and Fully remote {2} → Remote {1,2}; Office {3} in both.
    expect(pick(result.rows, 'wave', 'option', 'count', 'base')).toEqual([
      ['2020', 'Remote (any)', 2, 3],
      ['2020', 'Office', 1, 3],
      ['2021', 'Remote (any)', 2, 3],
      ['2021', 'Office', 1, 3],
    ]);
  });

  it('aggregateView(arrangement, editor = VS Code named per wave Q2/Q2/Q3) → each wave filtered by its own editor question', () => {
    const filters = (id: string) => ({ filters: [{ question: id, op: 'in' as const, values: ['VS Code'] }] });
    const result = linked('arrangement', { ids: EVERY_WAVE, notLinked: {}, perWave: { '2020': filters('Q2'), '2021': filters('Q2'), '2022': filters('Q3') } });
    // VS Code: 2020 {1,3,5} → Office 1, Remote 2 (written “Fully remote”: the codebook’s alias, folded when 2020 is read); 2021 {1,2,4}; 2022 {1,2,4,6,8}
    expect(result.selections).toEqual([
      { wave: '2020', selected: 3, size: 6 },
      { wave: '2021', selected: 3, size: 6 },
      { wave: '2022', selected: 5, size: 8 },
    ]);
    expect(
      pick(
        result.rows.filter((row) => row.count! > 0),
        'wave',
        'option',
        'count',
        'base',
      ),
    ).toEqual([
      ['2020', 'Office', 1, 3],
      ['2020', 'Remote', 2, 3],
      ['2021', 'Office', 1, 3],
      ['2021', 'Remote', 2, 3],
      ['2022', 'Office', 1, 5],
      ['2022', 'Hybrid', 2, 5],
      ['2022', 'Remote', 2, 5],
    ]);
  });

  it('aggregateView(arrangement, mentor = Yes; 2021 did not ask it) → 2021 left out and said so; 2020 and 2022 filtered', () => {
    const yes = { filters: [{ question: 'Q6', op: 'in' as const, values: ['Yes'] }] };
    const skip = 'it did not ask “Q6” (or asked it differently), so its figures could not be filtered the same way';
    const result = linked('arrangement', {
      ids: EVERY_WAVE,
      notLinked: {},
      optionAliases: { 'Fully remote': 'Remote' },
      perWave: { '2020': yes, '2021': { skip }, '2022': yes },
    });
    expect(result.notes).toEqual([`wave 2021 is left out: ${skip}`]);
    // mentors: 2020 {1,3,6} → Office 1, Remote 1, Hybrid 1; 2022 {1,3,5,7} → Remote 3, Office 1
    expect(pick(result.rows, 'wave', 'option', 'count', 'base')).toEqual([
      ['2020', 'Office', 1, 3],
      ['2020', 'Hybrid', 1, 3],
      ['2020', 'Remote', 1, 3],
      ['2022', 'Office', 1, 4],
      ['2022', 'Hybrid', 0, 4],
      ['2022', 'Remote', 3, 4],
    ]);
  });

  it('aggregateView(arrangement by editor, named Q2/Q2/Q3) → each wave compared by its own editor question', () => {
    const result = linked(
      'arrangement',
      { ids: EVERY_WAVE, notLinked: {}, perWave: { '2020': { filters: [], by: 'Q2' }, '2021': { filters: [], by: 'Q2' }, '2022': { filters: [], by: 'Q3' } } },
      { by: 'Q3' },
    );
    expect([...new Set(result.rows.filter((row) => row.segment !== '(all)').map((row) => `${row.wave} ${row.segment_question} ${row.segment}`))]).toEqual([
      '2020 Q2 VS Code',
      '2020 Q2 Vim',
      '2020 Q2 Emacs',
      '2021 Q2 VS Code',
      '2021 Q2 Vim',
      '2021 Q2 Emacs',
      '2022 Q3 VS Code',
      '2022 Q3 Vim',
      '2022 Q3 Emacs',
    ]);
    // 2022 Vim {3,7}: Office 1 (3), Remote 1 (7)
    expect(
      pick(
        result.rows.filter((row) => row.wave === '2022' && row.segment === 'Vim'),
        'option',
        'count',
        'base',
      ),
    ).toEqual([
      ['Office', 1, 2],
      ['Hybrid', 0, 2],
      ['Remote', 1, 2],
    ]);
  });

  it('aggregateView(arrangement by team size, which 2020 and 2021 did not ask) → those waves everyone only, and said so', () => {
    const result = linked(
      'arrangement',
      { ids: EVERY_WAVE, notLinked: {}, perWave: { '2020': { filters: [] }, '2021': { filters: [] }, '2022': { filters: [], by: 'Q2' } } },
      { by: 'Q2' },
    );
    expect([...new Set(result.rows.map((row) => `${row.wave} ${row.segment}`))]).toEqual([
      '2020 (all)',
      '2021 (all)',
      '2022 (all)',
      '2022 1-5',
      '2022 6-20',
      '2022 21+',
    ]);
    expect(result.notes).toEqual([
      'wave 2020: it did not ask “Q2” (or asked it differently), so it is not compared by it',
      'wave 2021: it did not ask “Q2” (or asked it differently), so it is not compared by it',
    ]);
  });

  it('aggregateView(years Q7 as asked in 2020 and 2021) → binned by 2021’s years, not by 2022’s Q7 (hours a week)', () => {
    // 2021 years 1…6: type-7 1st percentile 1.05, 99th 5.95; whole numbers → step 1 from 1, five bins.
    // 2020 years 1…6 and 2021 years 2,3,4,5,6,1: one answer in each bin but the last (5 and 6).
    const result = linked('Q7', { ids: { '2020': 'Q7', '2021': 'Q7' }, notLinked: { '2022': 'asked differently' } });
    const bins = result.rows.filter((row) => row.measure === 'bin');
    expect(pick(bins, 'wave', 'option', 'count', 'base')).toEqual(
      ['2020', '2021'].flatMap((wave) => [
        [wave, '< 2', 1, 6],
        [wave, '2–3', 1, 6],
        [wave, '3–4', 1, 6],
        [wave, '4–5', 1, 6],
        [wave, '≥ 5', 2, 6],
      ]),
    );
  });
});
