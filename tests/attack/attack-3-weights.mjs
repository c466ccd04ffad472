/**
 * Attack 3 — weighted figures.
 *
 * The sample's weights have 4 decimals, so every true weighted sum does too. If a download
 * publishes weighted_count = (perturbed count) × (true mean weight of the cell), then
 * weighted_count / count × c is a 4-decimal number only for the true count c (recover.mjs,
 * countFromWeights); likewise weighted_base / base for a selection's size. Method, per group T:
 * - the cell itself: T is an option row in the download of the question it splits on (the
 *   parent P as filters), whose count and weighted_count give T's true size;
 * - else the selections: the true sizes of (P ∧ X answered) and (P ∧ X is not x), from
 *   weighted_base / base of any download under those filters (`_base=all`), differenced;
 * - a one-respondent group's answers: the options whose mean weight (weighted_count / count)
 *   changes between the two selections, or that vanish, are exactly that person's answers.
 * When the weighted figures are rounded or perturbed in proportion (the rebuild), no candidate
 * or only the perturbed count fits, and the attack reads nothing more than the published count.
 */
import { differencesOf, isNumber, mapLimit, pairsOf } from './attacker.mjs';
import { countFromWeights } from './recover.mjs';

const ANSWER_QUESTIONS = [
  ['role', 'share', 'role'],
  ['job_satisfaction', 'share', 'job_satisfaction'],
  ['languages', 'share', 'languages'],
  ['hot_trends', 'ranked_first', 'hot_trends_first'],
];

/** True counts per option of a question under filters, where the weights give them away. */
async function trueCounts(attacker, question, measure, pairs) {
  const { rows } = await attacker.figures(question, pairs);
  return new Map(
    rows.filter((row) => row.measure === measure).map((row) => [row.option, row.count === 0 ? 0 : countFromWeights(row.count, row.weighted_count)]),
  );
}

async function selectionSize(attacker, pairs) {
  const { rows } = await attacker.figures('work_arrangement', pairs, [['_base', 'all']]);
  const row = rows.find((candidate) => isNumber(candidate.base));
  return row ? countFromWeights(row.base, row.weighted_base) : null;
}

async function fromCell(attacker, target) {
  for (const split of target.conditions) {
    if (split.value === null) continue;
    const parent = pairsOf(target.conditions.filter((condition) => condition !== split));
    const counts = await trueCounts(attacker, split.question, split.op === 'first' ? 'ranked_first' : 'share', parent);
    const count = counts.get(split.value);
    if (isNumber(count)) return { count, detail: `cell of ${split.question} under ${parent.map((pair) => pair.join('=')).join('&')}` };
  }
  return undefined;
}

/** Each option's mean weight (weighted_count / count): the same respondents, the same ratio. */
async function meanWeights(attacker, question, measure, pairs) {
  const { rows } = await attacker.figures(question, pairs);
  return new Map(rows.filter((row) => row.measure === measure && row.count > 0).map((row) => [row.option, row.weighted_count / row.count]));
}

/** The options whose ratio changes when the one respondent is dropped (or that vanish) are that person's answers. */
async function answersOf(attacker, target, way) {
  const answers = {};
  for (const [question, measure, key] of ANSWER_QUESTIONS) {
    const fixed = target.conditions.find((condition) => condition.question === question && condition.value !== null);
    if (fixed) {
      answers[key] = fixed.value;
      continue;
    }
    const [plus, minus] = await Promise.all([meanWeights(attacker, question, measure, way.plus), meanWeights(attacker, question, measure, way.minus)]);
    const chosen = [...plus].filter(([option, ratio]) => !minus.has(option) || Math.abs(ratio - minus.get(option)) > 1e-9 * ratio).map(([option]) => option);
    answers[key] = question === 'languages' ? chosen.sort().join(';') || null : (chosen[0] ?? null);
  }
  return answers;
}

async function estimate(attacker, target) {
  const ways = await differencesOf(attacker, target);
  let found = await fromCell(attacker, target);
  let usable;
  for (const way of ways) {
    const [plus, minus] = await Promise.all([selectionSize(attacker, way.plus), selectionSize(attacker, way.minus)]);
    if (isNumber(plus) && isNumber(minus)) {
      usable = way;
      found ??= { count: plus - minus, detail: `selections ${plus} − ${minus}` };
      break;
    }
  }
  if (!found) return { id: target.id, count: null, claims: ['answers'], detail: 'no weighted figure gave a count' };
  const result = { id: target.id, count: found.count, claims: ['answers'], detail: found.detail };
  if (found.count === 1 && usable) result.answers = await answersOf(attacker, target, usable);
  return result;
}

export const attack = {
  id: 3,
  title: 'weighted figures (weighted_count / count, weighted_base / base)',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
