import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import { multiFrequencies, singleFrequencies } from '../../../lib/analysis/frequencies';
import { scanFindings } from '../../../lib/analysis/scan-findings';
import { segmentBy } from '../../../lib/analysis/segments';
import { selectAll } from '../../../lib/analysis/selection';
import { surveyWeights } from '../../../lib/analysis/weights';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import type { Question, SingleQuestion, Survey } from '../../../lib/survey/types';
import { mulberry32 } from '../../../scripts/generate-sample';
import { plantDifference, shuffledCodes, withQuestions } from '../helpers/plant-differences';
import { requireShared, SHARED } from '../shared-data';

/**
 * Calibration of the findings scan on real data: Stack Overflow Developer Survey 2019 (ODbL 1.0 +
 * DbCL; 88,883 respondents, 21 columns). Its segment labels are dealt out again at random, so
 * nothing differs between segments but chance:
 *  - null: 200 shuffles of OpSys (Windows, MacOS, Linux-based, BSD: 41,714 / 23,541 / 22,472 / 124)
 *    must give no finding in at least 95% of them. BSD's 124 respondents make the floor of 5 points
 *    no shield (a 5-point difference is 1.1 standard errors there), so the false discovery rate
 *    control has to do the work: the same scans read with raw p ≤ 0.05 are counted beside it, and
 *    must mostly "find" something, or this test could not fail. Before the scan left out comparisons
 *    too small for the normal approximation (lib/analysis/normal-approximation), this gave 185/200:
 *    rare options in BSD (VBA, Dart: 2 to 7 respondents expected) and BSD's mean salary;
 *  - planted: 10-point differences in 5 questions for one shuffled MainBranch segment (its
 *    smallest, 1,584 respondents), 40 times: found at least 90% of the time, false findings at most
 *    5% of all findings (any finding outside the planted segment's planted questions is false).
 * Seeds are fixed, so a failure replays.
 */
