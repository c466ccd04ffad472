import type { CodebookQuestion } from './codebook-schema';
import type { QuestionDraft } from './group-columns';
import type { QuestionPlan } from './build-question';
import type { QuestionKind } from './types';
import { inferColumn, isMetaName, type ColumnInference } from './infer-kind';
import { answeredCells, dictionaryOf, sampleOf } from './column-encoder';
import { matchLikertScale } from './likert-scales';
import { splitCell } from './split-joined';
import { detectPersonalData } from './personal-data';
import { planGroup } from './plan-group';
import { inferenceSettings, joinStem, optionSettings, OTHER_SPECIFY, type PlanContext } from './plan-settings';

export type { PlanContext } from './plan-settings';

/**
 * Personal data is looked for in what would be shown as typed: text and identifiers. A "single
 * choice" of people's names is not a question's options either, so it becomes text.
 */
function withPersonalData(plan: QuestionPlan, names: string[], context: PlanContext): QuestionPlan {
  if (plan.kind !== 'text' && plan.kind !== 'meta' && plan.kind !== 'single') return plan;
  const cells = answeredCells(sampleOf(plan.columns[0]), context.isMissing);
  const answered = [...cells.values()].reduce((sum, times) => sum + times, 0);
  const personal = detectPersonalData(names, cells, answered);
  if (!personal) return plan;
  const kind: QuestionKind = plan.kind === 'single' ? 'text' : plan.kind;
  return { ...plan, kind, writeIns: undefined, personal: personal.reason, reason: `${kind}: ${personal.reason} (personal data)` };
}

/**
 * Answers written as codes (1, 2, 3…) that a publisher's codebook labels ("1" = "Under 10"): a
 * choice in the codebook's order, Likert when the labels lie on a known scale.
 */
function codedChoice(
  valueLabels: Record<string, string>,
  cells: Map<string, number>,
): { kind: 'single' | 'likert'; order: string[]; reason: string } | undefined {
  const codes = [...cells.keys()];
  if (codes.length === 0 || !codes.every((code) => code in valueLabels)) return undefined;
  const order = Object.keys(valueLabels).sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const labels = order.map((code) => valueLabels[code]);
  const scale = matchLikertScale(labels);
  const kind = scale ? 'likert' : 'single';
  return {
    kind,
    order,
    reason: `${kind}: ${codes.length} coded answers, each labelled by the publisher's codebook${scale ? ' on a known ordered scale' : ''}`,
  };
}

/** What each cell of a question with typed-in answers shows as text: only the typed part. */
function writtenInText(main: QuestionPlan, inference: ColumnInference | undefined): ((cell: string) => string) | undefined {
  const listed = main.writeIns?.listed;
  if (listed) return (cell) => (listed.has(cell) ? '' : cell);
  const joined = main.kind === 'multi' ? inference?.joined : undefined;
  if (!joined || joined.writtenIn.size === 0) return undefined;
  // A cell the list was not learnt from (a packed column's inference read a sample): its parts outside the learnt options.
  const known = new Set(joined.optionCounts.keys());
  const unseen = (cell: string) =>
    splitCell(cell, joined.separator)
      .filter((part) => !known.has(part))
      .join('; ');
  return (cell) => joined.writtenIn.get(cell)?.join('; ') ?? (joined.tokensOf.has(cell) ? '' : unseen(cell));
}

/**
 * Decides what question(s) a draft (one column, or a group of neighbouring columns) is: the
 * codebook's word first; a group is settled by `planGroup`; a single column is inferred from
 * its values, with the reason kept for `survey-lens schema`.
 */
export function planQuestions(draft: QuestionDraft, entryFor: (id: string) => CodebookQuestion | undefined, context: PlanContext): QuestionPlan[] {
  const entry = entryFor(draft.id);
  // A group's columns are read together, respondent by respondent: each as a dictionary, even one packed for its many answers.
  const columns = draft.columns.length > 1 ? draft.columns.map((index) => dictionaryOf(context.column(index))) : draft.columns.map(context.column);
  // A publisher's value labels describe one column's codes; over a group of columns they name its rows or options instead.
  const settings = optionSettings(columns.length > 1 && entry?.valueLabels ? { ...entry, valueLabels: undefined } : entry);
  const plan = (kind: QuestionKind, picked: number[], overrides: Partial<QuestionPlan> = {}): QuestionPlan => ({
    id: draft.id,
    label: entry?.label ?? draft.label,
    text: entry?.text ?? draft.text,
    kind,
    columnNames: picked.map((c) => context.columnName(draft.columns[c])),
    columnIndexes: picked.map((c) => draft.columns[c]),
    columns: picked.map((c) => columns[c]),
    items: picked.map((c) => draft.items[c]),
    separator: entry?.separator ?? ';',
    isMissing: context.isMissing,
    ...(draft.untitled && !entry?.label ? { untitled: true } : {}),
    ...settings,
    ...overrides,
  });
  const all = columns.map((_, c) => c);
  if (entry?.kind) return [plan(entry.kind, all, { reason: `${entry.kind}: the codebook says so` })];
  if (columns.length > 1) return planGroup(draft, columns.map(dictionaryOf), entryFor, context, plan);
  const item = draft.items[0];
  const names = [draft.id, draft.label, context.columnName(draft.columns[0]), ...(draft.text ? [draft.text] : [])];
  const labelled = item && !entry?.label ? { label: joinStem(draft.label, item) } : {};
  if (draft.typed?.includes(0))
    return [
      withPersonalData(
        plan('text', all, { reason: 'text: a column headed "Other" right after a question holds what people typed instead of choosing' }),
        names,
        context,
      ),
    ];
  if (OTHER_SPECIFY.test(item) || OTHER_SPECIFY.test(context.columnName(draft.columns[0]))) {
    // One answer repeated may be a ticked "Other" label; none or many are what people typed.
    if (answeredCells(sampleOf(columns[0]), context.isMissing).size !== 1)
      return [withPersonalData(plan('text', all, { ...labelled, reason: 'text: an "Other — please specify" column holds what people typed' }), names, context)];
  }
  const coded = entry?.valueLabels ? codedChoice(entry.valueLabels, answeredCells(sampleOf(columns[0]), context.isMissing)) : undefined;
  if (coded) return [plan(coded.kind, all, { ...labelled, order: coded.order, reason: coded.reason })];
  const inference = isMetaName(item) ? undefined : inferColumn(names, columns[0], context.isMissing, context.respondents, entry?.separator);
  const main = plan(inference?.kind ?? 'meta', all, {
    ...labelled,
    ...(inference ? inferenceSettings(inference) : { reason: `meta: "${item}" is a column survey tools write about a response` }),
    // The codebook's option order wins over an order inference found.
    ...(settings.order ? { order: settings.order } : {}),
  });
  const plans = [withPersonalData(main, names, context)];
  const shownAs = writtenInText(plans[0], inference);
  if (shownAs) {
    // The typed-in answers stay readable, as text beside the question that counts them as one option.
    const id = `${draft.id}_written_in`;
    plans.push(
      plan('text', all, {
        id,
        label: entryFor(id)?.label ?? `${plans[0].label}: written in`,
        group: plans[0].label,
        shownAs,
        reason: 'text: the answers typed in instead of choosing an option',
      }),
    );
  }
  return plans;
}
