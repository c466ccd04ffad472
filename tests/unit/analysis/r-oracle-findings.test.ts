import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import type { Survey } from '../../../lib/survey/types';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import { benjaminiHochbergAdjust } from '../../../lib/analysis/false-discovery-rate';
import { DEFAULT_SETTINGS, type FigureSettings } from '../../../lib/analysis/figure';
import type { Filter } from '../../../lib/analysis/filters';
import type { FindingRow } from '../../../lib/analysis/finding-row';
import { pickFindings } from '../../../lib/analysis/pick-findings';
import { scannedQuestions, testFindings } from '../../../lib/analysis/scan-findings';
import { segmentBy } from '../../../lib/analysis/segments';
import { selectRespondents } from '../../../lib/analysis/select-respondents';
import { testWaveChanges } from '../../../lib/analysis/wave-changes';
import { surveyWeights } from '../../../lib/analysis/weights';

/**
 * Issue 23's scan against R, test by test: scripts/r-oracle.R computes every comparison of two
 * scans of the 2022 sample on its own — prop.test(correct = FALSE) and t.test unweighted; on
 * subset(svydesign(ids = ~1, weights = ~weight), …) svychisq(statistic = "F") for a share's p and
 * svyttest for its difference and interval and for means — leaves out bases under 30 or under
 * Cochran's rule (n > 28 + 25·G1²), and adjusts with p.adjust(p, "BH"); "what changed" is 2022
 * against 2021 (prop.test, svyttest with the waves as strata).
 */
const root = path.resolve(__dirname, '../../..');
const oracle = JSON.parse(readFileSync(path.join(root, 'tests/oracle/r-oracle.json'), 'utf8'));
const TOLERANCE = 1e-6;

interface RTest {
  segment: string;
  question: string;
  measure: string;
  option: string;
  base: number;
  base_rest: number;
  percent: number;
  percent_rest: number;
  difference: number;
  ci_low: number;
  ci_high: number;
  p: number;
  q: number;
}

interface RCase {
  name: string;
  filters: Filter[];
  by: string | Record<string, never>;
  skip: string | string[];
  unweighted: RTest[];
  weighted: RTest[];
}

const samples = new Map<string, Promise<Survey>>();
function loadSample(year: string): Promise<Survey> {
  const codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8')));
  if (!samples.has(year)) samples.set(year, loadSurveyFile(path.join(root, `data/state-of-engineers/${year}.csv`), { codebook }));
  return samples.get(year)!;
}

function settingsOf(survey: Survey, weighted: boolean): FigureSettings {
  if (!weighted) return DEFAULT_SETTINGS;
  const weights = surveyWeights(survey);
  if (typeof weights === 'string') throw new Error(weights);
  return { ...DEFAULT_SETTINGS, weights: weights.weights };
}

const keyOf = (segment: string, question: string, measure: string, option: string) => [segment, question, measure, option].join(' / ');
const rowKey = (row: FindingRow) => keyOf(row.keys.segment, row.question_id, row.measure, row.keys.option);

const worstByEntry: Record<string, { p: number; q: number; figures: number }> = {};
/** Figures in a question's units (a mean salary of 140,000) are compared to 1e-6 of their size; p and q to 1e-6 absolute. */
function expectAgrees(entry: string, ours: FindingRow[], expected: RTest[]): void {
  const worst = (worstByEntry[entry] ??= { p: 0, q: 0, figures: 0 });
  expect(ours.map(rowKey).sort(), `${entry}: the same tests`).toEqual(expected.map((r) => keyOf(r.segment, r.question, r.measure, r.option)).sort());
  const byKey = new Map(ours.map((row) => [rowKey(row), row]));
  for (const r of expected) {
    const key = keyOf(r.segment, r.question, r.measure, r.option);
    const row = byKey.get(key)!;
    expect([row.base, row.base_rest], `${entry} ${key} bases`).toEqual([r.base, r.base_rest]);
    for (const [name, mine, theirs] of [
      ['p', row.p, r.p],
      ['q', row.q!, r.q],
    ] as const) {
      worst[name] = Math.max(worst[name], Math.abs(mine - theirs));
      expect(Math.abs(mine - theirs), `${entry} ${key} ${name}: ours ${mine} vs R ${theirs}`).toBeLessThan(TOLERANCE);
    }
    for (const [name, mine, theirs] of [
      ['percent', row.percent, r.percent],
      ['percent_rest', row.percent_rest, r.percent_rest],
      ['difference', row.difference_points, r.difference],
      ['ci_low', row.ci_low, r.ci_low],
      ['ci_high', row.ci_high, r.ci_high],
    ] as const) {
      const relative = Math.abs(mine! - theirs) / Math.max(1, Math.abs(theirs));
      worst.figures = Math.max(worst.figures, relative);
      expect(relative, `${entry} ${key} ${name}: ours ${mine} vs R ${theirs}`).toBeLessThan(TOLERANCE);
    }
  }
}

