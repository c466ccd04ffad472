/**
 * The judge: the true answers, read from the bundled CSV files with papaparse and never from the
 * app. It picks the groups the attacks are run over — every small group (1 to 9 respondents)
 * inside a published parent — and scores what each attack recovered against the truth.
 *
 * Two families of small groups, as issue 21 names them:
 * - three-field groups: region ∧ company size ∧ work arrangement (a field may be "no answer",
 *   which a URL writes `work_arrangement__answered=0`), inside a two-field parent of 10 or more;
 * - released cells: an option of a public question × a value of one breakdown (region, company
 *   size, work arrangement), inside that breakdown value (10 or more). Ranking questions count
 *   "ranked first". These are the cells of the two-way tables the rebuilt public mode releases.
 * (Breakdown values or pairs of them with 1–9 respondents would be a third family; the bundled
 * sample has none, and the code adds them as released cells of a breakdown × breakdown table.)
 *
 * Attack modules get a group's definition (its conditions), never its truth.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { root } from '../e2e/support.mjs';

export const DATASET = 'state-of-engineers';
export const WAVES = ['2020', '2021', '2022'];
export const HOME_WAVE = '2022';
export const THRESHOLD = 10;
export const BREAKDOWNS = ['region', 'company_size', 'work_arrangement'];
/** The questions whose options make released cells, with their kind (as the codebook declares them). */
export const CELL_QUESTIONS = { role: 'single', job_satisfaction: 'likert', languages: 'multi', hot_trends: 'ranking', ...byBreakdown() };
/** Columns renamed between waves (the codebook's aliases). */
const ALIASES = { work_arrangement: ['work_setup'] };

function byBreakdown() {
  return Object.fromEntries(BREAKDOWNS.map((id) => [id, 'single']));
}

const waves = new Map();

/** One wave's rows as objects of trimmed strings (blank, NA and N/A are "no answer": ''). */
export function readWave(wave) {
  if (!waves.has(wave)) {
    const text = readFileSync(path.join(root, 'data', DATASET, `${wave}.csv`), 'utf8');
    const { data } = Papa.parse(text, { header: true, skipEmptyLines: true });
    waves.set(
      wave,
      data.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, /^(NA|N\/A)$/.test(value.trim()) ? '' : value.trim()]))),
    );
  }
  return waves.get(wave);
}

/** A respondent's answer to a single-choice question, through the codebook's aliases. */
export function answerOf(row, question) {
  for (const column of [question, ...(ALIASES[question] ?? [])]) if (row[column] !== undefined) return row[column];
  return '';
}

/** The options a respondent chose (multi), or the items ranked first (ranking). */
function chosen(row, question, op) {
  if (CELL_QUESTIONS[question] === 'multi')
    return answerOf(row, question)
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean);
  if (CELL_QUESTIONS[question] === 'ranking')
    return Object.keys(row)
      .filter((column) => column.startsWith(`${question}[`) && (op === 'first' ? row[column] === '1' : row[column] !== ''))
      .map((column) => column.slice(question.length + 1, -1));
  const answer = answerOf(row, question);
  return answer === '' ? [] : [answer];
}

/** Whether a respondent meets one condition: `{ question, value }` (value null = no answer), op 'in' or 'first'. */
export function meets(row, condition) {
  const answers = chosen(row, condition.question, condition.op);
  return condition.value === null ? chosen(row, condition.question, 'in').length === 0 : answers.includes(condition.value);
}

export function describeGroup(conditions) {
  return conditions.map(({ question, value, op }) => `${question}${op === 'first' ? '(first)' : ''}=${value ?? '(no answer)'}`).join(' ∧ ');
}

function membersOf(rows, conditions) {
  return rows.filter((row) => conditions.every((condition) => meets(row, condition)));
}

/** The values a single-choice field takes in a wave, plus null for "no answer" when someone left it blank. */
function valuesOf(rows, question, withBlank) {
  const values = [...new Set(rows.map((row) => answerOf(row, question)).filter(Boolean))];
  return withBlank && rows.some((row) => answerOf(row, question) === '') ? [...values, null] : values;
}

