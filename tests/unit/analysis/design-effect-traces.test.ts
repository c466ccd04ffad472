import { describe, expect, it } from 'vitest';
import { Matrix, SingularValueDecomposition, solve } from 'ml-matrix';
import { designEffectTraces } from '../../../lib/analysis/design-effect-traces';

/**
 * R's svychisq steps, transcribed literally over k × k matrices (cells in expand.grid order, rows
 * fastest): X1 = model.matrix(~factor(rows) + factor(cols)), Cmat = qr.resid(qr(X1), interaction
 * columns of X12), denom = C'(iD/N)C, numr = C'·iD·V·iD·C, Delta = solve(denom, numr).
 */
function literalR(p: number[][], s: number[][], n: number, factor: number): { trace: number; traceOfSquare: number; condition: number } {
  const [r, c] = [p.length, p[0].length];
  const cells = Array.from({ length: r * c }, (_, k) => [k % r, Math.floor(k / r)]);
  const x1 = new Matrix(
    cells.map(([i, j]) => [1, ...Array.from({ length: r - 1 }, (_, a) => +(i === a + 1)), ...Array.from({ length: c - 1 }, (_, b) => +(j === b + 1))]),
  );
  const interactions = new Matrix(
    cells.map(([i, j]) => Array.from({ length: (r - 1) * (c - 1) }, (_, k) => +(i === (k % (r - 1)) + 1 && j === Math.floor(k / (r - 1)) + 1))),
  );
  const cmat = Matrix.sub(interactions, x1.mmul(solve(x1, interactions)));
  const mean = cells.map(([i, j]) => p[i][j]);
  const square = cells.map(([i, j]) => s[i][j]);
  const iD = Matrix.diag(mean.map((x) => (x === 0 ? 0 : 1 / x)));
  const sigma = square.reduce((a, b) => a + b, 0);
  const v = new Matrix(
    cells.map((_, a) => cells.map((__, b) => factor * ((a === b ? square[a] : 0) - square[a] * mean[b] - mean[a] * square[b] + sigma * mean[a] * mean[b]))),
  );
  const denom = cmat.transpose().mmul(iD).mmul(cmat).div(n);
  const numr = cmat.transpose().mmul(iD).mmul(v).mmul(iD).mmul(cmat);
  const condition = new SingularValueDecomposition(denom).condition;
  if (!(condition < 1e12)) return { trace: NaN, traceOfSquare: NaN, condition };
  const delta = solve(denom, numr);
  return { trace: delta.trace(), traceOfSquare: delta.mmul(delta).trace(), condition };
}

/** A seeded table of shares with about `emptyShare` of its cells empty, every row and column kept; s = p²·spread. */
function randomTable(seed: number, emptyShare: number): { p: number[][]; s: number[][] } | null {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const [r, c] = [2 + Math.floor(random() * 4), 2 + Math.floor(random() * 5)];
  const raw = Array.from({ length: r }, () => Array.from({ length: c }, () => (random() < emptyShare ? 0 : random())));
  if (raw.some((row) => row.every((x) => x === 0)) || raw[0].some((_, j) => raw.every((row) => row[j] === 0))) return null;
  const total = raw.flat().reduce((a, b) => a + b, 0);
  const p = raw.map((row) => row.map((x) => x / total));
  return { p, s: p.map((row) => row.map((x) => x * x * (0.02 + 0.05 * random()))) };
}

describe('designEffectTraces', () => {
  it.each([
    [0, 60],
    [0.25, 30],
    [0.5, 10],
  ])(
    'designEffectTraces(random tables, ~%s of cells empty) → tr(Δ), tr(Δ²) of the literal k × k computation (at least %d compared), null where its denom is singular',
    (emptyShare, atLeast) => {
      let compared = 0;
      let singular = 0;
      for (let seed = 1; seed <= 80; seed++) {
        const table = randomTable(seed * 7919 + Math.round(emptyShare * 100), emptyShare);
        if (!table) continue;
        const ours = designEffectTraces(table.p, table.s, 500, 1000 / 999);
        const literal = literalR(table.p, table.s, 500, 1000 / 999);
        if (ours === null) {
          expect(literal.condition, `seed ${seed}: null, so R's denom should be singular`).toBeGreaterThan(1e12);
          singular++;
          continue;
        }
        expect(literal.condition).toBeLessThan(1e12);
        expect(ours.trace / literal.trace - 1).toBeCloseTo(0, 9);
        expect(ours.traceOfSquare / literal.traceOfSquare - 1).toBeCloseTo(0, 9);
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(atLeast);
      if (emptyShare >= 0.25) expect(singular, 'the singular path is exercised too').toBeGreaterThan(0);
    },
  );

  it('designEffectTraces(unit weights: s = p/n, no empty cell) → Δ = factor·I: tr = factor·k, tr(Δ²) = factor²·k', () => {
    const p = [
      [0.1, 0.2, 0.05],
      [0.15, 0.3, 0.2],
    ];
    const ours = designEffectTraces(
      p,
      p.map((row) => row.map((x) => x / 80)),
      80,
      1.25,
    )!;
    expect(ours.trace).toBeCloseTo(1.25 * 2, 12);
    expect(ours.traceOfSquare).toBeCloseTo(1.25 ** 2 * 2, 12);
  });

  it('designEffectTraces(empty cells forming a spanning tree: no free β left) → the literal values', () => {
    const p = [
      [0, 0, 0.2],
      [0.3, 0, 0],
      [0.25, 0.25, 0],
    ];
    const s = p.map((row) => row.map((x) => x * x * 0.1));
    const ours = designEffectTraces(p, s, 100, 1.01)!;
    const literal = literalR(p, s, 100, 1.01);
    expect(ours.trace).toBeCloseTo(literal.trace, 10);
    expect(ours.traceOfSquare).toBeCloseTo(literal.traceOfSquare, 10);
  });

  it('designEffectTraces(a rectangle of empty cells) → null (R: "system is computationally singular")', () => {
    const p = [
      [0, 0, 0.3],
      [0, 0, 0.2],
      [0.2, 0.1, 0.2],
    ];
    expect(
      designEffectTraces(
        p,
        p.map((row) => row.map((x) => x * x * 0.1)),
        100,
        1.01,
      ),
    ).toBeNull();
    expect(
      literalR(
        p,
        p.map((row) => row.map((x) => x * x * 0.1)),
        100,
        1.01,
      ).condition,
    ).toBeGreaterThan(1e12);
  });
});
