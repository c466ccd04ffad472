import type { Question } from '../survey/types';
import type { Selection } from './selection';
import type { Figure, FigureSettings } from './figure';
import { multiFrequencies, singleFrequencies } from './frequencies';
import { likertBoxes, likertScale, scoresByCode } from './question-extras';
import { rankItems } from './rankings';
import type { Tally } from './tally';
import type { FindingMeasure } from './finding-row';

/** One share of a question over one set of respondents: the option's tally and its base's. */
export interface ShareCell {
  measure: FindingMeasure;
  value: string;
  label: string;
  option: Tally;
  base: Tally;
}

/** A mean a scan compares: each respondent's value (NaN = none) and the question's spread among the compared respondents. */
export interface MeanSource {
  label: string;
  values: ArrayLike<number>;
  standardDeviation: number;
  skewness: number;
}

/** A question made ready once for every group compared within the same respondents. */
export interface PreparedQuestion {
  question: Question;
  /** The shares over every compared respondent (the wave, or the selection): a group's rest is these minus the group's. */
  universe: ShareCell[];
  means: MeanSource[];
}

const cellsOf = (measure: FindingMeasure, figures: readonly Figure[]): ShareCell[] =>
  figures.map((figure) => ({ measure, value: figure.value, label: figure.label, option: figure.optionTally, base: figure.baseTally }));

/**
 * The shares the scan compares, per kind: single choice and multi-select per option (over the
 * figures' own bases, an option left out of the base over everyone who answered); Likert per option
 * and its top-2 box (lib/analysis/question-extras, from four points up); ranking, the share who
 * ranked each item first. Numeric questions have no share here, only their mean.
 */
export function shareCells(question: Question, selection: Selection, settings: FigureSettings): ShareCell[] {
  switch (question.kind) {
    case 'single':
      return cellsOf('share', singleFrequencies(question, selection, settings).figures);
    case 'likert': {
      const figures = singleFrequencies(question, selection, settings).figures;
      const topTwo = likertBoxes(question, settings, figures).flatMap((extra) => (extra.measure === 'top2' && 'figure' in extra ? [extra.figure] : []));
      return [...cellsOf('share', figures), ...cellsOf('top2', topTwo)];
    }
    case 'multi':
      return cellsOf('share', multiFrequencies(question, selection, settings).figures);
    case 'ranking':
      return cellsOf(
        'ranked_first',
        rankItems(question, selection, settings).items.map((item) => item.first),
      );
    default:
      return [];
  }
}

/**
 * Standard deviation and skewness of the values among the respondents in `bits` (weighted when
 * weighted), in two passes (mean, then central moments: a salary's cubes would swamp raw sums).
 * The SD has n − 1 in its denominator, so that unweighted it is R's sd(); it is the unit of a mean's
 * effect floor ("0.2 SD"): one spread per question, shared by every group compared, rather than a
 * pooled within-group SD that would change from group to group. The skewness (g1 = m3/m2^1.5)
 * decides whether the mean may be tested (lib/analysis/normal-approximation).
 */
function spreadOf(values: ArrayLike<number>, bits: Uint32Array, weights: Float64Array | undefined): { standardDeviation: number; skewness: number } {
  let [n, sumW, sumWX] = [0, 0, 0];
  for (let word = 0; word < bits.length; word++) {
    for (let rest = bits[word]; rest !== 0; rest &= rest - 1) {
      const i = (word << 5) | (31 - Math.clz32(rest & -rest));
      if (Number.isNaN(values[i])) continue;
      const w = weights ? weights[i] : 1;
      n++;
      sumW += w;
      sumWX += w * values[i];
    }
  }
  if (n < 2 || !(sumW > 0)) return { standardDeviation: NaN, skewness: NaN };
  const mean = sumWX / sumW;
  let [m2, m3] = [0, 0];
  for (let word = 0; word < bits.length; word++) {
    for (let rest = bits[word]; rest !== 0; rest &= rest - 1) {
      const i = (word << 5) | (31 - Math.clz32(rest & -rest));
      const d = values[i] - mean;
      if (Number.isNaN(d)) continue;
      const w = weights ? weights[i] : 1;
      m2 += w * d * d;
      m3 += w * d * d * d;
    }
  }
  [m2, m3] = [m2 / sumW, m3 / sumW];
  return { standardDeviation: Math.sqrt(m2 * (n / (n - 1))), skewness: m2 > 0 ? m3 / m2 ** 1.5 : NaN };
}

/** The mean scores a scan compares: a numeric question's mean, a Likert question's mean score (positions, or the scale's own numbers). */
function meanSources(question: Question, universe: Selection, weights: Float64Array | undefined): MeanSource[] {
  let sources: { label: string; values: ArrayLike<number> }[] = [];
  if (question.kind === 'numeric') sources = [{ label: 'Mean', values: question.values }];
  else if (question.kind === 'likert') {
    const scale = likertScale(question);
    if (scale) sources = [{ label: scale.meanLabel, values: scoresByCode(question, scale.scoreOf) }];
  }
  return sources.map((source) => ({ ...source, ...spreadOf(source.values, universe.bits, weights) }));
}

/** A question's shares over all compared respondents and its mean sources with their spread: computed once, read for every group. */
export function prepareQuestion(question: Question, universe: Selection, settings: FigureSettings): PreparedQuestion {
  return { question, universe: shareCells(question, universe, settings), means: meanSources(question, universe, settings.weights) };
}

// A filtered view is compared with the rest of its whole wave: every new filter prepared the same
// questions over the same respondents again (each option's tally, each mean's spread: passes over
// every respondent). Kept per parsed question and settings; weights by identity (one per question, lib/analysis/weights).
const overWholeWave = new WeakMap<Question, Map<string, PreparedQuestion>>();
const weightIds = new WeakMap<Float64Array, number>();
let nextWeightId = 1;

/** prepareQuestion over every respondent of the wave (`everyone`, selectAll), computed once per question and settings. */
export function prepareOverWholeWave(question: Question, everyone: Selection, settings: FigureSettings): PreparedQuestion {
  const weights = settings.weights;
  if (weights && !weightIds.has(weights)) weightIds.set(weights, nextWeightId++);
  const key = JSON.stringify([
    settings.baseRule,
    settings.level,
    settings.suppressBelow,
    settings.unreliableBelow,
    settings.surveySize,
    weights ? weightIds.get(weights) : 0,
  ]);
  let known = overWholeWave.get(question);
  if (!known) overWholeWave.set(question, (known = new Map()));
  let prepared = known.get(key);
  if (!prepared) {
    // A handful of settings are ever asked of one question (levels, a weight or none): past that, start again.
    if (known.size >= 16) known.clear();
    known.set(key, (prepared = prepareQuestion(question, everyone, settings)));
  }
  return prepared;
}
