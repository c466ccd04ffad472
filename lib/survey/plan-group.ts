import type { CodebookQuestion } from './codebook-schema';
import type { QuestionDraft } from './group-columns';
import type { QuestionPlan } from './build-question';
import type { QuestionKind } from './types';
import { inferColumn, isMetaName, type ColumnInference } from './infer-kind';
import { matchLikertScale } from './likert-scales';
import { detectNumericScale } from './numeric-scale';
import { orderOptions } from './order-options';
import { isNumberText } from './profile-column';
import { answeredCells, type EncodedColumn } from './column-encoder';
import { inferenceSettings, joinStem, optionSettings, OTHER_SPECIFY, type PlanContext } from './plan-settings';

type PlanOf = (kind: QuestionKind, picked: number[], overrides?: Partial<QuestionPlan>) => QuestionPlan;

/** Below this many answering respondents, "nobody chose two" says nothing about the question. */
const MIN_FOR_SINGLE = 30;
/** A grid's scale has at most this many answers (0–10 and an off-scale one). */
const MAX_GRID_SCALE = 12;

/** Per-option columns written as ticks: `Yes`/`No`, `1`/`0`, `TRUE`/`FALSE`, `Checked`/`Unchecked` (float-ified `1.0` too). */
const CHOSEN = new Set(['yes', 'y', '1', '1.0', 'true', 'checked', 'selected', 'x', '✓', '✔']);
const NOT_CHOSEN = new Set(['no', 'n', '0', '0.0', 'false', 'unchecked', 'not selected', 'not checked']);
const RANK_POSITION = /^(rank|ranking|choice|preference|position|place)\s*#?\s*\d+$|^\d+(st|nd|rd|th)?\s*(choice|place|preference|rank)$/i;

const isChosen = (value: string) => CHOSEN.has(value.toLowerCase());

/** True when every answering respondent's ranks across the columns are whole numbers 1..k without repeats. */
function looksLikeRanking(columns: EncodedColumn[], isMissing: (value: string) => boolean): boolean {
  const k = columns.length;
  // Per column, each distinct cell read once: 0 = no answer, -1 = not a rank 1..k.
  const rankOf = columns.map((column) =>
    column.values.map((value) => {
      if (isMissing(value)) return 0;
      const rank = Number(value);
      return Number.isInteger(rank) && rank >= 1 && rank <= k ? rank : -1;
    }),
  );
  const size = columns[0].codes.length;
  const seen = new Uint8Array(k + 1);
  let answering = 0;
  let consistent = 0;
  for (let i = 0; i < size; i++) {
    seen.fill(0);
    let valid = true;
    let any = false;
    for (let c = 0; c < k; c++) {
      const rank = rankOf[c][columns[c].codes[i]];
      if (rank === 0) continue;
      any = true;
      if (rank < 0 || seen[rank]) valid = false;
      else seen[rank] = 1;
    }
    if (!any) continue;
    answering++;
    if (valid) consistent++;
  }
  return answering > 0 && consistent >= 0.95 * answering;
}

/**
 * One column per option where each respondent fills at most one (TODO Group 2023+, SurveyMonkey's
 * expanded single choice): a single choice, one column of the chosen option's label.
 */
function asSingleChoice(columns: EncodedColumn[], labels: string[], chosen: (value: string) => boolean): EncodedColumn | undefined {
  const chosenOf = columns.map((column) => column.values.map(chosen));
  const size = columns[0].codes.length;
  // Code 0 is "no answer"; code c + 1 is the label of column c.
  const codes = new Uint16Array(size);
  const counts = new Array<number>(labels.length + 1).fill(0);
  let answering = 0;
  for (let i = 0; i < size; i++) {
    let picked = 0;
    for (let c = 0; c < columns.length; c++) {
      if (!chosenOf[c][columns[c].codes[i]]) continue;
      if (picked !== 0) return undefined;
      picked = c + 1;
    }
    if (picked !== 0) answering++;
    codes[i] = picked;
    counts[picked]++;
  }
  return answering >= MIN_FOR_SINGLE ? { values: ['', ...labels], codes, counts } : undefined;
}

/** The options and ticks of a group whose columns each stand for one option. */
function optionColumns(cells: Map<string, number>[]): { ticks: boolean } | undefined {
  const values = cells.flatMap((column) => [...column.keys()]);
  if (values.length === 0) return undefined;
  const lower = values.map((value) => value.toLowerCase());
  if (lower.every((value) => CHOSEN.has(value) || NOT_CHOSEN.has(value)) && lower.some((value) => CHOSEN.has(value))) return { ticks: true };
  if (cells.every((column) => column.size <= 1)) return { ticks: false };
  return undefined;
}