function threeFieldGroups(rows, wave) {
  const [a, b, c] = BREAKDOWNS;
  const groups = [];
  for (const va of valuesOf(rows, a, true))
    for (const vb of valuesOf(rows, b, true))
      for (const vc of valuesOf(rows, c, true)) {
        const conditions = [
          { question: a, value: va, op: 'in' },
          { question: b, value: vb, op: 'in' },
          { question: c, value: vc, op: 'in' },
        ];
        const members = membersOf(rows, conditions);
        if (members.length === 0 || members.length >= THRESHOLD) continue;
        const published = conditions.some((_, k) => membersOf(rows, conditions.toSpliced(k, 1)).length >= THRESHOLD);
        if (published) groups.push({ family: 'three-field', wave, conditions, members });
      }
  return groups;
}

function releasedCells(rows, wave) {
  const groups = [];
  for (const [question, kind] of Object.entries(CELL_QUESTIONS)) {
    const op = kind === 'ranking' ? 'first' : 'in';
    const options = [...new Set(rows.flatMap((row) => chosen(row, question, op)))];
    for (const breakdown of BREAKDOWNS) {
      if (breakdown === question || (BREAKDOWNS.includes(question) && BREAKDOWNS.indexOf(question) > BREAKDOWNS.indexOf(breakdown))) continue;
      for (const value of valuesOf(rows, breakdown, false)) {
        const parent = [{ question: breakdown, value, op: 'in' }];
        if (membersOf(rows, parent).length < THRESHOLD) continue;
        for (const option of options) {
          const conditions = [...parent, { question, value: option, op }];
          const members = membersOf(rows, conditions);
          if (members.length > 0 && members.length < THRESHOLD) groups.push({ family: 'released cell', wave, conditions, members });
        }
      }
    }
  }
  return groups;
}

/**
 * Every small group of a wave, with its truth kept here. `targets` is what attacks see: an id,
 * the family, the wave and the conditions.
 */
export function buildTargets(wave = HOME_WAVE) {
  const rows = readWave(wave);
  const groups = [...threeFieldGroups(rows, wave), ...releasedCells(rows, wave)].map((group, index) => ({ ...group, id: `${wave}#${index + 1}` }));
  const truth = new Map(groups.map((group) => [group.id, group]));
  const targets = groups.map(({ id, family, conditions }) => ({ id, family, wave, conditions, label: describeGroup(conditions) }));
  return { targets, truth };
}

/** A one-respondent group's answers, as attacks report them (blank = null; languages sorted). */
export function answersOf(row) {
  return {
    role: answerOf(row, 'role') || null,
    job_satisfaction: answerOf(row, 'job_satisfaction') || null,
    languages: chosen(row, 'languages', 'in').sort().join(';') || null,
    hot_trends_first: chosen(row, 'hot_trends', 'first')[0] ?? null,
  };
}

const salaryOf = (row) => (row.salary_usd === '' ? null : Number(row.salary_usd));

/**
 * Scores one attack's results. Per family, per measure: groups attacked, exact recoveries, the
 * rate. Measures: `count` (the group's exact size, every group); `salary` and `answers` (a
 * one-respondent group's salary to the unit, or all its answers) when the attack claims them.
 */
export function scoreResults(results, truth) {
  const tally = new Map();
  // The examples shown are of the smallest groups recovered exactly: one person's count or answers.
  const add = (family, measure, exact, example, size) => {
    const key = `${family}\u0000${measure}`;
    const entry = tally.get(key) ?? { family, measure, groups: 0, exact: 0, examples: [] };
    entry.groups++;
    if (exact) {
      entry.exact++;
      entry.examples.push({ size, example });
      entry.examples.sort((a, b) => a.size - b.size).splice(2);
    }
    tally.set(key, entry);
  };
  for (const result of results) {
    const group = truth.get(result.id);
    const label = describeGroup(group.conditions);
    add(group.family, 'count', result.count === group.members.length, `${label}: ${result.count}`, group.members.length);
    if (result.claims?.includes('salary') && group.members.length === 1) {
      const salary = salaryOf(group.members[0]);
      add(group.family, 'salary', salary !== null && result.salary === salary, `${label}: salary ${result.salary}`, 1);
    }
    if (result.claims?.includes('answers') && group.members.length === 1) {
      const expected = answersOf(group.members[0]);
      const got = result.answers;
      const exact = got !== undefined && Object.keys(expected).every((key) => (got[key] ?? null) === expected[key]);
      add(
        group.family,
        'answers',
        exact,
        `${label}: ${
          Object.values(got ?? {})
            .filter(Boolean)
            .join(', ') || '(no answers)'
        }`,
      );
    }
  }
  return [...tally.values()].map((entry) => ({
    ...entry,
    examples: entry.examples.map(({ example }) => example),
    rate: entry.groups === 0 ? 0 : entry.exact / entry.groups,
  }));
}
