/**
 * What must keep holding in public mode (issue 16's defences, issue 21's "must keep holding"),
 * checked against the same server the attacks ran on:
 * - the threshold cannot be lowered from a URL (`_suppress=0`, `_suppress=1`);
 * - the weight cannot be chosen from a URL (`_weight=salary_usd`);
 * - the mode cannot be switched by a header, a cookie or a URL key;
 * - the same respondents get the same noise under any spelling of a filter (key order, repeated
 *   values, "is one of" against "is not" the others);
 * - downloads are formula-safe: no cell of any CSV fetched during the whole run (figures,
 *   crosstabs, raw responses) would run as a spreadsheet formula.
 * Already browser journeys in tests/e2e/hostile.mjs, and not repeated here: no script runs from
 * hostile CSV content or URLs, security headers on every answer, no path traversal, no stack
 * trace or server path in any answer (`node scripts/e2e.mjs hostile`).
 */
import { pairsOf } from './attacker.mjs';
import { BREAKDOWNS } from './judge.mjs';
import { FORMULA_DATASET } from './server.mjs';

const ANALYST_HEADERS = [
  { 'x-survey-lens-mode': 'analyst' },
  { 'survey-lens-mode': 'analyst' },
  { 'x-disclosure': 'analyst' },
  { cookie: 'survey_lens_mode=analyst; SURVEY_LENS_MODE=analyst; mode=analyst; disclosure=analyst' },
];
const ANALYST_KEYS = [
  ['_mode', 'analyst'],
  ['_disclosure', 'analyst'],
  ['SURVEY_LENS_MODE', 'analyst'],
];

/**
 * The figures of a download as a comparable string, or `refused …` when it gives none. A setting
 * that gets a URL refused reveals nothing; one that changes the figures may reveal more.
 */
async function figuresKey(attacker, question, pairs, settings = [], headers = {}) {
  const url = `/${attacker.dataset}/export?${new URLSearchParams([['_question', question], ...pairs, ...settings, ['_format', 'json']])}`;
  const { status, body } = await attacker.get(url, headers);
  if (status !== 200) return `refused ${status}`;
  try {
    const { rows } = JSON.parse(body);
    return rows.some((row) => row.count !== null && row.count !== undefined) ? JSON.stringify(rows) : 'refused: no figures';
  } catch {
    return 'refused: not JSON';
  }
}

/** A changed answer that still gives figures: what these guards look for. */
const revealsOther = (plain, changed) => changed !== plain && !changed.startsWith('refused');

async function pageKey(attacker, pairs, settings = [], headers = {}) {
  const url = `/${attacker.dataset}/questions/role?${new URLSearchParams([...pairs, ...settings])}`;
  const { status, body } = await attacker.get(url, headers);
  const base = /Base: [\d,]+/.exec(body)?.[0];
  return status !== 200 || !base ? `refused ${status}` : `${base} ${/\(of [\d,]+ selected/.exec(body)?.[0] ?? ''}`;
}

function check(name, failures, checked) {
  return { name, ok: failures.length === 0 && checked > 0, detail: failures.length > 0 ? failures.slice(0, 3).join('; ') : `${checked} checked` };
}

async function thresholdHolds(attacker, small, parents) {
  const failures = [];
  let checked = 0;
  for (const pairs of [...small, ...parents])
    for (const value of ['0', '1', '5']) {
      const [plain, lowered] = await Promise.all([figuresKey(attacker, 'role', pairs), figuresKey(attacker, 'role', pairs, [['_suppress', value]])]);
      checked++;
      if (revealsOther(plain, lowered)) failures.push(`_suppress=${value} changed ${new URLSearchParams(pairs)}`);
    }
  return check('the threshold cannot be lowered (_suppress)', failures, checked);
}

async function weightHolds(attacker, parents) {
  const failures = [];
  let checked = 0;
  for (const pairs of parents)
    for (const column of ['salary_usd', 'years_experience', 'respondent_id']) {
      const [plain, chosen] = await Promise.all([figuresKey(attacker, 'role', pairs), figuresKey(attacker, 'role', pairs, [['_weight', column]])]);
      checked++;
      if (revealsOther(plain, chosen)) failures.push(`_weight=${column} changed ${new URLSearchParams(pairs)}`);
    }
  return check('the weight cannot be chosen (_weight=<column>)', failures, checked);
}

