import type { Question, Survey } from '../../survey/types';
import type { Selection } from '../../analysis/selection';
import { hasBit } from '../../survey/bitset';
import { formatAnswer } from '../words/format-answer';
import { normaliseName } from '../state/suggest-name';

// A column's cells as searched (folded), built the first time a search needs that column.
const folded = new WeakMap<Question, string[]>();

function foldedColumn(question: Question, size: number): string[] {
  let cells = folded.get(question);
  if (!cells) {
    cells = Array.from({ length: size }, (_, i) => normaliseName(formatAnswer(question, i)));
    folded.set(question, cells);
  }
  return cells;
}

/**
 * The selected respondents whose row contains the search text in any searched column, and
 * whose cells contain each column's own search text: case, spacing and NBSP forgiven, matched
 * on the cells as the table prints them (free text included). Private columns are never searched.
 */
export function searchResponses(
  survey: Survey,
  selection: Selection,
  search: string | undefined,
  matches: Record<string, string>,
  searchable: readonly Question[],
): Selection {
  const needle = search ? normaliseName(search) : '';
  const columnNeedles = Object.entries(matches).flatMap(([id, text]) => {
    const question = searchable.find((candidate) => candidate.id === id);
    return question ? [{ cells: foldedColumn(question, survey.size), needle: normaliseName(text) }] : [];
  });
  if (needle === '' && columnNeedles.length === 0) return selection;
  const everyColumn = needle === '' ? [] : searchable.map((question) => foldedColumn(question, survey.size));
  const bits = new Uint32Array(selection.bits.length);
  for (let i = 0; i < survey.size; i++) {
    if (!hasBit(selection.bits, i)) continue;
    if (!columnNeedles.every(({ cells, needle: text }) => cells[i].includes(text))) continue;
    if (needle !== '' && !everyColumn.some((cells) => cells[i].includes(needle))) continue;
    bits[i >>> 5] |= 1 << (i & 31);
  }
  return { size: selection.size, bits };
}

/** Columns a reader sees by default: the answers; identifiers, timestamps and free text are one click away. */
export function defaultColumns(questions: readonly Question[]): string[] {
  return questions.filter((question) => question.kind !== 'meta' && question.kind !== 'text').map((question) => question.id);
}
