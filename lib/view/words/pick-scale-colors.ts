/** A scale point's colour and the colour of a figure printed on it (CSS values: tokens in app/globals.css). */
export interface ScaleColor {
  fill: string;
  ink: string;
}

/** Shades per side of a diverging scale, and steps of a sequential one (globals.css). */
const SIDE_STEPS = 5;
const SEQUENTIAL_STEPS = 11;
const SERIES = 8;
/** Which of the five shades of a side a scale with k points on that side uses, nearest the centre first. */
const SIDE_PICKS: Record<number, number[]> = { 1: [3], 2: [2, 4], 3: [1, 3, 5], 4: [1, 2, 4, 5], 5: [1, 2, 3, 4, 5] };

const token = (name: string): ScaleColor => ({ fill: `var(--${name})`, ink: `var(--${name}-ink)` });

function sideStep(distance: number, points: number): number {
  const picks = SIDE_PICKS[points];
  if (picks) return picks[distance - 1];
  return Math.round(1 + ((distance - 1) * (SIDE_STEPS - 1)) / (points - 1));
}

/**
 * The colours of a grid's answer scale, in scale order. An ordered scale with a neutral point
 * diverges from a grey centre (vermillion below, blue above — Okabe & Ito's pair, which
 * colour-blind readers tell apart), deeper with distance; an ordered one without a neutral
 * point is one sequential ramp (light to deep in the light theme, dim to bright in the dark
 * one); an unordered one takes the series palette. Answers off the scale ("Don't know") are
 * greys. Every colour comes with an ink that prints on it at 4.5:1 or more in both themes.
 */
export function pickScaleColors(scale: readonly { offScale: boolean }[], ordered: boolean, neutralIndex?: number): ScaleColor[] {
  const onScale = scale.flatMap((point, index) => (point.offScale ? [] : [index]));
  const n = onScale.length;
  let off = 0;
  return scale.map((point, index) => {
    if (point.offScale) return token(`scale-off-${(off++ % 2) + 1}`);
    const position = onScale.indexOf(index);
    if (!ordered) return token(`series-${(position % SERIES) + 1}`);
    if (neutralIndex === undefined || neutralIndex < 0 || neutralIndex >= n) {
      return token(`seq-${n === 1 ? 6 : Math.round(1 + (position * (SEQUENTIAL_STEPS - 1)) / (n - 1))}`);
    }
    if (position === neutralIndex) return token('div-mid');
    const below = position < neutralIndex;
    const points = below ? neutralIndex : n - 1 - neutralIndex;
    const distance = Math.abs(position - neutralIndex);
    return token(`div-${below ? 'neg' : 'pos'}-${sideStep(distance, points)}`);
  });
}
