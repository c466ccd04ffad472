import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../../../../lib/analysis/finding-row';
import { describeChange, describeFinding, describeFindingsHeader, describeFindingsMethod, formatQ } from '../../../../lib/view/words/describe-finding';

function row(fields: Partial<FindingRow>): FindingRow {
  return {
    question_id: 'languages',
    question_label: 'Languages used at work',
    measure: 'share',
    option: 'Rust',
    segment: '',
    percent: 12.4,
    percent_rest: 7.1,
    difference_points: 5.3,
    ci_low: 3.9,
    ci_high: 6.7,
    p: 0.0001,
    q: 0.001,
    base: 1204,
    base_rest: 5196,
    keys: { option: 'Rust', segment: '', effect: 5.3, unit: 'points' },
    ...fields,
  };
}

describe('describeFinding', () => {
  it.each([
    [
      'a share, the issue’s example',
      row({}),
      'Respondents where Region is “Europe” choose “Rust” more often in “Languages used at work”: 12.4% against 7.1% of the rest (+5.3 points, 95% CI 3.9 to 6.7; q = 0.001; bases 1,204 and 5,196)',
    ],
    [
      'a share lower than the rest, q under 0.001, figures rounded as the page rounds them',
      row({ percent: 22.8234, percent_rest: 34.7612, difference_points: -11.9378, ci_low: -13.14, ci_high: -10.75, q: 6.9e-67 }),
      'Respondents where Region is “Europe” choose “Rust” less often in “Languages used at work”: 22.8% against 34.8% of the rest (−11.9 points, 95% CI −13.1 to −10.8; q < 0.001; bases 1,204 and 5,196)',
    ],
    [
      'ranked first',
      row({ measure: 'ranked_first', option: 'Cloud computing', question_label: 'Hottest trends' }),
      'Respondents where Region is “Europe” rank “Cloud computing” first more often in “Hottest trends”: 12.4% against 7.1% of the rest (+5.3 points, 95% CI 3.9 to 6.7; q = 0.001; bases 1,204 and 5,196)',
    ],
    [
      'a top-2 box',
      row({ measure: 'top2', option: 'Top 2: Satisfied + Very satisfied', question_label: 'Job satisfaction', difference_points: -5.3 }),
      'Respondents where Region is “Europe” give a top-2 answer (Satisfied + Very satisfied) less often in “Job satisfaction”: 12.4% against 7.1% of the rest (−5.3 points, 95% CI 3.9 to 6.7; q = 0.001; bases 1,204 and 5,196)',
    ],
    [
      'a mean, in the question’s units',
      row({
        measure: 'mean',
        option: 'Mean',
        question_label: 'Salary (USD)',
        percent: 110019.3,
        percent_rest: 144407,
        difference_points: -34387.7,
        ci_low: -37598.5,
        ci_high: -31176.9,
        q: 0.0123,
      }),
      'Respondents where Region is “Europe” give a lower mean in “Salary (USD)”: 110,019 against 144,407 for the rest (−34,388, 95% CI −37,599 to −31,177; q = 0.012; bases 1,204 and 5,196)',
    ],
    [
      'a Likert mean score',
      row({
        measure: 'mean',
        option: 'Mean score (1 = Very dissatisfied, 5 = Very satisfied)',
        question_label: 'Job satisfaction',
        percent: 3.8213,
        percent_rest: 3.6,
        difference_points: 0.2213,
        ci_low: 0.1,
        ci_high: 0.34,
      }),
      'Respondents where Region is “Europe” give a higher mean score (1 = Very dissatisfied, 5 = Very satisfied) in “Job satisfaction”: 3.82 against 3.6 for the rest (+0.22, 95% CI 0.1 to 0.34; q = 0.001; bases 1,204 and 5,196)',
    ],
  ])('describeFinding(%s)', (_, finding, sentence) => {
    expect(describeFinding(finding, 'Respondents where Region is “Europe”')).toBe(sentence);
  });

  it('describeFinding(…, level 0.9) → "90% CI"', () => {
    expect(describeFinding(row({}), 'All respondents', 0.9)).toContain('90% CI 3.9 to 6.7');
  });
});

describe('describeChange', () => {
  it('describeChange(a share that rose) → from the previous wave to the latest, bases in that order', () => {
    expect(describeChange(row({}), { previous: '2021', latest: '2022' })).toBe(
      '“Rust” in “Languages used at work” rose from 7.1% in 2021 to 12.4% in 2022 (+5.3 points, 95% CI 3.9 to 6.7; q = 0.001; bases 5,196 and 1,204)',
    );
  });

  it('describeChange(a top-2 box that fell, within a segment)', () => {
    const fell = row({
      measure: 'top2',
      option: 'Top 2: Satisfied + Very satisfied',
      question_label: 'Job satisfaction',
      segment: 'Fully remote',
      difference_points: -5.3,
    });
    expect(describeChange(fell, { previous: '2021', latest: '2022' })).toBe(
      'Among “Fully remote”: Top-2 answers (Satisfied + Very satisfied) to “Job satisfaction” fell from 7.1% in 2021 to 12.4% in 2022 (−5.3 points, 95% CI 3.9 to 6.7; q = 0.001; bases 5,196 and 1,204)',
    );
  });
});

describe('describeFindingsHeader and formatQ', () => {
  it.each([
    [1204, 40, 0.05, '1,204 tests, 40 findings; at q ≤ 0.05 about 2 of them may be false.'],
    [1204, 12, 0.05, '1,204 tests, 12 findings; at q ≤ 0.05 about 1 of them may be false.'],
    [193, 32, 0.05, '193 tests, 32 findings; at q ≤ 0.05 about 2 of them may be false.'],
    [52, 3, 0.05, '52 tests, 3 findings; at q ≤ 0.05 fewer than one of them is expected to be false.'],
    [52, 1, 0.05, '52 tests, 1 finding; at q ≤ 0.05 the chance that it is false is at most about 5%.'],
    [52, 0, 0.1, '52 tests, no findings at q ≤ 0.1.'],
    [1, 0, 0.05, '1 test, no findings at q ≤ 0.05.'],
  ])('describeFindingsHeader(%i tests, %i findings, q %d)', (tests, findings, q, sentence) => {
    expect(describeFindingsHeader(tests, findings, q)).toBe(sentence);
  });

  it.each([
    [0.00099, 'q < 0.001'],
    [0.001, 'q = 0.001'],
    [0.0496, 'q = 0.050'],
  ])('formatQ(%d) → %s', (q, text) => expect(formatQ(q)).toBe(text));
});

describe('describeFindingsMethod', () => {
  const thresholds = { q: 0.05, minPoints: 5, minSd: 0.2 };
  it.each([
    [{ weighted: false, published: false }, 'R prop.test) or Welch’s t-test for means.'],
    [{ weighted: true, published: false }, 'Rao–Scott’s test for shares (R svychisq)'],
    // public mode names what was tested on: published figures, no means
    [{ weighted: false, published: true }, 'the group’s published shares against the rest’s (everyone’s published counts less the group’s)'],
    [{ weighted: true, published: true }, 'on the published weighted sums. Means are not tested.'],
  ])('%o → says %j', (options, said) => {
    expect(describeFindingsMethod({ ...options, thresholds, untested: 0, changes: false })).toContain(said);
  });
});
