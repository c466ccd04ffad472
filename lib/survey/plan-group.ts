import type { CodebookQuestion } from './codebook-schema';
import type { QuestionDraft } from './group-columns';
import type { QuestionPlan } from './build-question';
import type { QuestionKind } from './types';
import { inferColumn } from './infer-kind';
import { answeredCells, type EncodedColumn } from './column-encoder';
import { joinStem, OTHER_SPECIFY, type PlanContext } from './plan-settings';
import { isChosen, isTick, planOptionColumns } from './plan-option-columns';
import { planExpandedGrid } from './plan-expanded-grid';
import { planGridRows } from './plan-grid-rows';

type PlanOf = (kind: QuestionKind, picked: number[], overrides?: Partial<QuestionPlan>) => QuestionPlan;

const RANK_POSITION = /^(rank|ranking|choice|preference|position|place)\s*#?\s*\d+$|^\d+(st|nd|rd|th)?\s*(choice|place|preference|rank)$/i;

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
 * Decides what a group of neighbouring columns is. Free-text columns ("Other (please specify)",
 * and the typed "Other" a run of option columns ends with) become their own text questions.
 * Then: rank positions holding items (`[Rank 1]`…); a grid spread one column per row and level;
 * one column per option (lib/survey/plan-option-columns); whole ranks 1..k without repeats (a
 * ranking); otherwise rows, each a question of its own, which form a grid when they share one
 * answer scale. A group found from the answers says so at the end of each reason.
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
  const names = [draft.label, ...(draft.text ? [draft.text] : [])];
  const evidence = draft.evidence ? `; ${draft.evidence}` : '';
  const inferences = all.map((c) => inferColumn([draft.codes[c], draft.items[c], ...names], columns[c], context.isMissing, context.respondents));
  // Among columns ticked Yes/No (Ja/Nein) — each written both ways — one holding other words is the list's typed "Other" (LimeSurvey's [Sonstiges]).
  const ticked = all.filter((c) => cells[c].size > 0 && [...cells[c].keys()].every(isTick));
  const bothWays = ticked.filter((c) => [...cells[c].keys()].some(isChosen) && [...cells[c].keys()].some((value) => !isChosen(value)));
  const typed = new Set([...(draft.typed ?? []), ...(bothWays.length >= 2 ? all.filter((c) => cells[c].size > 0 && !ticked.includes(c)) : [])]);
  const freeText = all.filter((c) => typed.has(c) || (OTHER_SPECIFY.test(draft.items[c]) && cells[c].size > 1) || inferences[c].kind === 'text');
  const options = all.filter((c) => !freeText.includes(c));
  const textPlans = freeText.map((c) => {
    const id = `${draft.id}_${c + 1}_text`;
    return plan('text', [c], {
      id,
      label: entryFor(id)?.label ?? joinStem(draft.label, draft.items[c] || 'other (text)'),
      group: draft.label,
      reason: `text: typed answers beside the options${evidence}`,
    });
  });
  if (options.length === 0) return textPlans;
  const optionCells = options.map((c) => cells[c]);

  if (
    options.length >= 2 &&
    options.every((c) => RANK_POSITION.test(draft.items[c])) &&
    optionCells.every((column) => [...column.keys()].some((value) => Number.isNaN(Number(value))))
  ) {
    const reason = `ranking: ${options.length} columns are rank positions ("${draft.items[options[0]]}"…) holding the item put there${evidence}`;
    return [plan('ranking', options, { rankColumns: true, reason }), ...textPlans];
  }
  const shared = { columns, cells, names, isMissing: context.isMissing, evidence };
  const expanded = planExpandedGrid(draft, options, shared, plan);
  if (expanded) return [...expanded, ...textPlans];
  const perOption = planOptionColumns(options, { ...shared, items: draft.items }, plan);
  if (perOption) return [perOption, ...textPlans];

  const integers = optionCells.every((column) => [...column.keys()].every((value) => Number.isInteger(Number(value))));
  if (
    integers &&
    looksLikeRanking(
      options.map((c) => columns[c]),
      context.isMissing,
    )
  ) {
    return [
      plan('ranking', options, { reason: `ranking: ${options.length} item columns hold ranks 1–${options.length} without repeats${evidence}` }),
      ...textPlans,
    ];
  }
  return [...planGridRows(draft, options, { cells, inferences, names, columnName: context.columnName, evidence }, entryFor, plan), ...textPlans];
}
