import type { Codebook, CodebookQuestion } from './codebook-schema';
import { groupColumns, keyColumn, type QuestionDraft } from './group-columns';
import type { ColumnHeader } from './read-column-headers';
import type { IngestIssue } from '../csv/ingest-issue';

function matchesColumn(header: ColumnHeader, name: string): boolean {
  return header.name === name || header.code === name || header.question === name;
}

/** The item labels grouping would find (` - Selected Choice - X`, `[Row]`, Qualtrics' ` - Item`), else the header. */
function itemLabels(picked: ColumnHeader[]): string[] {
  const grouped = groupColumns(picked);
  const items = grouped.length === 1 ? grouped[0].items : picked.map((header) => keyColumn(header).item);
  return items.map((item, k) => item || picked[k].name);
}

/**
 * Applies the codebook's structure to the drafts: questions it assembles from named columns,
 * and ids renamed between waves (a draft whose id is an alias takes the canonical id).
 * Labels, kinds and options are applied later, per question.
 */
export function applyCodebookStructure(
  drafts: QuestionDraft[],
  headers: ColumnHeader[],
  codebook: Codebook | undefined,
): { drafts: QuestionDraft[]; issues: IngestIssue[] } {
  const issues: IngestIssue[] = [];
  const entries = Object.entries(codebook?.questions ?? {});
  if (entries.length === 0) return { drafts, issues };
  const claimed = new Map<number, QuestionDraft>();
  for (const [id, entry] of entries) {
    if (!entry.columns) continue;
    const indexes: number[] = [];
    for (const name of entry.columns) {
      const header = headers.find((h) => matchesColumn(h, name));
      if (header) indexes.push(header.index);
      else issues.push({ severity: 'warning', message: `codebook question "${id}" names column "${name}", which this file does not have` });
    }
    if (indexes.length === 0) continue;
    const draft: QuestionDraft = {
      id,
      label: entry.label ?? id,
      columns: indexes,
      items: itemLabels(indexes.map((index) => headers[index])),
      codes: indexes.map((index) => headers[index].code),
    };
    for (const index of indexes) claimed.set(index, draft);
  }
  const aliasOf = new Map<string, string>();
  for (const [id, entry] of entries) for (const alias of entry.aliases ?? []) aliasOf.set(alias, id);
  const result: QuestionDraft[] = [];
  const placed = new Set<QuestionDraft>();
  for (const draft of drafts) {
    const own = draft.columns.filter((index) => !claimed.has(index));
    for (const index of draft.columns) {
      const target = claimed.get(index);
      if (target && !placed.has(target)) {
        placed.add(target);
        result.push(target);
      }
    }
    if (own.length === 0) continue;
    const keep = own.map((index) => draft.columns.indexOf(index));
    result.push({
      ...draft,
      id: aliasOf.get(draft.id) ?? draft.id,
      columns: keep.map((k) => draft.columns[k]),
      items: keep.map((k) => draft.items[k]),
      codes: keep.map((k) => draft.codes[k]),
    });
  }
  return { drafts: result, issues };
}

export function codebookEntry(codebook: Codebook | undefined, id: string): CodebookQuestion | undefined {
  return codebook?.questions?.[id];
}
