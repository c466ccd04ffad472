import type { Codebook } from '../survey/codebook-schema';
import { DEFAULT_SUPPRESS_BELOW, type ViewDefaults } from './view-state';

/** A dataset's defaults, from its waves and codebook: its weight is used unless turned off; its threshold is the floor. */
export function viewDefaultsOf(dataset: { waves: readonly { id: string }[]; codebook?: Codebook }): ViewDefaults {
  return {
    waveIds: dataset.waves.map((wave) => wave.id),
    weighted: Boolean(dataset.codebook?.weight),
    suppressBelow: dataset.codebook?.suppressBelow ?? DEFAULT_SUPPRESS_BELOW,
  };
}
