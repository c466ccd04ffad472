import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../../lib/view/words/wrap-label';

describe('wrapLabel', () => {
  it.each([
    ['Python', 20, 2, ['Python']],
    ['I am a developer by profession', 20, 2, ['I am a developer by', 'profession']],
    ['I am not primarily a developer, but I write code sometimes as part of my work', 30, 2, ['I am not primarily a', 'developer, but I write code…']],
    ['Bash/Shell/PowerShell', 12, 2, ['Bash/Shell/', 'PowerShell']],
    ['Neither satisfied nor dissatisfied', 12, 1, ['Neither…']],
    ['  spaced   out  ', 20, 1, ['spaced out']],
  ])('wrapLabel(%j, %i, %i) is %j', (text, chars, lines, expected) => {
    expect(wrapLabel(text, chars, lines)).toEqual(expected);
  });
});