const haveShared = requireShared('the findings calibration tests');
const root = path.resolve(__dirname, '../../..');
const SO2019 = path.join(SHARED, 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz');

const SHUFFLES = 200;
const PLANTINGS = 40;
const PLANTED_QUESTIONS = ['OpenSourcer', 'WorkLoc', 'CareerSat', 'DatabaseWorkedWith', 'PlatformWorkedWith'];

async function loadSample2022(): Promise<Survey> {
  const codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8')));
  return loadSurveyFile(path.join(root, 'data/state-of-engineers/2022.csv'), { codebook });
}

async function loadSo2019(): Promise<Survey> {
  const codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/_codebooks/stackoverflow-2019.json'), 'utf8')));
  return loadSurveyFile(SO2019, { codebook });
}

function singleQuestion(survey: Survey, id: string): SingleQuestion {
  const question = survey.questions.find((q) => q.id === id);
  if (question?.kind !== 'single') throw new Error(`${id} should be single choice`);
  return question;
}

/** The scan with `by` re-dealt at random: each segment against the rest of everyone. */
function shuffledScan(survey: Survey, by: SingleQuestion, seed: number, plant?: (shuffled: SingleQuestion) => Question[], settings = DEFAULT_SETTINGS) {
  const shuffled = { ...by, codes: shuffledCodes(by.codes, mulberry32(seed)) };
  const everyone = selectAll(survey.size);
  const planted = plant ? plant(shuffled) : [];
  const copy = withQuestions(survey, [shuffled, ...planted]);
  const segments = segmentBy(shuffled, everyone);
  if (typeof segments === 'string') throw new Error(segments);
  return scanFindings(copy, { selection: everyone, segments, skip: new Set([by.id]), settings });
}

/** Shuffles with no finding, and with none read uncorrected (raw p ≤ 0.05 and the floor). */
function nullShuffles(survey: Survey, by: SingleQuestion, seed: number, settings = DEFAULT_SETTINGS) {
  const counts = { clean: 0, cleanUncorrected: 0, findings: 0, tests: 0 };
  for (let k = 0; k < SHUFFLES; k++) {
    const scan = shuffledScan(survey, by, seed + k, undefined, settings);
    counts.tests += scan.tests;
    counts.findings += scan.findings.length;
    if (scan.findings.length === 0) counts.clean++;
    if (!scan.tested.some((row) => row.p <= 0.05 && Math.abs(row.keys.effect) >= (row.keys.unit === 'points' ? 5 : 0.2))) counts.cleanUncorrected++;
  }
  return counts;
}

/** Options of a question whose share over everyone leaves room for 10 more points and is not tiny (5–85%). */
function plantableOptions(question: Question, survey: Survey): number[] {
  const everyone = selectAll(survey.size);
  const figures =
    question.kind === 'multi'
      ? multiFrequencies(question, everyone).figures
      : question.kind === 'single' || question.kind === 'likert'
        ? singleFrequencies(question, everyone).figures
        : [];
  return figures.flatMap((figure, index) => (figure.share >= 0.05 && figure.share <= 0.85 && !figure.excludedFromBase ? [index] : []));
}

describe.skipIf(!haveShared)('findings calibration on Stack Overflow 2019 (ODbL)', () => {
  let survey: Promise<Survey> | undefined;
  const load = () => (survey ??= loadSo2019());

  it(`null: ${SHUFFLES} shuffles of OpSys → at least 95% give no finding (raw p ≤ 0.05 with the floor counted beside it)`, { timeout: 300_000 }, async () => {
    const so = await load();
    const { clean, cleanUncorrected, findings, tests } = nullShuffles(so, singleQuestion(so, 'OpSys'), 0x23_0000);
    console.log(
      `findings calibration, null (SO 2019, OpSys shuffled ${SHUFFLES}×): ${clean}/${SHUFFLES} shuffles with no finding (${((100 * clean) / SHUFFLES).toFixed(1)}%), ` +
        `${findings} false findings in ${tests.toLocaleString('en-US')} tests (${(tests / SHUFFLES).toFixed(0)} a scan); ` +
        `without the false discovery rate control (raw p ≤ 0.05 and the floor) ${cleanUncorrected}/${SHUFFLES} would be clean`,
    );
    expect(clean / SHUFFLES).toBeGreaterThanOrEqual(0.95);
    // The calibration has teeth: uncorrected, chance alone makes "findings" in most shuffles.
    expect(cleanUncorrected / SHUFFLES).toBeLessThan(0.5);
  });

  it(
    `planted: 10 points in ${PLANTED_QUESTIONS.length} questions for one shuffled MainBranch segment, ${PLANTINGS}× → found ≥ 90%, false findings ≤ 5%`,
    { timeout: 300_000 },
    async () => {
      const so = await load();
      const mainBranch = singleQuestion(so, 'MainBranch');
      const questions = PLANTED_QUESTIONS.map((id) => so.questions.find((q) => q.id === id)!);
      const options = questions.map((question) => plantableOptions(question, so));
      let planted = 0;
      let found = 0;
      let trueFindings = 0;
      let falseFindings = 0;
      for (let k = 0; k < PLANTINGS; k++) {
        const rng = mulberry32(0x23_1000 + k);
        const picks = options.map((list) => list[Math.floor(rng() * list.length)]);
        let segmentValue = '';
        const scan = shuffledScan(so, mainBranch, 0x23_2000 + k, (shuffled) => {
          // The smallest segment: "I used to be a developer by profession" (1,584 respondents).
          const sizes = mainBranch.options.map((_, index) => shuffled.codes.filter((code) => code === index + 1).length);
          const smallest = sizes.indexOf(Math.min(...sizes));
          segmentValue = mainBranch.options[smallest].value;
          const group = segmentBy(shuffled, selectAll(so.size));
          if (typeof group === 'string') throw new Error(group);
          return questions.map((question, q) => {
            const changed = plantDifference(question, picks[q], group[smallest].selection.bits, so.size, 10, rng);
            if (!changed) throw new Error(`cannot plant 10 points in ${question.id}`);
            return changed;
          });
        });
        planted += questions.length;
        questions.forEach((question, q) => {
          const value = (question as { options: { value: string }[] }).options[picks[q]].value;
          if (
            scan.findings.some(
              (row) => row.question_id === question.id && row.keys.segment === segmentValue && row.keys.option === value && row.measure === 'share',
            )
          )
            found++;
        });
        for (const row of scan.findings) {
          if (row.keys.segment === segmentValue && PLANTED_QUESTIONS.includes(row.question_id)) trueFindings++;
          else {
            falseFindings++;
            console.log(
              `false finding (planting ${k}): ${row.segment} / ${row.question_id} / ${row.option}: ${row.percent} against ${row.percent_rest}, q ${row.q}`,
            );
          }
        }
      }
      const falseShare = falseFindings / Math.max(1, trueFindings + falseFindings);
      console.log(
        `findings calibration, planted (SO 2019, MainBranch shuffled, 10 points in ${PLANTED_QUESTIONS.join(', ')} for 1,584 respondents, ${PLANTINGS}×): ` +
          `found ${found}/${planted} (${((100 * found) / planted).toFixed(1)}%); findings ${trueFindings} true, ${falseFindings} false (${(100 * falseShare).toFixed(2)}% false)`,
      );
      expect(found / planted).toBeGreaterThanOrEqual(0.9);
      expect(falseShare).toBeLessThanOrEqual(0.05);
    },
  );
});

/**
 * The weighted tests on the weighted 2022 sample (synthetic, data/state-of-engineers; its weights
 * pull the over-sampled North America back, Kish design effect 1.09): region dealt out again 200
 * times, weighted. With svyttest's p for weighted shares this gave 177/200 (its Wald variance makes
 * p < 0.0001 four times too common here); with Rao–Scott's, as many as unweighted (195/200).
 */
describe('findings calibration of the weighted tests (2022 sample)', () => {
  it(`null, weighted: ${SHUFFLES} shuffles of region → at least 95% give no finding`, { timeout: 300_000 }, async () => {
    const sample = await loadSample2022();
    const weights = surveyWeights(sample);
    if (typeof weights === 'string') throw new Error(weights);
    const settings = { ...DEFAULT_SETTINGS, weights: weights.weights };
    const { clean, cleanUncorrected, findings, tests } = nullShuffles(sample, singleQuestion(sample, 'region'), 0x23_5000, settings);
    console.log(
      `findings calibration, weighted null (2022 sample, region shuffled ${SHUFFLES}×): ${clean}/${SHUFFLES} with no finding, ${findings} false findings in ${tests.toLocaleString('en-US')} tests; uncorrected ${cleanUncorrected}/${SHUFFLES} would be clean`,
    );
    expect(clean / SHUFFLES).toBeGreaterThanOrEqual(0.95);
    expect(cleanUncorrected / SHUFFLES).toBeLessThan(0.5);
  });
});
