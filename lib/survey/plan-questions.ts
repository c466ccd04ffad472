import type { CodebookQuestion } from './codebook-schema';
import type { QuestionDraft } from './group-columns';
import type { QuestionPlan } from './build-question';
import type { QuestionKind } from './types';
import { profileColumn, type ColumnProfile } from './profile-column';
import { inferColumnKind, isMetaName } from './infer-kind';

export interface PlanContext {
  respondents: number;
  isMissing: (value: string) => boolean;
  /** Cleaned values of one CSV column for every kept respondent. */
  columnValues: (index: number) => string[];
  columnName: (index: number) => string;
}

/** "Other (please specify)" columns hold what people typed, whatever the kind inference says. */
const OTHER_SPECIFY = /please specify|\(specify\)|other.*\(text\)/i;

function optionSettings(entry: CodebookQuestion | undefined) {
  if (!entry) return {};
  const order = entry.options?.map((option) => (typeof option === 'string' ? option : option.value));
  const optionLabels = new Map<string, string>();
  const excludedFromBase = new Set(entry.excludeFromBase ?? []);
  for (const option of entry.options ?? []) {
    if (typeof option === 'string') continue;
    if (option.label) optionLabels.set(option.value, option.label);
    if (option.excludeFromBase) excludedFromBase.add(option.value);
  }
  return { order, optionLabels, excludedFromBase };
}

/** True when every answering respondent's ranks across the columns are whole numbers 1..k without repeats. */
function looksLikeRanking(columns: string[][], isMissing: (value: string) => boolean): boolean {
  const k = columns.length;
  let answering = 0;
  let consistent = 0;
  for (let i = 0; i < columns[0].length; i++) {
    const seen = new Set<number>();
    let valid = true;
    let any = false;
    for (const column of columns) {
      const value = column[i];
      if (isMissing(value)) continue;
      any = true;
      const rank = Number(value);
      if (!Number.isInteger(rank) || rank < 1 || rank > k || seen.has(rank)) valid = false;
      seen.add(rank);
    }
    if (!any) continue;
    answering++;
    if (valid && seen.size >= 1) consistent++;
  }
  return answering > 0 && consistent >= 0.95 * answering;
}

/** Below this many answering respondents, "nobody chose two" says nothing about the question. */
const MIN_FOR_SINGLE = 30;

/**
 * TODO Group 2023+ export "select one" questions one column per option, like multi-select ones.
 * When no respondent filled two columns and enough answered, it is a single choice: one column
 * of the chosen option's label, per respondent.
 */
function asSingleChoice(columns: string[][], labels: string[], isMissing: (value: string) => boolean): string[] | undefined {
  const chosen: string[] = [];
  let answering = 0;
  for (let i = 0; i < columns[0].length; i++) {
    const filled = columns.flatMap((column, c) => (isMissing(column[i]) ? [] : [c]));
    if (filled.length > 1) return undefined;
    if (filled.length === 1) answering++;
    chosen.push(filled.length === 1 ? labels[filled[0]] : '');
  }
  return answering >= MIN_FOR_SINGLE ? chosen : undefined;
}

function groupKind(profiles: ColumnProfile[], columns: string[][], isMissing: (value: string) => boolean): 'multi' | 'ranking' | 'grid' {
  if (profiles.every((profile) => profile.counts.size <= 1)) return 'multi';
  const integers = profiles.every((profile) => profile.integers === profile.answered);
  if (integers && looksLikeRanking(columns, isMissing)) return 'ranking';
  return 'grid';
}

/**
 * Decides what question(s) a group of columns is: the codebook's word first; then a group of
 * columns is multi-select (each column one option, a label or a 1 when chosen), a ranking
 * (ranks 1..k without repeats), or a grid whose rows are separate questions; a single column
 * is inferred from its values. Free-text "Other (please specify)" columns inside an option
 * group become their own text question, so they are never counted as an option.
 */
export function planQuestions(draft: QuestionDraft, entryFor: (id: string) => CodebookQuestion | undefined, context: PlanContext): QuestionPlan[] {
  const entry = entryFor(draft.id);
  const columns = draft.columns.map(context.columnValues);
  const settings = optionSettings(entry);
  const plan = (kind: QuestionKind, picked: number[], overrides: Partial<QuestionPlan> = {}): QuestionPlan => ({
    id: draft.id,
    label: entry?.label ?? draft.label,
    text: entry?.text ?? draft.text,
    kind,
    columnNames: picked.map((c) => context.columnName(draft.columns[c])),
    columns: picked.map((c) => columns[c]),
    items: picked.map((c) => draft.items[c]),
    separator: entry?.separator ?? ';',
    isMissing: context.isMissing,
    ...settings,
    ...overrides,
  });
  const all = columns.map((_, c) => c);
  if (entry?.kind) return [plan(entry.kind, all)];
  if (columns.length === 1) {
    const names = [draft.id, draft.label, context.columnName(draft.columns[0])];
    const profile = profileColumn(columns[0], context.isMissing, entry?.separator ?? ';');
    const item = draft.items[0];
    const kind = OTHER_SPECIFY.test(item) && profile.counts.size > 1 ? 'text' : inferColumnKind(names, profile, context.respondents);
    return [plan(kind, all, item && !entry?.label ? { label: `${draft.label}: ${item}` } : {})];
  }
  const profiles = columns.map((column) => profileColumn(column, context.isMissing));
  const freeText = all.filter(
    (c) =>
      (OTHER_SPECIFY.test(draft.items[c]) && profiles[c].counts.size > 1) ||
      inferColumnKind([draft.items[c]], profiles[c], context.respondents) === 'text',
  );
  const options = all.filter((c) => !freeText.includes(c));
  const textPlans = freeText.map((c) => {
    const id = `${draft.id}_${c + 1}_text`;
    return plan('text', [c], { id, label: entryFor(id)?.label ?? `${draft.label}: ${draft.items[c] || 'other (text)'}`, group: draft.label });
  });
  if (options.length === 0) return textPlans;
  const kind = groupKind(options.map((c) => profiles[c]), options.map((c) => columns[c]), context.isMissing);
  if (kind === 'multi') {
    const single = asSingleChoice(options.map((c) => columns[c]), options.map((c) => draft.items[c] || [...profiles[c].counts.keys()][0] || ''), context.isMissing);
    if (single) return [plan('single', options, { columns: [single], order: options.map((c) => draft.items[c]).filter(Boolean) }), ...textPlans];
  }
  if (kind !== 'grid') return [plan(kind, options), ...textPlans];
  const rows = options.map((c) => {
    const id = /^[A-Za-z_][\w.\-]*$/.test(draft.codes[c]) && draft.codes[c] !== draft.id ? draft.codes[c] : `${draft.id}_${c + 1}`;
    // A grid row is a question of its own: the codebook can describe it under its own id.
    const rowEntry = entryFor(id);
    const rowKind = rowEntry?.kind ?? (isMetaName(draft.items[c]) ? 'meta' : inferColumnKind([draft.codes[c], draft.items[c]], profiles[c], context.respondents));
    const label = rowEntry?.label ?? `${draft.label}: ${draft.items[c] || context.columnName(draft.columns[c])}`;
    return plan(rowKind, [c], { id, label, text: rowEntry?.text ?? draft.text, group: draft.label, ...optionSettings(rowEntry), ...(rowEntry?.separator ? { separator: rowEntry.separator } : {}) });
  });
  return [...rows, ...textPlans];
}
