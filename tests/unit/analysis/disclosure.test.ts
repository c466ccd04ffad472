import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import type { AggregateRow } from '../../../lib/analysis/aggregate-row';
import { configureCellKeys, perturbCount } from '../../../lib/analysis/cell-key';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { Survey } from '../../../lib/survey/types';
import { parseViewState } from '../../../lib/view/state/parse-view-state';
import { resolveViewState } from '../../../lib/view/state/resolve-view-state';
import { buildResponsesView } from '../../../lib/view/responses/responses-view';
import { buildFrame } from '../../../lib/view/figures/build-frame';
import { toAggregateQuery } from '../../../lib/view/figures/to-aggregate-query';
import { viewDefaultsOf } from '../../../lib/view/state/view-defaults';
import type { ViewDefaults } from '../../../lib/view/state/view-state';
import { fixtureSurvey } from '../helpers/fixture-survey';

/**
 * The privacy suite (issue 16, attacks 1–5, and issue 21's release), on the bundled sample's 2022
 * wave with the group G = region=Oceania & company_size=1-10 & work_arrangement=On-site, and on a
 * tiny fixture whose group of 4 is Oceania & small & Onsite. Each attack is run as a reader's URL
 * would run it, in the analyst mode and the public one; a test fails if the attack still works
 * where it must not. Public mode answers only from its release: a three-field group is not asked
 * at all (tests/attack/ runs the attacks over every small group against the production server).
 */

interface Case {
  name: string;
  survey: () => Promise<Survey>;
  codebook: Codebook;
  /** The group's filters as a query, the larger group's, and the complement's. */
  group: string;
  outer: string;
  complement: string;
  role: string;
  numeric: string;
  weight: string;
  /** The hidden group's true role counts (counted from the CSV by hand for the fixture; by the analyst view for the sample). */
}

const root = path.resolve(__dirname, '../../..');
const sampleCodebook = (): Codebook => JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8'));

const CASES: Case[] = [
  {
    name: 'bundled sample 2022',
    survey: () => loadSurveyFile(path.join(root, 'data/state-of-engineers/2022.csv'), { codebook: sampleCodebook() }),
    codebook: sampleCodebook(),
    group: 'region=Oceania&company_size=1-10&work_arrangement=On-site',
    outer: 'region=Oceania&company_size=1-10',
    complement: 'region=Oceania&company_size=1-10&work_arrangement__not=On-site',
    role: 'role',
    numeric: 'salary_usd',
    weight: 'salary_usd',
  },
  {
    name: 'tiny fixture',
    survey: async () =>
      fixtureSurvey('disclosure-tiny.csv', {
        weight: 'w',
        publicBreakdowns: ['region', 'size', 'setup'],
        questions: { id: { kind: 'meta' }, comment: { kind: 'text' } },
      }),
    codebook: { weight: 'w', publicBreakdowns: ['region', 'size', 'setup'], questions: { id: { kind: 'meta' }, comment: { kind: 'text' } } },
    group: 'region=Oceania&size=small&setup=Onsite',
    outer: 'region=Oceania&size=small',
    complement: 'region=Oceania&size=small&setup__not=Onsite',
    role: 'role',
    numeric: 'salary',
    weight: 'salary',
  },
];

beforeAll(() => configureCellKeys('privacy-suite-secret-0123456789'));

function rowsOf(survey: Survey, defaults: ViewDefaults, query: string, questionId: string): { rows: AggregateRow[]; problems: string[]; notes: string[] } {
  const parsed = parseViewState(new URLSearchParams(query), defaults);
  const state = resolveViewState(parsed.value, survey).value;
  const result = aggregateView({ id: 'd', waves: [{ id: defaults.waveIds[0], survey }] }, toAggregateQuery(state, questionId, defaults), '');
  return { rows: result.rows, problems: result.problems, notes: [...parsed.notes, ...result.notes] };
}

const shares = (rows: AggregateRow[]) => rows.filter((row) => row.measure === 'share' && row.segment === '(all)');

