import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import type { FindingRow } from '../../../lib/analysis/finding-row';
import { scanFindings, scannedQuestions, testFindings } from '../../../lib/analysis/scan-findings';
import { segmentBy } from '../../../lib/analysis/segments';
import { selectRespondents } from '../../../lib/analysis/select-respondents';
import { selectAll } from '../../../lib/analysis/selection';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { questionOf, readFixture, SELECT_CODEBOOK } from '../helpers/fixture-survey';

/**
 * tests/fixtures/analysis-select.csv (counted by hand in helpers/fixture-survey) with each of its 12
 * respondents `times` times: the same shares, bases `times` as large — at ×30 every comparison of
 * the hand counts below is large enough to be tested at the defaults.
 */
function selectSurveyTimes(times: number) {
  const [header, ...rows] = readFixture('analysis-select.csv').trimEnd().split('\n');
  return buildSurvey([header, ...Array.from({ length: times }, () => rows).flat()].join('\n') + '\n', { codebook: SELECT_CODEBOOK });
}

/** The figures a row holds, rounded to 2 decimals, to compare with counts made by hand (bases ×30). */
const figuresOf = (row: FindingRow) => [row.percent, row.percent_rest, row.base, row.base_rest].map((x) => Math.round(x! * 100) / 100);
const find = (rows: FindingRow[], question: string, option: string, segment = '') =>
  rows.find((row) => row.question_id === question && row.keys.option === option && row.keys.segment === segment);

describe('testFindings: the selection against the rest of its wave (the 12-respondent fixture ×30)', () => {
  const survey = selectSurveyTimes(30);
  // role = Backend {1,3,6,9,12}; the rest of the wave {2,4,5,7,8,10,11}.
  const { selection } = selectRespondents(survey, [{ question: 'role', op: 'in', values: ['Backend'] }]);
  const tested = testFindings(survey, { selection, skip: new Set(['role']), settings: DEFAULT_SETTINGS });

  it('testFindings(role = Backend, skip role) → 11 tests: 4 languages, 3 trends ranked first, the mean of years, 3 countries; id, comment and role not scanned', () => {
    expect(tested.rows.map((row) => `${row.question_id}/${row.measure}/${row.keys.option}`)).toEqual([
      'languages/share/Go',
      'languages/share/Rust',
      'languages/share/TypeScript',
      'languages/share/Python',
      'trends/ranked_first/AI',
      'trends/ranked_first/Cloud',
      'trends/ranked_first/Security',
      'years/mean/',
      'country/share/Côte d’Ivoire',
      'country/share/日本',
      'country/share/Germany',
    ]);
    expect(tested.untested).toBe(0);
  });

  it.each([
    // Languages over who answered: Backend {1,3,6,9} (12 left it blank), the rest {2,4,5,7,10,11}.
    ['languages', 'Go', [50, 50, 120, 180]],
    ['languages', 'Rust', [50, 33.33, 120, 180]],
    ['languages', 'TypeScript', [0, 33.33, 120, 180]],
    // Ranked first over who ranked anything: Backend {1,6,9}, the rest {2,4,5,7,11}.
    ['trends', 'AI', [33.33, 60, 90, 150]],
    ['trends', 'Security', [66.67, 0, 90, 150]],
    // Years: Backend 5, 10, 7.5, 5, 20 → 9.5; the rest 2, 3, 0, 12, 1 → 3.6 (4 and 10 left it blank).
    ['years', '', [9.5, 3.6, 150, 150]],
    // Country over who answered: Backend {1,3,6,9,12}, the rest {2,4,5,7,8,11} (10 left it blank).
    ['country', 'Germany', [20, 66.67, 150, 180]],
  ])('testFindings(role = Backend) → %s %s: percent, percent of the rest, bases = %j', (question, option, expected) => {
    expect(figuresOf(find(tested.rows, question, option)!)).toEqual(expected);
  });

  it('testFindings → Go 2/4 against 3/6: no difference, p = 1; a share in points, a mean in its units', () => {
    const go = find(tested.rows, 'languages', 'Go')!;
    expect([go.difference_points, go.p]).toEqual([0, 1]);
    expect(go.keys).toEqual({ option: 'Go', segment: '', effect: 0, unit: 'points' });
    const years = find(tested.rows, 'years', '')!;
    expect(years.difference_points).toBeCloseTo(5.9, 12);
    expect(years.option).toBe('Mean');
    expect(years.keys.unit).toBe('sd');
  });

  it('testFindings(role = Backend, 12 respondents once) → bases under 30: every comparison untested, no finding', () => {
    const small = selectSurveyTimes(1);
    const { selection: backend } = selectRespondents(small, [{ question: 'role', op: 'in', values: ['Backend'] }]);
    const scan = scanFindings(small, { selection: backend, skip: new Set(['role']), settings: DEFAULT_SETTINGS });
    expect([scan.tests, scan.untested, scan.findings.length]).toEqual([0, 11, 0]);
  });

  it('testFindings(role = Backend, ×10) → 40 answered languages: Go (chosen by 50%, n > 28 needed) is tested, TypeScript (20%: skewness 1.5, n > 84.25) is not', () => {
    const tenfold = selectSurveyTimes(10);
    const { selection: backend } = selectRespondents(tenfold, [{ question: 'role', op: 'in', values: ['Backend'] }]);
    const rows = testFindings(tenfold, { selection: backend, skip: new Set(['role']), settings: DEFAULT_SETTINGS }).rows;
    expect(find(rows, 'languages', 'Go')?.base).toBe(40);
    expect(find(rows, 'languages', 'TypeScript')).toBeUndefined();
  });

  it('testFindings in public mode → refused: its tests would read unperturbed counts', () => {
    const settings = { ...DEFAULT_SETTINGS, recordKeys: new Uint8Array(survey.size) };
    expect(() => testFindings(survey, { selection, skip: new Set(), settings })).toThrow(/public mode/);
  });
});

