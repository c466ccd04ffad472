/**
 * Attack 1 — the selection's size ("of N selected").
 *
 * Every question page states its base as "Base: B respondents who answered (of N selected; …)".
 * Method, for a small group T and each way of writing it as a published superset minus a
 * published part (attacker.differencesOf: split T on one of its conditions X, the rest being the
 * parent P):
 *   T = N(P ∧ X answered) − N(P ∧ X is not x), and for single-choice X also
 *   T = N(P ∧ X ∈ all values) − N(P ∧ X ∈ the other values),
 * where N(F) is the "(of N selected)" on the page of question X under filters F. When the pages
 * refuse those filters (the rebuilt public mode allows only one breakdown at a time), it falls
 * back to what the page of question X under the parent P alone says: base − the published counts
 * of X's other options (the base and N being "derived from released counts" must not give the
 * group back). The estimate is the median over every decomposition that answered.
 */
import { differencesOf, isNumber, kindOf, mapLimit, median, pairsOf } from './attacker.mjs';

async function estimate(attacker, target) {
  const estimates = [];
  const methods = [];
  for (const way of await differencesOf(attacker, target)) {
    const [plus, minus] = await Promise.all([attacker.selected(way.split.question, way.plus), attacker.selected(way.split.question, way.minus)]);
    if (plus !== undefined && minus !== undefined) {
      estimates.push(plus - minus);
      methods.push(`${plus} − ${minus}`);
    }
  }
  for (const split of target.conditions) {
    if (split.value === null || kindOf(split.question) === 'multi') continue;
    const parent = pairsOf(target.conditions.filter((condition) => condition !== split));
    const page = await attacker.page(split.question, parent);
    const figures = await attacker.figures(split.question, parent, [['_weight', '0']]);
    const measure = split.op === 'first' ? 'ranked_first' : 'share';
    const rows = figures.rows.filter((row) => row.measure === measure);
    if (page.base === undefined || !rows.some((row) => row.option === split.value)) continue;
    const others = rows.filter((row) => row.option !== split.value);
    if (!others.every((row) => isNumber(row.count))) continue;
    const value = page.base - others.reduce((sum, row) => sum + row.count, 0);
    estimates.push(value);
    methods.push(`base ${page.base} − other options`);
  }
  const value = median(estimates);
  return { id: target.id, count: value === null ? null : Math.round(value), detail: methods.slice(0, 2).join('; ') };
}

export const attack = {
  id: 1,
  title: '“of N selected” differencing',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
