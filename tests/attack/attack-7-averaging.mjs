/**
 * Attack 7 — averaging over many decompositions.
 *
 * Cell-key noise is fixed per set of respondents, so asking for the same set again averages
 * nothing away; but a small group T is also the difference of many *different* sets, each with
 * its own noise. Averaging those differences converges on the true count (issue 21: error 0.5
 * after 10 estimates, 0.2 after 50). Every count read here is a published count (a selection's
 * base with `_base=all`, or an option's count); the estimate is the mean of every decomposition
 * that answered, rounded.
 *
 * Three-field groups T = r ∧ s ∧ w: boxes Z = (region set ∋ r) × (size set ∋ s) × (arrangement
 * set ∋ w), sets written as repeated keys (`region=Africa&region=Asia`; a "no answer" field stays
 * fixed). T = count(Z) − count(Z∖T), with Z∖T split into boxes along the fields in a random
 * order 1, 2, 3 (the first order whose boxes are all published):
 * (Z_1∖t_1) × Z_2 × Z_3, t_1 × (Z_2∖t_2) × Z_3, t_1 × t_2 × (Z_3∖t_3). A box's count is its
 * selection's published size; when three filters are refused (one or two breakdowns at a time in
 * the rebuild), the sum of the published counts of one field's values in that field's table
 * under the other two filters. Boxes are drawn in a seeded random order until ESTIMATES
 * decompositions answered or BUDGET counts were read. Counts near the filter limit or near 1 are
 * left out (see CLEAR_OF_LIMIT).
 *
 * Released cells T = (question = o) ∧ (breakdown = b), every decomposition the release permits:
 * the cell as published; the one-way count of o minus the other breakdown values' cells (and the
 * "no answer" one); the base of b minus the other options (single choice, ranked first); for every
 * set S of other breakdown values, count(o | b ∪ S) − count(o | S); the one-way count of o minus
 * the count of o among all other values; and through each other breakdown C, the cell split by C
 * into a set of C's values, the rest, and "no answer".
 */
import { isNumber, kindOf, mapLimit, pairsOf } from './attacker.mjs';
import { BREAKDOWNS } from './judge.mjs';

const ESTIMATES = 36;
/** Published counts one group's average may read (asked or already cached): a fixed budget, so that runs repeat. */
const BUDGET = 300;

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedOf = (text) => [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);

// ---------- published counts ----------

/** A selection's published size: the base of any question with `_base=all`. */
async function selectionCount(attacker, pairs) {
  const { rows } = await attacker.figures('work_arrangement', pairs, [
    ['_base', 'all'],
    ['_weight', '0'],
  ]);
  const base = rows.find((row) => row.measure === 'share' && isNumber(row.base))?.base;
  return isNumber(base) ? base : null;
}

/** Published counts of a question's options under filters (measure: share or ranked_first), and the base. */
async function optionCounts(attacker, question, pairs, measure = 'share') {
  const { rows } = await attacker.figures(question, pairs, [['_weight', '0']]);
  const mine = rows.filter((row) => row.measure === measure);
  return {
    counts: new Map(mine.map((row) => [row.option, isNumber(row.count) ? row.count : null])),
    base: mine.find((row) => isNumber(row.base))?.base ?? null,
  };
}

const setPairs = (question, values) =>
  values.length === 1 && values[0] === null ? [[`${question}__answered`, '0']] : values.map((value) => [question, value]);

/**
 * Counts near the filter limit are published only when their noise pushed them up, and counts
 * near zero are clamped to at least 1: both would bias the average. So a box counts only when its
 * published size is well clear of the limit, and a sum of cells only when each is 0 or clear of 1.
 */
const CLEAR_OF_LIMIT = 14;
const CLEAR_OF_ONE = 4;

/** A box's published count: as a selection, else as the sum of one field's option counts under the other two. */
async function boxCount(attacker, box, spent) {
  spent.queries++;
  const pairs = box.flatMap(([question, values]) => setPairs(question, values));
  const direct = await selectionCount(attacker, pairs);
  if (isNumber(direct)) return direct >= CLEAR_OF_LIMIT ? direct : null;
  for (const [k, [question, values]] of box.entries()) {
    if (values.includes(null)) continue;
    const rest = box.toSpliced(k, 1).flatMap(([other, set]) => setPairs(other, set));
    spent.queries++;
    const { counts } = await optionCounts(attacker, question, rest);
    const parts = values.map((value) => counts.get(value));
    if (parts.every((part) => part === 0 || part >= CLEAR_OF_ONE)) return parts.reduce((sum, part) => sum + part, 0);
  }
  return null;
}

// ---------- three-field groups ----------

function subsetsContaining(value, all, rand) {
  const others = all.filter((candidate) => candidate !== value);
  return () => [value, ...others.filter(() => rand() < 0.6)];
}