describe.each(CASES)('privacy suite on the $name', (testCase) => {
  let survey: Survey;
  const defaultsFor = (mode: 'analyst' | 'public'): ViewDefaults => ({ ...viewDefaultsOf({ waves: [{ id: 'w' }], codebook: testCase.codebook }, mode) });
  beforeAll(async () => {
    survey = await testCase.survey();
  });

  describe.each(['analyst', 'public'] as const)('%s mode', (mode) => {
    it(`attack 1: _suppress=0 (and 1, 5) ${mode === 'public' ? 'keeps the dataset threshold of 10 and hides every count of the small group' : 'lowers the threshold: an analyst reads their own data (issue 24)'}`, () => {
      for (const value of ['0', '1', '5']) {
        const { rows, notes } = rowsOf(survey, defaultsFor(mode), `${testCase.group}&_suppress=${value}`, testCase.role);
        if (mode === 'public') {
          expect(notes.some((note) => note.includes('cannot lower'))).toBe(true);
          for (const row of shares(rows)) expect([row.count, row.percent, row.base, row.ci_low]).toEqual([null, null, null, null]);
        } else {
          expect(notes).toEqual([]);
          // the small group (1 to 9 respondents) shows in full once the threshold is 0 or 1
          if (value !== '5') for (const row of shares(rows)) expect(row.base).not.toBeNull();
        }
      }
    });

    it(`attack 2: _weight=<a salary column> ${mode === 'public' ? 'is refused' : 'weights by it (an analyst’s own weights, issue 24)'}; a suppressed row withholds weighted base and effective base`, () => {
      const { rows, notes } = rowsOf(survey, defaultsFor(mode), `${testCase.group}&_weight=${testCase.weight}&_base=all`, testCase.role);
      expect(notes.some((note) => note.includes('cannot choose another column'))).toBe(mode === 'public');
      const suppressed = shares(rows).filter((row) => row.flags.includes('suppressed'));
      // Public mode answers a three-field group with nothing: it is outside the release.
      if (mode === 'public') expect(rows).toEqual([]);
      else expect(suppressed.length).toBeGreaterThan(0);
      for (const row of suppressed) expect([row.weighted_count, row.weighted_base, row.effective_base]).toEqual([null, null, null]);
    });

    it('attack 3: a suppressed row has no base, and filtering on a hidden option gives no base either', () => {
      const { rows } = rowsOf(survey, defaultsFor(mode), testCase.group, testCase.role);
      expect(shares(rows).every((row) => row.base === null)).toBe(true);
      const options = shares(rows).map((row) => row.keys.option);
      for (const option of options) {
        const narrowed = rowsOf(survey, defaultsFor(mode), `${testCase.group}&${testCase.role}=${encodeURIComponent(option)}`, testCase.role);
        if (mode === 'public') expect(narrowed.problems.join(' ')).toMatch(/not a breakdown of this release/);
        else expect(shares(narrowed.rows).every((row) => row.base === null && row.count === null)).toBe(true);
      }
    });

    it(`attack 4: differencing the larger group and its complement ${mode === 'public' ? 'cannot be asked: both are outside the release' : 'still gives (analyst mode: one’s own data)'} the hidden group's exact counts`, () => {
      const analyst = defaultsFor('analyst');
      // The truth, from the analyst view of the group with the threshold at the floor of the codebook schema (0).
      const truth = new Map(
        shares(rowsOf(survey, { ...analyst, suppressBelow: 0 }, testCase.group, testCase.role).rows).map((row) => [row.keys.option, row.count]),
      );
      const outer = rowsOf(survey, defaultsFor(mode), testCase.outer, testCase.role);
      const complement = rowsOf(survey, defaultsFor(mode), testCase.complement, testCase.role);
      if (mode === 'public') {
        // Two breakdowns at once, one a “not” of a third: the release publishes one breakdown at a time.
        expect(outer.rows).toEqual([]);
        expect(complement.rows).toEqual([]);
        return;
      }
      const counts = (result: typeof outer) => new Map(shares(result.rows).map((row) => [row.keys.option, row.count]));
      const recovered = [...truth.keys()].map((option) => (counts(outer).get(option) ?? 0) - (counts(complement).get(option) ?? 0));
      expect(recovered).toEqual([...truth.values()]);
    });

    it(`attack 4 on the facet counts: ${mode === 'public' ? 'only breakdowns, each count a released cell, the same on every asking' : 'exact'}`, () => {
      const facetsOf = (query: string) => {
        const defaults = defaultsFor(mode);
        const state = resolveViewState(parseViewState(new URLSearchParams(query), defaults).value, survey).value;
        return buildFrame(survey, state, defaults).facets.flatMap((group) => group.facets);
      };
      const shown = facetsOf('region=Oceania');
      if (mode === 'analyst') {
        expect(shown.find((facet) => facet.id === testCase.role)).toBeDefined();
        return;
      }
      // One breakdown is in use and the release allows one: only that breakdown's own facet is left, counted without its own filter.
      expect(shown.map((facet) => facet.id)).toEqual(['region']);
      expect(facetsOf('region=Oceania')).toEqual(shown);
      expect(facetsOf('').map((facet) => facet.id)).toEqual(testCase.codebook.publicBreakdowns);
    });

    it(`attack 5: numeric minimum and maximum ${mode === 'public' ? 'never published' : 'withheld for the small group'}; raw responses ${mode === 'public' ? 'off without publicColumns' : 'listed'}`, () => {
      const small = rowsOf(survey, defaultsFor(mode), testCase.group, testCase.numeric).rows;
      for (const row of small.filter((candidate) => candidate.measure === 'min' || candidate.measure === 'max')) expect(row.value).toBeNull();
      const everyone = rowsOf(survey, defaultsFor(mode), '', testCase.numeric).rows;
      const extremes = everyone.filter((row) => row.measure === 'min' || row.measure === 'max');
      if (mode === 'public') expect(extremes).toEqual([]);
      else expect(extremes.length).toBeGreaterThan(0);
      const state = resolveViewState(parseViewState(new URLSearchParams(testCase.group), defaultsFor(mode)).value, survey).value;
      const responses = buildResponsesView(survey, state, testCase.codebook, { mode });
      if (mode === 'public') {
        expect(responses.refused).toMatch(/not published on a public dashboard/);
        expect(responses.listed).toBe(0);
        // Not even with the old opt-in: a public dashboard lists no row at all.
        const optedIn = buildResponsesView(survey, state, { ...testCase.codebook, publicColumns: [testCase.role] }, { mode });
        expect([optedIn.listed, optedIn.available]).toEqual([0, []]);
      } else expect(responses.listed).toBeGreaterThan(0);
    });
  });

  it('public mode: a group of the release smaller than the threshold is refused as a whole, not row by row', () => {
    const { rows, problems } = rowsOf(survey, defaultsFor('public'), 'region=Oceania', testCase.role);
    const size = shares(rowsOf(survey, { ...defaultsFor('analyst'), suppressBelow: 0 }, 'region=Oceania', testCase.role).rows)[0]?.base ?? 0;
    if (size >= 12) expect(problems).toEqual([]);
    else if (size < 8) {
      expect(rows).toEqual([]);
      expect(problems.join(' ')).toMatch(/fewer than 10 respondents match these filters/);
    }
  });
});

