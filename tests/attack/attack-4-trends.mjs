/**
 * Attack 4 — trends.
 *
 * A trend download (`_wave=all`) gives, for each option of the latest wave, its change in points
 * from the previous wave (change_points) and from the first (change_since_points). If those are
 * computed from true tallies — 100 × (c/b − c′/b′) — they pin the true counts down: a published
 * 4 of 12 next to a change of 27.27 points can only be 3/11 − 0/b′. Method, per group T split on
 * a condition X (parent P as filters; unweighted, `_weight=0`): read the trend table of question
 * X under P; for every candidate true base of each wave (a window around the published base) and
 * every candidate count of each option (a window around its published count; 0 stays 0), keep the
 * combinations that reproduce every published change to 1e-6 points; T's count is the latest
 * wave's count of option x they agree on. When changes are computed from the published
 * (perturbed) counts, the published count itself is what fits: the attack then recovers only
 * what is printed. It tries every condition of T as X, and keeps the first answer.
 */
import { isNumber, mapLimit, pairsOf } from './attacker.mjs';
import { HOME_WAVE } from './judge.mjs';
import { candidatesAround } from './recover.mjs';

const TOLERANCE = 1e-6;

const countCandidates = (published) => (published === 0 ? [0] : candidatesAround(published, { min: 1 }));

/** Options of the latest wave with the changes they publish: [{ option, count, base, changes: [{ wave, points }] }]. */
function readTrend(rows, measure) {
  const byWave = new Map();
  for (const row of rows.filter((candidate) => candidate.measure === measure && isNumber(candidate.count) && isNumber(candidate.base)))
    byWave.set(row.wave, new Map([...(byWave.get(row.wave) ?? []), [row.option, row]]));
  const latest = byWave.get(HOME_WAVE);
  if (!latest) return undefined;
  const options = [...latest.values()].map((row) => ({
    option: row.option,
    count: row.count,
    base: row.base,
    changes: [
      [row.change_from, row.change_points],
      [row.change_since, row.change_since_points],
    ]
      .filter(([wave, points]) => wave && isNumber(points) && byWave.get(wave)?.has(row.option))
      .map(([wave, points]) => ({ wave, points, then: byWave.get(wave).get(row.option) })),
  }));
  return { options, waves: [...new Set(options.flatMap((option) => option.changes.map((change) => change.wave)))] };
}

/** The latest-wave counts of an option consistent with its change against one earlier wave, for given bases. */
function fitting(option, change, base, baseThen) {
  const fits = new Set();
  for (const count of countCandidates(option.count))
    for (const countThen of countCandidates(change.then.count))
      if (Math.abs(100 * (count / base - countThen / baseThen) - change.points) < TOLERANCE) fits.add(count);
  return fits;
}

/** Every latest-wave count of `target` that some choice of true bases makes consistent with every published change. */
function solve(trend, target) {
  const answers = new Set();
  const thenBases = trend.waves.map((wave) => {
    const any = trend.options.flatMap((option) => option.changes).find((change) => change.wave === wave);
    return candidatesAround(any.then.base);
  });
  const combos = thenBases.reduce((list, bases) => list.flatMap((combo) => bases.map((base) => [...combo, base])), [[]]);
  for (const base of candidatesAround(trend.options[0].base))
    for (const combo of combos) {
      const baseOf = new Map(trend.waves.map((wave, k) => [wave, combo[k]]));
      let targetFits;
      let consistent = true;
      for (const option of trend.options) {
        if (option.changes.length === 0) continue;
        let fits;
        for (const change of option.changes) {
          const these = fitting(option, change, base, baseOf.get(change.wave));
          fits = fits ? new Set([...fits].filter((count) => these.has(count))) : these;
        }
        if (fits.size === 0) {
          consistent = false;
          break;
        }
        if (option.option === target) targetFits = fits;
      }
      if (consistent && targetFits) for (const count of targetFits) answers.add(count);
    }
  return answers;
}

async function estimate(attacker, target) {
  for (const split of target.conditions) {
    if (split.value === null) continue;
    const parent = pairsOf(target.conditions.filter((condition) => condition !== split));
    const { rows } = await attacker.figures(split.question, parent, [
      ['_wave', 'all'],
      ['_weight', '0'],
    ]);
    const trend = readTrend(rows, split.op === 'first' ? 'ranked_first' : 'share');
    const option = trend?.options.find((candidate) => candidate.option === split.value);
    if (!option || option.changes.length === 0) continue;
    const answers = [...solve(trend, split.value)];
    if (answers.length === 0) continue;
    const count = answers.sort((a, b) => Math.abs(a - option.count) - Math.abs(b - option.count))[0];
    return { id: target.id, count, detail: `${split.question} trend: ${answers.length} fitting count(s), published ${option.count}` };
  }
  return { id: target.id, count: null, detail: 'no trend change to solve' };
}

export const attack = {
  id: 4,
  title: 'trend changes (change_points, change_since_points)',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
