import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateQuery, DatasetWaves } from '../../../../lib/analysis/aggregate-query';
import { buildSurvey } from '../../../../lib/survey/build-survey';
import type { Codebook } from '../../../../lib/survey/codebook-schema';
import type { Survey } from '../../../../lib/survey/types';
import { buildChartData, type ChartData, type ChartOptions } from '../../../../lib/view/figures/build-chart-data';
import { fixtureSurvey, questionOf } from '../../helpers/fixture-survey';

const oneWave = (survey: Survey): DatasetWaves => ({ id: 'fixture', waves: [{ id: '2022', survey }] });

/**
 * The chart of one question from the rows aggregateView gives (the rows its download holds),
 * everyone selected. The threshold is 0 so the small fixtures are not suppressed.
 */
function chartOf(survey: Survey, id: string, options: Partial<ChartOptions> = {}, query: Partial<AggregateQuery> = {}): ChartData | undefined {
  const rows = aggregateView(oneWave(survey), { questionId: id, filters: [], baseRule: 'answered', suppressBelow: 0, ...query }, '').rows;
  return buildChartData(questionOf(survey, id), rows, { limit: Infinity, activeValues: new Set(), seriesBy: 'segment', ...options });
}

const labelsOf = (chart: ChartData | undefined) => chart!.categories.map((category) => category.label);
/** [label, display percent, count, base] of the first series. */
const barsOf = (chart: ChartData | undefined) =>
  chart!.categories.map((category) => [category.label, category.cells[0].percent, category.cells[0].count, category.cells[0].base]);

/**
 * A single-choice question with twelve options A–L (codebook order) answered by 50 of 52
 * respondents: A 3, B 9, C 8, D 1, E 7, F 6, G 5, H 4, I 3, J 0, K 4, L 0 (sum 50), two blanks.
 * Every share is count/50 = 2 × count percent exactly, so largest remainder changes nothing.
 * By count (ties in option order): B 9, C 8, E 7, F 6, G 5, H 4, K 4, A 3, I 3, D 1, J 0, L 0.
 */
const TOOL_COUNTS: [string, number][] = [
  ['A', 3],
  ['B', 9],
  ['C', 8],
  ['D', 1],
  ['E', 7],
  ['F', 6],
  ['G', 5],
  ['H', 4],
  ['I', 3],
  ['J', 0],
  ['K', 4],
  ['L', 0],
];
const toolRows = [...TOOL_COUNTS.flatMap(([option, count]) => Array.from({ length: count }, () => option)), '', ''];
const toolSurvey = buildSurvey(['id,tool', ...toolRows.map((tool, i) => `r${i + 1},${tool}`)].join('\n'), {
  codebook: { questions: { id: { kind: 'meta' }, tool: { kind: 'single', label: 'Favourite tool', options: TOOL_COUNTS.map(([option]) => option) } } },
});

