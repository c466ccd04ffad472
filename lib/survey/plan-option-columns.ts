import type { QuestionPlan } from './build-question';
import type { EncodedColumn } from './column-encoder';
import { matchLikertScale } from './likert-scales';
import { detectNumericScale, type NumericScale } from './numeric-scale';

/** Below this many answering respondents, "nobody chose two" says nothing about the question. */
const MIN_FOR_SINGLE = 30;

/** Per-option columns written as ticks: `Yes`/`No`, `1`/`0`, `TRUE`/`FALSE`, `Checked`/`Unchecked` (float-ified `1.0` too), German `Ja`/`Nein`. */
const CHOSEN = new Set(['yes', 'y', '1', '1.0', 'true', 'checked', 'selected', 'x', '✓', '✔', 'ja', 'oui', 'si', 'sí']);
const NOT_CHOSEN = new Set(['no', 'n', '0', '0.0', 'false', 'unchecked', 'not selected', 'not checked', 'nein', 'non']);
/** What Excel writes in place of a header that began with "-" or "=" (SurveyMonkey's " - Very Unlikely"). */
const EXCEL_ERROR = /^#(NAME\?|VALUE!|REF!|DIV\/0!|NUM!|NULL!)$/;

export const isChosen = (value: string) => CHOSEN.has(value.toLowerCase());
/** A tick either way: chosen (`Yes`, `1`, `Ja`) or not (`No`, `0`, `Nein`). */
export const isTick = (value: string) => CHOSEN.has(value.toLowerCase()) || NOT_CHOSEN.has(value.toLowerCase());

/**
 * One column per option where each respondent fills at most one (TODO Group 2023+, SurveyMonkey's
 * expanded single choice): a single choice, one column of the chosen option's label. `least`
 * answering respondents are needed (fewer in a grid's row, whose neighbours say the same).
 */
export function asSingleChoice(
  columns: EncodedColumn[],
  labels: string[],
  chosen: (value: string) => boolean,
  least = MIN_FOR_SINGLE,
): EncodedColumn | undefined {
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
  return answering >= least ? { values: ['', ...labels], codes, counts } : undefined;
}

/** The options and ticks of a group whose columns each stand for one option. */
function optionColumns(cells: Map<string, number>[]): { ticks: boolean } | undefined {
  const values = cells.flatMap((column) => [...column.keys()]);
  if (values.length === 0) return undefined;
  if (values.every(isTick) && values.some(isChosen)) return { ticks: true };
  if (cells.every((column) => column.size <= 1)) return { ticks: false };
  return undefined;
}

/**
 * An option column's label: the header's item, unless the export mangled it where the cells did
 * not (Excel's `#NAME?`), or SurveyMonkey wrote a bare level as " - 1" (the level is "1").
 */
export function optionLabelOf(item: string, cell: string | undefined): string {
  const level = /^-\s+(.+)$/.exec(item)?.[1];
  if (level !== undefined) return level;
  if (cell !== undefined && (item === '' || EXCEL_ERROR.test(item))) return cell;
  return item || cell || '';
}

/** A single choice whose options, in column order, are points of a scale: a rating written one column per level. */
export function expandedScale(labels: string[], names: string[]): { scale?: NumericScale; order?: string[]; reason: string } | undefined {
  const numeric = detectNumericScale(labels, names, 'one column per level');
  if (numeric) return { scale: numeric, reason: numeric.reason };
  const likert = matchLikertScale(labels);
  if (likert) return { order: [...likert.ordered, ...likert.offScale], reason: `likert: the ${labels.length} options lie on a known ordered scale` };
  return undefined;
}

type PlanOf = (kind: QuestionPlan['kind'], picked: number[], overrides?: Partial<QuestionPlan>) => QuestionPlan;

/**
 * A group whose columns each stand for one option, ticked with a label, a mark, `1` or
 * `Yes`/`No`: a multi-select, or a single choice when nobody ticks two (a likert one when its
 * options are points of a scale). A LimeSurvey multiple choice shown to nobody writes `N/A` in
 * every cell: still a multi-select, answered by nobody. `options` are positions in the group.
 */
export function planOptionColumns(
  options: number[],
  context: {
    items: string[];
    columns: EncodedColumn[];
    cells: Map<string, number>[];
    names: string[];
    isMissing: (value: string) => boolean;
    evidence: string;
  },
  plan: PlanOf,
): QuestionPlan | undefined {
  const { items, columns, cells, names, isMissing, evidence } = context;
  const optionCells = options.map((c) => cells[c]);
  const unshown = optionCells.every((column) => column.size === 0) && options.every((c) => columns[c].values.every((value) => value === 'N/A' || value === ''));
  if (unshown && options.some((c) => columns[c].values.includes('N/A')))
    return plan('multi', options, {
      chosen: isChosen,
      reason: `multi: ${options.length} columns, one per option, every cell "N/A" (a multiple choice shown to nobody)${evidence}`,
    });
  const perOption = optionColumns(optionCells);
  if (!perOption) return undefined;
  const chosen = perOption.ticks ? isChosen : () => true;
  const labels = options.map((c) => optionLabelOf(items[c], [...cells[c].keys()].find(chosen)));
  const single = asSingleChoice(
    options.map((c) => columns[c]),
    labels,
    (value) => !isMissing(value) && chosen(value),
  );
  const how = perOption.ticks ? 'ticked Yes/No (or 1/0)' : 'holding its label or a mark';
  if (single) {
    const reason = `single (expanded): ${options.length} columns, one per option, ${how}; no respondent fills two${evidence}`;
    const scale = expandedScale(labels.filter(Boolean), names);
    if (scale)
      return plan('likert', options, {
        columns: [single],
        order: scale.order ?? labels.filter(Boolean),
        scale: scale.scale,
        reason: `${reason}; ${scale.reason}`,
      });
    return plan('single', options, { columns: [single], order: labels.filter(Boolean), reason });
  }
  return plan('multi', options, {
    ...(perOption.ticks ? { chosen: isChosen } : {}),
    items: labels,
    reason: `multi: ${options.length} columns, one per option, ${how}${evidence}`,
  });
}
