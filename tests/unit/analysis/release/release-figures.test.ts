import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateRow } from '../../../../lib/analysis/aggregate-row';
import { configureCellKeys } from '../../../../lib/analysis/cell-key';
import { loadSurveyFile } from '../../../../lib/store/load-survey-file';
import type { Codebook } from '../../../../lib/survey/codebook-schema';
import type { Survey } from '../../../../lib/survey/types';
import { toAggregateQuery } from '../../../../lib/view/figures/to-aggregate-query';
import { computeCrosstabs } from '../../../../lib/view/figures/compute-crosstabs';
import { parseViewState } from '../../../../lib/view/state/parse-view-state';
import { resolveViewState } from '../../../../lib/view/state/resolve-view-state';
import { viewDefaultsOf } from '../../../../lib/view/state/view-defaults';
import type { ViewDefaults } from '../../../../lib/view/state/view-state';

/**
 * Public mode's release on the bundled sample's 2022 wave (6,400 respondents; the codebook's
 * breakdowns are region, company size and work arrangement): every count a sum of released cells,
 * every other figure derived from them. The truth each check compares with is the analyst view of
 * the same question (figures equal to R, tests/unit/analysis/r-oracle.test.ts).
 */
const root = path.resolve(__dirname, '../../../..');
const codebook: Codebook = JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8'));
let survey: Survey;
const waves = () => [{ id: '2022', survey }];
const defaultsOf = (mode: 'analyst' | 'public'): ViewDefaults => viewDefaultsOf({ waves: [{ id: '2022' }], codebook }, mode);

beforeAll(async () => {
  configureCellKeys('release-figures-test-secret-0123');
  survey = await loadSurveyFile(path.join(root, 'data/state-of-engineers/2022.csv'), { codebook });
});

function rows(mode: 'analyst' | 'public', query: string, question: string): { rows: AggregateRow[]; problems: string[] } {
  const defaults = defaultsOf(mode);
  const state = resolveViewState(parseViewState(new URLSearchParams(query), defaults).value, survey).value;
  const result = aggregateView({ id: 'sample', waves: waves() }, toAggregateQuery(state, question, defaults), '');
  return { rows: [...result.rows], problems: [...result.problems] };
}

const main = (list: AggregateRow[], segment = '(all)') =>
  list.filter((row) => ['share', 'ranked_first', 'bin'].includes(row.measure) && row.segment === segment);
const byOption = (list: AggregateRow[]) => new Map(list.map((row) => [row.keys.option, row]));

