import { describe, expect, it } from 'vitest';
import { viewDefaultsOf } from '../../../../lib/view/state/view-defaults';

describe('viewDefaultsOf', () => {
  it.each<[string, Parameters<typeof viewDefaultsOf>[0], ReturnType<typeof viewDefaultsOf>]>([
    ['no codebook', { waves: [{ id: '2021' }, { id: '2022' }] }, { waveIds: ['2021', '2022'], weighted: false, suppressBelow: 10, disclosure: 'analyst' }],
    [
      'a weight column',
      { waves: [{ id: '2022' }], codebook: { weight: 'w' } },
      { waveIds: ['2022'], weighted: true, weightColumn: 'w', suppressBelow: 10, disclosure: 'analyst' },
    ],
    [
      'a stricter threshold',
      { waves: [{ id: '2022' }], codebook: { suppressBelow: 25 } },
      { waveIds: ['2022'], weighted: false, suppressBelow: 25, disclosure: 'analyst' },
    ],
    // a codebook may switch suppression off for public data: 0 is kept, not replaced by 10
    [
      'a threshold of 0',
      { waves: [{ id: '2022' }], codebook: { suppressBelow: 0 } },
      { waveIds: ['2022'], weighted: false, suppressBelow: 0, disclosure: 'analyst' },
    ],
    ['no waves', { waves: [] }, { waveIds: [], weighted: false, suppressBelow: 10, disclosure: 'analyst' }],
  ])('viewDefaultsOf(%s) → %j', (_, dataset, defaults) => {
    expect(viewDefaultsOf(dataset, undefined)).toEqual(defaults);
  });

  it.each<[string, string | undefined, 'analyst' | 'public' | undefined, 'analyst' | 'public']>([
    ['SURVEY_LENS_MODE=public, no codebook setting', 'public', undefined, 'public'],
    ['no server mode, codebook disclosure public', undefined, 'public', 'public'],
    ['a public server and a codebook saying analyst (the server wins)', 'public', 'analyst', 'public'],
    ['neither', undefined, undefined, 'analyst'],
  ])('viewDefaultsOf with %s → %s', (_, mode, disclosure, expected) => {
    expect(viewDefaultsOf({ waves: [], codebook: disclosure ? { disclosure } : {} }, mode).disclosure).toBe(expected);
  });
});
