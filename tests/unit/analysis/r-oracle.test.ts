import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import type { Question, Survey } from '../../../lib/survey/types';
import { selectAll } from '../../../lib/analysis/selection';
import { selectRespondents } from '../../../lib/analysis/select-respondents';
import { multiFrequencies, singleFrequencies, type Frequencies } from '../../../lib/analysis/frequencies';
import { surveyWeights } from '../../../lib/analysis/weights';
import { DEFAULT_SETTINGS, type FigureSettings } from '../../../lib/analysis/figure';
import { crosstab } from '../../../lib/analysis/crosstab';
import { holmAdjust } from '../../../lib/analysis/multiple-comparisons';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { segmentBy } from '../../../lib/analysis/segments';
import { andBits, orInto, tallyBits, type Tally } from '../../../lib/analysis/tally';
import { testIndependentSamples, testSegmentAgainstRest, type GroupTally, type ProportionTest } from '../../../lib/analysis/proportion-tests';
import { estimateMean } from '../../../lib/analysis/weighted-mean';
import { createBitset } from '../../../lib/survey/bitset';
import { raoScottTest } from '../../../lib/analysis/rao-scott';
import type { Filter } from '../../../lib/analysis/filters';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import { askQuestion } from '../../../lib/view/figures/ask-question';
import { parseViewState } from '../../../lib/view/state/parse-view-state';
import { resolveViewState } from '../../../lib/view/state/resolve-view-state';
import { viewDefaultsOf } from '../../../lib/view/state/view-defaults';

/**
 * Our statistics against R: survey::svyciprop(method = "logit") on subset(svydesign(ids = ~1,
 * weights = ~weight), in base), prop.test(correct = FALSE) for Wilson, chisq.test(correct =
 * FALSE), p.adjust("holm"). The figures come from scripts/r-oracle.R (CI re-runs it).
 */
const root = path.resolve(__dirname, '../../..');
const oracle = JSON.parse(readFileSync(path.join(root, 'tests/oracle/r-oracle.json'), 'utf8'));
const TOLERANCE = 1e-6;

interface RShare {
  option: string;
  share: number;
  low: number;
  high: number;
}

async function loadSample(year = '2022'): Promise<Survey> {
  const codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8')));
  return loadSurveyFile(path.join(root, `data/state-of-engineers/${year}.csv`), { codebook });
}

function question(survey: Survey, id: string): Question {
  return survey.questions.find((q) => q.id === id)!;
}

function weightedSettings(survey: Survey): FigureSettings {
  const weights = surveyWeights(survey);
  if (typeof weights === 'string') throw new Error(weights);
  return { ...DEFAULT_SETTINGS, weights: weights.weights, surveySize: survey.size };
}

let worst = 0;
function expectMatches(ours: Frequencies, expected: RShare[]): void {
  expect(expected.length).toBeGreaterThan(1);
  for (const r of expected) {
    const figure = ours.figures.find((f) => f.value === r.option);
    expect(figure, r.option).toBeDefined();
    for (const [mine, theirs] of [
      [figure!.share, r.share],
      [figure!.low, r.low],
      [figure!.high, r.high],
    ]) {
      worst = Math.max(worst, Math.abs(mine - theirs));
      expect(Math.abs(mine - theirs), `${r.option}: ours ${mine} vs R ${theirs}`).toBeLessThan(TOLERANCE);
    }
  }
}

/** Largest |ours − R| per oracle entry, reported at the end. */
const worstByEntry: Record<string, number> = {};
function expectClose(entry: string, label: string, mine: number, theirs: number): void {
  const difference = Math.abs(mine - theirs);
  worstByEntry[entry] = Math.max(worstByEntry[entry] ?? 0, difference);
  expect(difference, `${entry} ${label}: ours ${mine} vs R ${theirs}`).toBeLessThan(TOLERANCE);
}

/** Option bitsets of a single-choice or Likert question, and who answered it, over the whole file. */
function optionBits(survey: Survey, id: string): { options: Map<string, Uint32Array>; answered: Uint32Array } {
  const segments = segmentBy(question(survey, id), selectAll(survey.size));
  if (typeof segments === 'string') throw new Error(segments);
  const answered = createBitset(survey.size);
  segments.forEach((segment) => orInto(answered, segment.selection.bits));
  return { options: new Map(segments.map((segment) => [segment.value, segment.selection.bits])), answered };
}

