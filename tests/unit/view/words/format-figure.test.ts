import { describe, expect, it } from 'vitest';
import { formatAnswerNumber, formatCounted, formatFigure } from '../../../../lib/view/words/format-figure';

describe('formatFigure', () => {
  it.each([
    [87569, 'count', '87,569'],
    [67.6, 'percent', '67.6%'],
    [55, 'percent', '55.0%'],
    [135012.6, 'number', '135,013'],
    [7.2234, 'number', '7.22'],
    [0.5, 'number', '0.5'],
    [1.4, 'rank', '1.40'],
    [NaN, 'number', '–'],
  ] as const)('formatFigure(%d, %s) is "%s"', (value, format, expected) => {
    expect(formatFigure(value, format)).toBe(expected);
  });
});

describe('formatAnswerNumber', () => {
  it.each([
    [169000, '169,000'],
    [0.8333, '0.8333'],
    [0, '0'],
    [NaN, ''],
  ])('formatAnswerNumber(%d) is "%s"', (value, expected) => {
    expect(formatAnswerNumber(value)).toBe(expected);
  });
});

describe('formatCounted', () => {
  it.each([
    [1, 'respondent', '1 respondent'],
    [0, 'answer', '0 answers'],
    [6400, 'respondent', '6,400 respondents'],
  ])('formatCounted(%d, %s) is "%s"', (value, noun, expected) => {
    expect(formatCounted(value, noun)).toBe(expected);
  });
});
