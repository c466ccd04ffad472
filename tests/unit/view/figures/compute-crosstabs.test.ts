import { describe, expect, it } from 'vitest';
import { configureCellKeys } from '../../../../lib/analysis/cell-key';
import { computeCrosstabs } from '../../../../lib/view/figures/compute-crosstabs';
import { parseViewState } from '../../../../lib/view/state/parse-view-state';
import { viewDefaultsOf } from '../../../../lib/view/state/view-defaults';
import type { ViewDefaults } from '../../../../lib/view/state/view-state';
import { fixtureSurvey } from '../../helpers/fixture-survey';

/**
 * tests/fixtures/analysis-crosstab.csv (worked in tests/unit/analysis/crosstab.test.ts): remote
 * by team is Yes 8 / No 2 in A and Yes 2 / No 8 in B. The crosstab of a view is cached: the same
 * view gives the very same frozen result, and every setting that changes a cell its own.
 */
const codebook = {
  suppressBelow: 1,
  questions: {
    id: { kind: 'meta' as const },
    team: { kind: 'single' as const, options: ['A', 'B'] },
    remote: { kind: 'single' as const, options: ['Yes', 'No'] },
    tools: { kind: 'multi' as const },
  },
};
const wave = { id: '2022', survey: fixtureSurvey('analysis-crosstab.csv', codebook) };
const analyst: ViewDefaults = viewDefaultsOf({ waves: [{ id: '2022' }], codebook }, 'analyst');
const stateOf = (query: string, defaults = analyst) => parseViewState(new URLSearchParams(`_rows=remote&_cols=team&${query}`), defaults).value;
const cells = (result: ReturnType<typeof computeCrosstabs>) =>
  result.tables.flatMap((table) => table.rows.filter((row) => row.keys.column !== '(total)').map((row) => `${row.keys.row}|${row.keys.column}:${row.count}`));

describe('computeCrosstabs and its cache', () => {
  configureCellKeys('crosstab-cache-secret-00000001');

  it('computeCrosstabs(remote × team) → Yes|A 8, No|A 2, Yes|B 2, No|B 8; the same view again → the same frozen result', () => {
    const first = computeCrosstabs('fixture', wave, stateOf(''), analyst);
    expect(cells(first).sort()).toEqual(['No|A:2', 'No|B:8', 'Yes|A:8', 'Yes|B:2']);
    expect(computeCrosstabs('fixture', wave, stateOf(''), analyst)).toBe(first);
    expect(Object.isFrozen(first.tables[0].rows[0])).toBe(true);
  });

  it.each([
    ['a filter (tools answered)', 'tools__answered=1', analyst],
    ['a raised threshold (20: A’s and B’s 10 hidden)', '_suppress=20', analyst],
    ['public mode (perturbed cells)', '', { ...analyst, disclosure: 'public' as const }],
  ])('computeCrosstabs(with %s) → its own result, not the plain one', (_name, query, defaults) => {
    const plain = computeCrosstabs('fixture', wave, stateOf(''), analyst);
    const changed = computeCrosstabs('fixture', wave, stateOf(query, defaults), defaults);
    expect(changed).not.toBe(plain);
    expect(changed).not.toEqual(plain);
  });

  it('computeCrosstabs(public mode) after the cell-key secret changes → cells perturbed anew', () => {
    const publicMode = { ...analyst, disclosure: 'public' as const };
    const before = computeCrosstabs('fixture', wave, stateOf('', publicMode), publicMode);
    configureCellKeys('crosstab-cache-secret-00000002');
    const after = computeCrosstabs('fixture', wave, stateOf('', publicMode), publicMode);
    expect(after).not.toBe(before);
    expect(cells(after)).not.toEqual(cells(before));
    expect(after).toEqual(
      computeCrosstabs('fixture', { id: '2022', survey: fixtureSurvey('analysis-crosstab.csv', codebook) }, stateOf('', publicMode), publicMode),
    );
  });
});
