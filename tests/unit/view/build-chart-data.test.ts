import { describe, expect, it } from 'vitest';
import { selectAll } from '../../../lib/analysis/selection';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import { summarizeQuestion } from '../../../lib/analysis/summarize-question';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { Survey } from '../../../lib/survey/types';
import { buildChartData } from '../../../lib/view/build-chart-data';

const questionOf = (survey: Survey, id: string) => survey.questions.find((q) => q.id === id)!;

/** The chart of one question over every respondent, as the overview and question pages ask for it. */
function chartOf(survey: Survey, id: string, limit?: number) {
  const question = questionOf(survey, id);
  return buildChartData(question, summarizeQuestion(question, selectAll(survey.size)), limit);
}

const labelsOf = (chart: ReturnType<typeof chartOf>) => chart!.bars.map((bar) => bar.label);

/**
 * A single-choice question with twelve options A–L (codebook order) answered by 50 of 52
 * respondents: A 3, B 9, C 8, D 1, E 7, F 6, G 5, H 4, I 3, J 0, K 4, L 0 (sum 50), two blanks.
 * Every share is count/50 = 2 × count percent exactly, so largest remainder changes nothing.
 * By count (ties in option order): B 9, C 8, E 7, F 6, G 5, H 4, K 4, A 3, I 3, D 1, J 0, L 0.
 */
const TOOL_COUNTS: [string, number][] = [['A', 3], ['B', 9], ['C', 8], ['D', 1], ['E', 7], ['F', 6], ['G', 5], ['H', 4], ['I', 3], ['J', 0], ['K', 4], ['L', 0]];
const toolRows = [...TOOL_COUNTS.flatMap(([option, count]) => Array.from({ length: count }, () => option)), '', ''];
const toolSurvey = buildSurvey(['id,tool', ...toolRows.map((tool, i) => `r${i + 1},${tool}`)].join('\n'), {
  codebook: {
    questions: {
      id: { kind: 'meta' },
      tool: { kind: 'single', label: 'Favourite tool', options: TOOL_COUNTS.map(([option]) => option) },
    },
  },
});

