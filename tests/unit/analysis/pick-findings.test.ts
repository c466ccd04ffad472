import { describe, expect, it } from 'vitest';
import type { FindingRow } from '../../../lib/analysis/finding-row';
import { pickFindings } from '../../../lib/analysis/pick-findings';

/** A tested row with only what pickFindings reads: p and the effect (points for a share, SD for a mean). */
function row(option: string, p: number, effect: number, unit: 'points' | 'sd' = 'points'): FindingRow {
  return {
    question_id: 'q',
    question_label: 'Q',
    measure: unit === 'sd' ? 'mean' : 'share',
    option,
    segment: '',
    percent: null,
    percent_rest: null,
    difference_points: null,
    ci_low: null,
    ci_high: null,
    p,
    q: null,
    base: 100,
    base_rest: 100,
    keys: { option, segment: '', effect, unit },
  };
}

/**
 * Five tests, m = 5, sorted p 0.001, 0.0039, 0.009, 0.02, 0.5 → p·5/rank = 0.005, 0.00975, 0.015, 0.025, 0.5
 * (already monotone): every one but the last has q ≤ 0.05.
 */
const rows = [row('small', 0.0039, 4.9), row('share', 0.009, -10), row('mean', 0.001, 0.5, 'sd'), row('noise', 0.5, 30), row('edge', 0.02, 5)];

describe('pickFindings', () => {
  const scan = pickFindings({ rows, untested: 7 });

  it('pickFindings(5 tests) → q = p.adjust(p, "BH") by hand over all five, those under the floor included (m = 5): 0.00975, 0.015, 0.005, 0.5, 0.025; scan order kept', () => {
    expect(scan.tested.map((r) => r.option)).toEqual(['small', 'share', 'mean', 'noise', 'edge']);
    scan.tested.forEach((r, k) => expect(r.q).toBeCloseTo([0.00975, 0.015, 0.005, 0.5, 0.025][k], 14));
    expect([scan.tests, scan.untested]).toEqual([5, 7]);
  });

  it('pickFindings → findings need q ≤ 0.05 and the floor: 4.9 points is under 5, 30 points at q 0.5 is not significant', () => {
    expect(scan.findings.map((r) => r.option).sort()).toEqual(['edge', 'mean', 'share']);
  });

  it('pickFindings → ranked by effect past its floor: 0.5 SD (2.5 × 0.2) before −10 points (2 × 5) before 5 points (1 × 5)', () => {
    expect(scan.findings.map((r) => r.option)).toEqual(['mean', 'share', 'edge']);
  });

  it('pickFindings(q ≤ 0.01, 4 points) → the thresholds set: small (q 0.00975, 4.9 points) is in, edge (q 0.025) and share (q 0.015) are out', () => {
    const strict = pickFindings({ rows, untested: 0 }, { q: 0.01, minPoints: 4 });
    expect(strict.findings.map((r) => r.option)).toEqual(['mean', 'small']);
    expect(strict.thresholds).toEqual({ q: 0.01, minPoints: 4, minSd: 0.2 });
  });
});
