/**
 * Attack 5 — means and other value measures.
 *
 * A mean of whole numbers (salaries in dollars, years, scale points) is S / n. Printed to 12
 * significant digits from the true data, its digits give n back (recover.mjs, countFromMean: the
 * one candidate n near the published base for which mean × n is whole), and then S = mean × n.
 * Method, per group T, unweighted (`_weight=0`), for salary, years of experience and the mean
 * satisfaction score:
 * - directly, when the group is a compare-by segment: the download of the measure under the
 *   parent P with `_by=` the question T splits on gives the segment's mean (and its digits, n);
 * - else by differencing: n and S of (P ∧ X answered) and of (P ∧ X is not x), subtracted, give
 *   T's n and S — for a one-respondent group S is their salary, to the dollar. When a mean's
 *   digits fit several n, the same differencing with an extra filter T's members answer
 *   (`role__answered=1`, …) gives other selections around T to try.
 * T's size is the largest n found over the three measures (each counts those who answered it).
 * When means are published only for large bases, from noised sums, rounded to 3 significant
 * digits (the rebuild), no candidate n fits and the attack recovers nothing.
 */
import { differencesOf, isNumber, mapLimit, pairsOf } from './attacker.mjs';
import { countFromMean } from './recover.mjs';

const MEASURES = [
  { question: 'salary_usd', baseMeasure: 'bin' },
  { question: 'years_experience', baseMeasure: 'bin' },
  { question: 'job_satisfaction', baseMeasure: 'share' },
];
const UNWEIGHTED = [['_weight', '0']];

/** n and S of one mean row, with the base the same segment publishes. */
function readMean(rows, measure, segment = '(all)') {
  const ofSegment = rows.filter((row) => (row.segment ?? '(all)') === segment);
  const mean = ofSegment.find((row) => row.measure === 'mean' && isNumber(row.value))?.value;
  const base = ofSegment.find((row) => row.measure === measure.baseMeasure && isNumber(row.base))?.base;
  const n = countFromMean(mean, base);
  return isNumber(n) ? { n, sum: mean * n } : undefined;
}

async function meanOf(attacker, measure, pairs) {
  const { rows } = await attacker.figures(measure.question, pairs, UNWEIGHTED);
  return readMean(rows, measure);
}

async function direct(attacker, target, measure) {
  for (const split of target.conditions) {
    if (split.value === null || split.op !== 'in' || split.question === measure.question) continue;
    const parent = pairsOf(target.conditions.filter((condition) => condition !== split));
    const { rows } = await attacker.figures(measure.question, parent, [...UNWEIGHTED, ['_by', split.question]]);
    const found = readMean(rows, measure, split.value);
    if (found) return { ...found, detail: `${measure.question} by ${split.question}` };
  }
  return undefined;
}

/**
 * Extra filters that leave a one-respondent group as it is (when they answered the question) but
 * change both selections around it: a mean whose digits are ambiguous for one pair of selections
 * (salaries are multiples of 500, so S / n is often whole) is usually not for another.
 */
const PADS = [[], ...['years_experience', 'role', 'job_satisfaction', 'languages', 'hot_trends'].map((question) => [[`${question}__answered`, '1']])];
const MAX_TRIES = 16;

async function differenced(attacker, ways, measure) {
  let tries = 0;
  for (const pad of PADS)
    for (const way of ways) {
      if (pad.some(([key]) => way.plus.some(([other]) => other === key)) || tries++ >= MAX_TRIES) continue;
      const [plus, minus] = await Promise.all([meanOf(attacker, measure, [...way.plus, ...pad]), meanOf(attacker, measure, [...way.minus, ...pad])]);
      if (plus && minus && plus.n > minus.n) return { n: plus.n - minus.n, sum: plus.sum - minus.sum, detail: `${measure.question}: ${plus.n} − ${minus.n}` };
    }
  return undefined;
}

async function estimate(attacker, target) {
  const ways = await differencesOf(attacker, target);
  const found = [];
  for (const measure of MEASURES) {
    const read = (await direct(attacker, target, measure)) ?? (await differenced(attacker, ways, measure));
    if (read) found.push({ ...read, question: measure.question });
  }
  if (found.length === 0) return { id: target.id, count: null, claims: ['salary'], detail: 'no mean gave a count' };
  const count = Math.max(...found.map((read) => read.n));
  const salary = found.find((read) => read.question === 'salary_usd');
  return {
    id: target.id,
    count,
    claims: ['salary'],
    salary: count === 1 && salary?.n === 1 ? Math.round(salary.sum) : null,
    detail: found.map((read) => read.detail).join('; '),
  };
}

export const attack = {
  id: 5,
  title: 'means and their digits; differenced means give one salary',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
