import type { LikertQuestion, MultiQuestion, NumericQuestion, Question, RankingQuestion } from '../../survey/types';
import { createBitset } from '../../survey/bitset';
import { answeredBits } from '../answered';
import { tCritical } from '../distributions';
import { makeEstimate } from '../estimate';
import { makeFigure, type Figure, type FigureSettings } from '../figure';
import type { ValueMeasure } from '../measures';
import { binIndex, type NumericBin } from '../numeric-bins';
import { likertBoxes, likertScale, type ExtraFigure } from '../question-extras';
import type { QuestionFigures } from '../question-figures';
import { andBits, effectiveBaseOf, EMPTY_TALLY, orInto, tallyBits, type Tally } from '../tally';
import { bitsByCode } from './release-atoms';
import { addCells, releaseOver, releaseSum, type ReleaseContext } from './release-cell';

/** A mean or quantile is published only over at least this many respondents, and to three significant digits (issue 21, attack 5). */
export const PUBLIC_VALUE_BASE = 30;

const sum = (cells: readonly Tally[]) => cells.reduce(addCells, EMPTY_TALLY);
const notIn = (bits: Uint32Array) => bits.map((word) => ~word >>> 0);
const threeDigits = (value: number) => (Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(3)) : value);

/** Figures are made from released cells as they are: nothing is perturbed twice. */
function plain(settings: FigureSettings): FigureSettings {
  return { ...settings, recordKeys: undefined };
}

/** A value (mean, quantile) as a public figure: withheld under PUBLIC_VALUE_BASE, else three significant digits. */
function publicEstimate(
  measure: ValueMeasure,
  label: string,
  value: string,
  count: number,
  base: number,
  estimate: number,
  interval: [number, number] | undefined,
  settings: FigureSettings,
  weighted: boolean,
): ExtraFigure {
  const floor = { ...settings, suppressBelow: Math.max(settings.suppressBelow, PUBLIC_VALUE_BASE) };
  const [low, high] = interval ?? [NaN, NaN];
  return {
    measure,
    estimate: makeEstimate({ value, label, count, base, estimate: threeDigits(estimate), low: threeDigits(low), high: threeDigits(high), weighted }, floor),
  };
}

/**
 * The mean of a value known per cell (a score per option, a place per rank) from released cells
 * alone, with its t interval: unweighted from the cells' counts; weighted as R's svymean
 * linearises it, Σ w²(x − mean)² over Σw², here summed cell by cell.
 */
function meanOfCells(
  values: readonly number[],
  cells: readonly Tally[],
  weighted: boolean,
  level: number,
): { n: number; mean: number; low: number; high: number } {
  const n = cells.reduce((total, cell) => total + cell.count, 0);
  const total = cells.reduce((sumW, cell) => sumW + (weighted ? cell.sumW : cell.count), 0);
  if (n === 0 || total <= 0) return { n, mean: NaN, low: NaN, high: NaN };
  const mean = cells.reduce((acc, cell, k) => acc + values[k] * (weighted ? cell.sumW : cell.count), 0) / total;
  if (n < 2) return { n, mean, low: NaN, high: NaN };
  const spread = weighted
    ? Math.sqrt(((n / (n - 1)) * cells.reduce((acc, cell, k) => acc + cell.sumW2 * (values[k] - mean) ** 2, 0)) / (total * total))
    : Math.sqrt(cells.reduce((acc, cell, k) => acc + cell.count * (values[k] - mean) ** 2, 0) / (n - 1) / n);
  const half = tCritical(n - 1, level) * spread;
  return { n, mean, low: mean - half, high: mean + half };
}

interface Released {
  base: Tally;
  figures: Figure[];
  extras: ExtraFigure[];
}

function choiceFigures(
  question: Question & { kind: 'single' | 'likert' },
  atoms: readonly Uint32Array[],
  context: ReleaseContext,
  settings: FigureSettings,
): Released {
  const groups = bitsByCode(question);
  const cells = groups.map((group) => releaseOver(atoms, group, context));
  const options = question.options.map((_, index) => cells[index + 1]);
  const answered = sum(options.filter((_, index) => !question.options[index].excludedFromBase));
  // A base is the sum of its cells: shares of a single-choice question add up to 100 on the page and in the file alike.
  const base = settings.baseRule === 'all' ? addCells(sum(options), cells[0]) : answered;
  const everyAnswer = sum(options);
  const figures = question.options.map((option, index) =>
    makeFigure(
      option.value,
      option.label,
      option.excludedFromBase === true,
      options[index],
      option.excludedFromBase && settings.baseRule === 'answered' ? everyAnswer : base,
      settings,
    ),
  );
  return { base, figures, extras: question.kind === 'likert' ? likertFromCells(question, options, figures, settings) : [] };
}

