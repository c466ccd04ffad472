import type { QuestionPlan } from './build-question';
import type { EncodedColumn } from './column-encoder';
import { asSingleChoice, expandedScale } from './plan-option-columns';
import { joinStem } from './plan-settings';

/** "Kubernetes - Using in production", "Fosters a community … - 5": a row, then one of its levels. */
const ROW_AND_LEVEL = /^(.*\S)\s+-\s+(\S.*)$/s;

type PlanOf = (kind: QuestionPlan['kind'], picked: number[], overrides?: Partial<QuestionPlan>) => QuestionPlan;

interface Row {
  name: string;
  positions: number[];
  levels: string[];
}

/** Consecutive columns naming the same row, each with its level; undefined unless every column names a row and a level. */
function readRows(items: string[], options: number[]): Row[] | undefined {
  const rows: Row[] = [];
  for (const c of options) {
    const match = ROW_AND_LEVEL.exec(items[c]);
    if (!match) return undefined;
    const [, name, level] = match;
    const last = rows.at(-1);
    if (last && last.name === name) {
      last.positions.push(c);
      last.levels.push(level);
    } else rows.push({ name, positions: [c], levels: [level] });
  }
  return rows;
}

/**
 * SurveyMonkey's expanded export spreads a grid one column per (row, level): `Kubernetes -
 * Evaluating`, `Kubernetes - Using in production`, … `Prometheus - Evaluating`…, each cell
 * holding its level (or the level's digit). Each row is then one single choice over its level
 * columns, in the order the survey showed them, and the rows share those levels: a grid. Not
 * one when a row's columns name different levels, a cell is not its column's level, or a
 * respondent fills two levels of a row (a checkbox matrix: left to the multi-select reading).
 */
export function planExpandedGrid(
  draft: { id: string; label: string; items: string[] },
  options: number[],
  context: { columns: EncodedColumn[]; cells: Map<string, number>[]; names: string[]; isMissing: (value: string) => boolean; evidence: string },
  plan: PlanOf,
): QuestionPlan[] | undefined {
  const rows = readRows(draft.items, options);
  if (!rows || rows.length < 2) return undefined;
  const levels = rows[0].levels;
  if (levels.length < 2 || rows.some((row) => row.levels.join('\u0000') !== levels.join('\u0000'))) return undefined;
  const holdsLevel = rows.every((row) => row.positions.every((c, k) => [...context.cells[c].keys()].every((cell) => cell === row.levels[k])));
  if (!holdsLevel) return undefined;
  const singles = rows.map((row) =>
    asSingleChoice(
      row.positions.map((c) => context.columns[c]),
      levels,
      (value) => !context.isMissing(value),
      0,
    ),
  );
  if (singles.some((single) => single === undefined)) return undefined;
  const scale = expandedScale(levels, context.names);
  const reason =
    `grid row (expanded): ${rows.length} rows × ${levels.length} levels, one column per row and level, each cell its level; no respondent fills two levels of a row` +
    (scale ? `; ${scale.reason}` : '') +
    context.evidence;
  return rows.map((row, r) =>
    plan(scale ? 'likert' : 'single', row.positions, {
      id: `${draft.id}_${r + 1}`,
      label: joinStem(draft.label, row.name),
      group: draft.label,
      grid: draft.id,
      columns: [singles[r]!],
      order: scale?.order ?? levels,
      ...(scale?.scale ? { scale: scale.scale } : {}),
      reason,
    }),
  );
}
