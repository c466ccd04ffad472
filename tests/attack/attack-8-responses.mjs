/**
 * Attack 8 — raw responses, opted in with `publicColumns`.
 *
 * Run on a copy of the sample whose codebook publishes raw responses in two columns (role, job
 * satisfaction) and marks salary `private: true` (server.mjs). A group T is defined by columns
 * that are not public (region, company size, work arrangement; languages, rankings), so listing
 * the public columns alone must not single it out. Method, per group T and each way of writing it
 * as a published superset minus a published part (P′ = P ∧ X answered, P′ ∖ T = P ∧ X is not x):
 * - the responses download of each, filtered on non-public columns: if rows carry a stable
 *   respondent or line number, T's rows are those in the first and not the second (their count,
 *   and their public answers); else the difference of the row counts;
 * - for a one-respondent group with stable row numbers: their languages and first-ranked trend
 *   by filtering a large group that holds them (their region) on each option (is their row
 *   there, or in the complement's listing?), and their salary by binary search on
 *   `salary_usd__gte` / `salary_usd__lt` (a private column) — whichever side is large enough to
 *   be listed.
 * When filters on columns that are not public are refused (the rebuild) nothing is listed, and
 * the attack recovers nothing.
 */
import { differencesOf, mapLimit } from './attacker.mjs';
import { OPEN_DATASET } from './server.mjs';

const SALARY_CEILING = 2 ** 22;
const ID_COLUMNS = ['respondent', 'line', 'row', 'respondent_id', '#'];

const idColumn = (rows) => ID_COLUMNS.find((column) => rows.length > 0 && rows.every((row) => (row[column] ?? '') !== ''));

async function listed(attacker, pairs) {
  const answer = await attacker.responses(OPEN_DATASET, pairs);
  if (!answer.ok) return undefined;
  const column = idColumn(answer.rows);
  return { rows: answer.rows, ids: column ? new Set(answer.rows.map((row) => row[column])) : undefined, column };
}

/** Whether the respondent with this id is in the selection: from its listing, or from the listing of its complement within P′. */
async function isIn(attacker, id, base, yes, no) {
  const inside = await listed(attacker, [...base, yes]);
  if (inside?.ids) return inside.ids.has(id);
  const outside = await listed(attacker, [...base, no]);
  if (outside?.ids) return !outside.ids.has(id);
  return undefined;
}

async function searchSalary(attacker, id, base) {
  const atLeast = (x) => isIn(attacker, id, base, ['salary_usd__gte', String(x)], ['salary_usd__lt', String(x)]);
  if ((await atLeast(0)) !== true) return null;
  let low = 0;
  let high = SALARY_CEILING;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const answer = await atLeast(middle);
    if (answer === undefined) return null;
    if (answer) low = middle;
    else high = middle;
  }
  return low;
}

/** The options one respondent chose, by whether their row is listed under each option's filter (none if they left the question blank). */
async function optionsChosen(attacker, id, base, question, key, options) {
  if ((await isIn(attacker, id, base, [`${question}__answered`, '1'], [`${question}__answered`, '0'])) !== true) return [];
  const chosen = [];
  for (const option of options) if (await isIn(attacker, id, base, [key, option], [`${question}__not`, option])) chosen.push(option);
  return chosen;
}

/**
 * A one-respondent group: their public answers from their row, the rest by filtering on columns
 * that are not public. Membership is tested inside one large published group that holds them
 * (their region), so that both a filter and its complement are usually large enough to list.
 */
async function oneRespondent(attacker, target, row, column) {
  const id = row[column];
  const fixed = Object.fromEntries(target.conditions.filter((c) => c.value !== null).map((c) => [c.question, c.value]));
  const anchor = target.conditions.find((c) => c.value !== null && c.op === 'in' && !['languages'].includes(c.question));
  const base = anchor ? [[anchor.question, anchor.value]] : [];
  const languages = fixed.languages
    ? [fixed.languages]
    : await optionsChosen(attacker, id, base, 'languages', 'languages', await attacker.options('languages'));
  const firsts = fixed.hot_trends
    ? [fixed.hot_trends]
    : await optionsChosen(attacker, id, base, 'hot_trends', 'hot_trends__first', await attacker.options('hot_trends'));
  return {
    answers: {
      role: row.role || null,
      job_satisfaction: row.job_satisfaction || null,
      languages: languages.sort().join(';') || null,
      hot_trends_first: firsts[0] ?? null,
    },
    salary: await searchSalary(attacker, id, base),
  };
}

async function estimate(attacker, target) {
  for (const way of await differencesOf(attacker, target)) {
    const [plus, minus] = await Promise.all([listed(attacker, way.plus), listed(attacker, way.minus)]);
    if (!plus || !minus) continue;
    if (!plus.ids || !minus.ids) return { id: target.id, count: plus.rows.length - minus.rows.length, claims: ['answers', 'salary'], detail: 'row counts' };
    const rows = plus.rows.filter((row) => !minus.ids.has(row[plus.column]));
    const result = {
      id: target.id,
      count: rows.length,
      claims: ['answers', 'salary'],
      detail: `rows by ${plus.column}: ${plus.rows.length} − ${minus.rows.length}`,
    };
    if (rows.length === 1) Object.assign(result, await oneRespondent(attacker, target, rows[0], plus.column));
    return result;
  }
  return { id: target.id, count: null, claims: ['answers', 'salary'], detail: 'no responses listed' };
}

export const attack = {
  id: 8,
  title: 'raw responses (publicColumns): row sets, non-public filters, salary search',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