/** Top-2 and bottom-2 boxes, the mean score and the Net Promoter Score, all from the option cells. */
function likertFromCells(question: LikertQuestion, options: readonly Tally[], figures: readonly Figure[], settings: FigureSettings): ExtraFigure[] {
  const scale = likertScale(question);
  if (!scale) return [];
  const weighted = settings.weights !== undefined;
  const onScale = scale.codes.map((code) => options[code - 1]);
  const scores = scale.codes.map((code) => scale.scoreOf.get(code)!);
  const base = onScale.reduce((total, cell) => total + cell.count, 0);
  const mean = meanOfCells(scores, onScale, weighted, settings.level);
  const extras = [
    ...likertBoxes(question, settings, figures, scale),
    publicEstimate('mean', scale.meanLabel, '', mean.n, base, mean.mean, [mean.low, mean.high], settings, weighted),
  ];
  if (question.netPromoter && scale.numbered) {
    const nps = meanOfCells(
      scores.map((score) => (score >= 9 ? 100 : score <= 6 ? -100 : 0)),
      onScale,
      weighted,
      settings.level,
    );
    extras.push(publicEstimate('nps', 'Net Promoter Score (% 9–10 minus % 0–6)', '', nps.n, base, nps.mean, [nps.low, nps.high], settings, weighted));
  }
  return extras;
}

function multiFigures(question: MultiQuestion, atoms: readonly Uint32Array[], context: ReleaseContext, settings: FigureSettings): Released {
  const counted = createBitset(question.answered.length * 32);
  question.options.forEach((option, index) => !option.excludedFromBase && orInto(counted, question.members[index]));
  const hasExcluded = question.options.some((option) => option.excludedFromBase);
  const everyAnswer = releaseOver(atoms, question.answered, context);
  const answered = hasExcluded ? releaseOver(atoms, counted, context) : everyAnswer;
  const base = settings.baseRule === 'all' ? addCells(everyAnswer, releaseOver(atoms, notIn(question.answered), context)) : answered;
  const figures = question.options.map((option, index) => {
    const cell = releaseOver(atoms, question.members[index], context);
    const over = option.excludedFromBase && settings.baseRule === 'answered' ? everyAnswer : base;
    // Two released cells can cross by their noise: a share is never above 100%.
    return makeFigure(option.value, option.label, option.excludedFromBase === true, cell.count > over.count ? over : cell, over, settings);
  });
  return { base, figures, extras: [] };
}

/** Per item the cells of each place it was given (1st, 2nd…): the share ranked first, in the top 3 and at all are sums of them, the mean rank their mean. */
function rankingFigures(question: RankingQuestion, atoms: readonly Uint32Array[], context: ReleaseContext, settings: FigureSettings): Released {
  const ranked = releaseOver(atoms, question.answered, context);
  const base = settings.baseRule === 'all' ? addCells(ranked, releaseOver(atoms, notIn(question.answered), context)) : ranked;
  const weighted = settings.weights !== undefined;
  const places = Array.from({ length: Math.max(1, question.maxRank) }, (_, r) => r + 1);
  const items = question.options.map((option, index) => {
    const ranks = question.ranks[index];
    const byPlace = places.map((place) => {
      const bits = createBitset(ranks.length);
      for (let i = 0; i < ranks.length; i++) if (ranks[i] === place) bits[i >>> 5] |= 1 << (i & 31);
      return releaseOver(atoms, bits, context);
    });
    const upTo = (k: number) => {
      const cell = sum(byPlace.slice(0, k));
      return makeFigure(option.value, option.label, false, cell.count > base.count ? base : cell, base, settings);
    };
    const mean = meanOfCells(places, byPlace, weighted, settings.level);
    return { option, first: upTo(1), top3: upTo(3), atAll: upTo(places.length), mean, rankedCount: sum(byPlace).count };
  });
  const extras: ExtraFigure[] = [
    ...(question.maxRank > 3 ? items.map((item): ExtraFigure => ({ measure: 'ranked_top3', figure: item.top3 })) : []),
    ...items.map((item): ExtraFigure => ({ measure: 'ranked_at_all', figure: item.atAll })),
    ...items.map((item) =>
      publicEstimate(
        'mean_rank',
        item.option.label,
        item.option.value,
        item.mean.n,
        base.count,
        item.mean.mean,
        [item.mean.low, item.mean.high],
        settings,
        weighted,
      ),
    ),
  ];
  return { base, figures: items.map((item) => item.first), extras };
}

/**
 * A numeric question's histogram from its released bin cells, the mean from a released sum
 * (noise within ± the answers' interquartile range over each atom: a mean over 30 moves by at
 * most a thirtieth of it), and the quartiles read off the released histogram. The smallest and
 * largest answers are one person's each: never published.
 */
