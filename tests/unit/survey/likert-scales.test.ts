import { describe, expect, it } from 'vitest';
import { isOffScale, LIKERT_SCALES, matchLikertScale, normaliseScaleLabel } from '../../../lib/survey/likert-scales';

describe('normaliseScaleLabel', () => {
  it.each([
    ['Strongly Agree', 'strongly agree'],
    ['Don’t know', 'dont know'],
    ["Don't know", 'dont know'],
    ['  N/A ', 'n a'],
    ['Neither agree nor disagree', 'neither agree nor disagree'],
  ])('normaliseScaleLabel(%j) is %j', (label, normal) => {
    expect(normaliseScaleLabel(label)).toBe(normal);
  });
});

describe('isOffScale', () => {
  it.each(['Don’t know', "I don't know", 'Not applicable', 'Prefer not to say', 'Not sure', 'No opinion', 'N/A'])('isOffScale(%j) is true', (label) => {
    expect(isOffScale(label)).toBe(true);
  });

  it.each(['Neutral', 'Never', 'Agree', 'Other'])('isOffScale(%j) is false', (label) => {
    expect(isOffScale(label)).toBe(false);
  });
});

describe('matchLikertScale', () => {
  it('matchLikertScale puts agreement labels in scale order, lowest first', () => {
    expect(matchLikertScale(['Agree', 'Strongly disagree', 'Neutral', 'Strongly agree', 'Disagree'])).toEqual({
      ordered: ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'],
      offScale: [],
    });
  });

  it('matchLikertScale keeps the values as written while matching case- and apostrophe-insensitively', () => {
    expect(matchLikertScale(['VERY SATISFIED', 'very dissatisfied', 'Dissatisfied'])?.ordered).toEqual(['very dissatisfied', 'Dissatisfied', 'VERY SATISFIED']);
  });

  it('matchLikertScale sets off-scale answers apart', () => {
    expect(matchLikertScale(['Often', 'Don’t know', 'Never', 'Not applicable'])).toEqual({
      ordered: ['Never', 'Often'],
      offScale: ['Don’t know', 'Not applicable'],
    });
  });

  it.each([
    ['one scale label only', ['Agree', 'Don’t know']],
    ['a label on no scale', ['Agree', 'Disagree', 'Maybe']],
    ['labels from two different scales', ['Agree', 'Often']],
    ['no values', []],
  ])('matchLikertScale is undefined for %s', (_, values) => {
    expect(matchLikertScale(values)).toBeUndefined();
  });

  it.each([
    [
      ['Excellent', 'Poor', 'Good'],
      ['Poor', 'Good', 'Excellent'],
    ],
    [
      ['Very easy', 'Very difficult', 'Neither easy nor difficult'],
      ['Very difficult', 'Neither easy nor difficult', 'Very easy'],
    ],
    [
      ['Very important', 'Not at all important', 'Somewhat important'],
      ['Not at all important', 'Somewhat important', 'Very important'],
    ],
    [
      ['Likely', 'Very unlikely'],
      ['Very unlikely', 'Likely'],
    ],
  ])('matchLikertScale(%j) orders them %j', (values, ordered) => {
    expect(matchLikertScale(values)?.ordered).toEqual(ordered);
  });

  it('no label appears twice on one scale (a scale position would be ambiguous)', () => {
    for (const scale of LIKERT_SCALES) {
      const normal = scale.map(normaliseScaleLabel);
      expect(new Set(normal).size).toBe(normal.length);
    }
  });
});

describe('matchLikertScale: scales issue 24 found out of order', () => {
  it.each([
    // Everyday quality words, shown before as Good, OK, Excellent, Bad, Horrible (by count).
    [
      ['Good', 'OK', 'Excellent', 'Bad', 'Horrible'],
      ['Horrible', 'Bad', 'OK', 'Good', 'Excellent'],
    ],
    // Frequencies with their full stops (Carpentries), "per" for "a", and a "not using" answer as the lowest point.
    [
      ['Daily.', 'Weekly.', 'I had not been using tools like these.', 'Several times per year.', 'Less than once per year.', 'Monthly.'],
      ['I had not been using tools like these.', 'Less than once per year.', 'Several times per year.', 'Monthly.', 'Weekly.', 'Daily.'],
    ],
    // German agreement, spelt "garnicht" in one question and "gar nicht" in another (LimeSurvey, digital twins).
    [
      ['Stimme eher zu', 'Stimme vollständig zu', 'Stimme eher nicht zu', 'Stimme garnicht zu'],
      ['Stimme garnicht zu', 'Stimme eher nicht zu', 'Stimme eher zu', 'Stimme vollständig zu'],
    ],
    [
      ['eher wichtig', 'sehr wichtig', 'garnicht wichtig', 'eher unwichtig'],
      ['garnicht wichtig', 'eher unwichtig', 'eher wichtig', 'sehr wichtig'],
    ],
    [
      ['Somewhat Positive', 'Very Negative', 'Neutral', 'Very Positive', 'Somewhat Negative'],
      ['Very Negative', 'Somewhat Negative', 'Neutral', 'Somewhat Positive', 'Very Positive'],
    ],
  ])('matchLikertScale(%j) orders them %j', (values, ordered) => {
    expect(matchLikertScale(values)?.ordered).toEqual(ordered);
  });

  it('a "not using" answer is the lowest point only on a frequency scale: beside agreement words it is no scale at all', () => {
    expect(matchLikertScale(['Agree', 'Disagree', 'I have not used it'])).toBeUndefined();
  });
});
