import { describe, expect, it } from 'vitest';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import type { AggregateRow } from '../../../../lib/analysis/aggregate-row';
import type { FindingRow } from '../../../../lib/analysis/finding-row';
import { askQuestion } from '../../../../lib/view/figures/ask-question';
import { buildFindingsPage, FINDINGS_PER_PAGE, listTopFindings, type ShownFinding } from '../../../../lib/view/figures/findings-page';
import { computeFindingsView } from '../../../../lib/view/figures/findings-view';
import { buildQuestionView } from '../../../../lib/view/figures/question-view';
import { writeFilterText } from '../../../../lib/view/state/filter-grammar';
import { openSampleView } from '../../helpers/sample-view';

/**
 * The findings page's sentences and links on the bundled sample: every finding links to the
 * question page with the view's filters (or compare-by), and that page's own rows — the question
 * as asked there (askQuestion, aggregateView), never the scan's — hold the finding's share or
 * mean and base; the rest is that page's everyone minus the group. Sentences print the share as
 * the linked page's table prints it.
 */

/** The question page a link opens: its path's question, and its query read as the page reads it (every wave, as the page opens). */
async function openLink(href: string) {
  const url = new URL(href, 'http://localhost');
  const [, dataset, questions, id] = url.pathname.split('/');
  expect([dataset, questions]).toEqual(['state-of-engineers', 'questions']);
  const view = await openSampleView(url.searchParams.toString());
  const asked = askQuestion(view, decodeURIComponent(id));
  if (asked?.kind !== 'question') throw new Error(`no question at ${href}`);
  return { view, asked, rows: aggregateView({ id: view.dataset.id, waves: [...view.loaded] }, asked.query, writeFilterText(view.state.filters)).rows };
}

const rowOf = (rows: readonly AggregateRow[], finding: FindingRow, segment: string) =>
  rows.find((row) => row.measure === finding.measure && row.keys.option === finding.keys.option && row.keys.segment === segment);

/** The group's figure and base on its page: a share's percent and base, a mean's value and n. */
const figureOf = (row: AggregateRow, measure: string) => (measure === 'mean' ? [row.value, row.count] : [row.percent, row.base]);

