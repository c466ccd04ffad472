import { lowestSelected } from './selection';
import { chiSquareUpperP, fUpperP } from './distributions';
import { designEffectTraces } from './design-effect-traces';

export interface RaoScottTest {
  /** The F statistic (second order): X² / tr(Δ). */
  statistic: number;
  /** d0 = tr(Δ)² / tr(Δ²). */
  ndf: number;
  /** d0 · degf, degf = n − 1 (respondents in the domain). */
  ddf: number;
  p: number;
  /** The Pearson X² R starts from: the weighted table scaled to the domain's n. */
  pearson: number;
  /** R's statistic = "Chisq": X² / mean(δ) referred to χ² on (r − 1)(c − 1) df (R prints X² itself). */
  firstOrder?: { statistic: number; df: number; p: number };
  method: string;
}

export const RAO_SCOTT_METHOD = 'Rao–Scott F (R survey svychisq, second order)';

/** Per cell (row-major, rows × cols) of the domain: respondents, Σw and Σw². */
export interface CellTallies {
  count: Float64Array;
  sumW: Float64Array;
  sumW2: Float64Array;
  n: number;
}

/** The domain is the selected respondents who answered both questions (codes 1-based, 0 = no answer). */
function tallyCells(
  rowCodes: ArrayLike<number>,
  colCodes: ArrayLike<number>,
  rows: number,
  cols: number,
  bits: Uint32Array,
  weights: Float64Array,
): CellTallies {
  const cells = { count: new Float64Array(rows * cols), sumW: new Float64Array(rows * cols), sumW2: new Float64Array(rows * cols), n: 0 };
  for (let w = 0; w < bits.length; w++)
    for (let word = bits[w]; word !== 0; word &= word - 1) {
      const i = lowestSelected(w, word);
      const [r, c] = [rowCodes[i], colCodes[i]];
      if (!(r > 0 && r <= rows && c > 0 && c <= cols)) continue;
      const cell = (r - 1) * cols + (c - 1);
      cells.count[cell]++;
      cells.sumW[cell] += weights[i];
      cells.sumW2[cell] += weights[i] * weights[i];
      cells.n++;
    }
  return cells;
}

/** Indexes of the rows (or columns) with weight in the domain: the others are dropped, as R's table drops absent levels. */
function keptLevels(sumW: Float64Array, rows: number, cols: number, byRow: boolean): number[] {
  const kept: number[] = [];
  for (let a = 0; a < (byRow ? rows : cols); a++) {
    let total = 0;
    for (let b = 0; b < (byRow ? cols : rows); b++) total += sumW[byRow ? a * cols + b : b * cols + a];
    if (total > 0) kept.push(a);
  }
  return kept;
}

/** X² of independence on the table of shares p scaled to n: n Σ (p_ij − p_i·p_·j)² / (p_i·p_·j). */
function pearsonOf(p: number[][], n: number): number {
  const rowShares = p.map((row) => row.reduce((a, b) => a + b, 0));
  const colShares = p[0].map((_, b) => p.reduce((sum, row) => sum + row[b], 0));
  let sum = 0;
  p.forEach((row, a) => row.forEach((share, b) => (sum += (share - rowShares[a] * colShares[b]) ** 2 / (rowShares[a] * colShares[b]))));
  return n * sum;
}

const undefinedTest = (pearson: number): RaoScottTest => ({
  statistic: NaN,
  ndf: NaN,
  ddf: NaN,
  p: NaN,
  pearson,
  firstOrder: { statistic: NaN, df: NaN, p: NaN },
  method: RAO_SCOTT_METHOD,
});

/**
 * Rao & Scott's (1984) design-based chi-square of independence on a weighted crosstab, as R's
 * svychisq(~row + col, subset(svydesign(ids = ~1, weights = ~w), in domain), statistic = "F"):
 * X² of the weighted table (scaled to the domain's n) divided by tr(Δ), referred to
 * F(d0, d0·(n − 1)) with d0 = tr(Δ)²/tr(Δ²). Δ = (C'D⁻¹C/n)⁻¹ C'D⁻¹VD⁻¹C is the design effect
 * matrix of the interaction contrasts C of the cell shares p (D = diag p, 1/0 read as 0), V the
 * linearised variance of p: S/(S − 1)·Σ_i z_i z_i' with z_i = w_i(e_cell(i) − p)/Σw and S the
 * whole file (subset() keeps the file's PSU count for the factor). With ids = ~1 the sum
 * collapses to per-cell Σw², so the respondents are tallied once.
 *
 * Empty levels: rows and columns with no weight in the domain are dropped, as R drops levels
 * absent from the domain (R would give NaN for a level whose respondents all weigh 0; n still
 * counts them, as degf does). Fewer than two rows or columns left, a degenerate Δ (tr 0) or a
 * singular C'D⁻¹C (a rectangle of empty cells, where R's solve() stops) give NaN, never Infinity.
 */
export function raoScottTest(
  rowCodes: ArrayLike<number>,
  colCodes: ArrayLike<number>,
  rows: number,
  cols: number,
  bits: Uint32Array,
  weights: Float64Array,
  surveySize: number,
): RaoScottTest {
  return raoScottOfCells(tallyCells(rowCodes, colCodes, rows, cols, bits, weights), rows, cols, surveySize);
}

/**
 * The same test from the domain's cell sums (Σw and Σw² per cell, and its respondents): with
 * ids = ~1 they are all it reads, so a caller that has them already (the 2 × 2 of a share against
 * the rest in lib/analysis/group-difference) need not pass over the respondents again.
 */
export function raoScottOfCells(cells: CellTallies, rows: number, cols: number, surveySize: number): RaoScottTest {
  const keptRows = keptLevels(cells.sumW, rows, cols, true);
  const keptCols = keptLevels(cells.sumW, rows, cols, false);
  if (keptRows.length < 2 || keptCols.length < 2) return undefinedTest(NaN);
  const total = keptRows.reduce((sum, a) => sum + keptCols.reduce((s, b) => s + cells.sumW[a * cols + b], 0), 0);
  const p = keptRows.map((a) => keptCols.map((b) => cells.sumW[a * cols + b] / total));
  const squares = keptRows.map((a) => keptCols.map((b) => cells.sumW2[a * cols + b] / (total * total)));
  const n = cells.n;
  const pearson = pearsonOf(p, n);
  const size = Math.max(surveySize, n);
  const traces = designEffectTraces(p, squares, n, size / (size - 1));
  const k = (keptRows.length - 1) * (keptCols.length - 1);
  // Δ's eigenvalues are design effects (order 1): a mean below 1e-9 is a table with no variance
  // left (e.g. a 2 × 2 diagonal of equal weights), where only rounding would remain.
  if (!traces || !(traces.trace > 1e-9 * k) || !(traces.traceOfSquare > 0)) return undefinedTest(pearson);
  const statistic = pearson / traces.trace;
  const ndf = traces.trace ** 2 / traces.traceOfSquare;
  const ddf = ndf * (n - 1);
  const firstOrder = pearson / (traces.trace / k);
  return {
    statistic,
    ndf,
    ddf,
    p: fUpperP(statistic, ndf, ddf),
    pearson,
    firstOrder: { statistic: firstOrder, df: k, p: chiSquareUpperP(firstOrder, k) },
    method: RAO_SCOTT_METHOD,
  };
}
