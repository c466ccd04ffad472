import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureCellKeys } from '../../../../lib/analysis/cell-key';
import type { FindingRow } from '../../../../lib/analysis/finding-row';
import { aggregateView } from '../../../../lib/analysis/aggregate-view';
import { normalTwoSidedP } from '../../../../lib/analysis/distributions';
import { askQuestion } from '../../../../lib/view/figures/ask-question';
import { computeFindingsView, findingsSkip, findingThresholdsOf, PUBLIC_FINDINGS_NOTE } from '../../../../lib/view/figures/findings-view';
import { openSampleView } from '../../helpers/sample-view';
import { f } from '../../helpers/view-fixtures';

/**
 * The findings of a view, from its URL, against scripts/r-oracle.R's own scans of the bundled
 * sample (tests/oracle/r-oracle.json): region = Europe against the rest of 2022, each work
 * arrangement against the rest of companies up to 200 people, and 2022 against 2021 — R's
 * prop.test, t.test, svychisq and svyttest, and p.adjust(p, "BH") over each family.
 */
const root = path.resolve(__dirname, '../../../..');
const oracle = JSON.parse(readFileSync(path.join(root, 'tests/oracle/r-oracle.json'), 'utf8'));

interface RTest {
  segment: string;
  question: string;
  measure: string;
  option: string;
  base: number;
  base_rest: number;
  percent: number;
  p: number;
  q: number;
}
type Weighting = 'unweighted' | 'weighted';

const EUROPE = oracle.findings[0];
const BY_ARRANGEMENT = oracle.findings[1];
const weightKey = (weighting: Weighting) => (weighting === 'weighted' ? '' : '&_weight=0');

/** What a row compares, as R names it: a top-2 box and a mean are one per question. */
const keyOfRow = (row: FindingRow) => [
  row.keys.segment,
  row.question_id,
  row.measure,
  row.measure === 'share' || row.measure === 'ranked_first' ? row.keys.option : '',
];
const keyOfR = (r: RTest) => [r.segment, r.question, r.measure, r.measure === 'share' || r.measure === 'ranked_first' ? r.option : ''];
const sortKeys = (keys: string[][]) => keys.map((key) => key.join(' / ')).sort();

/** R's tests that are findings at q ≤ 0.05 with no effect floor (`_min=0`). */
function expectFindingsOfR(rows: readonly FindingRow[], expected: readonly RTest[]): void {
  const found = expected.filter((r) => r.q <= 0.05);
  expect(sortKeys(rows.map(keyOfRow))).toEqual(sortKeys(found.map(keyOfR)));
  for (const r of found) {
    const row = rows.find((candidate) => keyOfRow(candidate).join('/') === keyOfR(r).join('/'))!;
    expect([row.base, row.base_rest]).toEqual([r.base, r.base_rest]);
    expect(Math.abs(row.p - r.p)).toBeLessThan(1e-6);
    expect(Math.abs(row.q! - r.q)).toBeLessThan(1e-6);
  }
}

describe('findingThresholdsOf: one `_min` key for both floors', () => {
  it.each([
    [{}, { q: 0.05, minPoints: 5, minSd: 0.2 }],
    [{ minPoints: 10 }, { q: 0.05, minPoints: 10, minSd: 0.4 }],
    [
      { q: 0.01, minPoints: 2.5 },
      { q: 0.01, minPoints: 2.5, minSd: 0.1 },
    ],
    [{ minPoints: 0 }, { q: 0.05, minPoints: 0, minSd: 0 }],
  ])('findingThresholdsOf(%j) → %j (0.04 SD per point, the issue’s 5 points ↔ 0.2 SD)', (state, expected) => {
    const thresholds = findingThresholdsOf(state);
    expect([thresholds.q, thresholds.minPoints]).toEqual([expected.q, expected.minPoints]);
    expect(thresholds.minSd).toBeCloseTo(expected.minSd, 12);
  });
});

describe('findingsSkip', () => {
  it('findingsSkip(region = Europe, years ≥ 5, by role) → region, years and role: a filter’s own question differs by construction', () => {
    expect([...findingsSkip({ filters: [f('region', 'in', 'Europe'), f('years_experience', 'gte', '5')], by: 'role' })].sort()).toEqual([
      'region',
      'role',
      'years_experience',
    ]);
  });
});

