import { describe, expect, it } from 'vitest';
import { viewDefaultsOf } from '../../../lib/view/view-defaults';

describe('viewDefaultsOf', () => {
  it.each<[string, Parameters<typeof viewDefaultsOf>[0], ReturnType<typeof viewDefaultsOf>]>([
    ['no codebook', { waves: [{ id: '2021' }, { id: '2022' }] }, { waveIds: ['2021', '2022'], weighted: false, suppressBelow: 10 }],
    ['a weight column', { waves: [{ id: '2022' }], codebook: { weight: 'w' } }, { waveIds: ['2022'], weighted: true, suppressBelow: 10 }],
    ['a stricter threshold', { waves: [{ id: '2022' }], codebook: { suppressBelow: 25 } }, { waveIds: ['2022'], weighted: false, suppressBelow: 25 }],
    // a codebook may switch suppression off for public data: 0 is kept, not replaced by 10
    ['a threshold of 0', { waves: [{ id: '2022' }], codebook: { suppressBelow: 0 } }, { waveIds: ['2022'], weighted: false, suppressBelow: 0 }],
    ['no waves', { waves: [] }, { waveIds: [], weighted: false, suppressBelow: 10 }],
  ])('viewDefaultsOf(%s) → %j', (_, dataset, defaults) => {
    expect(viewDefaultsOf(dataset)).toEqual(defaults);
  });
});
