import type { FigureSettings } from './figure';
import type { Selection } from './selection';
import type { Tally } from './tally';
import { estimateMean } from './weighted-mean';
import { compareMeans, compareShares } from './group-difference';
import { makeFindingRow, type TestedScan } from './finding-row';
import { normalApproximationHolds, shareSkewness } from './normal-approximation';
import { shareCells, type PreparedQuestion } from './scan-measures';

/** A set of respondents compared with the rest of the compared respondents. */
export interface ComparedGroup {
  value: string;
  label: string;
  selection: Selection;
  /** The compared respondents not in the group. */
  rest: Uint32Array;
}

/** Both sides at least the minimum base, and large enough for the test's normal approximation given the answers' skewness. */
const testable = (n: number, nRest: number, minBase: number, skewness: number) =>
  n >= minBase && nRest >= minBase && normalApproximationHolds(n, skewness) && normalApproximationHolds(nRest, skewness);

const minus = (a: Tally, b: Tally): Tally => ({ count: a.count - b.count, sumW: a.sumW - b.sumW, sumW2: a.sumW2 - b.sumW2 });
const shareOf = (tally: { option: Tally; base: Tally }, weighted: boolean) =>
  weighted ? tally.option.sumW / tally.base.sumW : tally.option.count / tally.base.count;

const sidesOf = (prepared: PreparedQuestion, group: ComparedGroup) => ({
  question: { id: prepared.question.id, label: prepared.question.label },
  segment: { value: group.value, label: group.label },
});

/** The shares: the rest is the compared respondents' tallies minus the group's, as segment marks take it (overlapping multi-select segments included). */
function compareShareCells(prepared: PreparedQuestion, group: ComparedGroup, settings: FigureSettings, minBase: number, out: TestedScan): void {
  if (prepared.universe.length === 0) return;
  const weighted = settings.weights !== undefined;
  shareCells(prepared.question, group.selection, settings).forEach((cell, k) => {
    const rest = { option: minus(prepared.universe[k].option, cell.option), base: minus(prepared.universe[k].base, cell.base) };
    const skewness = shareSkewness(shareOf(prepared.universe[k], weighted));
    const difference = testable(cell.base.count, rest.base.count, minBase, skewness)
      ? compareShares(cell, rest, weighted, settings.surveySize ?? 0, settings.level)
      : null;
    if (!difference || Number.isNaN(difference.p)) return void out.untested++;
    const [value, valueRest] = [shareOf(cell, weighted), shareOf(rest, weighted)];
    out.rows.push(
      makeFindingRow({
        ...sidesOf(prepared, group),
        measure: cell.measure,
        option: cell,
        value,
        valueRest,
        base: cell.base.count,
        baseRest: rest.base.count,
        difference,
      }),
    );
  });
}

/** The means: each side estimated on its own respondents (lib/analysis/weighted-mean). */
function compareMeanSources(prepared: PreparedQuestion, group: ComparedGroup, settings: FigureSettings, minBase: number, out: TestedScan): void {
  const options = { weights: settings.weights, surveySize: settings.surveySize ?? 0, level: settings.level };
  for (const source of prepared.means) {
    const [mine, theirs] = [estimateMean(source.values, group.selection.bits, options), estimateMean(source.values, group.rest, options)];
    const difference = testable(mine.n, theirs.n, minBase, source.skewness) ? compareMeans(mine, theirs, settings.weights !== undefined, settings.level) : null;
    if (!difference || Number.isNaN(difference.p)) {
      out.untested++;
      continue;
    }
    const sides = { value: mine.mean, valueRest: theirs.mean, base: mine.n, baseRest: theirs.n, standardDeviation: source.standardDeviation };
    out.rows.push(makeFindingRow({ ...sidesOf(prepared, group), measure: 'mean', option: { value: '', label: source.label }, ...sides, difference }));
  }
}

/**
 * Every comparison of one question for one group against the rest, with both bases at least
 * `minBase` and large enough for the normal approximation (lib/analysis/normal-approximation, on
 * the skewness of the answers of both sides together): the others are not tests, only counted in
 * `untested`.
 */
export function compareGroup(prepared: PreparedQuestion, group: ComparedGroup, settings: FigureSettings, minBase: number): TestedScan {
  const out: TestedScan = { rows: [], untested: 0 };
  compareShareCells(prepared, group, settings, minBase, out);
  compareMeanSources(prepared, group, settings, minBase, out);
  return out;
}
