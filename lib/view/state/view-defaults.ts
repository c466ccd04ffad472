import type { Codebook } from '../../survey/codebook-schema';
import { DEFAULT_SUPPRESS_BELOW, type ViewDefaults } from './view-state';

/** The server's mode: SURVEY_LENS_MODE=public makes every dataset public, whatever its codebook says. */
function serverMode(): string | undefined {
  return typeof process === 'undefined' ? undefined : process.env.SURVEY_LENS_MODE;
}

/**
 * A dataset's defaults, from its waves and codebook: its weight is used unless turned off; its
 * threshold is the floor; it is public when the server or its codebook says so (either suffices:
 * a codebook cannot make a public server analyst).
 */
export function viewDefaultsOf(dataset: { waves: readonly { id: string }[]; codebook?: Codebook }, mode: string | undefined = serverMode()): ViewDefaults {
  const isPublic = mode === 'public' || dataset.codebook?.disclosure === 'public';
  return {
    waveIds: dataset.waves.map((wave) => wave.id),
    weighted: Boolean(dataset.codebook?.weight),
    ...(dataset.codebook?.weight ? { weightColumn: dataset.codebook.weight } : {}),
    suppressBelow: dataset.codebook?.suppressBelow ?? DEFAULT_SUPPRESS_BELOW,
    disclosure: isPublic ? 'public' : 'analyst',
    ...(isPublic ? { release: { breakdowns: dataset.codebook?.publicBreakdowns ?? [], fields: dataset.codebook?.publicFields ?? 1 } } : {}),
  };
}
