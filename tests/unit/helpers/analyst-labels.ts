import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import type { ColumnDescription, QuestionDescription, SurveyDescription } from '../../../lib/survey/describe-survey';
import { SHARED } from '../shared-data';

/**
 * The kinds a careful analyst gave named columns of real exports (each export folder's README
 * under ../shared/data/exports), in our terms, and the check of `survey-lens schema`'s JSON
 * against them, column by column (0-based file index).
 */
export const EXPORTS = path.join(SHARED, 'exports');
const root = path.resolve(__dirname, '../../..');

/** What an analyst's label means in our terms. */
export type Expected =
  | { kind: 'meta' | 'numeric' | 'ranking' }
  | { kind: 'single'; options?: string[] }
  /** "single (ordinal)": a choice whose options have an order; we may read it as a likert scale. */
  | { kind: 'ordinal'; order?: string[] }
  | { kind: 'likert'; scores?: number[] }
  | { kind: 'text'; personal?: boolean }
  | { kind: 'multi'; separator?: string; vocabulary?: string[] }
  /** One column per option, the columns `from`…`to` one multi-select question. */
  | { kind: 'multi-columns'; to: number; options: number }
  /** One column per option, the columns `from`…`to` one single-choice question (SurveyMonkey's expanded export); likert when `scale`. */
  | { kind: 'single-columns'; to: number; options: number; scale?: boolean }
  | { kind: 'ranking-columns'; to: number }
  /** Rows of one grid: `from`…`to`, one question each, sharing a scale. */
  | { kind: 'grid'; to: number; scale?: string[] }
  /** One row of a grid spread one column per level: `from`…`to` are that row's columns. */
  | { kind: 'grid-row-columns'; to: number; levels: string[] }
  | { kind: 'unused' };

export function schema(file: string): SurveyDescription {
  const json = execFileSync(process.execPath, [path.join(root, 'bin/survey-lens.mjs'), 'schema', path.join(EXPORTS, file)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(json) as SurveyDescription;
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function checkGrid(description: SurveyDescription, index: number, to: number, where: string, scale?: string[]): void {
  const column = description.columnKinds[index];
  const rows = description.columnKinds.slice(index, to + 1);
  expect(new Set(rows.map((row) => row.grid)), `${where}: one grid over columns ${index}–${to}`).toEqual(new Set([column.grid]));
  expect(column.grid, where).toBeDefined();
  const grid = description.grids.find((candidate) => candidate.id === column.grid)!;
  expect(grid.rowIds, where).toEqual(rows.map((row) => row.question));
  for (const row of rows) expect(['single', 'likert'], where).toContain(row.kind);
  if (scale)
    expect(
      grid.scale.map((option) => option.value),
      `${where}: the grid's scale`,
    ).toEqual(scale);
}

export function check(description: SurveyDescription, index: number, expected: Expected): void {
  const column: ColumnDescription = description.columnKinds[index];
  const where = `column ${index} (${column.header.slice(0, 60)})`;
  if (expected.kind === 'unused') {
    expect(column.question, where).toBeNull();
    return;
  }
  const question: QuestionDescription | undefined = description.questions.find((q) => q.id === column.question);
  expect(question, where).toBeDefined();
  const q = question!;
  switch (expected.kind) {
    case 'ordinal':
      expect(['single', 'likert'], where).toContain(q.kind);
      if (expected.order)
        expect(
          q.options?.filter((option) => expected.order!.includes(option)),
          `${where}: options in their order`,
        ).toEqual(expected.order);
      return;
    case 'multi-columns':
    case 'single-columns':
    case 'ranking-columns': {
      const kinds = {
        'multi-columns': ['multi'],
        'single-columns': expected.kind === 'single-columns' && expected.scale ? ['likert'] : ['single'],
        'ranking-columns': ['ranking'],
      };
      expect(kinds[expected.kind], where).toContain(q.kind);
      expect(q.indexes, `${where}: built from columns ${index}–${expected.to}`).toEqual(span(index, expected.to));
      if (expected.kind !== 'ranking-columns') expect(q.options, where).toHaveLength(expected.options);
      return;
    }
    case 'grid':
      return checkGrid(description, index, expected.to, where, expected.scale);
    case 'grid-row-columns':
      expect(['single', 'likert'], where).toContain(q.kind);
      expect(q.indexes, `${where}: one row over columns ${index}–${expected.to}`).toEqual(span(index, expected.to));
      expect(q.grid, `${where}: a row of a grid`).toBeDefined();
      expect(q.options, `${where}: its levels`).toEqual(expected.levels);
      return;
    default:
      expect(q.kind, where).toBe(expected.kind);
  }
  if (expected.kind === 'single' && expected.options) expect(q.options, where).toEqual(expected.options);
  if (expected.kind === 'likert' && expected.scores) expect(q.scores, where).toEqual(expected.scores);
  if (expected.kind === 'text' && expected.personal) expect(q.personal, `${where}: personal data`).toBeTruthy();
  if (expected.kind === 'multi') {
    if (expected.separator) expect(q.separator, where).toBe(expected.separator);
    if (expected.vocabulary) expect(new Set(q.options), `${where}: option vocabulary`).toEqual(new Set(expected.vocabulary));
  }
}
