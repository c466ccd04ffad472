import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateRow } from '../../../../lib/analysis/aggregate-row';
import { configureCellKeys } from '../../../../lib/analysis/cell-key';
import { aggregatable } from '../../../../lib/analysis/question-figures';
import { isMainMeasure } from '../../../../lib/analysis/measures';
import { loadSurveyFile } from '../../../../lib/store/load-survey-file';
import type { Codebook } from '../../../../lib/survey/codebook-schema';
import type { Survey } from '../../../../lib/survey/types';
import { toAggregateQuery } from '../../../../lib/view/figures/to-aggregate-query';
import { parseViewState } from '../../../../lib/view/state/parse-view-state';
import { resolveViewState } from '../../../../lib/view/state/resolve-view-state';
import { viewDefaultsOf } from '../../../../lib/view/state/view-defaults';
import { requireShared, SHARED } from '../../shared-data';

/**
 * The accuracy cost of public mode on Stack Overflow 2019 (88,883 respondents; ODbL): every
 * released cell — each question's one-way table, and its two-way table with each of the
 * codebook's four breakdowns — against the analyst's exact count of the same cell. The release's
 * promise: no published count is more than 2 away from the truth. The largest difference in
 * percentage points, on bases of 100 or more, is printed for the note.
 */
const haveShared = requireShared('the public-mode accuracy test on Stack Overflow 2019');
const root = path.resolve(__dirname, '../../../..');
const codebook: Codebook = JSON.parse(readFileSync(path.join(root, 'data/_codebooks/stackoverflow-2019.json'), 'utf8'));
let survey: Survey;

beforeAll(async () => {
  if (!haveShared) return;
  configureCellKeys('release-accuracy-test-secret-012');
  survey = await loadSurveyFile(path.join(SHARED, 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz'), { codebook });
}, 120_000);

function rowsOf(mode: 'analyst' | 'public', query: string, question: string): AggregateRow[] {
  const defaults = viewDefaultsOf({ waves: [{ id: '2019' }], codebook }, mode);
  const state = resolveViewState(parseViewState(new URLSearchParams(query), defaults).value, survey).value;
  return [...aggregateView({ id: 'so2019', waves: [{ id: '2019', survey }] }, toAggregateQuery(state, question, defaults), '').rows];
}

describe.skipIf(!haveShared)('public mode on Stack Overflow 2019: the cost of the release', () => {
  it('every released cell (one-way, and by each breakdown) within ±2 of the analyst count', () => {
    const key = (row: AggregateRow) => `${row.segment}\u0000${row.measure}\u0000${row.keys.option}`;
    let cells = 0;
    let largest = 0;
    let largestPoints = 0;
    const differences = new Map<number, number>();
    for (const question of survey.questions.filter((candidate) => aggregatable(candidate) && candidate.id !== survey.weightQuestionId)) {
      for (const by of ['', ...(codebook.publicBreakdowns ?? [])]) {
        if (by === question.id) continue;
        const query = `_weight=0${by ? `&_by=${by}` : ''}`;
        const truth = new Map(rowsOf('analyst', query, question.id).map((row) => [key(row), row]));
        for (const row of rowsOf('public', query, question.id)) {
          // Released cells only: a top-2 box is two of them added, a mean is no count.
          if (row.count === null || !isMainMeasure(row.measure)) continue;
          const exact = truth.get(key(row));
          if (!exact || exact.count === null) continue;
          const difference = Math.abs(row.count - exact.count);
          cells++;
          largest = Math.max(largest, difference);
          differences.set(difference, (differences.get(difference) ?? 0) + 1);
          if (row.base !== null && row.base >= 100 && exact.percent !== null && row.percent !== null)
            largestPoints = Math.max(largestPoints, Math.abs(row.percent - exact.percent));
        }
      }
    }
    console.log(
      `public mode on Stack Overflow 2019: ${cells.toLocaleString('en-US')} released cells compared; largest difference ${largest}; ` +
        `by size of difference ${[...differences]
          .sort((a, b) => a[0] - b[0])
          .map(([d, n]) => `${d}: ${n}`)
          .join(', ')}; ` +
        `largest difference on bases ≥ 100: ${largestPoints.toFixed(2)} percentage points`,
    );
    expect(cells).toBeGreaterThan(1000);
    expect(largest).toBeLessThanOrEqual(2);
  }, 600_000);
});
