import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateQuery, DatasetWaves } from '../../../../lib/analysis/aggregate-query';
import type { AggregateRow } from '../../../../lib/analysis/aggregate-row';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import { buildTrendData, type TrendData, type TrendLine } from '../../../../lib/view/figures/build-trend-data';
import { analysisTrendWaves, questionOf } from '../../helpers/fixture-survey';
import { trendLinkDataset } from '../../helpers/trend-links-fixture';

/**
 * Trends from the rows of a trend download (aggregateView over every wave), as the trend page
 * draws them. tests/fixtures/analysis-trend-*.csv, counted in trends.test.ts:
 *   arrangement  Office  3/8 37.5%   4/12 33.3%   2/10 20%
 *                Hybrid  0/8  0%     2/12 16.7%   5/10 50%
 *                Remote  5/8 62.5%   6/12 50%     3/10 30%
 */
const data: DatasetWaves = { id: 'trend', waves: analysisTrendWaves() };
const latest = data.waves[2].survey;
const rowsOf = (dataset: DatasetWaves, questionId: string, query: Partial<AggregateQuery> = {}) =>
  aggregateView(dataset, { questionId, filters: [], baseRule: 'answered', suppressBelow: 0, ...query }, '').rows;
const trendOf = (rows: AggregateRow[], questionId = 'arrangement', options: Partial<Parameters<typeof buildTrendData>[2]> = {}) =>
  buildTrendData(questionOf(latest, questionId), rows, { limit: 5, activeValues: new Set(), ...options });
/** [label, display percents per wave] of each line. */
const linesOf = (trend: TrendData | undefined) => trend!.lines.map((line) => [line.label, line.points.map((point) => point?.percent ?? null)]);
const pointOf = (line: TrendLine, w: number) => line.points[w]!;

describe('buildTrendData(arrangement, three waves)', () => {
  const trend = trendOf(rowsOf(data, 'arrangement'));

  it('buildTrendData → every wave, each everyone’s base (8, 12, 10); lines ordered by the latest share (Hybrid 50, Remote 30, Office 20)', () => {
    expect(trend).toMatchObject({
      questionId: 'arrangement',
      measure: 'share',
      waves: ['2020', '2021', '2022'],
      bases: [8, 12, 10],
      hidden: 0,
      segment: '(all)',
    });
    expect(linesOf(trend)).toEqual([
      ['Hybrid', [0, 16.7, 50]],
      ['Remote', [62.5, 50, 30]],
      ['Office', [37.5, 33.3, 20]],
    ]);
    expect(trend!.lines.map((line) => [line.key, line.latest, line.active])).toEqual([
      ['Hybrid', 50, false],
      ['Remote', 30, false],
      ['Office', 20, false],
    ]);
  });

  it('buildTrendData → a point: its count and base, its interval (R prop.test: 5/10 → 23.659…–76.341%)', () => {
    const point = pointOf(trend!.lines[0], 2);
    expect([point.count, point.base]).toEqual([5, 10]);
    expect(point.low).toBeCloseTo(23.6593090513, 8);
    expect(point.high).toBeCloseTo(76.3406909487, 8);
  });

  it('buildTrendData → each point’s change from the previous wave and since the first, in points; none for the first wave', () => {
    // Hybrid 0 → 2/12 → 5/10: +16.67, +33.33, and +50 since 2020; Remote 62.5 → 50 → 30: −12.5, −20, −32.5
    const changes = (line: TrendLine) => line.points.map((point) => [point!.changeFrom, point!.change, point!.changeSince]);
    const close = (value: number) => expect.closeTo(value, 8);
    expect(changes(trend!.lines[0])).toEqual([
      ['', null, null],
      ['2020', close(100 * (2 / 12)), null],
      ['2021', close(100 * (5 / 10 - 2 / 12)), close(50)],
    ]);
    expect(changes(trend!.lines[1])).toEqual([
      ['', null, null],
      ['2020', close(-12.5), null],
      ['2021', close(-20), close(-32.5)],
    ]);
  });

  it('buildTrendData → no change significant after Holm over the nine tests: no marks', () => {
    // Largest: Hybrid since 2020, 5/10 vs 0/8: p̂ = 5/18, SE = √(5/18 · 13/18 · (1/10 + 1/8)) = 0.2125, z = 2.353, p = 0.019; × 9 > 0.05
    expect(trend!.lines.flatMap((line) => line.points.map((point) => [point!.changeMark, point!.changeSinceMark]))).toEqual(
      Array.from({ length: 9 }, () => [null, null]),
    );
  });

  it('buildTrendData → the summary a screen reader hears, every line and wave', () => {
    expect(trend!.summary).toBe(
      'Line chart of “arrangement” across 2020, 2021, 2022: Hybrid: 2020 0.0%, 2021 16.7%, 2022 50.0%; Remote: 2020 62.5%, 2021 50.0%, 2022 30.0%; Office: 2020 37.5%, 2021 33.3%, 2022 20.0%.',
    );
  });
});