async function modeHolds(attacker, small, parents) {
  const failures = [];
  let checked = 0;
  for (const pairs of [...small, ...parents]) {
    const [plainFigures, plainPage] = await Promise.all([figuresKey(attacker, 'role', pairs), pageKey(attacker, pairs)]);
    for (const headers of ANALYST_HEADERS) {
      checked++;
      if ((await figuresKey(attacker, 'role', pairs, [], headers)) !== plainFigures)
        failures.push(`${Object.keys(headers)[0]} changed the download of ${new URLSearchParams(pairs)}`);
      if (revealsOther(plainPage, await pageKey(attacker, pairs, [], headers)))
        failures.push(`${Object.keys(headers)[0]} changed the page of ${new URLSearchParams(pairs)}`);
    }
    for (const key of ANALYST_KEYS) {
      checked++;
      if (revealsOther(plainFigures, await figuresKey(attacker, 'role', pairs, [key])))
        failures.push(`${key[0]}=analyst changed ${new URLSearchParams(pairs)}`);
    }
  }
  return check('the mode cannot be switched by a header, cookie or URL key', failures, checked);
}

/** The published counts of a selection (its base over everyone, and each arrangement), or undefined when refused. */
async function countsOf(attacker, pairs) {
  const { ok, rows } = await attacker.figures('work_arrangement', pairs, [
    ['_base', 'all'],
    ['_weight', '0'],
  ]);
  if (!ok) return undefined;
  return JSON.stringify(rows.filter((row) => row.measure === 'share').map((row) => [row.option, row.count, row.base]));
}

/** Ways of writing one set of respondents: key order, repeated values, "is one of" against "is not" the others. */
async function spellingsOf(attacker, parents) {
  const groups = [];
  for (const pairs of parents) {
    const [[first, value], ...rest] = pairs;
    const others = (await attacker.options(first)).filter((other) => other !== value);
    groups.push([
      pairs,
      [...rest, [first, value]],
      [[first, value], [first, value], ...rest],
      [...others.map((other) => [`${first}__not`, other]), [`${first}__answered`, '1'], ...rest],
      [[first, value], ...rest, [`${first}__not`, others[0]]],
    ]);
  }
  for (const breakdown of BREAKDOWNS) {
    const [a, b] = await attacker.options(breakdown);
    groups.push([
      [
        [breakdown, a],
        [breakdown, b],
      ],
      [
        [breakdown, b],
        [breakdown, a],
      ],
      [
        [breakdown, b],
        [breakdown, a],
        [breakdown, b],
      ],
    ]);
  }
  return groups;
}

async function spellingsAgree(attacker, parents) {
  const failures = [];
  let checked = 0;
  for (const spellings of await spellingsOf(attacker, parents)) {
    const answers = (await Promise.all(spellings.map((spelling) => countsOf(attacker, spelling)))).filter((answer) => answer !== undefined);
    if (answers.length < 2) continue;
    checked++;
    if (new Set(answers).size > 1) failures.push(`${new URLSearchParams(spellings[0])}: ${new Set(answers).size} different answers for one set of respondents`);
  }
  return check('the same respondents get the same noise under any spelling of a filter', failures, checked);
}

export async function runGuards(attacker, targets) {
  const threeField = targets.filter((target) => target.family === 'three-field' && target.conditions.every((c) => c.value !== null));
  const small = threeField.slice(0, 6).map((target) => pairsOf(target.conditions));
  const parents = [...new Set(threeField.map((target) => JSON.stringify(pairsOf(target.conditions.filter((c) => c.question !== 'work_arrangement')))))]
    .map((text) => JSON.parse(text))
    .slice(0, 8);
  const publicParents = [[['region', 'Africa']], [['company_size', '1-10']], ...parents.slice(0, 4)];
  const guards = [
    await thresholdHolds(attacker, small, publicParents),
    await weightHolds(attacker, publicParents),
    await modeHolds(attacker, small.slice(0, 3), publicParents.slice(0, 3)),
    await spellingsAgree(attacker, [...parents, [['region', 'Africa']]]),
  ];
  guards.push(await formulaSafe(attacker));
  return guards;
}

/** The formula-like survey's downloads (figures, crosstab, raw responses), then every CSV the run fetched. */
async function formulaSafe(attacker) {
  const urls = [
    `/${FORMULA_DATASET}/export?_question=role`,
    `/${FORMULA_DATASET}/export?_question=team_x`,
    `/${FORMULA_DATASET}/export?_question=comment`,
    `/${FORMULA_DATASET}/crosstab/export?_rows=role&_cols=team_x`,
    `/${FORMULA_DATASET}/responses/export`,
  ];
  const answers = await Promise.all(urls.map((url) => attacker.get(url)));
  const served = answers.filter((answer) => answer.status === 200 && answer.type.startsWith('text/csv')).length;
  const failures = [...attacker.formulaCells];
  if (served === 0) failures.push('none of the formula-like survey’s CSV downloads answered');
  return check('downloads are formula-safe (a formula-like survey, and every CSV fetched in the run)', failures, served);
}
