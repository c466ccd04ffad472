import { describe, expect, it } from 'vitest';
import { defaultViewState, suppressionOf, wavesOf } from '../../../../lib/view/state/view-state';

describe('defaultViewState', () => {
  it.each([true, false])(
    'defaultViewState({ weighted: %s }) → no filters, answered base, page 1, charts, no crosstab rows, column %%, no column searches, weighted as the dataset',
    (weighted) => {
      expect(defaultViewState({ weighted })).toEqual({
        filters: [],
        base: 'answered',
        weighted,
        desc: false,
        page: 1,
        display: 'chart',
        rows: [],
        pct: 'column',
        matches: {},
      });
    },
  );
});

describe('wavesOf', () => {
  const waves = ['2020', '2021', '2022'];

  it.each<[string | undefined, readonly string[], string[]]>([
    [undefined, waves, ['2022']],
    ['2021', waves, ['2021']],
    ['all', waves, ['2020', '2021', '2022']],
    [undefined, [], []],
  ])('wavesOf({ wave: %s }, %j) → %j', (wave, ids, expected) => {
    expect(wavesOf({ wave }, ids)).toEqual(expected);
  });
});

describe('suppressionOf', () => {
  it.each<[number | undefined, number, 'analyst' | 'public', number]>([
    [undefined, 10, 'public', 10],
    [25, 10, 'public', 25],
    // a public reader cannot lower the dataset's threshold
    [5, 10, 'public', 10],
    [undefined, 0, 'public', 0],
    // an analyst can: every row of their own data is browsable anyway
    [5, 10, 'analyst', 5],
    [0, 10, 'analyst', 0],
    [25, 10, 'analyst', 25],
    [undefined, 10, 'analyst', 10],
  ])('suppressionOf({ suppress: %s }, dataset %i, %s) → %i', (suppress, suppressBelow, disclosure, expected) => {
    expect(suppressionOf({ suppress }, { suppressBelow, disclosure })).toBe(expected);
  });
});
