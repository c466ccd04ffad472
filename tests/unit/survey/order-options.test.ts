import { describe, expect, it } from 'vitest';
import { mergeOrder, orderOptions } from '../../../lib/survey/order-options';

/** Counts map in the order the values were first seen. */
const counts = (...entries: [string, number][]) => new Map(entries);

describe('orderOptions', () => {
  it('orderOptions sorts unordered answers by count, most chosen first, keeping first-seen order on ties', () => {
    expect(orderOptions(counts(['India', 1], ['Germany', 4], ['France', 1], ['United States', 2]))).toEqual([
      'Germany', // 4
      'United States', // 2
      'India', // 1, seen before France
      'France', // 1
    ]);
  });

  it('orderOptions sorts ranges by their first number, not as text or by count', () => {
    // As text "201-1,000" < "5,001+" < "1-10" < "11-50" is wrong; by count 11-50 would lead.
    expect(orderOptions(counts(['11-50', 9], ['5,001+', 2], ['201-1,000', 3], ['1-10', 1]))).toEqual(['1-10', '11-50', '201-1,000', '5,001+']);
  });

  it('orderOptions sorts age ranges with words after the number ("25-34 years old")', () => {
    expect(orderOptions(counts(['35-44 years old', 5], ['18-24 years old', 1], ['25-34 years old', 7], ['Under 18 years old', 1]))).toEqual([
      // "Under 18" reads as just below 18 (17.999), so it comes first.
      'Under 18 years old',
      '18-24 years old',
      '25-34 years old',
      '35-44 years old',
    ]);
  });

  it('orderOptions sorts money ranges ("$0-$10,000", "$100,000+")', () => {
    expect(orderOptions(counts(['$100,000+', 3], ['$0-$10,000', 2], ['$10,001-$50,000', 8]))).toEqual(['$0-$10,000', '$10,001-$50,000', '$100,000+']);
  });

  it.each(['Other', 'Other(s):', 'Other (please specify)', 'None of the above', 'Prefer not to say', 'Prefer not to answer', "Don't know", 'Not applicable'])(
    'orderOptions puts the catch-all %j last even when it is the most chosen',
    (catchAll) => {
      expect(orderOptions(counts([catchAll, 50], ['Red', 3], ['Blue', 5]))).toEqual(['Blue', 'Red', catchAll]);
    },
  );

  it('orderOptions keeps ranges in numeric order with catch-alls last: "1-10" … "5,001+", "I don\'t know"', () => {
    expect(orderOptions(counts(['11-50', 3], ['201-1,000', 2], ['1-10', 1], ['5,001+', 1], ["I don't know", 1]))).toEqual([
      '1-10',
      '11-50',
      '201-1,000',
      '5,001+',
      "I don't know",
    ]);
  });

  it('orderOptions puts "< 1 years" before "1-2 years" whatever the counts (ordinal order)', () => {
    // Kaggle's coding-experience options. "< 1" is below 1, so it comes first even when "1-2 years"
    // is more common; both start with the number 1, so the number alone does not decide.
    expect(orderOptions(counts(['1-2 years', 40], ['< 1 years', 25], ['3-5 years', 30], ['20+ years', 5]))).toEqual([
      '< 1 years',
      '1-2 years',
      '3-5 years',
      '20+ years',
    ]);
  });

  it('orderOptions does not sort by number when fewer than 60% of the options carry one', () => {
    // 1 numbered option of 3 (33%): count order, Python 9 > 3 cats 4 > Go 2.
    expect(orderOptions(counts(['Go', 2], ['3 cats', 4], ['Python', 9]))).toEqual(['Python', '3 cats', 'Go']);
  });
});

describe('mergeOrder', () => {
  it('mergeOrder puts the codebook order first and the other values after, in default order', () => {
    // codebook: Hybrid, On-site; the data also has Fully remote (5) and Other (9, a catch-all).
    expect(mergeOrder(['Hybrid', 'On-site'], counts(['On-site', 4], ['Other', 9], ['Fully remote', 5], ['Hybrid', 1]))).toEqual([
      'Hybrid',
      'On-site',
      'Fully remote',
      'Other',
    ]);
  });

  it('mergeOrder keeps codebook values the data never had (an option nobody chose still shows)', () => {
    expect(mergeOrder(['Never', 'Sometimes', 'Always'], counts(['Always', 2]))).toEqual(['Never', 'Sometimes', 'Always']);
  });

  it.each([undefined, []])('mergeOrder(%j, counts) is the default order', (preferred) => {
    expect(mergeOrder(preferred, counts(['b', 1], ['a', 2]))).toEqual(['a', 'b']);
  });
});

describe('orderOptions: versions (issue 24, defect 7)', () => {
  const counts = (values: string[]) => new Map(values.map((value, k) => [value, 10 + k]));
  it.each([
    [
      ['Python 3.10', 'Python 3.8', 'Python 3.9', 'Python 2.7'],
      ['Python 2.7', 'Python 3.8', 'Python 3.9', 'Python 3.10'],
    ],
    [
      ['3.10', '3.9', '3.11', '3.8'],
      ['3.8', '3.9', '3.10', '3.11'],
    ],
    [
      ['1.10.2', '1.9.0', '1.2.3'],
      ['1.2.3', '1.9.0', '1.10.2'],
    ],
    // Decimals stay decimals: 3.25 is less than 3.5.
    [
      ['3.5', '3.25', '4.0'],
      ['3.25', '3.5', '4.0'],
    ],
  ])('orderOptions(%j) → %j', (values, ordered) => {
    expect(orderOptions(counts(values))).toEqual(ordered);
  });
});
