import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import type { AggregateQuery } from '../../../lib/analysis/aggregate-query';
import type { AggregateRow } from '../../../lib/analysis/aggregate-row';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import type { Filter } from '../../../lib/analysis/filters';
import type { FindingRow } from '../../../lib/analysis/finding-row';
import { scanFindings } from '../../../lib/analysis/scan-findings';
import { segmentBy } from '../../../lib/analysis/segments';
import { selectRespondents } from '../../../lib/analysis/select-respondents';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import type { Survey } from '../../../lib/survey/types';
import { requireShared, SHARED } from '../shared-data';

/**
 * Every finding of two real scans, read again from the figures the question page shows
 * (aggregateView): the group's share or mean is the page's with the view's filters (and segment);
 * the rest's is worked out from the page's own counts, all minus the group — never from the scan.
 * Stack Overflow Developer Survey 2019 (ODbL 1.0 + DbCL).
 */
const haveShared = requireShared('the findings-against-the-page tests');
const root = path.resolve(__dirname, '../../..');
const SO2019 = path.join(SHARED, 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz');

async function loadSo2019(): Promise<Survey> {
  const codebook = codebookSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/_codebooks/stackoverflow-2019.json'), 'utf8')));
  return loadSurveyFile(SO2019, { codebook });
}

/** The page's row of a finding's figure, and the sums behind it: share count and base, or a mean and its n. */
function pageRow(survey: Survey, finding: FindingRow, query: Partial<AggregateQuery>, segment = ''): AggregateRow {
  const dataset = { id: 'stackoverflow-2019', waves: [{ id: '2019', survey }] };
  const rows = aggregateView(dataset, { questionId: finding.question_id, filters: [], baseRule: 'answered', ...query }, '').rows;
  const row = rows.find((r) => r.measure === finding.measure && r.keys.option === finding.keys.option && r.keys.segment === segment);
  if (!row) throw new Error(`no page row for ${finding.question_id} ${finding.measure} ${finding.keys.option} ${segment}`);
  return row;
}

/** The rest as the page's counts give it: (all − group) over (all base − group base); for a mean, the n-weighted difference. */
function restOf(all: AggregateRow, group: AggregateRow, measure: string): { figure: number; base: number } {
  if (measure === 'mean') {
    const n = all.count! - group.count!;
    return { figure: (all.value! * all.count! - group.value! * group.count!) / n, base: n };
  }
  const base = all.base! - group.base!;
  return { figure: (100 * (all.count! - group.count!)) / base, base };
}

function expectOnThePage(finding: FindingRow, group: AggregateRow, all: AggregateRow): void {
  const label = `${finding.segment} ${finding.question_id} ${finding.measure} ${finding.option}`;
  const isMean = finding.measure === 'mean';
  expect(finding.percent, label).toBeCloseTo(isMean ? group.value! : group.percent!, 6);
  expect(finding.base, label).toBe(isMean ? group.count : group.base);
  const rest = restOf(all, group, finding.measure);
  expect(finding.percent_rest, label).toBeCloseTo(rest.figure, 6);
  expect(finding.base_rest, label).toBe(rest.base);
}

describe.skipIf(!haveShared)('findings are what the question pages show (Stack Overflow 2019)', () => {
  let survey: Promise<Survey> | undefined;
  const load = () => (survey ??= loadSo2019());

  it('scanFindings(Country = Germany) → every finding’s share or mean is the page’s with the filter, the rest’s is all minus it', async () => {
    const so = await load();
    const filters: Filter[] = [{ question: 'Country', op: 'in', values: ['Germany'] }];
    const { selection } = selectRespondents(so, filters);
    const scan = scanFindings(so, { selection, skip: new Set(['Country']), settings: DEFAULT_SETTINGS });
    expect(scan.findings.length).toBeGreaterThan(10);
    for (const finding of scan.findings) expectOnThePage(finding, pageRow(so, finding, { filters }), pageRow(so, finding, {}));
  });

  it('scanFindings(by WorkLoc within Country = United States) → each segment’s figure is the page’s compare-by row, the rest is the selection minus it', async () => {
    const so = await load();
    const filters: Filter[] = [{ question: 'Country', op: 'in', values: ['United States'] }];
    const { selection } = selectRespondents(so, filters);
    const segments = segmentBy(
      so.questions.find((q) => q.id === 'WorkLoc')!,
      selection,
    );
    if (typeof segments === 'string') throw new Error(segments);
    const scan = scanFindings(so, { selection, segments, skip: new Set(['Country', 'WorkLoc']), settings: DEFAULT_SETTINGS });
    expect(scan.findings.length).toBeGreaterThan(10);
    for (const finding of scan.findings)
      expectOnThePage(finding, pageRow(so, finding, { filters, by: 'WorkLoc' }, finding.keys.segment), pageRow(so, finding, { filters }));
  });
});
