import type { CodebookQuestion } from './codebook-schema';
import type { QuestionDraft } from './group-columns';
import type { QuestionPlan } from './build-question';
import type { QuestionKind } from './types';
import { profileColumn, type ColumnProfile } from './profile-column';
import { inferColumnKind, isMetaName } from './infer-kind';
import type { EncodedColumn } from './column-encoder';

export interface PlanContext {
  respondents: number;
  isMissing: (value: string) => boolean;
  /** One CSV column, dictionary-encoded, for every kept respondent. */
  column: (index: number) => EncodedColumn;
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

/** Below this many answering respondents, "nobody chose two" says nothing about the question. */
const MIN_FOR_SINGLE = 30;

/**
 * TODO Group 2023+ export "select one" questions one column per option, like multi-select ones.
 * When no respondent filled two columns and enough answered, it is a single choice: one column
 * of the chosen option's label, per respondent.
 */
function asSingleChoice(columns: EncodedColumn[], labels: string[], isMissing: (value: string) => boolean): EncodedColumn | undefined {
  const filledOf = columns.map((column) => column.values.map((value) => !isMissing(value)));
  const size = columns[0].codes.length;
  // Code 0 is "no answer"; code c + 1 is the label of column c.
  const codes = new Uint16Array(size);
  const counts = new Array<number>(labels.length + 1).fill(0);
  let answering = 0;
  for (let i = 0; i < size; i++) {
    let chosen = 0;
    for (let c = 0; c < columns.length; c++) {
      if (!filledOf[c][columns[c].codes[i]]) continue;
      if (chosen !== 0) return undefined;
      chosen = c + 1;
    }
    if (chosen !== 0) answering++;
    codes[i] = chosen;
    counts[chosen]++;
  }
  return answering >= MIN_FOR_SINGLE ? { values: ['', ...labels], codes, counts } : undefined;
}

function groupKind(profiles: ColumnProfile[], columns: EncodedColumn[], isMissing: (value: string) => boolean): 'multi' | 'ranking' | 'grid' {
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
  const columns = draft.columns.map(context.column);
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
