/**
 * Known ordered answer scales, lowest first. A single-answer question whose answers all sit on
 * one scale (ignoring off-scale answers such as "Don't know") is Likert, and its options take
 * the scale's order instead of frequency order. Matching is case- and apostrophe-insensitive.
 */
export const LIKERT_SCALES: readonly (readonly string[])[] = [
  [
    'Strongly disagree',
    'Disagree',
    'Somewhat disagree',
    'Slightly disagree',
    'Neither agree nor disagree',
    'Neutral',
    'Slightly agree',
    'Somewhat agree',
    'Agree',
    'Strongly agree',
  ],
  [
    'Very dissatisfied',
    'Dissatisfied',
    'Slightly dissatisfied',
    'Somewhat dissatisfied',
    'Neither satisfied nor dissatisfied',
    'Neutral',
    'Slightly satisfied',
    'Somewhat satisfied',
    'Satisfied',
    'Very satisfied',
  ],
  ['Never', 'Rarely', 'Occasionally', 'Sometimes', 'Often', 'Frequently', 'Very often', 'Always'],
  ['Very unlikely', 'Unlikely', 'Somewhat unlikely', 'Neither likely nor unlikely', 'Somewhat likely', 'Likely', 'Very likely', 'Extremely likely'],
  [
    'Not at all important',
    'Not important',
    'Slightly important',
    'Somewhat important',
    'Moderately important',
    'Important',
    'Very important',
    'Extremely important',
  ],
  ['Very poor', 'Poor', 'Fair', 'Average', 'Good', 'Very good', 'Excellent'],
  // Quality in everyday words ("Excellent / Good / OK / Bad / Horrible"): Bad and Poor sit together below OK.
  [
    'Horrible',
    'Terrible',
    'Awful',
    'Very bad',
    'Bad',
    'Poor',
    'Mediocre',
    'OK',
    'Okay',
    'Fair',
    'Average',
    'Decent',
    'Good',
    'Very good',
    'Great',
    'Excellent',
    'Outstanding',
  ],
  ['Very negative', 'Negative', 'Somewhat negative', 'Slightly negative', 'Neutral', 'Slightly positive', 'Somewhat positive', 'Positive', 'Very positive'],
  ['Very difficult', 'Difficult', 'Somewhat difficult', 'Neither easy nor difficult', 'Somewhat easy', 'Easy', 'Very easy'],
  ['Not at all critical', 'Slightly critical', 'Somewhat critical', 'Moderately critical', 'Very critical', 'Extremely critical'],
  [
    'Never',
    'Less than once a year',
    'Once a year',
    'A few times a year',
    'Several times a year',
    'Quarterly',
    'A few times a quarter',
    'Less often than monthly',
    'Less than monthly',
    'Less than once a month',
    'Monthly',
    'Once a month',
    'A few times a month',
    'Several times a month',
    'Weekly',
    'Once a week',
    'A few times a week',
    'Several times a week',
    'Daily',
    'Every day',
    'Several times a day',
    'Multiple times a day',
    'Hourly',
  ],
  [
    'Not relevant',
    'Not relevant for me',
    'Not useful',
    'Slightly useful',
    'Somewhat useful',
    'Useful',
    'Very useful',
    'Extremely useful',
    'Critical',
    'Critical to me',
    'Essential',
  ],
  [
    'Very unfavorably',
    'Somewhat unfavorably',
    'Neither favorably nor unfavorably (neutral)',
    'Neither favorably nor unfavorably',
    'Somewhat favorably',
    'Very favorably',
  ],
  ['Very unfavourable', 'Unfavourable', 'Somewhat unfavourable', 'Neutral', 'Somewhat favourable', 'Favourable', 'Very favourable'],
  // German (LimeSurvey's own wordings and the variants respondents' forms spell: "gar nicht" / "garnicht").
  [
    'Stimme überhaupt nicht zu',
    'Stimme gar nicht zu',
    'Stimme nicht zu',
    'Stimme eher nicht zu',
    'Teils/teils',
    'Weder noch',
    'Stimme eher zu',
    'Stimme zu',
    'Stimme voll zu',
    'Stimme vollständig zu',
    'Stimme voll und ganz zu',
  ],
  ['Überhaupt nicht wichtig', 'Gar nicht wichtig', 'Nicht wichtig', 'Unwichtig', 'Eher unwichtig', 'Teils/teils', 'Eher wichtig', 'Wichtig', 'Sehr wichtig'],
  ['Sehr unzufrieden', 'Unzufrieden', 'Eher unzufrieden', 'Teils/teils', 'Eher zufrieden', 'Zufrieden', 'Sehr zufrieden'],
  ['Nie', 'Selten', 'Manchmal', 'Gelegentlich', 'Oft', 'Häufig', 'Sehr oft', 'Immer'],
];

/** Answers that are not a point on any scale; they stay options but are left out of scale statistics. */
const OFF_SCALE = [
  'dont know',
  'not applicable',
  'na',
  'n a',
  'prefer not to say',
  'not sure',
  'no opinion',
  'i dont know',
  'dont know or not applicable',
  'unfamiliar n a',
  'unfamiliar',
  'i dont know na',
  'i dont know n a',
];

export function normaliseScaleLabel(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’'`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      // "Neither agree or disagree" (LimeSurvey) is the scale's "Neither agree nor disagree".
      .replace(/^neither (\w+) or /, 'neither $1 nor ')
  );
}

/**
 * What a label is matched on: spacing left out, so spellings that differ only in it are one point
 * ("Stimme garnicht zu" / "Stimme gar nicht zu", "Daily." / "Daily"), and "per" read as "a"
 * ("Several times per year").
 */
function scaleKey(label: string): string {
  return normaliseScaleLabel(label)
    .replace(/\bper\b/g, 'a')
    .replace(/ /g, '');
}

export function isOffScale(label: string): boolean {
  return OFF_SCALE.includes(normaliseScaleLabel(label));
}

/** "I had not been using tools like these.", "Not at all": doing it never, in the question's own words. */
const NOT_DOING = /^(?:i )?(?:had |have |do |did |am |was )?(?:not|never)\b/i;

export interface ScaleMatch {
  /** The question's values in scale order, lowest first. */
  ordered: string[];
  offScale: string[];
}

/** Returns the scale order of these values if at least two of them lie on one known scale and the rest are off-scale. */
export function matchLikertScale(values: readonly string[]): ScaleMatch | undefined {
  const offScale = values.filter(isOffScale);
  const onScale = values.filter((value) => !isOffScale(value));
  if (onScale.length < 2) return undefined;
  for (const scale of LIKERT_SCALES) {
    const positions = scale.map(scaleKey);
    const ranked = onScale.map((value) => ({ value, at: positions.indexOf(scaleKey(value)) }));
    const unplaced = ranked.filter(({ at }) => at < 0);
    // On a frequency scale, one answer saying the thing is not done at all is its lowest point.
    if (unplaced.length === 1 && scale[0] === 'Never' && ranked.length >= 3 && NOT_DOING.test(unplaced[0].value.trim())) unplaced[0].at = -1;
    else if (unplaced.length > 0) continue;
    return { ordered: ranked.sort((a, b) => a.at - b.at).map(({ value }) => value), offScale };
  }
  return undefined;
}

/** Neutral mid point of an ordered scale with one ("Neither agree nor disagree", "Neutral"). */
export function neutralIndex(labels: readonly string[]): number | undefined {
  if (labels.length % 2 === 0) return undefined;
  const middle = Math.floor(labels.length / 2);
  return /neither|neutral|undecided|mixed|in between|indifferent|teils|weder/i.test(labels[middle]) ? middle : undefined;
}
