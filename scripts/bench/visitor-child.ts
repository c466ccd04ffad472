/**
 * The one visitor over selected respondents (lib/analysis/selection: forEachSelected) against the
 * same loop written inline, as lib/analysis had it eight times: a weighted tally of a single-choice
 * question's codes over 1,000,000 respondents, for a dense selection (half of them) and a sparse
 * one (2%). Both give the same sums (asserted); runs alternate, median and range of each.
 * Measured twice: while the tally is the visitor's only caller (the engine can inline the
 * callback), then after six other callbacks have gone through it, as in the app, where every
 * figure passes its own: the call to the callback is then megamorphic.
 *
 *   node --import tsx scripts/bench/visitor-child.ts [runs]
 */
import { forEachSelected, lowestSelected } from '../../lib/analysis/selection';
import { printResult } from './child-result';
import { summarise, type Summary } from './stats';

const SIZE = 1_000_000;
const OPTIONS = 12;

export interface VisitorRow {
  selection: string;
  selected: number;
  inline: Summary;
  visitor: Summary;
  /** The word loop with lowestSelected, as lib/analysis's hot loops are written. */
  wordLoop: Summary;
}

/** A fixed pseudo-random stream (a 32-bit LCG): the same data on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function makeData() {
  const next = random(20261207);
  const codes = Uint16Array.from({ length: SIZE }, () => Math.floor(next() * (OPTIONS + 1)));
  const weights = Float64Array.from({ length: SIZE }, () => 0.5 + next());
  const select = (share: number) => {
    const bits = new Uint32Array(Math.ceil(SIZE / 32));
    for (let i = 0; i < SIZE; i++) if (next() < share) bits[i >>> 5] |= 1 << (i & 31);
    return bits;
  };
  return {
    codes,
    weights,
    selections: [
      { name: 'dense (50%)', bits: select(0.5) },
      { name: 'sparse (2%)', bits: select(0.02) },
    ],
  };
}

function tallyInline(codes: Uint16Array, weights: Float64Array, bits: Uint32Array): Float64Array {
  const sums = new Float64Array(3 * (OPTIONS + 1));
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w];
    while (word !== 0) {
      const i = (w << 5) | (31 - Math.clz32(word & -word));
      const code = codes[i];
      const weight = weights[i];
      sums[code]++;
      sums[OPTIONS + 1 + code] += weight;
      sums[2 * (OPTIONS + 1) + code] += weight * weight;
      word &= word - 1;
    }
  }
  return sums;
}

function tallyVisitor(codes: Uint16Array, weights: Float64Array, bits: Uint32Array): Float64Array {
  const sums = new Float64Array(3 * (OPTIONS + 1));
  forEachSelected(bits, (i) => {
    const code = codes[i];
    const weight = weights[i];
    sums[code]++;
    sums[OPTIONS + 1 + code] += weight;
    sums[2 * (OPTIONS + 1) + code] += weight * weight;
  });
  return sums;
}

function tallyWordLoop(codes: Uint16Array, weights: Float64Array, bits: Uint32Array): Float64Array {
  const sums = new Float64Array(3 * (OPTIONS + 1));
  for (let w = 0; w < bits.length; w++)
    for (let word = bits[w]; word !== 0; word &= word - 1) {
      const i = lowestSelected(w, word);
      const code = codes[i];
      const weight = weights[i];
      sums[code]++;
      sums[OPTIONS + 1 + code] += weight;
      sums[2 * (OPTIONS + 1) + code] += weight * weight;
    }
  return sums;
}

const TALLIES = { inline: tallyInline, visitor: tallyVisitor, wordLoop: tallyWordLoop } as const;

function time(run: () => Float64Array): { ms: number; sums: Float64Array } {
  const start = performance.now();
  const sums = run();
  return { ms: performance.now() - start, sums };
}

/** Six other callbacks through the visitor, each a different closure, as the app's figures pass theirs. */
function shareTheVisitor(codes: Uint16Array, weights: Float64Array, bits: Uint32Array): number {
  let total = 0;
  const callers: ((i: number) => void)[] = [
    (i) => (total += codes[i]),
    (i) => (total += weights[i]),
    (i) => (total -= codes[i] & 1),
    (i) => (total += i & 3),
    (i) => (total += weights[i] > 1 ? 1 : 0),
    (i) => (total ^= codes[i]),
  ];
  for (let round = 0; round < 3; round++) for (const visit of callers) forEachSelected(bits, visit);
  return total;
}

function main(): void {
  const runs = Number(process.argv[2] ?? 41);
  const { codes, weights, selections } = makeData();
  const measure = (label: string) =>
    selections.map(({ name, bits }) => {
      const times = { inline: [] as number[], visitor: [] as number[], wordLoop: [] as number[] };
      const kinds = ['inline', 'visitor', 'wordLoop'] as const;
      for (let k = 0; k < 5; k++) for (const kind of kinds) TALLIES[kind](codes, weights, bits);
      for (let k = 0; k < runs; k++) {
        const order = kinds.map((_, j) => kinds[(j + k) % kinds.length]);
        const results: Record<string, { ms: number; sums: Float64Array }> = {};
        for (const kind of order) results[kind] = time(() => TALLIES[kind](codes, weights, bits));
        for (const kind of kinds)
          if (!results.inline.sums.every((value, index) => value === results[kind].sums[index])) throw new Error(`${kind} and the inline loop disagree`);
        for (const kind of kinds) times[kind].push(results[kind].ms);
      }
      const selected = Array.from(bits).reduce((sum, word) => sum + popcount(word), 0);
      return {
        selection: `${name}${label}`,
        selected,
        inline: summarise(times.inline),
        visitor: summarise(times.visitor),
        wordLoop: summarise(times.wordLoop),
      };
    });
  const alone = measure('');
  shareTheVisitor(codes, weights, selections[0].bits);
  printResult([...alone, ...measure(', 7 callers')]);
}

function popcount(word: number): number {
  let count = 0;
  for (let rest = word; rest !== 0; rest &= rest - 1) count++;
  return count;
}

main();