/** Neutral mid point of an ordered scale with one ("Neither agree nor disagree", "Neutral"). */
export function neutralIndex(labels: readonly string[]): number | undefined {
  if (labels.length % 2 === 0) return undefined;
  const middle = Math.floor(labels.length / 2);
  return /neither|neutral|undecided|mixed|in between|indifferent/i.test(labels[middle]) ? middle : undefined;
}

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
  // Rows of one grid use most of its scale; rows that share one or two answers are different questions.
  if (rows.some((row) => row.cells.size < Math.min(2, union.size) || row.cells.size < 0.4 * union.size)) return undefined;
  const values = [...union.keys()];
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
 * Decides what a group of neighbouring columns is. Free-text "Other (please specify)" columns
 * become their own text questions. Then: rank positions holding items (`[Rank 1]`…); one
 * column per option, ticked with a label, `1` or `Yes`/`No` (multi-select, or single choice
 * when nobody ticks two); whole ranks 1..k without repeats (a ranking); otherwise rows, each
 * a question of its own, which form a grid when they share one answer scale.
 */
export function planGroup(
  draft: QuestionDraft,
  columns: EncodedColumn[],
  entryFor: (id: string) => CodebookQuestion | undefined,
  context: PlanContext,
  plan: PlanOf,
): QuestionPlan[] {
  const all = columns.map((_, c) => c);
  const cells = columns.map((column) => answeredCells(column, context.isMissing));
  const stemNames = [draft.label, ...(draft.text ? [draft.text] : [])];
  const inferences = all.map((c) => inferColumn([draft.codes[c], draft.items[c], ...stemNames], columns[c], context.isMissing, context.respondents));
  const freeText = all.filter((c) => (OTHER_SPECIFY.test(draft.items[c]) && cells[c].size > 1) || inferences[c].kind === 'text');
  const options = all.filter((c) => !freeText.includes(c));
  const textPlans = freeText.map((c) => {
    const id = `${draft.id}_${c + 1}_text`;
    return plan('text', [c], {
      id,
      label: entryFor(id)?.label ?? joinStem(draft.label, draft.items[c] || 'other (text)'),
      group: draft.label,
      reason: 'text: typed answers beside the options',
    });
  });
  if (options.length === 0) return textPlans;
  const optionCells = options.map((c) => cells[c]);
  const optionColumnsOf = options.map((c) => columns[c]);

  if (
    options.length >= 2 &&
    options.every((c) => RANK_POSITION.test(draft.items[c])) &&
    optionCells.every((column) => [...column.keys()].some((value) => Number.isNaN(Number(value))))
  ) {
    const reason = `ranking: ${options.length} columns are rank positions ("${draft.items[options[0]]}"…) holding the item put there`;
    return [plan('ranking', options, { rankColumns: true, reason }), ...textPlans];
  }

  const perOption = optionColumns(optionCells);
  if (perOption) {
    const chosen = perOption.ticks ? isChosen : () => true;
    const labels = options.map((c) => draft.items[c] || [...cells[c].keys()].find(chosen) || '');
    const single = asSingleChoice(optionColumnsOf, labels, (value) => !context.isMissing(value) && chosen(value));
    const how = perOption.ticks ? 'ticked Yes/No (or 1/0)' : 'holding its label or a mark';
    if (single) {
      const reason = `single (expanded): ${options.length} columns, one per option, ${how}; no respondent fills two`;
      return [plan('single', options, { columns: [single], order: labels.filter(Boolean), reason }), ...textPlans];
    }
    const reason = `multi: ${options.length} columns, one per option, ${how}`;
    return [plan('multi', options, { ...(perOption.ticks ? { chosen: isChosen } : {}), reason }), ...textPlans];
  }

  const integers = optionCells.every((column) => [...column.keys()].every((value) => Number.isInteger(Number(value))));
  if (integers && looksLikeRanking(optionColumnsOf, context.isMissing)) {
    return [plan('ranking', options, { reason: `ranking: ${options.length} item columns hold ranks 1–${options.length} without repeats` }), ...textPlans];
  }

  const rowIdOf = (c: number) => (/^[A-Za-z_][\w.\-]*$/.test(draft.codes[c]) && draft.codes[c] !== draft.id ? draft.codes[c] : `${draft.id}_${c + 1}`);
  const choiceRows = options.filter(
    (c) => inferences[c].kind === 'single' || inferences[c].kind === 'likert' || (inferences[c].kind === 'numeric' && cells[c].size <= MAX_GRID_SCALE),
  );
  const scale =
    choiceRows.length >= 2 && choiceRows.every((c) => !entryFor(rowIdOf(c))?.kind)
      ? sharedScale(
          choiceRows.map((c) => ({ cells: cells[c] })),
          stemNames,
        )
      : undefined;
  const rows = options.map((c) => {
    const id = rowIdOf(c);
    // A grid row is a question of its own: the codebook can describe it under its own id.
    const rowEntry = entryFor(id);
    const inGrid = scale !== undefined && choiceRows.includes(c);
    const inference: ColumnInference = inferences[c];
    const kind: QuestionKind = rowEntry?.kind ?? (isMetaName(draft.items[c]) ? 'meta' : inGrid ? scale.kind : inference.kind);
    const label = rowEntry?.label ?? joinStem(draft.label, draft.items[c] || context.columnName(draft.columns[c]));
    const rowSettings = inGrid ? { ...scale.overrides, grid: draft.id, reason: scale.reason } : inferenceSettings(inference);
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
  return [...rows, ...textPlans];
}