function numericFigures(
  question: NumericQuestion,
  atoms: readonly Uint32Array[],
  context: ReleaseContext,
  settings: FigureSettings,
  bins: readonly NumericBin[],
): Released {
  const answered = answeredBits(question, question.values.length);
  const binBits = bins.map(() => createBitset(question.values.length));
  question.values.forEach((value, i) => !Number.isNaN(value) && (binBits[binIndex(bins, value)][i >>> 5] |= 1 << (i & 31)));
  const cells = binBits.map((bits) => releaseOver(atoms, bits, context));
  const inBins = sum(cells);
  const base = settings.baseRule === 'all' ? addCells(inBins, releaseOver(atoms, notIn(answered), context)) : inBins;
  const figures = bins.map((bin, b) => makeFigure(bin.value, bin.label, false, cells[b], base, settings));
  const spread = interquartileRange(question) || 1;
  const weighted = settings.weights !== undefined;
  let total = 0;
  for (const atom of atoms) {
    const within = andBits(atom, answered);
    const tally = tallyBits(within, undefined, context.keys);
    if (tally.count === 0) continue;
    let atomSum = 0;
    within.forEach((word, w) => {
      for (let rest = word; rest !== 0; rest &= rest - 1) {
        const i = (w << 5) | (31 - Math.clz32(rest & -rest));
        atomSum += question.values[i] * (weighted ? context.weights![i] : 1);
      }
    });
    total += releaseSum(atomSum, tally.keySum ?? 0, spread * (weighted ? context.weightStep * 10 : 1));
  }
  const mean = total / (weighted ? inBins.sumW : inBins.count);
  const quantile = (measure: ValueMeasure, label: string, p: number) =>
    publicEstimate(measure, label, '', inBins.count, base.count, histogramQuantile(bins, cells, p), undefined, settings, false);
  return {
    base,
    figures,
    extras: [
      publicEstimate('mean', 'Mean', '', inBins.count, base.count, mean, undefined, settings, weighted),
      quantile('median', 'Median', 0.5),
      quantile('q1', 'Lower quartile', 0.25),
      quantile('q3', 'Upper quartile', 0.75),
    ],
  };
}

/** The value below which a share p of the released histogram lies, by linear interpolation within its bin; none in an open-ended outer bin. */
function histogramQuantile(bins: readonly NumericBin[], cells: readonly Tally[], p: number): number {
  const n = cells.reduce((total, cell) => total + cell.count, 0);
  let below = 0;
  for (let b = 0; b < bins.length; b++) {
    const count = cells[b].count;
    if (count > 0 && below + count >= p * n) {
      const { from, to } = bins[b];
      return Number.isFinite(from) && Number.isFinite(to) ? from + ((p * n - below) / count) * (to - from) : NaN;
    }
    below += count;
  }
  return NaN;
}

const spreads = new WeakMap<NumericQuestion, number>();

/** The interquartile range of every answer in the wave: the scale of a released sum's noise. */
function interquartileRange(question: NumericQuestion): number {
  let spread = spreads.get(question);
  if (spread === undefined) {
    const sorted = Float64Array.from(question.values.filter((value) => !Number.isNaN(value))).sort();
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
    spread = at(0.75) - at(0.25);
    spreads.set(question, spread);
  }
  return spread;
}

/**
 * A question's figures in public mode: every count and base a sum of released cells over the
 * selection's atoms (lib/analysis/release/release-atoms), every share, interval, mean and test
 * derived from those sums — the same shape as questionFigures, so rows, charts, trend changes and
 * significance marks are written from it unchanged, and nothing is read from the microdata twice.
 */
export function releaseFigures(
  question: Question,
  atoms: readonly Uint32Array[],
  context: ReleaseContext,
  settings: FigureSettings,
  bins?: readonly NumericBin[],
): QuestionFigures {
  const figureSettings = plain(settings);
  const weighted = settings.weights !== undefined;
  const released =
    question.kind === 'single' || question.kind === 'likert'
      ? choiceFigures(question, atoms, context, figureSettings)
      : question.kind === 'multi'
        ? multiFigures(question, atoms, context, figureSettings)
        : question.kind === 'ranking'
          ? rankingFigures(question, atoms, context, figureSettings)
          : question.kind === 'numeric'
            ? numericFigures(question, atoms, context, figureSettings, bins ?? [])
            : undefined;
  if (!released) throw new Error(`"${question.id}" is ${question.kind === 'text' ? 'free text' : 'metadata'}: it is never aggregated`);
  return {
    measure: question.kind === 'ranking' ? 'ranked_first' : question.kind === 'numeric' ? 'bin' : 'share',
    base: released.base.count,
    weightedBase: weighted ? released.base.sumW : null,
    effectiveBase: effectiveBaseOf(released.base, weighted),
    figures: released.figures,
    extras: released.extras,
  };
}