describe('testFindings: each segment against the rest of the selection (the 12-respondent fixture ×30)', () => {
  const survey = selectSurveyTimes(30);
  const everyone = selectAll(survey.size);

  it('testFindings(by role) → Frontend {2,7,10} against the rest of the selection, respondent 5 (no role) included: Go 2/3 against 3/7', () => {
    const segments = segmentBy(questionOf(survey, 'role'), everyone);
    if (typeof segments === 'string') throw new Error(segments);
    const tested = testFindings(survey, { selection: everyone, segments, skip: new Set(['role']), settings: DEFAULT_SETTINGS });
    // The rest {1,3,4,5,6,8,9,11,12} answered languages: {1,3,4,5,6,9,11}; Go among them {1,3,4}.
    expect(figuresOf(find(tested.rows, 'languages', 'Go', 'Frontend')!)).toEqual([66.67, 42.86, 90, 210]);
    expect(find(tested.rows, 'languages', 'Go', 'Frontend')!.segment).toBe('Frontend');
  });

  it('testFindings(by languages, a multi-select) → overlapping segments: Go {1,3,4,7,10} against {2,5,6,8,9,11,12}; Germany 2/4 against 3/7', () => {
    const segments = segmentBy(questionOf(survey, 'languages'), everyone);
    if (typeof segments === 'string') throw new Error(segments);
    const tested = testFindings(survey, { selection: everyone, segments, skip: new Set(['languages']), settings: DEFAULT_SETTINGS });
    // Country answered: Go {1,3,4,7} (10 blank); the rest {2,5,6,8,9,11,12}. Germany: {4,7} and {5,9,11}.
    expect(figuresOf(find(tested.rows, 'country', 'Germany', 'Go')!)).toEqual([50, 42.86, 120, 210]);
  });

  it('testFindings(by role, within role = Backend) → Frontend and Data are empty and Backend has no rest: all 33 comparisons untested, never a test on an empty side', () => {
    const { selection } = selectRespondents(survey, [{ question: 'role', op: 'in', values: ['Backend'] }]);
    const segments = segmentBy(questionOf(survey, 'role'), selection);
    if (typeof segments === 'string') throw new Error(segments);
    const tested = testFindings(survey, { selection, segments, skip: new Set(['role']), settings: DEFAULT_SETTINGS });
    expect(new Set(tested.rows.map((row) => row.keys.segment))).toEqual(new Set());
    expect(tested.untested).toBe(33);
  });
});

describe('scannedQuestions', () => {
  it('scannedQuestions(2022 sample, skip region) → every chartable question but region; the weight column, ids, timestamps and comments are not scanned', async () => {
    const root = path.resolve(__dirname, '../../..');
    const codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/state-of-engineers/survey.json'), 'utf8')));
    const survey = await loadSurveyFile(path.join(root, 'data/state-of-engineers/2022.csv'), { codebook });
    expect(scannedQuestions(survey, new Set(['region'])).map((q) => q.id)).toEqual([
      'role',
      'years_experience',
      'company_size',
      'work_arrangement',
      'languages',
      'hot_trends',
      'job_satisfaction',
      'salary_usd',
    ]);
  });
});