function groupTally(option: Uint32Array, base: Uint32Array, within: Uint32Array, weights?: Float64Array): GroupTally {
  return { option: tallyBits(andBits(option, within), weights), base: tallyBits(andBits(base, within), weights) };
}

const minus = (a: Tally, b: Tally): Tally => ({ count: a.count - b.count, sumW: a.sumW - b.sumW, sumW2: a.sumW2 - b.sumW2 });

interface RTest {
  option: string;
  segment?: string;
  estimate: number;
  se: number;
  t: number;
  df: number;
  p: number;
}

function expectTestMatches(entry: string, label: string, ours: ProportionTest, r: RTest): void {
  expect(ours.df, `${entry} ${label} df`).toBe(r.df);
  expectClose(entry, `${label} difference`, ours.difference, r.estimate);
  expectClose(entry, `${label} SE`, ours.standardError, r.se);
  expectClose(entry, `${label} t`, ours.statistic, r.t);
  expectClose(entry, `${label} p`, ours.p, r.p);
}

interface RPooled {
  option: string;
  segment?: string;
  count: number[];
  base: number[];
  estimate: number;
  x_squared: number;
  p: number;
}

function expectPooledMatches(entry: string, label: string, ours: ProportionTest, a: GroupTally, b: GroupTally, r: RPooled): void {
  expect([a.option.count, b.option.count, a.base.count, b.base.count], `${entry} ${label} counts`).toEqual([...r.count, ...r.base]);
  expect(ours.df).toBeNull();
  expectClose(entry, `${label} difference`, ours.difference, r.estimate);
  expectClose(entry, `${label} z²`, ours.statistic ** 2, r.x_squared);
  expectClose(entry, `${label} p`, ours.p, r.p);
}

/** Each region against the rest of those who answered role, per role option (2022 sample). */
async function segmentTests(weighted: boolean): Promise<{ segment: string; option: string; a: GroupTally; b: GroupTally; test: ProportionTest }[]> {
  const survey = await loadSample();
  const weights = weighted ? weightedSettings(survey).weights : undefined;
  const role = optionBits(survey, 'role');
  const all = selectAll(survey.size).bits;
  const regions = optionBits(survey, 'region');
  return [...regions.options].flatMap(([segment, inSegment]) =>
    [...role.options].map(([option, chose]) => {
      const total = groupTally(chose, role.answered, all, weights);
      const a = groupTally(chose, role.answered, inSegment, weights);
      const b = { option: minus(total.option, a.option), base: minus(total.base, a.base) };
      return { segment, option, a, b, test: testSegmentAgainstRest(a, b, weighted, survey.size) };
    }),
  );
}

type WaveTally = GroupTally & { surveySize: number };

/** Job satisfaction, 2021 against 2022, per option: each wave's option and answered base over its whole file. */
async function waveTests(weighted: boolean): Promise<{ option: string; a: WaveTally; b: WaveTally; test: ProportionTest }[]> {
  const [first, second] = await Promise.all(
    ['2021', '2022'].map(async (year) => {
      const survey = await loadSample(year);
      const weights = weighted ? weightedSettings(survey).weights : undefined;
      const satisfaction = optionBits(survey, 'job_satisfaction');
      const all = selectAll(survey.size).bits;
      return (option: string): WaveTally => ({
        ...groupTally(satisfaction.options.get(option)!, satisfaction.answered, all, weights),
        surveySize: survey.size,
      });
    }),
  );
  return (oracle.wave_tests_weighted as RTest[]).map(({ option }) => {
    const [a, b] = [first(option), second(option)];
    return { option, a, b, test: testIndependentSamples(a, b, weighted) };
  });
}