describe('buildChartData on a twelve-option single-choice question', () => {
  it('the tool survey has 52 respondents, 50 of whom answered', () => {
    expect(toolSurvey.size).toBe(52);
    expect(questionOf(toolSurvey, 'tool').answeredCount).toBe(50);
  });

  it('buildChartData(tool, summary, 8) draws the eight largest options in option order and hides four', () => {
    // Eight largest: B, C, E, F, G, H, K and A (A and I tie on 3 at the cut; A comes first).
    // In option order: A 3, B 9, C 8, E 7, F 6, G 5, H 4, K 4, each of the 50 who answered.
    expect(chartOf(toolSurvey, 'tool', 8)).toEqual({
      measure: 'share',
      bars: [
        { label: 'A', value: 6, count: 3, base: 50 },
        { label: 'B', value: 18, count: 9, base: 50 },
        { label: 'C', value: 16, count: 8, base: 50 },
        { label: 'E', value: 14, count: 7, base: 50 },
        { label: 'F', value: 12, count: 6, base: 50 },
        { label: 'G', value: 10, count: 5, base: 50 },
        { label: 'H', value: 8, count: 4, base: 50 },
        { label: 'K', value: 8, count: 4, base: 50 },
      ],
      // D 1, I 3, J 0, L 0 are left out.
      hidden: 4,
      summary:
        'Bar chart of “Favourite tool”, percentage of respondents who answered that chose each option: ' +
        'A 6.0%; B 18.0%; C 16.0%; E 14.0%; F 12.0%; G 10.0%; H 8.0%; K 8.0%. 4 smaller options are not shown.',
    });
  });

  it.each([
    // No limit: all twelve, zero-count options included.
    [undefined, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'], 0],
    [12, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'], 0],
    // 12 options < 10 + 3: hiding only two would cost a caption and save little, so all stay.
    [10, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'], 0],
    // 12 ≥ 9 + 3: the nine largest (B C E F G H K A I), in option order; D, J, L hidden.
    [9, ['A', 'B', 'C', 'E', 'F', 'G', 'H', 'I', 'K'], 3],
    [8, ['A', 'B', 'C', 'E', 'F', 'G', 'H', 'K'], 4],
    // The three largest: B 9, C 8, E 7.
    [3, ['B', 'C', 'E'], 9],
    [1, ['B'], 11],
  ])('buildChartData(tool, summary, limit %s) draws %j and hides %i', (limit, labels, hidden) => {
    const chart = chartOf(toolSurvey, 'tool', limit);
    expect(labelsOf(chart)).toEqual(labels);
    expect(chart!.hidden).toBe(hidden);
    expect(chart!.bars.length + chart!.hidden).toBe(12);
  });

  it('buildChartData(tool, summary) with nothing hidden ends its summary after the bars', () => {
    const chart = chartOf(toolSurvey, 'tool');
    // All twelve at 2 × count percent: D 1 → 2.0%, J and L 0 → 0.0%.
    expect(chart!.summary).toBe(
      'Bar chart of “Favourite tool”, percentage of respondents who answered that chose each option: ' +
        'A 6.0%; B 18.0%; C 16.0%; D 2.0%; E 14.0%; F 12.0%; G 10.0%; H 8.0%; I 6.0%; J 0.0%; K 8.0%; L 0.0%.',
    );
  });

  it('buildChartData(tool, summary, 8) leaves the summary\'s buckets in their own order', () => {
    const question = questionOf(toolSurvey, 'tool');
    const summary = summarizeQuestion(question, selectAll(toolSurvey.size));
    buildChartData(question, summary, 8);
    if (summary.type !== 'choice') throw new Error(summary.type);
    expect(summary.buckets.map((bucket) => bucket.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
  });

  it('buildChartData(tool, summary, 8) is plain data: it survives JSON and structuredClone unchanged', () => {
    const chart = chartOf(toolSurvey, 'tool', 8)!;
    expect(Object.keys(chart).sort()).toEqual(['bars', 'hidden', 'measure', 'summary']);
    for (const bar of chart.bars) {
      expect(Object.keys(bar).sort()).toEqual(['base', 'count', 'label', 'value']);
      expect([typeof bar.label, typeof bar.value, typeof bar.count, typeof bar.base]).toEqual(['string', 'number', 'number', 'number']);
      expect(Object.getPrototypeOf(bar)).toBe(Object.prototype);
    }
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
    expect(structuredClone(chart)).toEqual(chart);
  });
});

/**
 * Eight respondents r1–r8 (r8 answered nothing):
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
  it('the mixed survey has the kinds and layouts the codebook pins', () => {
    expect(mixed.questions.map((q) => [q.id, q.kind, 'layout' in q ? q.layout : undefined])).toEqual([
      ['id', 'meta', undefined],
      ['sat', 'likert', undefined],
      ['langs', 'multi', 'joined'],
      ['tools', 'multi', 'columns'],
      ['rank', 'ranking', 'columns'],
      ['note', 'text', undefined],
    ]);
  });

  it('buildChartData(sat (likert)) keeps scale order, not count order', () => {
    // Of 7 who answered: SD 1, D 0, A 4, SA 2. Tenths 142.857, 0, 571.429, 285.714 floor to
    // 142 + 0 + 571 + 285 = 998; the two missing go to the largest remainders (.857 SD, .714 SA).
    expect(chartOf(mixed, 'sat', 8)).toMatchObject({
      measure: 'share',
      bars: [
        { label: 'Strongly disagree', value: 14.3, count: 1, base: 7 },
        { label: 'Disagree', value: 0, count: 0, base: 7 },
        { label: 'Agree', value: 57.1, count: 4, base: 7 },
        { label: 'Strongly agree', value: 28.6, count: 2, base: 7 },
      ],
      hidden: 0,
    });
  });

  it('buildChartData(langs (multi, joined)) keeps the codebook order and shows option labels', () => {
    // Of 4 who answered: Go 1 (25%), Rust 3 (75%), Python 2 (50%); each share rounded on its own.
    expect(chartOf(mixed, 'langs', 8)).toEqual({
      measure: 'share',
      bars: [
        { label: 'Golang', value: 25, count: 1, base: 4 },
        { label: 'Rust', value: 75, count: 3, base: 4 },
        { label: 'Python', value: 50, count: 2, base: 4 },
      ],
      hidden: 0,
      summary: 'Bar chart of “Languages”, percentage of respondents who answered that chose each option: Golang 25.0%; Rust 75.0%; Python 50.0%.',
    });
  });

  it('buildChartData(tools (multi, one column per option)) puts the largest first, ties in column order', () => {
    // Of 5 who answered: Svn 3 (60%), Hg 2 (40%), then Git 1 and Cvs 1 (20% each) in column order.
    expect(chartOf(mixed, 'tools', 8)!.bars).toEqual([
      { label: 'Svn', value: 60, count: 3, base: 5 },
      { label: 'Hg', value: 40, count: 2, base: 5 },
      { label: 'Git', value: 20, count: 1, base: 5 },
      { label: 'Cvs', value: 20, count: 1, base: 5 },
    ]);
  });

  it('buildChartData(rank (ranking)) charts the share who ranked each item first, largest first', () => {
    // Of 7 who ranked any: Speed 3/7 = 42.857 → 42.9, Safety 2/7 = 28.571 → 28.6, Cost 1/7 = 14.286 → 14.3.
    expect(chartOf(mixed, 'rank', 8)).toEqual({
      measure: 'firstRank',
      bars: [
        { label: 'Speed', value: 42.9, count: 3, base: 7 },
        { label: 'Safety', value: 28.6, count: 2, base: 7 },
        { label: 'Cost', value: 14.3, count: 1, base: 7 },
      ],
      hidden: 0,
      summary: 'Bar chart of “Priorities”, percentage of respondents who ranked each item first: Speed 42.9%; Safety 28.6%; Cost 14.3%.',
    });
  });

  it.each(['note', 'id'])('buildChartData(%s (text/meta)) is undefined: not charted', (id) => {
    expect(chartOf(mixed, id, 8)).toBeUndefined();
  });
});

describe('buildChartData on a numeric question', () => {
  // years 1…10, one each, plus two blanks. Type-7 quantiles of 10 sorted values:
  // p01 = 1 + 0.09 = 1.09, p95 = 9 + 0.55 = 9.55, p99 = 9 + 0.91 = 9.91; 9.91 − 1.09 = 8.82 is not
  // > 3 × 8.46, so the top is p99. Whole numbers: step max(1, nice(8.82 / 12 = 0.735 → 1)) = 1,
  // start ⌊1.09⌋ = 1, ⌈8.91⌉ = 9 bins: < 2, 2–3, …, 8–9, ≥ 9 (the last holds 9 and 10).
  const years = buildSurvey(['id,years', ...Array.from({ length: 10 }, (_, i) => `r${i + 1},${i + 1}`), 'r11,', 'r12,'].join('\n'), {
    codebook: { questions: { id: { kind: 'meta' }, years: { kind: 'numeric', label: 'Years' } } },
  });
  const binLabels = ['< 2', '2–3', '3–4', '4–5', '5–6', '6–7', '7–8', '8–9', '≥ 9'];

  it.each([undefined, 8, 1])('buildChartData(years, summary, limit %s) draws every bin in order and hides none', (limit) => {
    const chart = chartOf(years, 'years', limit)!;
    expect(chart.measure).toBe('histogram');
    expect(labelsOf(chart)).toEqual(binLabels);
    // One value per bin (10% of the 10 who answered) and two (20%) in the open last bin.
    expect(chart.bars.map((bar) => [bar.value, bar.count, bar.base])).toEqual([
      [10, 1, 10], [10, 1, 10], [10, 1, 10], [10, 1, 10], [10, 1, 10], [10, 1, 10], [10, 1, 10], [10, 1, 10], [20, 2, 10],
    ]);
    expect(chart.hidden).toBe(0);
  });

  it('buildChartData(years) describes the histogram as shares of respondents who answered', () => {
    expect(chartOf(years, 'years')!.summary).toBe(
      'Bar chart of “Years”, distribution of answers, as a percentage of respondents who answered: ' +
        '< 2 10.0%; 2–3 10.0%; 3–4 10.0%; 4–5 10.0%; 5–6 10.0%; 6–7 10.0%; 7–8 10.0%; 8–9 10.0%; ≥ 9 20.0%.',
    );
  });
});

describe('buildChartData with weights', () => {
  // tools (one column per option): Git chosen by r1 r2 r3 (weight 1 each), Svn by r4 r5 (weight 3 each).
  // Weighted base 3 + 6 = 9: Git 3/9 = 33.3%, Svn 6/9 = 66.7%; unweighted counts Git 3, Svn 2.
  const weighted = buildSurvey('id,tools[Git],tools[Svn]\nr1,x,\nr2,x,\nr3,x,\nr4,,x\nr5,,x', {
    codebook: { questions: { id: { kind: 'meta' }, tools: { kind: 'multi', label: 'Tools' } } },
  });
  const weights = Float64Array.from([1, 1, 1, 3, 3]);

  it('buildChartData(weighted tools (multi, one column per option)) puts the largest bar it draws first', () => {
    const question = questionOf(weighted, 'tools');
    const chart = buildChartData(question, summarizeQuestion(question, selectAll(weighted.size), { ...DEFAULT_SETTINGS, weights }), 8)!;
    // The bars show weighted percentages, so "largest first" must mean by those: Svn 66.7 before Git 33.3.
    // Counts stay unweighted respondents (the page says so), hence Svn's count 2 < Git's 3.
    expect(chart.bars).toEqual([
      { label: 'Svn', value: 66.7, count: 2, base: 5 },
      { label: 'Git', value: 33.3, count: 3, base: 5 },
    ]);
  });
});
