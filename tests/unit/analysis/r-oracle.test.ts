import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '../../../lib/survey/load-survey-file';
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

async function loadSample(): Promise<Survey> {
  const codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8')));
  return loadSurveyFile(path.join(root, 'data/state-of-engineers/2022.csv'), { codebook });
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