describe('buildChartData on a twelve-option single-choice question', () => {
  it('buildChartData(tool, limit 8) draws the eight largest options in option order, 2 × count percent each of 50, and hides four', () => {
    // Eight largest: B, C, E, F, G, H, K and A (A and I tie on 3 at the cut; A comes first).
    const chart = chartOf(toolSurvey, 'tool', { limit: 8 });
    expect(barsOf(chart)).toEqual([
      ['A', 6, 3, 50],
      ['B', 18, 9, 50],
      ['C', 16, 8, 50],
      ['E', 14, 7, 50],
      ['F', 12, 6, 50],
      ['G', 10, 5, 50],
      ['H', 8, 4, 50],
      ['K', 8, 4, 50],
    ]);
    // D 1, I 3, J 0, L 0 are left out.
    expect(chart!.hidden).toBe(4);
    expect(chart!.summary).toBe(
      'Bar chart of “Favourite tool”, percentage of respondents who answered that chose each option: ' +
        'A 6.0%; B 18.0%; C 16.0%; E 14.0%; F 12.0%; G 10.0%; H 8.0%; K 8.0%. 4 smaller options are not shown.',
    );
  });

  it.each<[number, string[], number]>([
    [Infinity, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'], 0],
    [12, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'], 0],
    // 12 options < 10 + 3: hiding only two would cost a caption and save little, so all stay.
    [10, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'], 0],
    // 12 ≥ 9 + 3: the nine largest (B C E F G H K A I), in option order; D, J, L hidden.
    [9, ['A', 'B', 'C', 'E', 'F', 'G', 'H', 'I', 'K'], 3],
    [3, ['B', 'C', 'E'], 9],
    [1, ['B'], 11],
  ])('buildChartData(tool, limit %s) draws %j and hides %i', (limit, labels, hidden) => {
    const chart = chartOf(toolSurvey, 'tool', { limit });
    expect(labelsOf(chart)).toEqual(labels);
    expect(chart!.hidden).toBe(hidden);
  });

  it('buildChartData(tool) → one series "All respondents" of base 50, seriesKind "all", nothing suppressed', () => {
    const chart = chartOf(toolSurvey, 'tool')!;
    expect(chart.series).toEqual([{ key: '', label: 'All respondents', base: 50, unreliable: false }]);
    expect([chart.seriesKind, chart.suppressedSeries, chart.overlapping, chart.measure, chart.questionId]).toEqual(['all', [], false, 'share', 'tool']);
  });

  it('buildChartData(tool, active B and D) → those categories drawn active, keyed by option value', () => {
    const chart = chartOf(toolSurvey, 'tool', { activeValues: new Set(['B', 'D']) })!;
    expect(chart.categories.filter((category) => category.active).map((category) => category.key)).toEqual(['B', 'D']);
  });

  it('buildChartData(tool) is plain data: it survives JSON and structuredClone unchanged', () => {
    const chart = chartOf(toolSurvey, 'tool', { limit: 8 })!;
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
    expect(structuredClone(chart)).toEqual(chart);
  });

  it('buildChartData(question, no rows) → undefined: nothing to chart', () => {
    expect(buildChartData(questionOf(toolSurvey, 'tool'), [], { limit: 8, activeValues: new Set(), seriesBy: 'segment' })).toBeUndefined();
  });
});

/**
 * Eight respondents r1–r8 (r8 answered nothing), weights in w:
 * - sat (likert, scale order SD, D, A, SA): r1 A, r2 A, r3 SA, r4 SD, r5 A, r6 SA, r7 A.
 * - langs (multi, `;`-joined, codebook order Go, Rust, Python; Go labelled "Golang"):
 *   r1 Go;Rust, r2 Rust;Python, r3 Rust, r4 Python → Go 1, Rust 3, Python 2 of 4 who answered.
 * - tools (multi, one column per option Git, Svn, Hg, Cvs): r1 Git Svn, r2 Svn Hg, r3 Svn, r5 Hg, r6 Cvs
 *   → Git 1, Svn 3, Hg 2, Cvs 1 of 5 who answered.
 * - rank (ranking, one column per item Cost, Speed, Safety): r1 Cost 1 Speed 2; r2 Speed 1;
 *   r3 Cost 2 Speed 1 Safety 3; r4 Safety 1; r5 Speed 2 Safety 1; r6 Speed 1; r7 Cost 2
 *   → ranked first: Cost 1 (r1), Speed 3 (r2 r3 r6), Safety 2 (r4 r5), of 7 who ranked any.
 */
const mixedCsv = [
  'id,sat,langs,tools[Git],tools[Svn],tools[Hg],tools[Cvs],rank[Cost],rank[Speed],rank[Safety],note',
  'r1,Agree,Go;Rust,x,x,,,1,2,,hi',
  'r2,Agree,Rust;Python,,x,x,,,1,,',
  'r3,Strongly agree,Rust,,x,,,2,1,3,',
  'r4,Strongly disagree,Python,,,,,,,1,',
  'r5,Agree,,,,x,,,2,1,',
  'r6,Strongly agree,,,,,x,,1,,',
  'r7,Agree,,,,,,2,,,',
  'r8,,,,,,,,,,',
].join('\n');

const mixedCodebook: Codebook = {
  questions: {
    id: { kind: 'meta' },
    sat: { kind: 'likert', label: 'Satisfaction', options: ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'] },
    langs: { kind: 'multi', label: 'Languages', separator: ';', options: [{ value: 'Go', label: 'Golang' }, 'Rust', 'Python'] },
    tools: { kind: 'multi', label: 'Tools' },
    rank: { kind: 'ranking', label: 'Priorities' },
    note: { kind: 'text' },
  },
};
const mixed = buildSurvey(mixedCsv, { codebook: mixedCodebook, name: 'inline.csv' });

describe('buildChartData on likert, multi-select and ranking questions', () => {
  it.each<[string, string, (string | number)[][]]>([
    // Of 7 who answered: SD 1, D 0, A 4, SA 2. Tenths 142.857, 0, 571.429, 285.714 floor to
    // 142 + 0 + 571 + 285 = 998; the two missing go to the largest remainders (.857 SD, .714 SA).
    [
      'sat',
      'a rating scale keeps scale order and rounds to 100 by largest remainder; top-2 and mean rows are not bars',
      [
        ['Strongly disagree', 14.3, 1, 7],
        ['Disagree', 0, 0, 7],
        ['Agree', 57.1, 4, 7],
        ['Strongly agree', 28.6, 2, 7],
      ],
    ],
    // Of 5 who answered: Svn 3 (60%), Hg 2 (40%), then Git 1 and Cvs 1 (20% each) in column order.
    [
      'tools',
      'one column per option puts the largest first, ties in column order',
      [
        ['Svn', 60, 3, 5],
        ['Hg', 40, 2, 5],
        ['Git', 20, 1, 5],
        ['Cvs', 20, 1, 5],
      ],
    ],
  ])('buildChartData(%s): %s', (id, _, bars) => {
    expect(barsOf(chartOf(mixed, id))).toEqual(bars);
  });

  it('buildChartData(langs (multi, joined)) keeps the codebook order, shows labels and keeps values as keys', () => {
    // Of 4 who answered: Go 1 (25%), Rust 3 (75%), Python 2 (50%); each share rounded on its own.
    const chart = chartOf(mixed, 'langs');
    expect(barsOf(chart)).toEqual([
      ['Golang', 25, 1, 4],
      ['Rust', 75, 3, 4],
      ['Python', 50, 2, 4],
    ]);
    expect(chart!.categories.map((category) => category.key)).toEqual(['Go', 'Rust', 'Python']);
    expect(chart!.summary).toBe(
      'Bar chart of “Languages”, percentage of respondents who answered that chose each option: Golang 25.0%; Rust 75.0%; Python 50.0%.',
    );
  });

  it('buildChartData(rank (ranking)) charts the share who ranked each item first, largest first; ranked-at-all rows are not bars', () => {
    // Of 7 who ranked any: Speed 3/7 = 42.857 → 42.9, Safety 2/7 = 28.571 → 28.6, Cost 1/7 = 14.286 → 14.3.
    const chart = chartOf(mixed, 'rank');
    expect(chart!.measure).toBe('ranked_first');
    expect(barsOf(chart)).toEqual([
      ['Speed', 42.9, 3, 7],
      ['Safety', 28.6, 2, 7],
      ['Cost', 14.3, 1, 7],
    ]);
    expect(chart!.summary).toBe('Bar chart of “Priorities”, percentage of respondents who ranked each item first: Speed 42.9%; Safety 28.6%; Cost 14.3%.');
  });
});

describe('buildChartData on a numeric question', () => {
  // years 1…10, one each, plus two blanks. Type-7 quantiles of 10 sorted values:
  // p01 = 1 + 0.09 = 1.09, p99 = 9 + 0.91 = 9.91; whole numbers: step 1, start ⌊1.09⌋ = 1,
  // 9 bins: < 2, 2–3, …, 8–9, ≥ 9 (the last holds 9 and 10).
  const years = buildSurvey(['id,years', ...Array.from({ length: 10 }, (_, i) => `r${i + 1},${i + 1}`), 'r11,', 'r12,'].join('\n'), {
    codebook: { questions: { id: { kind: 'meta' }, years: { kind: 'numeric', label: 'Years' } } },
  });

  it.each([Infinity, 8, 1])('buildChartData(years, limit %s) draws every bin in order and hides none; mean and quartile rows are not bins', (limit) => {
    const chart = chartOf(years, 'years', { limit });
    expect(chart!.measure).toBe('bin');
    // One value per bin (10% of the 10 who answered) and two (20%) in the open last bin.
    expect(barsOf(chart)).toEqual([
      ['< 2', 10, 1, 10],
      ['2–3', 10, 1, 10],
      ['3–4', 10, 1, 10],
      ['4–5', 10, 1, 10],
      ['5–6', 10, 1, 10],
      ['6–7', 10, 1, 10],
      ['7–8', 10, 1, 10],
      ['8–9', 10, 1, 10],
      ['≥ 9', 20, 2, 10],
    ]);
    expect(chart!.hidden).toBe(0);
  });
});

describe('buildChartData with weights', () => {
  // tools (one column per option): Git chosen by r1 r2 r3 (weight 1 each), Svn by r4 r5 (weight 3 each).
  // Weighted base 3 + 6 = 9: Git 3/9 = 33.3%, Svn 6/9 = 66.7%; unweighted counts Git 3, Svn 2.
  const weighted = buildSurvey('id,w,tools[Git],tools[Svn]\nr1,1,x,\nr2,1,x,\nr3,1,x,\nr4,3,,x\nr5,3,,x', {
    codebook: { weight: 'w', questions: { id: { kind: 'meta' }, w: { kind: 'numeric' }, tools: { kind: 'multi', label: 'Tools' } } },
  });

  it('buildChartData(weighted tools) draws weighted percentages, largest first (Svn 66.7 before Git 33.3), counts unweighted', () => {
    expect(barsOf(chartOf(weighted, 'tools', {}, { weight: true }))).toEqual([
      ['Svn', 66.7, 2, 5],
      ['Git', 33.3, 3, 5],
    ]);
  });
});

/**
 * tests/fixtures/analysis-crosstab.csv, remote by team (worked in crosstab.test.ts):
 *            A     B     everyone who answered remote
 *   Yes      8     2     11 (respondent 21 has no team)
 *   No       2     8     10
 *   base    10    10     21
 * Holm-adjusted, Yes|A and No|B are significantly higher, Yes|B and No|A lower.
 */
describe('buildChartData(remote by team): segments as series', () => {
  const crosstabSurvey = fixtureSurvey('analysis-crosstab.csv', {
    questions: {
      id: { kind: 'meta' },
      team: { kind: 'single', options: ['A', 'B'] },
      remote: { kind: 'single', options: ['Yes', 'No'] },
      tools: { kind: 'multi' },
    },
  });
  const byTeam = (options: Partial<ChartOptions> = {}, query: Partial<AggregateQuery> = {}) =>
    chartOf(crosstabSurvey, 'remote', options, { by: 'team', ...query })!;

  it('buildChartData(…, segment series) → series A and B (everyone left out of the chart), 80/20 and 20/80', () => {
    const chart = byTeam();
    expect(chart.seriesKind).toBe('segment');
    expect(chart.series.map((series) => [series.key, series.label, series.base])).toEqual([
      ['A', 'A', 10],
      ['B', 'B', 10],
    ]);
    expect(chart.categories.map((category) => [category.label, ...category.cells.map((cell) => cell.percent)])).toEqual([
      ['Yes', 80, 20],
      ['No', 20, 80],
    ]);
  });

  it('buildChartData(…, includeAll) → everyone first (11/21 = 52.4%, 10/21 = 47.6%), then A and B', () => {
    const chart = byTeam({ includeAll: true });
    expect(chart.series.map((series) => series.label)).toEqual(['All respondents', 'A', 'B']);
    expect(chart.categories.map((category) => category.cells.map((cell) => cell.percent))).toEqual([
      [52.4, 80, 20],
      [47.6, 20, 80],
    ]);
  });

  it('buildChartData(…, no reliability threshold) → each cell carries its significance mark from the row flags', () => {
    expect(byTeam({ includeAll: true }, { unreliableBelow: 0 }).categories.map((category) => category.cells.map((cell) => cell.significance))).toEqual([
      [null, 'higher', 'lower'],
      [null, 'lower', 'higher'],
    ]);
  });

  it('buildChartData(…, threshold 11) → both base-10 segments suppressed: left out and named, no series drawn', () => {
    const chart = byTeam({}, { suppressBelow: 11 });
    expect(chart.suppressedSeries).toEqual(['A', 'B']);
    expect(chart.series).toEqual([]);
    expect(chart.categories.every((category) => category.cells.length === 0)).toBe(true);
  });

  it('buildChartData(…, overlapping) → says shares overlap (multi-select segments)', () => {
    expect(byTeam({ overlapping: true }).overlapping).toBe(true);
  });
});

describe('buildChartData across waves (analysis-trend-*.csv, arrangement)', () => {
  // Bases 8, 12, 10 (aggregate-view.test.ts): 2020 Office 3 Hybrid 0 Remote 5; 2021 4, 2, 6; 2022 2, 5, 3.
  const codebook: Codebook = {
    questions: {
      id: { kind: 'meta' },
      role: { kind: 'single' },
      arrangement: { kind: 'single', aliases: ['setup'], options: ['Office', 'Hybrid', 'Remote'] },
      editor: { kind: 'single' },
      years: { kind: 'numeric' },
    },
  };
  const data: DatasetWaves = {
    id: 'trend',
    waves: ['2020', '2021', '2022'].map((id) => ({ id, survey: fixtureSurvey(`analysis-trend-${id}.csv`, codebook) })),
  };
  const trend = (suppressBelow: number) => {
    const rows = aggregateView(data, { questionId: 'arrangement', filters: [], baseRule: 'answered', suppressBelow }, '').rows;
    return buildChartData(questionOf(data.waves[2].survey, 'arrangement'), rows, { limit: Infinity, activeValues: new Set(), seriesBy: 'wave' })!;
  };

  it('buildChartData(seriesBy wave, threshold 0) → one series per wave, shares adding to 100 in each', () => {
    // 2020: 3/8 = 37.5, 0, 5/8 = 62.5; 2021: 4/12 = 33.3, 2/12 = 16.7, 6/12 = 50; 2022: 20, 50, 30
    const chart = trend(0);
    expect(chart.seriesKind).toBe('wave');
    expect(chart.series.map((series) => [series.label, series.base])).toEqual([
      ['2020', 8],
      ['2021', 12],
      ['2022', 10],
    ]);
    expect(chart.categories.map((category) => [category.label, ...category.cells.map((cell) => cell.percent)])).toEqual([
      ['Office', 37.5, 33.3, 20],
      ['Hybrid', 0, 16.7, 50],
      ['Remote', 62.5, 50, 30],
    ]);
  });

  it('buildChartData(seriesBy wave, threshold 10) → 2020 (base 8) left out and named', () => {
    const chart = trend(10);
    expect(chart.suppressedSeries).toEqual(['2020']);
    expect(chart.series.map((series) => series.label)).toEqual(['2021', '2022']);
  });
});
