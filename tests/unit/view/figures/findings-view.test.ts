import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../../../../lib/analysis/finding-row';
import { computeFindingsView, findingsSkip, findingThresholdsOf, FINDINGS_NOT_PUBLIC } from '../../../../lib/view/figures/findings-view';
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

  it.each(['region=Europe', '_by=role'])('?%s in public mode → refused in words, no test made', async (query) => {
    const findings = computeFindingsView(await openSampleView(query, { mode: 'public' }));
    expect(findings.refused).toBe(FINDINGS_NOT_PUBLIC);
    expect([findings.tests, findings.findings, findings.changes]).toEqual([0, [], []]);
  });
});