describe('perturbCount', () => {
  it.each([
    [0, 0, 0],
    [0, 200, 0],
    [1, 0, 1],
    [2, 0, 1],
    [50, 0, 48],
    [50, 51, 48],
    [50, 52, 49],
    [50, 103, 50],
    [50, 153, 50],
    [50, 154, 51],
    [50, 205, 52],
    [50, 256 + 120, 50],
  ])('perturbCount(%i, key %i) → %i (zero stays zero, never below 1, −2…+2 by the cell key)', (count, key, expected) => {
    expect(perturbCount(count, key)).toBe(expected);
  });

  it.each([
    [1, [1, 2, 3]],
    [2, [1, 2, 3, 4]],
  ])('perturbCount(%i) over every cell key: each of %j evenly, so a published small count is its true size at most a third of the time', (count, results) => {
    const shown = Array.from({ length: 256 }, (_, key) => perturbCount(count, key));
    for (const result of results) expect(shown.filter((value) => value === result).length).toBeGreaterThanOrEqual(Math.floor(256 / results.length));
    expect(new Set(shown)).toEqual(new Set(results));
  });

  it('perturbCount over every cell key: each change of −2…+2 about one time in five, none outside', () => {
    const changes = Array.from({ length: 256 }, (_, key) => perturbCount(100, key) - 100);
    for (const change of [-2, -1, 0, 1, 2]) expect(changes.filter((c) => c === change).length).toBeGreaterThanOrEqual(51);
    expect(changes.every((change) => Math.abs(change) <= 2)).toBe(true);
    expect(changes.reduce((a, b) => a + b, 0)).toBe(-2);
  });
});
