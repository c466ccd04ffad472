import { cleanNumber } from './aggregate-row';
import { benjaminiHochbergAdjust } from './false-discovery-rate';
import type { FindingRow, TestedScan } from './finding-row';

/** What makes a test a finding (issue 23's defaults; the page's `_q` and `_min`). */
export interface FindingThresholds {
  /** Benjamini–Hochberg q at most this. */
  q: number;
  /** A share's difference at least this many percentage points… */
  minPoints: number;
  /** …a mean's at least this many of the question's standard deviations. */
  minSd: number;
}

export const DEFAULT_FINDING_THRESHOLDS: FindingThresholds = { q: 0.05, minPoints: 5, minSd: 0.2 };

export interface FindingsScan {
  /** The findings, strongest first. */
  findings: FindingRow[];
  /** Every test with its q, in scan order. */
  tested: FindingRow[];
  /** Tests in the false-discovery-rate family: the N of "N tests, K findings". */
  tests: number;
  untested: number;
  thresholds: FindingThresholds;
}

/** How far past its floor an effect is: 10 points is 2 at a 5-point floor, as 0.4 SD is at 0.2 SD. Shares and means rank on one scale. */
function strength(row: FindingRow, thresholds: FindingThresholds): number {
  return Math.abs(row.keys.effect) / (row.keys.unit === 'points' ? thresholds.minPoints : thresholds.minSd);
}

/**
 * Benjamini–Hochberg over every test given (one scan, or several concatenated into one family),
 * then the findings: q ≤ thresholds.q and an effect at or past its floor. The floor is applied after
 * the adjustment, never before, so the family is all the tests, not the ones that looked large.
 * Ranked by effect past the floor, then by q.
 */
export function pickFindings(scan: TestedScan, thresholds: Partial<FindingThresholds> = {}): FindingsScan {
  const settings = { ...DEFAULT_FINDING_THRESHOLDS, ...thresholds };
  const q = benjaminiHochbergAdjust(scan.rows.map((row) => row.p));
  const tested = scan.rows.map((row, k) => ({ ...row, q: cleanNumber(q[k]) }));
  const findings = tested
    .filter((row, k) => q[k] <= settings.q && strength(row, settings) >= 1)
    .sort((a, b) => strength(b, settings) - strength(a, settings) || a.q! - b.q!);
  return { findings, tested, tests: tested.length, untested: scan.untested, thresholds: settings };
}
