import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trendAcrossWaves, type TrendPoint, type Wave } from '../../../lib/analysis/trends';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import type { Filter } from '../../../lib/analysis/filters';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';

/**
 * Three waves, each from its own small CSV (tests/fixtures/analysis-trend-<year>.csv).
 * In 2020 the work-arrangement column was called "setup"; the codebook's alias maps it to
 * "arrangement". "editor" was first asked in 2021.
 *
 *   2020 (10): setup        Remote {1,2,4,7,10} = 5, Office {3,6,9} = 3, blank {5,8}     → base 8
 *              role Dev {1,2,4,6,8,10}: Remote {1,2,4,10} 4, Office {6} 1, blank {8}   → base 5
 *   2021 (12): arrangement  Remote {1,2,5,7,10,12} = 6, Office {3,6,9,11} = 4, Hybrid {4,8} = 2 → base 12
 *              role Dev {1,2,4,6,8,10,12}: Remote 4 {1,2,10,12}, Office 1 {6}, Hybrid 2 {4,8} → base 7
 *              editor VS Code {2,3,5,7,8,10,12} = 7, Vim {1,4,9} = 3, Emacs {6,11} = 2     → base 12
 *   2022 (11): arrangement  Hybrid {1,3,5,8,10} = 5, Remote {2,6,11} = 3, Office {4,9} = 2, blank {7} → base 10
 *              role Dev {1,2,4,6,8,10,11}: Hybrid 3 {1,8,10}, Remote 3 {2,6,11}, Office 1 {4} → base 7
 *              editor VS Code {1,3,4,6,8,10,11} = 7, Vim {2,7} = 2, Emacs {9} = 1, blank {5} → base 10
 */