async function averageBoxes(attacker, target) {
  const rand = random(seedOf(target.id));
  const fields = await Promise.all(
    target.conditions.map(async ({ question, value }) => ({
      question,
      value,
      draw: value === null ? () => [null] : subsetsContaining(value, await attacker.options(question), rand),
    })),
  );
  const varying = fields.map((field, k) => k).filter((k) => fields[k].value !== null);
  const orders = permutations(varying);
  const estimates = [];
  const spent = { queries: 0 };
  const seen = new Set();
  for (let draws = 0; estimates.length < ESTIMATES && spent.queries < BUDGET && draws < 2000; draws++) {
    const sets = fields.map((field) => field.draw());
    const key = JSON.stringify(sets);
    if (seen.has(key) || sets.every((set) => set.length === 1)) continue;
    seen.add(key);
    const whole = await boxCount(
      attacker,
      fields.map((field, k) => [field.question, sets[k]]),
      spent,
    );
    if (!isNumber(whole)) continue;
    for (const order of shuffle(orders, rand)) {
      const pieces = [];
      for (const [position, k] of order.entries()) {
        const rest = sets[k].filter((value) => value !== fields[k].value);
        if (rest.length === 0) continue;
        pieces.push(fields.map((field, j) => [field.question, j === k ? rest : order.slice(0, position).includes(j) ? [field.value] : sets[j]]));
      }
      const counts = await Promise.all(pieces.map((piece) => boxCount(attacker, piece, spent)));
      if (counts.every(isNumber)) {
        estimates.push(whole - counts.reduce((sum, count) => sum + count, 0));
        break;
      }
    }
  }
  return estimates;
}

function shuffle(items, rand) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function permutations(items) {
  if (items.length <= 1) return [items];
  return items.flatMap((item, k) => permutations(items.toSpliced(k, 1)).map((rest) => [item, ...rest]));
}

// ---------- released cells ----------

function nonEmptySubsets(values) {
  const subsets = [];
  for (let mask = 1; mask < 2 ** values.length; mask++) subsets.push(values.filter((_, k) => mask & (1 << k)));
  return subsets;
}

/**
 * Whether a breakdown has no "no answer" respondents: its one-way base over everyone equals its
 * base over those who answered (the same set, so the same noise). Then the "no answer" cell is 0
 * rather than refused as too small.
 */
async function answeredByAll(attacker, question) {
  const [all, answered] = await Promise.all([
    attacker.figures(
      question,
      [],
      [
        ['_base', 'all'],
        ['_weight', '0'],
      ],
    ),
    attacker.figures(question, [], [['_weight', '0']]),
  ]);
  const base = (rows) => rows.find((row) => isNumber(row.base))?.base;
  return isNumber(base(all.rows)) && base(all.rows) === base(answered.rows);
}

const total = (parts) => (parts.every(isNumber) ? parts.reduce((sum, part) => sum + part, 0) : null);
const minus = (whole, parts) => (isNumber(whole) && isNumber(total(parts)) ? whole - total(parts) : null);

async function averageCell(attacker, target) {
  const [breakdown, cell] = target.conditions;
  const measure = cell.op === 'first' ? 'ranked_first' : 'share';
  const values = await attacker.options(breakdown.question);
  const others = values.filter((value) => value !== breakdown.value);
  const countOf = async (pairs) => (await optionCounts(attacker, cell.question, pairs, measure)).counts.get(cell.value) ?? null;
  const blankOf = async (question, pairs) => ((await answeredByAll(attacker, question)) ? 0 : await countOf([...pairs, [`${question}__answered`, '0']]));
  const estimates = [];
  const add = (value) => isNumber(value) && estimates.push(value);

  const own = await optionCounts(attacker, cell.question, pairsOf([breakdown]), measure);
  add(own.counts.get(cell.value));
  const oneWay = await countOf([]);
  const blank = await blankOf(breakdown.question, []);
  add(minus(oneWay, [...(await Promise.all(others.map((value) => countOf([[breakdown.question, value]])))), blank]));
  add(minus(oneWay, [await countOf(setPairs(breakdown.question, others)), blank]));
  // One answer per respondent (single choice, ranked first): the base is the sum of the options.
  if (kindOf(cell.question) !== 'multi')
    add(
      minus(
        own.base,
        [...own.counts].filter(([option]) => option !== cell.value).map(([, count]) => count),
      ),
    );
  for (const subset of nonEmptySubsets(others)) {
    const [withCell, without] = await Promise.all([
      countOf(setPairs(breakdown.question, [breakdown.value, ...subset])),
      countOf(setPairs(breakdown.question, subset)),
    ]);
    add(minus(withCell, [without]));
  }
  for (const other of BREAKDOWNS.filter((question) => question !== breakdown.question && question !== cell.question)) {
    const otherValues = await attacker.options(other);
    const blankPart = await blankOf(other, pairsOf([breakdown]));
    for (const subset of nonEmptySubsets(otherValues).filter((subset) => subset.length < otherValues.length)) {
      const rest = otherValues.filter((value) => !subset.includes(value));
      const parts = await Promise.all([
        countOf([...pairsOf([breakdown]), ...setPairs(other, subset)]),
        countOf([...pairsOf([breakdown]), ...setPairs(other, rest)]),
      ]);
      add(total([...parts, blankPart]));
    }
  }
  return estimates;
}

async function estimate(attacker, target) {
  const estimates = target.family === 'released cell' ? await averageCell(attacker, target) : await averageBoxes(attacker, target);
  if (estimates.length === 0) return { id: target.id, count: null, detail: 'no decomposition answered' };
  const mean = estimates.reduce((sum, value) => sum + value, 0) / estimates.length;
  return {
    id: target.id,
    count: Math.max(0, Math.round(mean)),
    detail: `mean of ${estimates.length} decompositions: ${mean.toFixed(2)}`,
    decompositions: estimates.length,
  };
}

export const attack = {
  id: 7,
  title: 'averaging over many decompositions',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