describe('computeFindingsView: a view’s URL → the same tests as R', () => {
  it.each<Weighting>(['unweighted', 'weighted'])('?region=Europe&_min=0 (2022 alone, %s) → R’s tests, and its findings at q ≤ 0.05', async (weighting) => {
    const view = await openSampleView(`region=Europe&_min=0${weightKey(weighting)}`, { everyWave: false });
    const findings = computeFindingsView(view);
    expect([findings.compares, findings.weighted, findings.wave?.id, findings.previous]).toEqual(['selection', weighting === 'weighted', '2022', undefined]);
    expect(findings.tests).toBe(EUROPE[weighting].length);
    expect(findings.changes).toEqual([]);
    expectFindingsOfR(findings.findings, EUROPE[weighting]);
  });

  it.each<Weighting>(['unweighted', 'weighted'])(
    '?company_size=1-10,11-50,51-200&_by=work_arrangement&_min=0 (2022 alone, %s) → each arrangement against the rest of the selection, as R',
    async (weighting) => {
      const query = `company_size=1-10&company_size=11-50&company_size=51-200&_by=work_arrangement&_min=0${weightKey(weighting)}`;
      const findings = computeFindingsView(await openSampleView(query, { everyWave: false }));
      expect(findings.compares).toBe('segments');
      expect(findings.tests).toBe(BY_ARRANGEMENT[weighting].length);
      expectFindingsOfR(findings.findings, BY_ARRANGEMENT[weighting]);
    },
  );

  it.each<Weighting>(['unweighted', 'weighted'])('?_min=0 (every wave, %s) → nothing to compare; what changed since 2021 as R', async (weighting) => {
    const findings = computeFindingsView(await openSampleView(`_min=0${weightKey(weighting)}`));
    expect([findings.compares, findings.wave?.id, findings.previous?.id, findings.findings]).toEqual(['nothing', '2022', '2021', []]);
    expect(findings.tests).toBe(oracle.wave_changes[weighting].length);
    expectFindingsOfR(findings.changes, oracle.wave_changes[weighting]);
  });

  it('?region=Europe&_q=0.999999&_min=0 (every wave) → one family: every q is Benjamini–Hochberg (worked here) over the scan’s and the changes’ p together', async () => {
    const findings = computeFindingsView(await openSampleView('region=Europe&_q=0.999999&_min=0&_weight=0'));
    const rows = [...findings.findings, ...findings.changes];
    // the scan's tests are R's; the changes among Europeans are what is left of the family
    expect(findings.findings.length).toBeGreaterThan(0);
    expect(findings.changes.length).toBeGreaterThan(0);
    expect(rows.length).toBe(findings.tests);
    const m = rows.length;
    const order = rows.map((row, k) => ({ p: row.p, k })).sort((a, b) => b.p - a.p);
    const q = new Array<number>(m);
    let running = 1;
    order.forEach(({ p, k }, i) => {
      running = Math.min(running, (p * m) / (m - i));
      q[k] = running;
    });
    rows.forEach((row, k) => expect(Math.abs(row.q! - q[k])).toBeLessThan(1e-12));
  });

  it('?region=Europe (defaults) → every finding has q ≤ 0.05 and 5 points, or 0.2 SD for a mean; strongest first', async () => {
    const findings = computeFindingsView(await openSampleView('region=Europe&_weight=0'));
    expect(findings.findings.length).toBeGreaterThan(0);
    for (const row of [...findings.findings, ...findings.changes]) {
      expect(row.q).toBeLessThanOrEqual(0.05);
      expect(Math.abs(row.keys.effect)).toBeGreaterThanOrEqual(row.keys.unit === 'points' ? 5 : 0.2);
    }
    const strength = (row: FindingRow) => Math.abs(row.keys.effect) / (row.keys.unit === 'points' ? 5 : 0.2);
    const strengths = findings.findings.map(strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  it('?_by=role&_min=10 → the same tests, fewer findings: those of _min=5 at 10 points (0.4 SD) or more', async () => {
    const [five, ten] = await Promise.all([openSampleView('_by=role&_weight=0'), openSampleView('_by=role&_weight=0&_min=10')]).then((views) =>
      views.map(computeFindingsView),
    );
    expect(ten.tests).toBe(five.tests);
    expect(ten.findings.length).toBeLessThan(five.findings.length);
    const strong = (row: FindingRow) => Math.abs(row.keys.effect) >= (row.keys.unit === 'points' ? 10 : 0.4);
    expect(ten.findings.map(keyOfRow)).toEqual(five.findings.filter(strong).map(keyOfRow));
  });

  it('?region=Europe&_wave=all → the latest wave scanned, and a note saying so', async () => {
    const findings = computeFindingsView(await openSampleView('region=Europe&_wave=all'));
    expect(findings.wave?.id).toBe('2022');
    expect(findings.notes).toContain('Findings are of one wave: showing 2022, the latest.');
  });

  it('?region=Europe&_wave=2021 → 2021 scanned and compared with 2020', async () => {
    const findings = computeFindingsView(await openSampleView('region=Europe&_wave=2021'));
    expect([findings.wave?.id, findings.previous?.id]).toEqual(['2021', '2020']);
  });
});

/**
 * Public mode (issues 21 and 23): every test is a function of what the public pages print. For
 * each finding, the group's published page (the question with the view's filters) and everyone's
 * (the question unfiltered) are asked as a page asks them, and the finding must hold exactly
 * their numbers — the group's base and share, the rest as everyone's published count less the
 * group's — with p the pooled two-proportion z computed here from those four published counts.
 */
describe('findings in public mode come from published figures only', () => {
  beforeAll(() => configureCellKeys('findings-public-test-secret-0001'));

  async function publishedCounts(query: string, questionId: string, option: string) {
    const view = await openSampleView(query, { mode: 'public' });
    const asked = askQuestion({ ...view, state: { ...view.state, wave: '2022' } }, questionId);
    if (asked?.kind !== 'question') throw new Error(`${questionId} is a question`);
    const rows = aggregateView({ id: view.dataset.id, waves: [view.reference!] }, asked.query, '').rows;
    const row = rows.find((candidate) => candidate.measure === 'share' && candidate.keys.segment === '' && candidate.keys.option === option)!;
    return { count: row.count!, base: row.base!, percent: row.percent! };
  }

  // q ≤ 0.999999 and no effect floor: every test made is listed, so every one is checked.
  it.each(['region=Europe&_weight=0&_q=0.999999&_min=0', 'company_size=1-10&company_size=11-50&_weight=0&_q=0.999999&_min=0'])(
    '?%s → each share finding is the published group against published everyone less the group, its p the pooled z of those counts',
    async (query) => {
      const findings = computeFindingsView(await openSampleView(query, { mode: 'public' }));
      expect(findings.notes).toContain(PUBLIC_FINDINGS_NOTE);
      expect(findings.compares).toBe('selection');
      expect(findings.tests).toBeGreaterThan(20);
      const shares = findings.findings.filter((row) => row.measure === 'share');
      expect(shares.length).toBeGreaterThan(20);
      expect(findings.findings.some((row) => row.measure === 'mean')).toBe(false);
      const unfiltered = '_weight=0';
      for (const row of shares) {
        const group = await publishedCounts(query, row.question_id, row.keys.option);
        const everyone = await publishedCounts(unfiltered, row.question_id, row.keys.option);
        const rest = { count: everyone.count - group.count, base: everyone.base - group.base };
        expect([row.base, row.base_rest]).toEqual([group.base, rest.base]);
        expect(row.percent).toBeCloseTo(group.percent, 8);
        expect(row.percent_rest).toBeCloseTo((100 * rest.count) / rest.base, 8);
        const pooled = (group.count + rest.count) / (group.base + rest.base);
        const z = (group.count / group.base - rest.count / rest.base) / Math.sqrt(pooled * (1 - pooled) * (1 / group.base + 1 / rest.base));
        expect(Math.abs(row.p - normalTwoSidedP(z)) / row.p, `${row.question_id} ${row.option}`).toBeLessThan(1e-9);
      }
    },
  );

  it('?region=Europe (weighted) → findings from released weighted sums, the same under another spelling of the filter, no mean tested', async () => {
    const [asked, respelled] = await Promise.all(['region=Europe', 'region=europe'].map((query) => openSampleView(query, { mode: 'public' })));
    const findings = computeFindingsView(asked);
    expect(findings.weighted).toBe(true);
    expect(findings.tests).toBeGreaterThan(20);
    expect(findings.findings.concat(findings.changes).some((row) => row.measure === 'mean')).toBe(false);
    expect(computeFindingsView(respelled).findings).toEqual(findings.findings);
  });

  it('?_by=work_arrangement → each arrangement against the rest of the wave from the published segment and (all) rows', async () => {
    const findings = computeFindingsView(await openSampleView('_by=work_arrangement&_weight=0&_q=0.999999&_min=0', { mode: 'public' }));
    expect(findings.compares).toBe('segments');
    expect(new Set(findings.findings.map((row) => row.segment))).toEqual(new Set(['On-site', 'Hybrid', 'Fully remote']));
    for (const row of findings.findings.filter((candidate) => candidate.measure === 'share')) {
      const group = await publishedCounts(`work_arrangement=${row.keys.segment}&_weight=0`, row.question_id, row.keys.option);
      const everyone = await publishedCounts('_weight=0', row.question_id, row.keys.option);
      expect([row.base, row.base_rest]).toEqual([group.base, everyone.base - group.base]);
    }
  });
});