describe('significance tests and means agree with R survey 4.x to 1e-6', () => {
  it('weighted segment vs rest equals svyttest(y ~ g, subset(design, answered role)) (role × region)', async () => {
    const expected = oracle.segment_tests_weighted as RTest[];
    const ours = await segmentTests(true);
    expect(ours).toHaveLength(expected.length);
    for (const r of expected) {
      const mine = ours.find((t) => t.segment === r.segment && t.option === r.option)!;
      expect(mine.test.method).toBe('design-based t-test (R survey svyttest)');
      expectTestMatches('segment_tests_weighted', `${r.segment}/${r.option}`, mine.test, r);
    }
  });

  it('unweighted segment vs rest equals prop.test(correct = FALSE): z² = X-squared, same p', async () => {
    const expected = oracle.segment_tests_unweighted as RPooled[];
    const ours = await segmentTests(false);
    for (const r of expected) {
      const mine = ours.find((t) => t.segment === r.segment && t.option === r.option)!;
      expectPooledMatches('segment_tests_unweighted', `${r.segment}/${r.option}`, mine.test, mine.a, mine.b, r);
    }
  });

  it('weighted wave vs wave equals svyttest on the stacked waves with the wave as stratum (job satisfaction 2021 vs 2022)', async () => {
    const ours = await waveTests(true);
    for (const r of oracle.wave_tests_weighted as (RTest & { sizes: number[] })[]) {
      const mine = ours.find((t) => t.option === r.option)!;
      expect([mine.a.surveySize, mine.b.surveySize]).toEqual(r.sizes);
      expectTestMatches('wave_tests_weighted', r.option, mine.test, r);
    }
  });

  it('unweighted wave vs wave equals prop.test(correct = FALSE)', async () => {
    const ours = await waveTests(false);
    for (const r of oracle.wave_tests_unweighted as RPooled[]) {
      const mine = ours.find((t) => t.option === r.option)!;
      expectPooledMatches('wave_tests_unweighted', r.option, mine.test, mine.a, mine.b, r);
    }
  });

  it.each([
    ['means_weighted', true],
    ['means_unweighted', false],
  ] as const)('%s: estimateMean equals svymean + confint(df = degf) / t.test (salary, years; overall and by region)', async (entry, weighted) => {
    const survey = await loadSample();
    const weights = weighted ? weightedSettings(survey).weights : undefined;
    const regions = optionBits(survey, 'region');
    for (const r of oracle[entry] as { question: string; region: string | null; n: number; mean: number; se: number; low: number; high: number }[]) {
      const values = question(survey, r.question);
      if (values.kind !== 'numeric') throw new Error(`${r.question} should be numeric`);
      const bits = r.region === null ? selectAll(survey.size).bits : regions.options.get(r.region)!;
      const ours = estimateMean(values.values, bits, { weights, surveySize: survey.size });
      const label = `${r.question} in ${r.region ?? 'all'}`;
      expect(ours.n, label).toBe(r.n);
      expectClose(entry, `${label} mean`, ours.mean, r.mean);
      expectClose(entry, `${label} SE`, ours.standardError, r.se);
      expectClose(entry, `${label} low`, ours.low, r.low);
      expectClose(entry, `${label} high`, ours.high, r.high);
    }
  });

  it('reports the largest difference from R per entry', () => {
    for (const [entry, difference] of Object.entries(worstByEntry)) console.log(`largest |ours − R| in ${entry}: ${difference.toExponential(2)}`);
    expect(Object.keys(worstByEntry)).toHaveLength(6);
  });
});

