import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';

/** A cell of the r × c table: its share p, s = Σw²/(Σw)² over it, and the columns of X1 it loads on. */
interface Cell {
  p: number;
  s: number;
  columns: number[];
}

/** X1'diag(v)X1 and X1'v over the given cells; X1 = row indicators, then column indicators but the last (size r + c − 1). */
function weightedGram(cells: Cell[], value: (cell: Cell) => number, size: number): { gram: Matrix; sums: Matrix } {
  const gram = Matrix.zeros(size, size);
  const sums = Matrix.zeros(size, 1);
  for (const cell of cells) {
    const v = value(cell);
    for (const a of cell.columns) {
      sums.set(a, 0, sums.get(a, 0) + v);
      for (const b of cell.columns) gram.set(a, b, gram.get(a, b) + v);
    }
  }
  return { gram, sums };
}

/**
 * A basis Z of the β with X1β = 0 on every empty cell (the identity when none is empty); null when
 * those rows of X1 are dependent, i.e. the empty cells hold a cycle (a rectangle, say): then
 * C'D⁻¹C is singular and R's solve() stops.
 */
function emptyCellNullSpace(empty: Cell[], size: number): Matrix | null {
  if (empty.length === 0) return Matrix.eye(size);
  if (empty.length > size) return null;
  const evd = new EigenvalueDecomposition(weightedGram(empty, () => 1, size).gram, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const tolerance = 1e-9 * Math.max(...values);
  const nullColumns = values.flatMap((value, j) => (Math.abs(value) <= tolerance ? [j] : []));
  return size - nullColumns.length < empty.length ? null : evd.eigenvectorMatrix.subMatrixColumn(nullColumns);
}

/** R'diag(v)R for R = [1, X1·Z − 1μ'], from X1'diag(v)X1 and X1'v. */
function borderedGram(cells: Cell[], value: (cell: Cell) => number, z: Matrix, mu: Matrix): Matrix {
  const { gram, sums } = weightedGram(cells, value, z.rows);
  const total = cells.reduce((sum, cell) => sum + value(cell), 0);
  const zs = z.transpose().mmul(sums);
  const edge = Matrix.sub(zs, Matrix.mul(mu, total));
  const inner = z.transpose().mmul(gram).mmul(z).sub(zs.mmul(mu.transpose())).sub(mu.mmul(zs.transpose())).add(mu.mmul(mu.transpose()).mul(total));
  const bordered = Matrix.zeros(z.columns + 1, z.columns + 1);
  bordered.set(0, 0, total);
  bordered.setSubMatrix(edge, 1, 0).setSubMatrix(edge.transpose(), 0, 1).setSubMatrix(inner, 1, 1);
  return bordered;
}

/** Ω·M for Ω = blockdiag(1, (Z'X1'DX1Z)⁻¹): the first row as is, the others solved. */
function applyOmega(cholesky: CholeskyDecomposition | null, m: Matrix): Matrix {
  if (!cholesky) return m;
  return m.clone().setSubMatrix(cholesky.solve(m.subMatrix(1, m.rows - 1, 0, m.columns - 1)), 1, 0);
}

/**
 * tr(Δ) and tr(Δ²) of Rao–Scott's Δ = (C'D⁻¹C/n)⁻¹ C'D⁻¹VD⁻¹C (R svychisq; D = diag p, 1/0 read as
 * 0) for a table of shares p whose rows and columns are all non-empty, without forming the
 * (r − 1)(c − 1)-square matrices: O(cells + (r + c)³) instead of O((rc)³), so 30 × 30 or 180
 * countries × 5 stays fast. V = factor·Σ_i z_i z_i', z_i = w_i(e_cell − p)/W, is factor·Σ_cells
 * s (e − p)(e − p)' with s = Σw²/W² over the cell.
 *
 * Derivation (E = non-empty cells): Δ's eigenvalues are n times those of HU, U = D^-½VD^-½ and H
 * the projector onto col(D^-½C); H = I − G(G'G)⁻¹G' with G = D^½X1Z, since col(C) = ker X1' and
 * empty cells pin the complement to X1β with β ∈ col Z. Writing y_cell = D^-½(e − p),
 * tr(HU) = factor·tr(SW) and tr(HUHU) = factor²·tr(SWSW) with S = diag s and W = Y'HY =
 * D⁻¹ − RΩR', R = [1, X1Z − 1μ'], μ = Z'X1'p, Ω = blockdiag(1, (G'G)⁻¹). Null when R would stop
 * (C'D⁻¹C singular).
 */
export function designEffectTraces(p: number[][], squares: number[][], n: number, factor: number): { trace: number; traceOfSquare: number } | null {
  const [r, c] = [p.length, p[0].length];
  const size = r + c - 1;
  const cells = p.flatMap((row, i) => row.map((share, j) => ({ p: share, s: squares[i][j], columns: j < c - 1 ? [i, r + j] : [i] })));
  const filled = cells.filter((cell) => cell.p > 0);
  const z = emptyCellNullSpace(cells.filter((cell) => !(cell.p > 0)), size);
  if (!z) return null;
  const { gram: gramP, sums: sumsP } = weightedGram(filled, (cell) => cell.p, size);
  const mu = z.transpose().mmul(sumsP);
  const zGramZ = z.transpose().mmul(gramP).mmul(z);
  // Symmetric up to rounding; ml-matrix's Cholesky wants it exactly so.
  const cholesky = z.columns > 0 ? new CholeskyDecomposition(zGramZ.add(zGramZ.transpose()).div(2)) : null;
  if (cholesky && !cholesky.isPositiveDefinite()) return null;
  const omegaS = applyOmega(cholesky, borderedGram(filled, (cell) => cell.s, z, mu));
  const omegaV = applyOmega(cholesky, borderedGram(filled, (cell) => (cell.s * cell.s) / cell.p, z, mu));
  let traceSW = filled.reduce((sum, cell) => sum + cell.s / cell.p, 0) - omegaS.trace();
  let traceSWSW = filled.reduce((sum, cell) => sum + (cell.s / cell.p) ** 2, 0) - 2 * omegaV.trace();
  for (let a = 0; a < omegaS.rows; a++) for (let b = 0; b < omegaS.rows; b++) traceSWSW += omegaS.get(a, b) * omegaS.get(b, a);
  traceSW *= n * factor;
  traceSWSW *= (n * factor) ** 2;
  return { trace: traceSW, traceOfSquare: traceSWSW };
}
