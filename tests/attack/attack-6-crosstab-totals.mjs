/**
 * Attack 6 — crosstab totals.
 *
 * A crosstab download gives each cell's total_percent (its share of the whole table) and
 * row_percent (its share of its row). If those are true counts over a true total — 2.00803212851
 * is 5/249 — the total is the one whole number N near the published total for which every
 * total_percent × N / 100 is whole (recover.mjs, totalFromShares), and each cell's count is that
 * product; a row's percentages give its cells the same way. Method, per group T: cross two of
 * its conditions (rows × columns; a three-field group's third condition as the filter, a
 * released cell's question × its breakdown unfiltered), read T's cell from total_percent, else
 * from row_percent. Every pairing of T's conditions is tried (a ranking question cannot be a
 * crosstab row or column, and "no answer" is no cell). When the percentages are computed from
 * the published perturbed counts (the rebuild), the total that fits is the published one and the
 * cell read back is the published (perturbed or suppressed) count.
 */
import { isNumber, mapLimit, pairsOf } from './attacker.mjs';
import { totalFromShares } from './recover.mjs';

const UNWEIGHTED = [['_weight', '0']];

function cellFromTotals(rows, rowOption, columnOption) {
  const cells = rows.filter((row) => row.column_option !== '(total)');
  const published = rows.find((row) => row.column_option === '(total)' && isNumber(row.column_base))?.column_base;
  const total = totalFromShares(
    cells.map((row) => row.total_percent),
    published ?? cells.reduce((sum, row) => sum + (isNumber(row.count) ? row.count : 0), 0),
  );
  const cell = cells.find((row) => row.row_option === rowOption && row.column_option === columnOption);
  if (!isNumber(total) || !isNumber(cell?.total_percent)) return undefined;
  return Math.round((cell.total_percent * total) / 100);
}

function cellFromRow(rows, rowOption, columnOption) {
  const row = rows.filter((candidate) => candidate.row_option === rowOption && candidate.column_option !== '(total)');
  const published = rows.find((candidate) => candidate.row_option === rowOption && candidate.column_option === '(total)')?.count;
  const total = totalFromShares(
    row.map((candidate) => candidate.row_percent),
    isNumber(published) ? published : row.reduce((sum, candidate) => sum + (isNumber(candidate.count) ? candidate.count : 0), 0),
  );
  const cell = row.find((candidate) => candidate.column_option === columnOption);
  if (!isNumber(total) || !isNumber(cell?.row_percent)) return undefined;
  return Math.round((cell.row_percent * total) / 100);
}

async function estimate(attacker, target) {
  const crossable = target.conditions.filter((condition) => condition.value !== null && condition.op === 'in');
  for (const across of crossable)
    for (const down of crossable) {
      if (across === down) continue;
      const filter = pairsOf(target.conditions.filter((condition) => condition !== across && condition !== down));
      const { rows } = await attacker.crosstab(down.question, across.question, filter, UNWEIGHTED);
      const fromTotals = cellFromTotals(rows, down.value, across.value);
      if (isNumber(fromTotals)) return { id: target.id, count: fromTotals, detail: `total_percent of ${down.question} × ${across.question}` };
      const fromRow = cellFromRow(rows, down.value, across.value);
      if (isNumber(fromRow)) return { id: target.id, count: fromRow, detail: `row_percent of ${down.question} × ${across.question}` };
    }
  return { id: target.id, count: null, detail: 'no crosstab percentage gave the cell' };
}

export const attack = {
  id: 6,
  title: 'crosstab total_percent and row_percent',
  run: async ({ attacker, targets }) => ({ results: await mapLimit(targets, 4, (target) => estimate(attacker, target)) }),
};