describe('figures agree with R survey 4.x to 1e-6', () => {
  it('weighted single-choice shares and logit intervals (role, 2022 sample)', async () => {
    const survey = await loadSample();
    const role = question(survey, 'role');
    if (role.kind !== 'single') throw new Error('role should be single');
    expectMatches(singleFrequencies(role, selectAll(survey.size), weightedSettings(survey)), oracle.role_weighted);
  });

  it('weighted shares within a filter (region = Europe) are domain estimates, as subset() gives', async () => {
    const survey = await loadSample();
    const role = question(survey, 'role');
    if (role.kind !== 'single') throw new Error('role should be single');
    const { selection, problems } = selectRespondents(survey, [{ question: 'region', op: 'in', values: ['Europe'] }]);
    expect(problems).toEqual([]);
    expectMatches(singleFrequencies(role, selection, weightedSettings(survey)), oracle.role_europe_weighted);
  });

  it('weighted multi-select shares count respondents over those who answered (languages)', async () => {
    const survey = await loadSample();
    const languages = question(survey, 'languages');
    if (languages.kind !== 'multi') throw new Error('languages should be multi');
    expectMatches(multiFrequencies(languages, selectAll(survey.size), weightedSettings(survey)), oracle.languages_weighted);
  });

  it('weighted Likert shares (job satisfaction)', async () => {
    const survey = await loadSample();
    const satisfaction = question(survey, 'job_satisfaction');
    if (satisfaction.kind !== 'likert') throw new Error('job_satisfaction should be likert');
    expectMatches(singleFrequencies(satisfaction, selectAll(survey.size), weightedSettings(survey)), oracle.satisfaction_weighted);
  });

  it('unweighted Wilson intervals equal prop.test(correct = FALSE)', async () => {
    const survey = await loadSample();
    const role = question(survey, 'role');
    if (role.kind !== 'single') throw new Error('role should be single');
    const ours = singleFrequencies(role, selectAll(survey.size));
    for (const r of oracle.role_wilson as { option: string; count: number; base: number; low: number; high: number }[]) {
      const figure = ours.figures.find((f) => f.value === r.option)!;
      expect([figure.count, figure.base]).toEqual([r.count, r.base]);
      expect(Math.abs(figure.low - r.low)).toBeLessThan(TOLERANCE);
      expect(Math.abs(figure.high - r.high)).toBeLessThan(TOLERANCE);
      worst = Math.max(worst, Math.abs(figure.low - r.low), Math.abs(figure.high - r.high));
    }
  });

  it('crosstab chi-square equals chisq.test(correct = FALSE) (role × work arrangement)', async () => {
    const survey = await loadSample();
    const table = crosstab(question(survey, 'role'), question(survey, 'work_arrangement'), selectAll(survey.size));
    if (typeof table === 'string') throw new Error(table);
    expect(table.chiSquare?.df).toBe(oracle.chisq_role_by_work.df);
    expect(Math.abs(table.chiSquare!.statistic - oracle.chisq_role_by_work.statistic)).toBeLessThan(TOLERANCE);
    expect(Math.abs(table.chiSquare!.p - oracle.chisq_role_by_work.p)).toBeLessThan(TOLERANCE);
  });

  it('a 12-respondent fixture: weighted shares and intervals at a small base', () => {
    const survey = buildSurvey(readFileSync(path.join(root, 'tests/fixtures/weighted-small.csv'), 'utf8'), {
      codebook: { weight: 'w', questions: { answer: { kind: 'single' } } },
    });
    const answer = question(survey, 'answer');
    if (answer.kind !== 'single') throw new Error('answer should be single');
    const settings = { ...weightedSettings(survey), suppressBelow: 0 };
    expectMatches(singleFrequencies(answer, selectAll(survey.size), settings), oracle.small_weighted);
  });

  it('Holm adjustment equals p.adjust(p, "holm")', () => {
    const adjusted = holmAdjust(oracle.holm.input);
    adjusted.forEach((p, i) => expect(Math.abs(p - oracle.holm.adjusted[i])).toBeLessThan(1e-12));
  });

  it('reports the largest difference from R', () => {
    console.log(`largest |ours − R| over shares and interval bounds: ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(TOLERANCE);
  });
});

interface RRaoScott {
  name: string;
  rows: string;
  cols: string;
  filters: Filter[];
  n: number;
  empty_cells: number;
  pearson: number;
  /** svychisq's message where it stops (C'D⁻¹C singular); the figures below are then absent. */
  error?: string;
  statistic: number;
  ndf: number;
  ddf: number;
  p: number;
  first_df: number;
  first_p: number;
}

describe('the Rao–Scott chi-square agrees with R survey svychisq to 1e-6', () => {
  let sample: Promise<Survey> | undefined;
  const worstByCase: Record<string, number> = {};
  const expectNear = (name: string, label: string, mine: number, theirs: number) => {
    worstByCase[name] = Math.max(worstByCase[name] ?? 0, Math.abs(mine - theirs));
    expect(Math.abs(mine - theirs), `${name} ${label}: ours ${mine} vs R ${theirs}`).toBeLessThan(TOLERANCE);
  };
  const cases = (oracle.rao_scott as RRaoScott[]).map((r) => [r.name, r] as const);

  it.each(cases)(
    'raoScottTest equals svychisq(~row + col, subset(design, in domain), statistic = "F" / "Chisq") or is NaN where it stops: %s',
    async (name, r) => {
      const survey = await (sample ??= loadSample());
      const weights = surveyWeights(survey);
      if (typeof weights === 'string') throw new Error(weights);
      const { selection, problems } = selectRespondents(survey, r.filters);
      expect(problems).toEqual([]);
      const [rows, cols] = [question(survey, r.rows), question(survey, r.cols)];
      if (!('codes' in rows) || !('codes' in cols)) throw new Error(`${r.rows} and ${r.cols} should be single-choice`);
      const ours = raoScottTest(rows.codes, cols.codes, rows.options.length, cols.options.length, selection.bits, weights.weights, survey.size);
      expect(ours.method).toBe('Rao–Scott F (R survey svychisq, second order)');
      expectNear(name, 'Pearson X²', ours.pearson, r.pearson);
      if (r.error) {
        // R stops ("system is computationally singular"); we give NaN, never a number from rounding.
        for (const value of [ours.statistic, ours.ndf, ours.ddf, ours.p, ours.firstOrder!.statistic, ours.firstOrder!.p])
          expect(value, `${name}: R stopped with ${r.error}`).toBeNaN();
        return;
      }
      expect(ours.ddf / ours.ndf, `${name}: degf = n − 1`).toBeCloseTo(r.n - 1, 6);
      expectNear(name, 'F', ours.statistic, r.statistic);
      expectNear(name, 'ndf', ours.ndf, r.ndf);
      expectNear(name, 'ddf', ours.ddf, r.ddf);
      expectNear(name, 'p', ours.p, r.p);
      // R's "Chisq" prints X² and refers X²/mean(δ) = df · F to χ²(df).
      expect(ours.firstOrder?.df).toBe(r.first_df);
      expectNear(name, 'first-order statistic', ours.firstOrder!.statistic, r.statistic * r.first_df);
      expectNear(name, 'first-order p', ours.firstOrder!.p, r.first_p);
    },
  );

  it('reports the largest difference from R per case', () => {
    for (const [name, difference] of Object.entries(worstByCase)) console.log(`largest |ours − R| in rao_scott ${name}: ${difference.toExponential(2)}`);
    expect(Object.keys(worstByCase)).toHaveLength(cases.length);
  });
});

/**
 * `_level` end to end: a dashboard URL with `_level=90` or `_level=99`, read as the page reads it
 * (parseViewState, resolveViewState), asked through the one assembler (askQuestion) and computed
 * by aggregateView — the very rows the page, its download and the CLI write — against R's
 * prop.test(conf.level) and svyciprop(level) on the 2022 sample.
 */
describe('_level=90 and _level=99 from a URL equal R at those levels', () => {
  const DEFAULTS = { waveIds: ['2022'], weighted: true, suppressBelow: 10 };

  async function roleRows(query: string) {
    const survey = await loadSample();
    const wave = { id: '2022', survey };
    const state = resolveViewState(parseViewState(new URLSearchParams(query), DEFAULTS).value, survey).value;
    const asked = askQuestion({ dataset: { id: 'state-of-engineers' }, defaults: DEFAULTS, state, loaded: [wave], reference: wave }, 'role');
    if (asked?.kind !== 'question') throw new Error('role is a question');
    return aggregateView({ id: 'state-of-engineers', waves: [wave] }, asked.query, '').rows.filter((row) => row.measure === 'share');
  }

  it.each([
    ['_level=90&_weight=0', 'role_wilson_90', 'wilson, 90%'],
    ['_level=99&_weight=0', 'role_wilson_99', 'wilson, 99%'],
    ['_level=90', 'role_weighted_90', 'logit (R survey svyciprop, ids = ~1), 90%'],
    ['_level=99', 'role_weighted_99', 'logit (R survey svyciprop, ids = ~1), 99%'],
  ])('%s → every role row’s interval equals R’s %s, and ci_method says %j', async (query, entry, method) => {
    const rows = await roleRows(query);
    const expected = oracle[entry] as { option: string; low: number; high: number }[];
    expect(rows.map((row) => row.keys.option).sort()).toEqual(expected.map((r) => r.option).sort());
    for (const r of expected) {
      const row = rows.find((candidate) => candidate.keys.option === r.option)!;
      expect(row.ci_method).toBe(method);
      expect(Math.abs(row.ci_low! / 100 - r.low), `${r.option} low`).toBeLessThan(TOLERANCE);
      expect(Math.abs(row.ci_high! / 100 - r.high), `${r.option} high`).toBeLessThan(TOLERANCE);
    }
  });

  it('_level=90 gives narrower intervals than the default and _level=99 wider ones, around the same shares', async () => {
    const [at90, at95, at99] = await Promise.all(['_level=90', '', '_level=99'].map(roleRows));
    at95.forEach((row, r) => {
      expect(at90[r].percent).toBe(row.percent);
      expect(at99[r].percent).toBe(row.percent);
      expect(at90[r].ci_high! - at90[r].ci_low!).toBeLessThan(row.ci_high! - row.ci_low!);
      expect(at99[r].ci_high! - at99[r].ci_low!).toBeGreaterThan(row.ci_high! - row.ci_low!);
    });
  });
});

/**
 * An analyst's own weights (issue 24): `_weight=<column>` in a URL, read as the page reads it and
 * asked through the one assembler, against R's svyciprop on svydesign(weights = ~<column>), and
 * the effective base against Kish's (Σw)²/Σw² computed in R. Two cases: the sample with its
 * codebook, weighted by a column the codebook does not name (years of experience; respondents
 * without a positive one weigh 0, as R leaves them out of the design); and the sample's file with
 * no codebook at all, weighted by its `weight` column named in the URL.
 */
describe('_weight=<column> from a URL equals R survey with that column as the weights', () => {
  async function rows(query: string, codebook: boolean) {
    const survey = codebook ? await loadSample() : await loadSurveyFile(path.join(root, 'data/state-of-engineers/2022.csv'));
    const wave = { id: '2022', survey };
    const dataset = { id: 'state-of-engineers', waves: [wave] };
    const defaults = viewDefaultsOf({ waves: [wave], ...(codebook ? { codebook: { weight: 'weight' } } : {}) }, 'analyst');
    const parsed = parseViewState(new URLSearchParams(query), defaults);
    const resolved = resolveViewState(parsed.value, survey);
    expect([...parsed.notes, ...resolved.notes]).toEqual([]);
    const asked = askQuestion({ dataset, defaults, state: resolved.value, loaded: [wave], reference: wave }, 'role');
    if (asked?.kind !== 'question') throw new Error('role is a question');
    return aggregateView(dataset, asked.query, '').rows.filter((row) => row.measure === 'share');
  }

  function expectShares(found: Awaited<ReturnType<typeof rows>>, expected: RShare[], kish: number) {
    expect(found.map((row) => row.keys.option).sort()).toEqual(expected.map((r) => r.option).sort());
    for (const r of expected) {
      const row = found.find((candidate) => candidate.keys.option === r.option)!;
      expect(row.ci_method).toBe('logit (R survey svyciprop, ids = ~1)');
      expect(Math.abs(row.percent! / 100 - r.share), `${r.option} share`).toBeLessThan(TOLERANCE);
      expect(Math.abs(row.ci_low! / 100 - r.low), `${r.option} low`).toBeLessThan(TOLERANCE);
      expect(Math.abs(row.ci_high! / 100 - r.high), `${r.option} high`).toBeLessThan(TOLERANCE);
      expect(Math.abs(row.effective_base! - kish), `${r.option} effective base`).toBeLessThan(TOLERANCE * kish);
    }
  }

  it('_weight=years_experience (the codebook names “weight”) → svyciprop on weights = ~years_experience, and Kish’s base', async () => {
    expectShares(await rows('_weight=years_experience', true), oracle.analyst_weight.role_by_years, oracle.analyst_weight.role_by_years_kish);
  });

  it('region=Europe&_weight=weight on the file without a codebook → the codebook’s own weighted figures, and Kish’s base', async () => {
    expectShares(await rows('region=Europe&_weight=weight', false), oracle.role_europe_weighted, oracle.analyst_weight.role_europe_kish);
  });
});
