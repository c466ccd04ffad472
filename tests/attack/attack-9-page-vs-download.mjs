/**
 * Attack 9 — the page and its downloads disagree.
 *
 * One view must give one set of public figures, whichever way it is read: the question page (its
 * table, as the flight payload carries it), its CSV and its JSON download. Two different numbers
 * for one cell are two looks at the data: if both come from perturbed counts with independent
 * noise, averaging them gains precision; if one comes from true counts, it is a leak. And shares
 * of a single-choice question must be stated consistently (the page's rounded shares are the
 * download's shares rounded). Method, per group T split on a condition X (parent P as filters):
 * read the view "question X under P" on all three paths; T's estimate is the mean of the distinct
 * counts the three give for option x. Every disagreement (a count, a base, or a share off by more
 * than the page's rounding) is listed; the attack succeeds if any is found, or if the estimates
 * are exact on more than 60% of the groups.
 */
import { isNumber, jsonAfter, mapLimit, pairsOf } from './attacker.mjs';

/** The page's main table: option → { count, percent, base }, from the first chart's categories in the flight payload. */
function pageTable(page) {
  const found = jsonAfter(page.flight, '"categories":');
  if (!found || !Array.isArray(found.value)) return undefined;
  return new Map(
    found.value.filter((category) => Array.isArray(category.cells) && category.cells[0]).map((category) => [category.key ?? category.label, category.cells[0]]),
  );
}

const sameNumber = (a, b) => (a === null || a === undefined || a === '' ? null : Number(a)) === (b === null || b === undefined || b === '' ? null : Number(b));
const close = (a, b) => Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(a)));

function compareView(label, table, json, csv, measure) {
  const problems = [];
  const jsonRows = json.rows.filter((row) => row.measure === measure && (row.segment ?? '(all)') === '(all)');
  const csvRows = new Map(csv.rows.filter((row) => row.measure === measure && (row.segment || '(all)') === '(all)').map((row) => [row.option, row]));
  for (const row of jsonRows) {
    const shown = table.get(row.option);
    const written = csvRows.get(row.option);
    if (!written) problems.push(`${label}: ${row.option} is in the JSON and not in the CSV`);
    else {
      for (const field of ['count', 'base', 'percent', 'weighted_count'])
        if (!(sameNumber(row[field], written[field]) || (isNumber(row[field]) && close(row[field], written[field]))))
          problems.push(`${label}: ${row.option} ${field} JSON ${row[field]} ≠ CSV ${written[field]}`);
    }
    if (!shown) continue;
    if (!sameNumber(shown.count, row.count)) problems.push(`${label}: ${row.option} count page ${shown.count} ≠ download ${row.count}`);
    if (isNumber(shown.base) && !sameNumber(shown.base, row.base)) problems.push(`${label}: ${row.option} base page ${shown.base} ≠ download ${row.base}`);
    if (isNumber(shown.percent) && isNumber(row.percent) && Math.abs(shown.percent - row.percent) > 0.1 + 1e-9)
      problems.push(`${label}: ${row.option} share page ${shown.percent}% ≠ download ${Number(row.percent.toFixed(2))}%`);
  }
  return problems;
}

async function estimate(attacker, target) {
  for (const split of target.conditions) {
    if (split.value === null) continue;
    const parent = pairsOf(target.conditions.filter((condition) => condition !== split));
    const measure = split.op === 'first' ? 'ranked_first' : 'share';
    const [page, json, csv] = await Promise.all([
      attacker.page(split.question, parent),
      attacker.figures(split.question, parent),
      attacker.figuresCsv(split.question, parent),
    ]);
    const table = page.refused ? undefined : pageTable(page);
    if (!table || !json.ok) continue;
    const label = `${split.question}?${new URLSearchParams(parent)}`;
    const problems = compareView(label, table, json, csv, measure);
    const counts = [
      table.get(split.value)?.count,
      json.rows.find((row) => row.measure === measure && row.option === split.value)?.count,
      csv.rows.find((row) => row.measure === measure && row.option === split.value)?.count,
    ]
      .map((value) => (value === '' || value === undefined || value === null ? null : Number(value)))
      .filter(isNumber);
    const distinct = [...new Set(counts)];
    const count = distinct.length === 0 ? null : Math.round(distinct.reduce((sum, value) => sum + value, 0) / distinct.length);
    return { id: target.id, count, problems, detail: distinct.length > 1 ? `paths disagree: ${distinct.join(' / ')}` : `all paths: ${distinct[0]}` };
  }
  return { id: target.id, count: null, problems: [], detail: 'no view answered' };
}

export const attack = {
  id: 9,
  title: 'page ≠ download (one number, one path)',
  run: async ({ attacker, targets }) => {
    const results = await mapLimit(targets, 4, (target) => estimate(attacker, target));
    const broken = [...new Set(results.flatMap((result) => result.problems))];
    return { results, broken };
  },
};