describe('buildFindingsPage: each finding links to the page that shows it', () => {
  it.each([
    ['the selection against the rest', 'role=Data+Scientist'],
    ['each segment against the rest of the selection', 'region=Europe&_by=role'],
  ])('%s (?%s): the linked page’s own row holds the finding’s figure and base', async (_, query) => {
    const view = await openSampleView(query);
    const findings = computeFindingsView(view);
    const page = buildFindingsPage(view, findings);
    expect(page.findings.length).toBeGreaterThan(3);
    for (const [k, shown] of page.findings.entries()) {
      const finding = findings.findings[k];
      const link = await openLink(shown.href);
      expect(link.view.state.filters).toEqual(view.state.filters);
      expect(link.view.state.by).toBe(view.state.by);
      const row = rowOf(link.rows, finding, finding.keys.segment);
      expect(row, `${shown.href}: ${finding.measure} ${finding.keys.option}`).toBeDefined();
      const [figure, base] = figureOf(row!, finding.measure);
      expect(figure).toBeCloseTo(finding.percent!, 9);
      expect(base).toBe(finding.base);
    }
  });

  it('?role=Data Scientist, unweighted: the rest is the unfiltered page minus the group, in the same page’s counts', async () => {
    const view = await openSampleView('role=Data+Scientist&_weight=0');
    const findings = computeFindingsView(view);
    const page = buildFindingsPage(view, findings);
    const everyone = await openSampleView('_weight=0');
    for (const [k, shown] of page.findings.entries()) {
      const finding = findings.findings[k];
      if (finding.measure === 'mean' || finding.measure === 'top2') continue;
      const group = rowOf((await openLink(shown.href)).rows, finding, '')!;
      const asked = askQuestion(everyone, finding.question_id);
      if (asked?.kind !== 'question') throw new Error(finding.question_id);
      const all = rowOf(aggregateView({ id: 'state-of-engineers', waves: [...everyone.loaded] }, asked.query, '').rows, finding, '')!;
      expect(finding.base_rest).toBe(all.base! - group.base!);
      expect(finding.percent_rest).toBeCloseTo((100 * (all.count! - group.count!)) / (all.base! - group.base!), 9);
    }
  });

  it('?region=Europe&_by=role: a share’s sentence prints the percentage the linked page’s table prints (single choice: adding up to 100)', async () => {
    const view = await openSampleView('region=Europe&_by=role');
    const findings = computeFindingsView(view);
    const page = buildFindingsPage(view, findings);
    let checked = 0;
    for (const [k, shown] of page.findings.entries()) {
      const finding = findings.findings[k];
      if (finding.measure !== 'share' && finding.measure !== 'ranked_first') continue;
      const link = await openLink(shown.href);
      const { table } = buildQuestionView({ id: 'state-of-engineers', waves: [...link.view.loaded] }, link.asked, link.view.state, { limit: Infinity });
      const s = table!.series.findIndex((series) => series.key === finding.keys.segment);
      const cell = table!.categories.find((category) => category.key === finding.keys.option)!.cells[s];
      expect(shown.sentence).toContain(`: ${cell.percent!.toFixed(1)}% against`);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('?region=Europe&_by=role: sentences name the segment’s own filter; ▲ above the rest, ▼ below; two shares for a glance', async () => {
    const view = await openSampleView('region=Europe&_by=role');
    const findings = computeFindingsView(view);
    const page = buildFindingsPage(view, findings);
    for (const [k, shown] of page.findings.entries()) {
      const finding = findings.findings[k];
      expect(shown.sentence).toMatch(new RegExp(`^Respondents where Primary role is “${finding.keys.segment.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}” `));
      expect(shown.direction).toBe(finding.difference_points! > 0 ? 'higher' : 'lower');
      expect(shown.shares === undefined).toBe(finding.measure === 'mean');
    }
  });
});

describe('buildFindingsPage: paging, what changed, the overview’s top three', () => {
  it(`?_by=role&_min=2: ${FINDINGS_PER_PAGE} findings a page; page 2 starts at ${FINDINGS_PER_PAGE + 1}, in rank order`, async () => {
    const first = await openSampleView('_by=role&_min=2');
    const findings = computeFindingsView(first);
    expect(findings.findings.length).toBeGreaterThan(FINDINGS_PER_PAGE);
    const pageOne = buildFindingsPage(first, findings);
    const pageTwo = buildFindingsPage(await openSampleView('_by=role&_min=2&_page=2'), findings);
    expect([pageOne.first, pageOne.last, pageOne.page, pageOne.pageCount]).toEqual([1, FINDINGS_PER_PAGE, 1, 2]);
    expect([pageTwo.first, pageTwo.last, pageTwo.total]).toEqual([FINDINGS_PER_PAGE + 1, findings.findings.length, findings.findings.length]);
    const keys = (items: ShownFinding[]) => items.map((item) => item.key);
    expect([...keys(pageOne.findings), ...keys(pageTwo.findings)]).toHaveLength(new Set([...keys(pageOne.findings), ...keys(pageTwo.findings)]).size);
  });

  it('?_min=0 (every wave): each change links to the question’s trend, and says 2021 then 2022 as its trend table prints them', async () => {
    const view = await openSampleView('_min=0&_weight=0');
    const findings = computeFindingsView(view);
    const page = buildFindingsPage(view, findings);
    expect(page.changes.length).toBe(findings.changes.length);
    expect(page.changes.length).toBeGreaterThan(0);
    for (const [k, shown] of page.changes.entries()) {
      const change = findings.changes[k];
      const url = new URL(shown.href, 'http://localhost');
      expect(url.searchParams.get('_wave')).toBe('all');
      expect(url.pathname).toBe(`/state-of-engineers/questions/${encodeURIComponent(change.question_id)}`);
      const trendView = await openSampleView(url.searchParams.toString());
      const asked = askQuestion(trendView, change.question_id);
      if (asked?.kind !== 'question') throw new Error(change.question_id);
      const { table } = buildQuestionView({ id: 'state-of-engineers', waves: [...trendView.loaded] }, asked, trendView.state, { limit: Infinity });
      const cells = table!.categories.find((category) => category.key === change.keys.option)!.cells;
      const [before, after] = ['2021', '2022'].map((wave) => cells[table!.series.findIndex((series) => series.key === wave)].percent!.toFixed(1));
      expect(shown.sentence).toContain(`from ${before}% in 2021 to ${after}% in 2022`);
    }
  });

  it('?_min=0 (one wave read, no compare-by, no filter) → nothing to list, a header of zero tests', async () => {
    const view = await openSampleView('_min=0', { everyWave: false });
    const page = buildFindingsPage(view, computeFindingsView(view));
    expect([page.header, page.findings, page.changes, page.pageCount]).toEqual(['0 tests, no findings at q ≤ 0.05.', [], [], 1]);
  });

  it('listTopFindings(?_by=role) → the findings page’s first three, word for word', async () => {
    const view = await openSampleView('_by=role');
    const findings = computeFindingsView(view);
    expect(listTopFindings(view, findings)).toEqual(buildFindingsPage(view, findings).findings.slice(0, 3));
  });
});