describe('releaseFigures: every count a released cell', () => {
  it.each(['role', 'languages', 'hot_trends', 'job_satisfaction', 'salary_usd'])(
    '%s: every published count within ±2 of the true count, a true 0 stays 0',
    (question) => {
      const truth = byOption(main(rows('analyst', '_weight=0', question).rows));
      const published = main(rows('public', '_weight=0', question).rows);
      expect(published.length).toBe(truth.size);
      for (const row of published) {
        const exact = truth.get(row.keys.option)!.count!;
        expect(Math.abs(row.count! - exact), `${question} ${row.option}`).toBeLessThanOrEqual(2);
        if (exact === 0) expect(row.count).toBe(0);
      }
    },
  );

  it('role (single choice): the base is the sum of the published counts, so the shares add up to 100', () => {
    const published = main(rows('public', '_weight=0', 'role').rows);
    const base = published[0].base!;
    expect(published.every((row) => row.base === base)).toBe(true);
    expect(published.reduce((sum, row) => sum + row.count!, 0)).toBe(base);
    expect(published.reduce((sum, row) => sum + row.percent!, 0)).toBeCloseTo(100, 9);
  });

  it('a filter on two regions is the sum of each region’s published cells: a union is never a count of its own (attack 7)', () => {
    const regions = main(rows('analyst', '', 'region').rows).map((row) => row.keys.option);
    const [first, second] = regions;
    const each = [first, second].map((region) => byOption(main(rows('public', `region=${encodeURIComponent(region)}&_weight=0`, 'role').rows)));
    const both = main(rows('public', `region=${encodeURIComponent(first)}&region=${encodeURIComponent(second)}&_weight=0`, 'role').rows);
    for (const row of both) expect(row.count).toBe(each[0].get(row.keys.option)!.count! + each[1].get(row.keys.option)!.count!);
    // “is not” the other regions gives the same cells again.
    const others = regions.filter((region) => region !== first && region !== second);
    const not = main(rows('public', `${others.map((region) => `region__not=${encodeURIComponent(region)}`).join('&')}&_weight=0`, 'role').rows);
    expect(not.map((row) => row.count)).toEqual(both.map((row) => row.count));
  });

  it('the same view asked twice, or spelled differently, gives the same figures', () => {
    const once = rows('public', 'region=Europe', 'languages').rows;
    expect(rows('public', 'region=europe', 'languages').rows.map((row) => row.count)).toEqual(once.map((row) => row.count));
  });

  it('weighted counts sit on a grid of 0.1, so no ratio to the count gives the true count back (attack 3)', () => {
    for (const row of rows('public', 'company_size=1-10', 'role').rows.filter((candidate) => candidate.weighted_count !== null)) {
      expect(Math.abs(row.weighted_count! * 10 - Math.round(row.weighted_count! * 10))).toBeLessThan(1e-6);
      expect(Math.abs(row.weighted_base! * 10 - Math.round(row.weighted_base! * 10))).toBeLessThan(1e-6);
    }
  });

  it('salary: the mean to three significant digits, no minimum or maximum, quartiles from the published histogram (attack 5)', () => {
    const published = rows('public', 'region=Europe', 'salary_usd').rows;
    const measures = published.map((row) => row.measure);
    expect(measures).not.toContain('min');
    expect(measures).not.toContain('max');
    const truth = byOption(
      rows('analyst', 'region=Europe', 'salary_usd')
        .rows.filter((row) => row.measure === 'mean')
        .map((row) => ({ ...row, keys: { ...row.keys, option: 'mean' } })),
    );
    const mean = published.find((row) => row.measure === 'mean')!;
    expect(Number(mean.value!.toPrecision(3))).toBe(mean.value);
    // Within a few percent of the true mean: noise of ± the interquartile range over hundreds of respondents.
    expect(Math.abs(mean.value! / truth.get('mean')!.value! - 1)).toBeLessThan(0.05);
    for (const measure of ['median', 'q1', 'q3']) {
      const row = published.find((candidate) => candidate.measure === measure)!;
      expect(row.value === null || Number(row.value.toPrecision(3)) === row.value).toBe(true);
    }
  });

  it('a mean over fewer than 30 respondents is withheld', () => {
    const small = main(rows('analyst', '', 'region').rows).sort((a, b) => a.count! - b.count!)[0];
    if (small.count! >= 30) return;
    const mean = rows('public', `region=${encodeURIComponent(small.keys.option)}`, 'salary_usd').rows.find((row) => row.measure === 'mean');
    expect(mean?.value ?? null).toBeNull();
  });

  it('a filter on a question that is not a breakdown, or two breakdowns at once, gives no figures', () => {
    expect(rows('public', 'role=Data+Scientist', 'languages')).toMatchObject({
      rows: [],
      problems: [expect.stringMatching(/not a breakdown of this release/)],
    });
    expect(rows('public', 'region=Europe&company_size=1-10', 'languages').rows).toEqual([]);
    expect(rows('public', 'region=Europe&_by=company_size', 'languages').problems.join(' ')).toMatch(/not a breakdown this view can add/);
  });

  it('compared by a breakdown: each segment’s counts are its own released cells, and the overall row is the one-way table', () => {
    const compared = rows('public', '_by=work_arrangement&_weight=0', 'role').rows;
    const overall = main(rows('public', '_weight=0', 'role').rows);
    expect(main(compared).map((row) => row.count)).toEqual(overall.map((row) => row.count));
    const onSite = main(rows('public', 'work_arrangement=On-site&_weight=0', 'role').rows);
    expect(main(compared, 'On-site').map((row) => row.count)).toEqual(onSite.map((row) => row.count));
  });

  it('a trend’s change in points is the difference of the two published shares, not of the true ones (attack 4)', () => {
    const defaults = viewDefaultsOf({ waves: [{ id: '2021' }, { id: '2022' }], codebook }, 'public');
    const earlier = { id: '2021', survey: survey };
    const state = resolveViewState(parseViewState(new URLSearchParams('_wave=all&_weight=0'), defaults).value, survey).value;
    const trend = aggregateView({ id: 'sample', waves: [earlier, { id: '2022', survey }] }, toAggregateQuery(state, 'role', defaults), '').rows;
    for (const row of trend.filter((candidate) => candidate.wave === '2022' && candidate.measure === 'share' && candidate.change_points !== null)) {
      const before = trend.find((candidate) => candidate.wave === '2021' && candidate.measure === 'share' && candidate.keys.option === row.keys.option)!;
      expect(row.change_points!).toBeCloseTo(row.percent! - before.percent!, 6);
    }
  });

  it('crosstab role × region: every total percentage is a published count over the sum of the published column bases (attack 6)', () => {
    const defaults = defaultsOf('public');
    const state = resolveViewState(parseViewState(new URLSearchParams('_rows=role&_cols=region&_weight=0'), defaults).value, survey).value;
    const [table] = computeCrosstabs('sample', { id: '2022', survey }, state, defaults).tables;
    const cells = table.rows.filter((row) => row.column_option !== 'Total' && row.keys.column !== '(total)');
    const columns = new Map(cells.map((row) => [row.keys.column, row.column_base!]));
    const total = [...columns.values()].reduce((a, b) => a + b, 0);
    for (const row of cells.filter((cell) => cell.count !== null)) expect(row.total_percent!).toBeCloseTo((100 * row.count!) / total, 9);
  });
});
