import type { Grid, Question, Survey } from '../../survey/types';

/** One card of a wave's overview: a question, or a grid in place of its rows. */
export type OverviewItem = { kind: 'question'; question: Question } | { kind: 'grid'; grid: Grid };

/**
 * The wave's questions as the overview lists them, in file order: a grid once, where its first
 * row stands, instead of a card per row (its rows stay questions of their own, reached from the
 * grid's page and the question index).
 */
export function listOverviewItems(survey: Pick<Survey, 'questions' | 'grids'>): OverviewItem[] {
  const grids = new Map(survey.grids.map((grid) => [grid.id, grid]));
  const placed = new Set<string>();
  return survey.questions.flatMap((question): OverviewItem[] => {
    const grid = question.grid === undefined ? undefined : grids.get(question.grid);
    if (!grid) return [{ kind: 'question', question }];
    if (placed.has(grid.id)) return [];
    placed.add(grid.id);
    return [{ kind: 'grid', grid }];
  });
}
