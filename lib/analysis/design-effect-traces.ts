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

/** Z as the maps M ↦ Z'MZ and v ↦ Z'v, skipped when Z is the identity (no empty cell, the common case). */
interface Basis {
  dimension: number;
  quadratic(m: Matrix): Matrix;
  linear(v: Matrix): Matrix;
}

/**
 * A basis Z of the β with X1β = 0 on every empty cell (the identity when none is empty); null when
 * those rows of X1 are dependent, i.e. the empty cells hold a cycle (a rectangle, say): then
 * C'D⁻¹C is singular and R's solve() stops.
 */
function emptyCellNullSpace(empty: Cell[], size: number): Basis | null {
  if (empty.length === 0) return { dimension: size, quadratic: (m) => m, linear: (v) => v };
  if (empty.length > size) return null;
  const evd = new EigenvalueDecomposition(weightedGram(empty, () => 1, size).gram, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const tolerance = 1e-9 * Math.max(...values);
  const nullColumns = values.flatMap((value, j) => (Math.abs(value) <= tolerance ? [j] : []));
  if (size - nullColumns.length < empty.length) return null;
  const z = evd.eigenvectorMatrix.subMatrixColumn(nullColumns);
  return { dimension: z.columns, quadratic: (m) => z.transpose().mmul(m).mmul(z), linear: (v) => z.transpose().mmul(v) };
}

/** J'diag(v)J for J = [1, X1·Z − 1μ'] (rows: the non-empty cells), from X1'diag(v)X1 and X1'v. */
function borderedGram(cells: Cell[], value: (cell: Cell) => number, size: number, z: Basis, mu: Matrix): Matrix {
  const { gram, sums } = weightedGram(cells, value, size);
  const total = cells.reduce((sum, cell) => sum + value(cell), 0);
  const zs = z.linear(sums);
  const edge = Matrix.sub(zs, Matrix.mul(mu, total));
  const inner = z.quadratic(gram).sub(zs.mmul(mu.transpose())).sub(mu.mmul(zs.transpose())).add(mu.mmul(mu.transpose()).mul(total));
  const bordered = Matrix.zeros(z.dimension + 1, z.dimension + 1);
  bordered.set(0, 0, total);
  bordered.setSubMatrix(edge, 1, 0).setSubMatrix(edge.transpose(), 0, 1).setSubMatrix(inner, 1, 1);
  return bordered;
}

/** Ω·M for Ω = blockdiag(1, (Z'X1'DX1Z)⁻¹): the first row as is, the others solved. */
function applyOmega(cholesky: CholeskyDecomposition | null, m: Matrix): Matrix {
  if (!cholesky) return m;
  return m.clone().setSubMatrix(cholesky.solve(m.subMatrix(1, m.rows - 1, 0, m.columns - 1)), 1, 0);
}

const traceOfProduct = (a: Matrix, b: Matrix): number =>
  a.to2DArray().reduce((sum, row, i) => sum + row.reduce((s, value, j) => s + value * b.get(j, i), 0), 0);

/**
 * tr(Δ) and tr(Δ²) of Rao–Scott's Δ = (C'D⁻¹C/n)⁻¹ C'D⁻¹VD⁻¹C (R svychisq; D = diag p, 1/0 read as
 * 0) for a table of shares p whose rows and columns are all non-empty, without forming the
 * (r − 1)(c − 1)-square matrices: O(cells + (r + c)³) instead of O((rc)³), so that 30 × 30 or 180
 * countries × 5 stays fast. V = factor·Σ_i z_i z_i', z_i = w_i(e_cell − p)/Σw, is
 * factor·Σ_cells s(e − p)(e − p)' with s = Σw²/(Σw)² over the cell (`squares`).
 *
 * Derivation, over the non-empty cells: Δ's eigenvalues are n times those of HU, U = D^-½VD^-½,
 * H the projector onto col(D^-½C) = I − G(G'G)⁻¹G' with G = D^½X1Z (col C = ker X1'; empty
 * cells restrict its complement to X1β, β ∈ col Z). With y_cell = D^-½(e − p) and S = diag s,
 * tr(HU) = factor·tr(SΨ), tr(HUHU) = factor²·tr(SΨSΨ), Ψ = Y'HY = D⁻¹ − JΩJ',
 * J = [1, X1Z − 1μ'], μ = Z'X1'p, Ω = blockdiag(1, (G'G)⁻¹). The unit test checks it against the
 * literal k × k computation. Null when C'D⁻¹C is singular (where R's solve() stops).
 */
export function designEffectTraces(p: number[][], squares: number[][], n: number, factor: number): { trace: number; traceOfSquare: number } | null {
  const [r, c] = [p.length, p[0].length];
  const size = r + c - 1;
  const cells = p.flatMap((row, i) => row.map((share, j) => ({ p: share, s: squares[i][j], columns: j < c - 1 ? [i, r + j] : [i] })));
  const filled = cells.filter((cell) => cell.p > 0);
  const z = emptyCellNullSpace(
    cells.filter((cell) => !(cell.p > 0)),
    size,
  );
  if (!z) return null;
  const { gram, sums } = weightedGram(filled, (cell) => cell.p, size);
  const mu = z.linear(sums);
  const reducedGram = z.quadratic(gram);
  // Symmetric up to rounding; ml-matrix's Cholesky wants it exactly so.
  const cholesky = z.dimension > 0 ? new CholeskyDecomposition(reducedGram.add(reducedGram.transpose()).div(2)) : null;
  if (cholesky && !cholesky.isPositiveDefinite()) return null;
  const omegaS = applyOmega(
    cholesky,
    borderedGram(filled, (cell) => cell.s, size, z, mu),
  );
  const omegaS2 = applyOmega(
    cholesky,
    borderedGram(filled, (cell) => (cell.s * cell.s) / cell.p, size, z, mu),
  );
  const sOverP = filled.map((cell) => cell.s / cell.p);
  const traceSPsi = sOverP.reduce((sum, x) => sum + x, 0) - omegaS.trace();
  const traceSPsiSPsi = sOverP.reduce((sum, x) => sum + x * x, 0) - 2 * omegaS2.trace() + traceOfProduct(omegaS, omegaS);
  return { trace: n * factor * traceSPsi, traceOfSquare: (n * factor) ** 2 * traceSPsiSPsi };
}
