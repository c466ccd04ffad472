import type { CodebookQuestion } from './codebook-schema';
import type { QuestionDraft } from './group-columns';
import type { QuestionPlan } from './build-question';
import type { QuestionKind } from './types';
import { isMetaName, type ColumnInference } from './infer-kind';
import { matchLikertScale } from './likert-scales';
import { detectNumericScale } from './numeric-scale';
import { orderOptions } from './order-options';
import { isNumberText } from './profile-column';
import { inferenceSettings, joinStem, optionSettings } from './plan-settings';

type PlanOf = (kind: QuestionKind, picked: number[], overrides?: Partial<QuestionPlan>) => QuestionPlan;

/** A grid's scale has at most this many answers (0–10 and an off-scale one). */
const MAX_GRID_SCALE = 12;

interface GridScale {
  kind: 'single' | 'likert';
  overrides: Partial<QuestionPlan>;
  reason: string;
}

/**
 * The scale rows share, when they share one: a rating written as numbers, a known ordered
 * scale, or a short unordered list of answers (kept in one order for every row).
 */
function sharedScale(rows: { cells: Map<string, number> }[], names: string[]): GridScale | undefined {
  const union = new Map<string, number>();
  for (const row of rows) for (const [value, times] of row.cells) union.set(value, (union.get(value) ?? 0) + times);
  if (union.size < 2 || union.size > MAX_GRID_SCALE) return undefined;
  const values = [...union.keys()];
  // Rows of one grid use most of its scale; rows that share one or two answers are different
  // questions, unless the answers lie on a known ordered scale (rows few people answered).
  const sparse = rows.some((row) => row.cells.size < Math.min(2, union.size) || row.cells.size < 0.4 * union.size);
  if (sparse && !matchLikertScale(values)) return undefined;
  const numeric = detectNumericScale(values, names);
  if (numeric) return { kind: 'likert', overrides: { scale: numeric }, reason: `grid row: ${numeric.reason.replace(/^likert: /, 'a scale of ')}` };
  // Bare numbers that are not a rating scale are amounts or codes: rows of their own, not a grid.
  if (values.every((value) => isNumberText(value))) return undefined;
  const likert = matchLikertScale(values);
  if (likert)
    return {
      kind: 'likert',
      overrides: { order: [...likert.ordered, ...likert.offScale] },
      reason: `grid row: the rows share a known ordered scale of ${likert.ordered.length} points`,
    };
  return { kind: 'single', overrides: { order: orderOptions(union) }, reason: `grid row: the rows share ${union.size} answers` };
}

/**
 * The rows of a group, each a question of its own (the codebook can describe it under its own
 * id), which form a grid when the choice rows share one answer scale. A row named by its own
 * column (`stemless`) is labelled by that name alone.
 */
export function planGridRows(
  draft: QuestionDraft,
  options: number[],
  context: { cells: Map<string, number>[]; inferences: ColumnInference[]; names: string[]; columnName: (index: number) => string; evidence: string },
  entryFor: (id: string) => CodebookQuestion | undefined,
  plan: PlanOf,
): QuestionPlan[] {
  const { cells, inferences } = context;
  const rowIdOf = (c: number) => (/^[A-Za-z_][\w.\-]*$/.test(draft.codes[c]) && draft.codes[c] !== draft.id ? draft.codes[c] : `${draft.id}_${c + 1}`);
  const choiceRows = options.filter(
    (c) => inferences[c].kind === 'single' || inferences[c].kind === 'likert' || (inferences[c].kind === 'numeric' && cells[c].size <= MAX_GRID_SCALE),
  );
  const scale =
    choiceRows.length >= 2 && choiceRows.every((c) => !entryFor(rowIdOf(c))?.kind)
      ? sharedScale(
          choiceRows.map((c) => ({ cells: cells[c] })),
          context.names,
        )
      : undefined;
  return options.map((c) => {
    const id = rowIdOf(c);
    const rowEntry = entryFor(id);
    const inGrid = scale !== undefined && choiceRows.includes(c);
    const inference = inferences[c];
    const kind: QuestionKind = rowEntry?.kind ?? (isMetaName(draft.items[c]) ? 'meta' : inGrid ? scale.kind : inference.kind);
    const item = draft.items[c] || context.columnName(draft.columns[c]);
    const label = rowEntry?.label ?? (draft.stemless ? item : joinStem(draft.label, item));
    const rowSettings = inGrid ? { ...scale.overrides, grid: draft.id, reason: `${scale.reason}${context.evidence}` } : inferenceSettings(inference);
    return plan(kind, [c], {
      id,
      label,
      text: rowEntry?.text ?? draft.text,
      group: draft.label,
      ...rowSettings,
      ...optionSettings(rowEntry),
      ...(rowEntry?.separator ? { separator: rowEntry.separator } : {}),
    });
  });
}