const read = (year: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/analysis-trend-${year}.csv`, import.meta.url)), 'utf8');
const questions: NonNullable<Codebook['questions']> = {
  id: { kind: 'meta' },
  role: { kind: 'single' },
  arrangement: { kind: 'single', aliases: ['setup'], options: ['Office', 'Hybrid', 'Remote'] },
  editor: { kind: 'single' },
  years: { kind: 'numeric' },
};
const wavesWith = (codebook: Codebook): Wave[] => ['2020', '2021', '2022'].map((id) => ({ id, survey: buildSurvey(read(id), { codebook }) }));
const waves = wavesWith({ questions });
const settings = () => DEFAULT_SETTINGS;
const shares = (point: TrendPoint) => point.figures?.figures.map((figure) => [figure.value, figure.count, figure.base, figure.share]);

describe('trendAcrossWaves', () => {
  it('trendAcrossWaves(arrangement) → one point per wave, each with its own base (8, 12, 10), no problems', () => {
    const trend = trendAcrossWaves(waves, 'arrangement', [], settings);
    expect(trend.map((point) => [point.wave, point.figures?.base, point.problems])).toEqual([
      ['2020', 8, []],
      ['2021', 12, []],
      ['2022', 10, []],
    ]);
  });

  it('trendAcrossWaves(arrangement) → Remote 5/8 (62.5%) → 6/12 (50%) → 3/10 (30%); Hybrid 0 in 2020 (not asked of anyone), 2/12, 5/10', () => {
    const trend = trendAcrossWaves(waves, 'arrangement', [], settings);
    expect(trend.map(shares)).toEqual([
      [
        ['Office', 3, 8, 0.375],
        ['Hybrid', 0, 8, 0],
        ['Remote', 5, 8, 0.625],
      ],
      [
        ['Office', 4, 12, 4 / 12],
        ['Hybrid', 2, 12, 2 / 12],
        ['Remote', 6, 12, 0.5],
      ],
      [
        ['Office', 2, 10, 0.2],
        ['Hybrid', 5, 10, 0.5],
        ['Remote', 3, 10, 0.3],
      ],
    ]);
  });

  it('trendAcrossWaves(arrangement, role = Dev) filters each wave: Remote 4/5, 4/7, 3/7', () => {
    const filters: Filter[] = [{ question: 'role', op: 'in', values: ['Dev'] }];
    const trend = trendAcrossWaves(waves, 'arrangement', filters, settings);
    expect(trend.map((point) => point.figures!.figures.map((figure) => [figure.value, figure.count, figure.base]))).toEqual([
      [
        ['Office', 1, 5],
        ['Hybrid', 0, 5],
        ['Remote', 4, 5],
      ],
      [
        ['Office', 1, 7],
        ['Hybrid', 2, 7],
        ['Remote', 4, 7],
      ],
      [
        ['Office', 1, 7],
        ['Hybrid', 3, 7],
        ['Remote', 3, 7],
      ],
    ]);
  });

  it('trendAcrossWaves(editor) → 2020 lacks the question and says so; 2021 VS Code 7/12, 2022 7/10', () => {
    const trend = trendAcrossWaves(waves, 'editor', [], settings);
    expect(trend[0]).toEqual({ wave: '2020', problems: ['wave 2020 has no question "editor"'] });
    expect(trend[0].figures).toBeUndefined();
    expect(trend.slice(1).map((point) => point.figures!.figures.map((figure) => [figure.value, figure.count, figure.base]))).toEqual([
      [
        ['VS Code', 7, 12],
        ['Vim', 3, 12],
        ['Emacs', 2, 12],
      ],
      [
        ['VS Code', 7, 10],
        ['Vim', 2, 10],
        ['Emacs', 1, 10],
      ],
    ]);
  });

  it('trendAcrossWaves(arrangement) without the alias → 2020 reports no "arrangement" (its column is "setup")', () => {
    const { arrangement, ...rest } = questions;
    const { aliases, ...withoutAlias } = arrangement;
    expect(aliases).toEqual(['setup']);
    const trend = trendAcrossWaves(wavesWith({ questions: { ...rest, arrangement: withoutAlias } }), 'arrangement', [], settings);
    expect(trend.map((point) => [point.wave, point.figures?.base ?? null, point.problems])).toEqual([
      ['2020', null, ['wave 2020 has no question "arrangement"']],
      ['2021', 12, []],
      ['2022', 10, []],
    ]);
  });

  it('trendAcrossWaves(arrangement, editor = Vim) reports the filter in 2020, which has no "editor"', () => {
    const trend = trendAcrossWaves(waves, 'arrangement', [{ question: 'editor', op: 'in', values: ['Vim'] }], settings);
    expect(trend[0].problems).toEqual(['there is no question "editor"; questions are "id", "role", "arrangement", "years"']);
    // 2021 Vim {1,4,9}: Remote, Hybrid, Office → base 3; 2022 Vim {2,7}: Remote, blank → base 1
    expect(trend[1].figures!.figures.map((figure) => figure.count)).toEqual([1, 1, 1]);
    expect(trend[2].figures!.base).toBe(1);
    expect(trend.slice(1).map((point) => point.problems)).toEqual([[], []]);
  });

  it('trendAcrossWaves(id) → every wave says the metadata column is not aggregated', () => {
    const trend = trendAcrossWaves(waves, 'id', [], settings);
    expect(trend.map((point) => [point.figures, point.problems])).toEqual([
      [undefined, ['"id" is meta: not aggregated']],
      [undefined, ['"id" is meta: not aggregated']],
      [undefined, ['"id" is meta: not aggregated']],
    ]);
  });

  it("trendAcrossWaves(years) bins every wave with the latest wave's edges 1, 2, …, 9 (outer bins open-ended)", () => {
    // 2022 years 1…10 (11 blank): 1st percentile = 1 + 0.09·1 = 1.09, 99th = 9 + 0.91·1 = 9.91;
    // niceStep(8.82, 12): 0.735 → 10 × 0.1 = 1; start ⌊1.09⌋ = 1; ⌈(9.91 − 1)/1⌉ = 9 bins: [1,2) … [8,9), [9,∞),
    // the first also taking anything below 1.
    const trend = trendAcrossWaves(waves, 'years', [], settings);
    for (const point of trend) expect(point.figures!.figures.map((figure) => figure.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(trend.map((point) => point.figures!.measure)).toEqual(['bin', 'bin', 'bin']);
    expect(trend.map((point) => [point.figures!.base, point.figures!.figures.map((figure) => figure.count)])).toEqual([
      // 2020: 0.5, 1 → first bin; 3, 3, 3 → [3,4); 15, 20, 12 → [9,∞); two blanks → base 8
      [8, [2, 0, 3, 0, 0, 0, 0, 0, 3]],
      // 2021: 1 … 12, one per bin until 9; 9, 10, 11, 12 → [9,∞)
      [12, [1, 1, 1, 1, 1, 1, 1, 1, 4]],
      // 2022: 1 … 10; 9 and 10 → [9,∞)
      [10, [1, 1, 1, 1, 1, 1, 1, 1, 2]],
    ]);
    expect(trend[2].figures!.figures.at(-1)!.label).toBe('≥ 9'); // 2022 holds 10 ≥ 9 + 1
  });

  it('trendAcrossWaves(years): the 2020 bin holding the answer 0.5 is labelled "< 2", not "1–2"', () => {
    // The shared first bin is open below (from −∞). 2020 counts 0.5 in it, so a label of "1–2" would
    // tell the reader that a respondent who answered 0.5 answered between 1 and 2.
    const trend = trendAcrossWaves(waves, 'years', [], settings);
    const first = trend[0].figures!.figures[0];
    expect(first.count).toBe(2); // 0.5 and 1
    expect(first.label).toBe('< 2');
  });
});
