import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

/**
 * `survey-lens findings` end to end (`node bin/survey-lens.mjs` in a child process) on the bundled
 * sample, against scripts/r-oracle.R's own tests of it (tests/oracle/r-oracle.json: prop.test,
 * t.test, svychisq, svyttest, p.adjust "BH"). One file is a dataset of one wave, so nothing
 * changed and the family is the scan's alone, as in R; the dataset's three waves add what changed
 * since 2021, which R tests on its own.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const oracle = JSON.parse(readFileSync(path.join(root, 'tests/oracle/r-oracle.json'), 'utf8'));
const FILE = 'data/state-of-engineers/2022.csv';

function run(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/survey-lens.mjs', 'findings', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SURVEY_LENS_DATA: '', SURVEY_LENS_MODE: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface RTest {
  segment: string;
  question: string;
  measure: string;
  option: string;
  base: number;
  base_rest: number;
  percent: number;
  percent_rest: number;
  difference: number;
  ci_low: number;
  ci_high: number;
  p: number;
  q: number;
}
type Printed = Record<string, string | number>;

/** A share's option names it; a top-2 box and a mean are one per question. */
const keyOf = (segment: unknown, question: unknown, measure: unknown, option: unknown) =>
  [segment, question, measure, measure === 'share' || measure === 'ranked_first' ? option : ''].join(' / ');

/** The printed rows are R's tests at q ≤ 0.05, figure for figure (to 1e-6). */
function expectRowsOfR(rows: Printed[], tests: RTest[], section: string): void {
  const found = tests.filter((test) => test.q <= 0.05);
  expect(rows.map((row) => keyOf(row.segment, row.question_id, row.measure, row.option)).sort()).toEqual(
    found.map((test) => keyOf(test.segment, test.question, test.measure, test.option)).sort(),
  );
  for (const test of found) {
    const row = rows.find(
      (candidate) =>
        keyOf(candidate.segment, candidate.question_id, candidate.measure, candidate.option) === keyOf(test.segment, test.question, test.measure, test.option),
    )!;
    expect([row.base, row.base_rest, row.section]).toEqual([test.base, test.base_rest, section]);
    for (const [mine, theirs] of [
      [row.p, test.p],
      [row.q, test.q],
    ] as const)
      expect(Math.abs(Number(mine) - theirs)).toBeLessThan(1e-6);
    for (const [mine, theirs] of [
      [row.percent, test.percent],
      [row.percent_rest, test.percent_rest],
      [row.difference_points, test.difference],
      [row.ci_low, test.ci_low],
      [row.ci_high, test.ci_high],
    ] as const)
      expect(Math.abs(Number(mine) - theirs) / Math.max(1, Math.abs(theirs))).toBeLessThan(1e-6);
  }
}

describe('survey-lens findings: the rows are R’s', () => {
  it('findings 2022.csv --where region=Europe --weight none --min 0 --format json → R’s tests (N in the JSON) and every one at q ≤ 0.05', () => {
    const { status, stdout, stderr } = run([FILE, '--where', 'region=Europe', '--weight', 'none', '--min', '0', '--format', 'json']);
    expect([status, stderr]).toEqual([0, '']);
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({ wave: '2022', previous_wave: null, filters: 'region=Europe', by: null, weighted: false, q: 0.05, min_points: 0 });
    expect(printed.tests).toBe(oracle.findings[0].unweighted.length);
    expect(printed.findings).toBe(printed.rows.length);
    expectRowsOfR(printed.rows, oracle.findings[0].unweighted, 'stands_out');
  });

  it('findings 2022.csv --where company_size=… (three) --by work_arrangement --min 0 (weighted: the codebook’s weight) → R’s weighted tests', () => {
    const sizes = ['1-10', '11-50', '51-200'].flatMap((size) => ['--where', `company_size=${size}`]);
    const { status, stdout, stderr } = run([FILE, ...sizes, '--by', 'work_arrangement', '--min', '0', '--format', 'json']);
    expect([status, stderr]).toEqual([0, '']);
    const printed = JSON.parse(stdout);
    expect([printed.weighted, printed.by, printed.tests]).toEqual([true, 'work_arrangement', oracle.findings[1].weighted.length]);
    expectRowsOfR(printed.rows, oracle.findings[1].weighted, 'stands_out');
  });

  it('findings state-of-engineers --weight none --min 0 → no filter: only what changed since 2021, as R', () => {
    const { status, stdout, stderr } = run(['state-of-engineers', '--weight', 'none', '--min', '0', '--format', 'json']);
    expect(status).toBe(0);
    expect(stderr).toContain('no --where and no --by: only what changed since the previous wave is tested');
    const printed = JSON.parse(stdout);
    expect([printed.wave, printed.previous_wave, printed.tests]).toEqual(['2022', '2021', oracle.wave_changes.unweighted.length]);
    expectRowsOfR(printed.rows, oracle.wave_changes.unweighted, 'changed');
  });

  it('findings … --format csv → the JSON’s rows, as CSV with the issue’s columns', () => {
    const args = [FILE, '--where', 'region=Europe', '--weight', 'none', '--min', '0'];
    const csv = run(args);
    const json = JSON.parse(run([...args, '--format', 'json']).stdout);
    expect(csv.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(csv.stdout, { header: true, skipEmptyLines: true, dynamicTyping: true }).data;
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'question_id,question_label,measure,option,segment,percent,percent_rest,difference_points,ci_low,ci_high,p,q,base,base_rest,section',
    );
    expect(rows).toEqual(json.rows.map((row: Printed) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === '' ? null : value]))));
  });

  it('findings … --view "region=Europe&_q=0.01&_min=10" → read as the page reads its URL', () => {
    const viewed = JSON.parse(run([FILE, '--weight', 'none', '--view', 'region=Europe&_q=0.01&_min=10', '--format', 'json']).stdout);
    expect([viewed.q, viewed.min_points, viewed.min_sd]).toEqual([0.01, 10, 0.4]);
    const flagged = JSON.parse(run([FILE, '--weight', 'none', '--where', 'region=Europe', '--q', '0.01', '--min', '10', '--format', 'json']).stdout);
    expect(flagged).toEqual(viewed);
  });
});

describe('survey-lens findings refusals', () => {
  it.each([
    [['--q', '1'], '--q: “1” is not a q threshold'],
    [['--q', 'small'], '--q: “small” is not a q threshold'],
    [['--min', '-2'], '--min: “-2” is not an effect floor'],
    [['--format', 'xml'], '--format is csv or json'],
    [['--by', 'nope'], 'There is no question “nope”'],
  ])('findings 2022.csv %j → exit 2 saying %j, nothing on stdout', (args, said) => {
    const { status, stdout, stderr } = run([FILE, ...args]);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain(said);
  });

  it('findings 2022.csv --where region=Europe with SURVEY_LENS_MODE=public → exit 2: findings are not published on a public dashboard', () => {
    const { status, stdout, stderr } = run([FILE, '--where', 'region=Europe'], { SURVEY_LENS_MODE: 'public' });
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain('Findings are not published on a public dashboard');
  });
});
