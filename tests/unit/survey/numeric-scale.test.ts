import { describe, expect, it } from 'vitest';
import { detectNumericScale } from '../../../lib/survey/numeric-scale';

describe('detectNumericScale: a range the wording states, a level per column (issue 24)', () => {
  it('answers 3–10 under "…?10 - strongly agree, 1 - strongly disagree." → a 1–10 scale (nobody chose 1 or 2)', () => {
    const scale = detectNumericScale(['3', '5', '8', '10', '9'], ['Are your CI needs being met?10 - strongly agree, 1 - strongly disagree.']);
    expect([scale?.min, scale?.max, scale?.reason]).toEqual([1, 10, 'likert: whole numbers 1–10 (5 points used, the wording states 1–10)']);
  });

  it('bare 1–5 with no rating words → no scale; the same written one column per level → a scale, saying so', () => {
    expect(detectNumericScale(['1', '2', '3', '4', '5'], ['What is your feeling about CNCF?'])).toBeUndefined();
    expect(detectNumericScale(['1', '2', '3', '4', '5'], ['What is your feeling about CNCF?'], 'one column per level')?.reason).toBe(
      'likert: whole numbers 1–5 (5 points used, one column per level)',
    );
  });

  it('a level per column worded as a quantity ("how many years") stays no scale', () => {
    expect(detectNumericScale(['1', '2', '3', '4', '5'], ['How many years have you coded?'], 'one column per level')).toBeUndefined();
  });
});