describe('buildTrendData options', () => {
  const rows = rowsOf(data, 'arrangement');

  it('buildTrendData(limit 2) → Hybrid and Remote, one hidden; (limit 2, Office active) → Office drawn too', () => {
    expect(linesOf(trendOf(rows, 'arrangement', { limit: 2 })).map(([label]) => label)).toEqual(['Hybrid', 'Remote']);
    expect(trendOf(rows, 'arrangement', { limit: 2 })!.hidden).toBe(1);
    const active = trendOf(rows, 'arrangement', { limit: 2, activeValues: new Set(['Office']) });
    expect(active!.lines.map((line) => [line.label, line.active])).toEqual([
      ['Hybrid', false],
      ['Remote', false],
      ['Office', true],
    ]);
    expect(active!.hidden).toBe(0);
  });

  it('buildTrendData(order Office, Remote, Hybrid) → that order, every line (panels of a comparison share one order)', () => {
    expect(linesOf(trendOf(rows, 'arrangement', { limit: 1, order: ['Office', 'Remote', 'Hybrid'] })).map(([label]) => label)).toEqual([
      'Office',
      'Remote',
      'Hybrid',
    ]);
  });

  it('buildTrendData(flags up-from-previous and down-since-first) → the marks of that point', () => {
    const marked = rows.map((row) =>
      row.wave === '2022' && row.option === 'Hybrid' ? { ...row, flags: 'unreliable;up-from-previous;down-since-first' } : row,
    );
    const point = pointOf(trendOf(marked)!.lines[0], 2);
    expect([point.changeMark, point.changeSinceMark]).toEqual(['up', 'down']);
  });

  it('buildTrendData(default threshold of 10) → 2020’s base of 8 withheld: no base, no percent, but the wave is on the axis', () => {
    const trend = trendOf(rowsOf(data, 'arrangement', { suppressBelow: 10 }));
    expect(trend!.waves).toEqual(['2020', '2021', '2022']);
    expect(trend!.bases).toEqual([null, 12, 10]);
    expect(linesOf(trend)[0]).toEqual(['Hybrid', [null, 16.7, 50]]);
  });

  it('buildTrendData(editor, first asked in 2021) → two waves on the axis', () => {
    // 2021 VS Code 7, Vim 3, Emacs 2 of 12; 2022 VS Code 7, Vim 2, Emacs 1 of 10
    expect(linesOf(trendOf(rowsOf(data, 'editor'), 'editor'))).toEqual([
      ['VS Code', [58.3, 70]],
      ['Vim', [25, 20]],
      ['Emacs', [16.7, 10]],
    ]);
  });

  it('buildTrendData(arrangement by role, segment Dev) → the Dev rows only: Remote 4/5, 4/7, 3/7', () => {
    const trend = trendOf(rowsOf(data, 'arrangement', { by: 'role' }), 'arrangement', { segment: 'Dev' });
    expect(trend!.bases).toEqual([5, 7, 7]);
    expect(trend!.lines.find((line) => line.key === 'Remote')!.points.map((point) => point!.count)).toEqual([4, 4, 3]);
  });

  it('buildTrendData(years, measure bin) → 2022’s nine bins in their own order, all of them whatever the limit', () => {
    // 2022 years 1…10: type-7 1st percentile 1.09, 99th 9.91; whole numbers, step 1 from 1 → nine bins,
    // one answer in each but the last (9 and 10)
    const trend = trendOf(rowsOf(data, 'years'), 'years', { limit: 2 });
    expect([trend!.measure, trend!.hidden]).toEqual(['bin', 0]);
    expect(trend!.lines.map((line) => [line.label, line.points[2]!.count])).toEqual([
      ['< 2', 1],
      ['2–3', 1],
      ['3–4', 1],
      ['4–5', 1],
      ['5–6', 1],
      ['6–7', 1],
      ['7–8', 1],
      ['8–9', 1],
      ['≥ 9', 2],
    ]);
  });

  it('buildTrendData(a segment or measure with no rows) → undefined', () => {
    expect(trendOf(rows, 'arrangement', { segment: 'Nobody' })).toBeUndefined();
    expect(trendOf(rows, 'arrangement', { measure: 'mean' })).toBeUndefined();
  });
});

describe('buildTrendData: options that come and go', () => {
  it('buildTrendData(Rust only in 2021, Zig only in 2022) → no point (not a zero) where the option was not in the wave; Rust, gone, last', () => {
    // 2021: Go {1,2}, Rust {3}; 2022: Go {1}, Zig {2,3}
    const waves = [
      { id: '2021', survey: buildSurvey('id,lang\n1,Go\n2,Go\n3,Rust', { codebook: { questions: { id: { kind: 'meta' }, lang: { kind: 'single' } } } }) },
      { id: '2022', survey: buildSurvey('id,lang\n1,Go\n2,Zig\n3,Zig', { codebook: { questions: { id: { kind: 'meta' }, lang: { kind: 'single' } } } }) },
    ];
    const rows = rowsOf({ id: 'langs', waves }, 'lang');
    const trend = buildTrendData(questionOf(waves[1].survey, 'lang'), rows, { limit: 5, activeValues: new Set() });
    expect(linesOf(trend)).toEqual([
      ['Zig', [null, 66.7]],
      ['Go', [66.7, 33.3]],
      ['Rust', [33.3, null]],
    ]);
  });

  it('buildTrendData(arrangement of tests/fixtures/trend-links-*, Fully remote renamed Remote) → one Remote line: 3/6, 2/6, 4/8', () => {
    const dataset = trendLinkDataset();
    const links = { ids: { '2020': 'arrangement', '2021': 'arrangement', '2022': 'arrangement' }, notLinked: {}, optionAliases: { 'Fully remote': 'Remote' } };
    const trend = buildTrendData(questionOf(dataset.waves[2].survey, 'arrangement'), rowsOf(dataset, 'arrangement', { links }), {
      limit: 5,
      activeValues: new Set(),
    });
    expect(linesOf(trend)).toEqual([
      ['Remote', [50, 33.3, 50]],
      ['Office', [33.3, 33.3, 25]],
      ['Hybrid', [16.7, 33.3, 25]],
    ]);
  });
});
