import { describe, expect, it } from 'vitest';
import type { QuestionSummary, ShownBucket } from '../../../lib/analysis/summarize-question';
import { describeBaseStatement, describeWithheld, isSmallBase } from '../../../lib/view/describe-base';

const bucket = (count: number, base: number, flags: Partial<ShownBucket> = {}): ShownBucket => ({
  value: 'x',
  label: 'x',
  count,
  base,
  share: count / base,
  percent: Math.round((count / base) * 1000) / 10,
  low: NaN,
  high: NaN,
  suppressed: false,
  unreliable: false,
  excludedFromBase: false,
  ...flags,
});

const multi = (base: number, flags: Partial<ShownBucket> = {}): QuestionSummary => ({
  type: 'choice',
  questionKind: 'multi',
  base,
  buckets: [bucket(Math.min(base, 3), Math.max(base, 1), flags)],
  canExceed100: true,
});

describe('describeBaseStatement', () => {
  it('describeBaseStatement(multi-select, base 87,569 of 88,883) names the base and says shares can pass 100%', () => {
    expect(describeBaseStatement(multi(87569), 88883)).toEqual({
      base: 'Base: 87,569 respondents who answered (98.5% of 88,883 respondents).',
      notes: ['Respondents could choose several options; percentages can add up to more than 100%.'],
    });
  });

  it('describeBaseStatement(base 20, flagged unreliable) adds a caution', () => {
    const { notes } = describeBaseStatement(multi(20, { unreliable: true }), 100);
    expect(notes.at(-1)).toMatch(/^Small base: fewer than 30 respondents/);
  });
});

describe('describeWithheld', () => {
  it.each([
    [multi(500), undefined],
    [multi(3, { suppressed: true }), 'Only 3 respondents answered, fewer than 10: figures are withheld.'],
    [multi(1, { suppressed: true }), 'Only 1 respondent answered, fewer than 10: figures are withheld.'],
    [{ type: 'choice', questionKind: 'single', base: 0, buckets: [], canExceed100: false } as QuestionSummary, 'Nobody answered this question.'],
    [{ type: 'not-charted', base: 2, reason: 'free text' } as QuestionSummary, undefined],
  ])('describeWithheld(%#) is %j', (summary, expected) => {
    expect(describeWithheld(summary)).toBe(expected);
  });

  it('isSmallBase(unreliable multi) is true and isSmallBase(base 500) is false', () => {
    expect(isSmallBase(multi(20, { unreliable: true }))).toBe(true);
    expect(isSmallBase(multi(500))).toBe(false);
  });
});
