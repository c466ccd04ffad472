import type { Grid, Question } from './types';
import { neutralIndex } from './likert-scales';
import { joinStem } from './plan-settings';

/**
 * The grids of a survey, from its row questions (planning gave every row of a grid the same
 * `grid` id and the same options in the same order). Rows are named by what follows the stem
 * ("…favorably, unfavorably…: Han Solo" → "Han Solo").
 */
export function assembleGrids(questions: readonly Question[]): Grid[] {
  const rowsOf = new Map<string, Question[]>();
  for (const question of questions) {
    if (!question.grid) continue;
    rowsOf.set(question.grid, [...(rowsOf.get(question.grid) ?? []), question]);
  }
  const taken = new Set(questions.map((question) => question.id));
  const grids: Grid[] = [];
  for (const [gridId, rows] of rowsOf) {
    const first = rows[0];
    if (first.kind !== 'single' && first.kind !== 'likert') continue;
    // A grid id must not hide a question's page; rows named `q9_1`… leave `q9` free, a clash gets a suffix.
    const id = taken.has(gridId) ? `${gridId}_grid` : gridId;
    taken.add(id);
    for (const row of rows) row.grid = id;
    const stem = first.group ?? first.label;
    const offScale = first.kind === 'likert' ? first.offScale : [];
    const onScale = first.options.filter((option) => !offScale.includes(option.value));
    const ordered = first.kind === 'likert';
    const neutral = ordered ? neutralIndex(onScale.map((option) => option.label)) : undefined;
    grids.push({
      id,
      label: stem,
      ...(first.text ? { text: first.text } : {}),
      rowIds: rows.map((row) => row.id),
      rowLabels: rows.map((row) => {
        const prefix = joinStem(stem, '');
        return row.label.startsWith(prefix) ? row.label.slice(prefix.length) : row.label;
      }),
      scale: first.options.map((option) => ({ ...option })),
      ordered,
      ...(neutral !== undefined ? { neutralIndex: neutral } : {}),
      offScale,
    });
  }
  return grids;
}