const cases = (oracle.findings as RCase[]).flatMap((r) => [[r.name, 'unweighted', r] as const, [r.name, 'weighted', r] as const]);

describe('the findings scan agrees with R to 1e-6: every p, q, share, mean, difference and interval', () => {
  it.each(cases)('testFindings + pickFindings = R test by test, p.adjust(p, "BH") over the scan: %s, %s', async (name, weighting, r) => {
    const survey = await loadSample('2022');
    const { selection, problems } = selectRespondents(survey, r.filters);
    expect(problems).toEqual([]);
    const by = typeof r.by === 'string' ? r.by : undefined;
    const segments = by
      ? segmentBy(
          survey.questions.find((q) => q.id === by)!,
          selection,
        )
      : undefined;
    if (typeof segments === 'string') throw new Error(segments);
    const skip = new Set([r.skip].flat());
    const tested = testFindings(survey, { selection, segments, skip, settings: settingsOf(survey, weighting === 'weighted') });
    const scan = pickFindings(tested);
    expect(scan.tests).toBe(r[weighting].length);
    expectAgrees(`${name} (${weighting})`, scan.tested, r[weighting]);
  });

  it.each(['unweighted', 'weighted'] as const)('testWaveChanges + pickFindings = R for 2022 against 2021, every share of the scan (%s)', async (weighting) => {
    const [earlier, latest] = await Promise.all([loadSample('2021'), loadSample('2022')]);
    const dataset = {
      id: 'state-of-engineers',
      waves: [
        { id: '2021', survey: earlier },
        { id: '2022', survey: latest },
      ],
    };
    const questions = scannedQuestions(latest, new Set()).map(
      (question) => aggregateView(dataset, { questionId: question.id, filters: [], baseRule: 'answered', weight: weighting === 'weighted' }, '').rows,
    );
    const changes = pickFindings(testWaveChanges({ questions, previous: '2021', latest: '2022', weighted: weighting === 'weighted' }));
    expectAgrees(`wave changes (${weighting})`, changes.tested, oracle.wave_changes[weighting]);
  });

  it('benjaminiHochbergAdjust equals p.adjust(p, "BH"), NA left out of the count', () => {
    const read = (values: (number | 'NA')[]) => values.map((value) => (value === 'NA' ? NaN : value));
    const adjusted = benjaminiHochbergAdjust(read(oracle.bh.input));
    read(oracle.bh.adjusted).forEach((q, k) => (Number.isNaN(q) ? expect(adjusted[k]).toBeNaN() : expect(Math.abs(adjusted[k] - q)).toBeLessThan(1e-12)));
  });

  it('reports the largest difference from R per scan', () => {
    for (const [entry, worst] of Object.entries(worstByEntry))
      console.log(
        `largest |ours − R| in ${entry}: p ${worst.p.toExponential(2)}, q ${worst.q.toExponential(2)}, figures (relative) ${worst.figures.toExponential(2)}`,
      );
    expect(Object.keys(worstByEntry)).toHaveLength(cases.length + 2);
  });
});
