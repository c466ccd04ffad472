import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXPORT_KEYS, VIEW_KEYS } from '../../../lib/view/state/view-keys';

/**
 * The CLI end to end: `node bin/survey-lens.mjs` in a child process, run from the repository root
 * on the bundled synthetic sample (data/state-of-engineers). Expected figures are counted here
 * straight from the CSV with papaparse, not through lib/.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE_2022 = 'data/state-of-engineers/2022.csv';
/** The sample's role question in its 2022 wave, as a dataset id. */
const ROLE_2022 = ['aggregate', 'state-of-engineers', '--question', 'role', '--wave', '2022'];

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return runIn({}, ...args);
}

function runIn(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/survey-lens.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SURVEY_LENS_DATA: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Record2022 = Record<string, string>;
const records: Record2022[] = Papa.parse<Record2022>(readFileSync(path.join(root, SAMPLE_2022), 'utf8'), { header: true, skipEmptyLines: true }).data;
const answered = (value: string | undefined) => value !== undefined && value.trim() !== '';
const parseCsvRows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('survey-lens --help', () => {
  it('survey-lens --help → exit 0 and the usage text on stdout', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('survey-lens aggregate <file or dataset id> --question <id>');
    expect(stdout).toContain('Exit codes: 0 ok, 1 the file cannot be read as a survey, 2 bad arguments');
  });

  it('survey-lens --help → names every flag of the key table (lib/view/state/view-keys)', () => {
    const { stdout } = run('--help');
    const flags = [
      ...VIEW_KEYS.flatMap((entry) => entry.flag?.name ?? []),
      ...Object.values(EXPORT_KEYS).flatMap((entry) => ('flag' in entry ? entry.flag : [])),
    ];
    expect(flags.filter((flag) => !stdout.includes(`${flag} `))).toEqual([]);
  });

  it('survey-lens with no command → the usage text and exit 2', () => {
    const { status, stdout } = run();
    expect(status).toBe(2);
    expect(stdout).toContain('Usage:');
  });
});

describe('survey-lens schema', () => {
  it('survey-lens schema data/state-of-engineers/2022.csv → valid JSON, 6400 respondents (records counted by papaparse)', () => {
    const { status, stdout } = run('schema', SAMPLE_2022);
    expect(status).toBe(0);
    const schema = JSON.parse(stdout);
    expect(records).toHaveLength(6400);
    expect(schema.respondents).toBe(6400);
    const kinds = Object.fromEntries(schema.questions.map((q: { id: string; kind: string }) => [q.id, q.kind]));
    expect(kinds).toMatchObject({
      role: 'single',
      languages: 'multi',
      hot_trends: 'ranking',
      job_satisfaction: 'likert',
      salary_usd: 'numeric',
      comment: 'text',
      respondent_id: 'meta',
    });
  });
});

describe('survey-lens aggregate on the bundled sample', () => {
  it('aggregate state-of-engineers --question role --wave 2022 → exit 0, a CSV of 2022 role rows whose counts match the file', () => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'role', '--wave', '2022');
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout.split('\r\n')[0]).toBe(
      'dataset,wave,question_id,question_label,measure,filters,segment_question,segment,option,count,weighted_count,base,weighted_base,effective_base,base_rule,percent,value,ci_low,ci_high,ci_method,flags,change_from,change_points,change_p,change_since,change_since_points,change_since_p',
    );
    const rows = parseCsvRows(stdout);
    // counted from the file: respondents per role, and those with any role
    const counts = new Map<string, number>();
    for (const record of records) if (answered(record.role)) counts.set(record.role.trim(), (counts.get(record.role.trim()) ?? 0) + 1);
    const base = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(rows.length).toBe(counts.size);
    for (const row of rows) {
      expect([row.dataset, row.wave, row.question_id, row.segment, row.measure]).toEqual(['state-of-engineers', '2022', 'role', '(all)', 'share']);
      // one wave: nothing to change from
      expect([row.change_from, row.change_points, row.change_p, row.change_since, row.change_since_points, row.change_since_p]).toEqual([
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
      expect(Number(row.count)).toBe(counts.get(row.option));
      expect(Number(row.base)).toBe(base);
    }
    // single choice: the shares of the base add up to 100%
    expect(rows.reduce((sum, row) => sum + Number(row.percent), 0)).toBeCloseTo(100, 9);
  });

  it('aggregate 2022.csv --question role --where company_size=1-10 --where company_size=5,001+ --by work_arrangement --weight weight --format json → counts and weighted shares as counted from the file', () => {
    const { status, stdout } = run(
      'aggregate',
      SAMPLE_2022,
      '--question',
      'role',
      '--where',
      'company_size=1-10',
      '--where',
      'company_size=5,001+',
      '--by',
      'work_arrangement',
      '--weight',
      'weight',
      '--format',
      'json',
    );
    expect(status).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, string | number | null>[];
    // The two --where on one question are "one of"; then, per segment, role counts and weights.
    const kept = records.filter((record) => ['1-10', '5,001+'].includes(record.company_size.trim()) && answered(record.role));
    const tally = (segment: string) => {
      const inSegment = segment === '(all)' ? kept : kept.filter((record) => record.work_arrangement.trim() === segment);
      const byRole = new Map<string, { count: number; weight: number }>();
      for (const record of inSegment) {
        const entry = byRole.get(record.role.trim()) ?? { count: 0, weight: 0 };
        entry.count++;
        entry.weight += Number(record.weight);
        byRole.set(record.role.trim(), entry);
      }
      return { base: inSegment.length, weightedBase: inSegment.reduce((sum, record) => sum + Number(record.weight), 0), byRole };
    };
    const segments = ['(all)', 'On-site', 'Hybrid', 'Fully remote'];
    expect([...new Set(rows.map((row) => row.segment))]).toEqual(segments); // (all) first, then the codebook order
    for (const segment of segments) {
      const expected = tally(segment);
      const segmentRows = rows.filter((row) => row.segment === segment);
      expect(segmentRows.length).toBeGreaterThan(0);
      for (const row of segmentRows) {
        const entry = expected.byRole.get(row.option as string) ?? { count: 0, weight: 0 };
        expect(row.base).toBe(expected.base);
        expect(row.weighted_base as number).toBeCloseTo(expected.weightedBase, 6);
        expect(row.count).toBe(entry.count);
        expect(row.weighted_count as number).toBeCloseTo(entry.weight, 6);
        expect(row.percent as number).toBeCloseTo((100 * entry.weight) / expected.weightedBase, 9);
        expect(row).toMatchObject({
          filters: 'company_size=1-10&company_size=5%2C001%2B',
          segment_question: 'work_arrangement',
          ci_method: 'logit (R survey svyciprop, ids = ~1)',
        });
      }
    }
  });

  it('aggregate state-of-engineers --question hot_trends --wave 2022 --weight none → ranked first, ranked at all and mean rank per item, as counted from the CSV', () => {
    const { status, stdout } = run('aggregate', 'state-of-engineers', '--question', 'hot_trends', '--wave', '2022', '--weight', 'none');
    expect(status).toBe(0);
    const rows = parseCsvRows(stdout);
    // Items are the `hot_trends[Item]` columns; a respondent is in the base if they ranked anything.
    const columns = Object.keys(records[0]).filter((name) => name.startsWith('hot_trends['));
    const items = columns.map((name) => name.slice('hot_trends['.length, -1));
    const base = records.filter((record) => columns.some((column) => answered(record[column]))).length;
    const ranks = columns.map((column) => records.filter((record) => answered(record[column])).map((record) => Number(record[column])));
    const first = ranks.map((list) => list.filter((rank) => rank === 1).length);
    expect(items).toContain('AI, Machine Learning, Big Data');
    // the main rows, then the measure rows beside them, item by item in column order
    expect(rows.map((row) => row.measure)).toEqual([...items.map(() => 'ranked_first'), ...items.map(() => 'ranked_at_all'), ...items.map(() => 'mean_rank')]);
    const byMeasure = (measure: string) => rows.filter((row) => row.measure === measure);
    expect(byMeasure('ranked_first').map((row) => row.option)).toEqual(items);
    byMeasure('ranked_first').forEach((row, i) => {
      expect(Number(row.base)).toBe(base);
      expect(Number(row.count)).toBe(first[i]);
      expect(Number(row.percent)).toBeCloseTo((100 * first[i]) / base, 9);
    });
    byMeasure('ranked_at_all').forEach((row, i) => {
      expect([row.option, Number(row.count), Number(row.base)]).toEqual([items[i], ranks[i].length, base]);
      expect(Number(row.percent)).toBeCloseTo((100 * ranks[i].length) / base, 9);
    });
    byMeasure('mean_rank').forEach((row, i) => {
      const mean = ranks[i].reduce((a, b) => a + b, 0) / ranks[i].length;
      expect([row.option, Number(row.count), row.percent, row.ci_method]).toEqual([items[i], ranks[i].length, '', 'mean, t interval']);
      expect(Number(row.value)).toBeCloseTo(mean, 9);
      expect(Number(row.ci_low)).toBeLessThan(mean);
      expect(Number(row.ci_high)).toBeGreaterThan(mean);
    });
    // every ranker ranks exactly one item first
    expect(first.reduce((a, b) => a + b, 0)).toBe(base);
  });
});

/** The records of one wave of the sample, parsed by papaparse. */
const sampleWave = (wave: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(readFileSync(path.join(root, `data/state-of-engineers/${wave}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

/**
 * Two-sided p of a standard normal z, 2·∫_|z|^∞ φ, by Simpson's rule over 12 standard deviations
 * past |z| (the rest is below 1e-30 of it): written here so the check does not use lib's normal CDF.
 */
function normalTwoSidedP(z: number): number {
  const density = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  const [from, steps, width] = [Math.abs(z), 120_000, 12];
  const h = width / steps;
  let sum = density(from) + density(from + width);
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * density(from + k * h);
  return (2 * (sum * h)) / 3;
}

describe('survey-lens aggregate across waves (a trend)', () => {
  it('normalTwoSidedP(1.959964) → 0.05 and (2√2) → erfc(2) = 0.004677735: the check’s own normal tail is right', () => {
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(normalTwoSidedP(2 * Math.SQRT2)).toBeCloseTo(0.00467773498104727, 12);
  });

  it('aggregate state-of-engineers --question work_arrangement --weight none (no --wave) → 2020, 2021, 2022 with changes; Hybrid 2021 vs 2020 as counted from the files, pooled z', () => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'work_arrangement', '--weight', 'none');
    expect([status, stderr]).toEqual([0, '']);
    const rows = parseCsvRows(stdout);
    expect([...new Set(rows.map((row) => row.wave))]).toEqual(['2020', '2021', '2022']);
    // no change in the first wave; from the previous in every later one; since the first only from the third
    expect([...new Set(rows.map((row) => `${row.wave} ${row.change_from}>${row.change_since}`))]).toEqual(['2020 >', '2021 2020>', '2022 2021>2020']);
    // 2020 asked it as `work_setup` (the codebook's alias): counted from each file's own column
    const count = (records: Record<string, string>[], column: string) => {
      const answered = records.filter((record) => (record[column] ?? '').trim() !== '');
      return { hybrid: answered.filter((record) => record[column].trim() === 'Hybrid').length, base: answered.length };
    };
    const before = count(sampleWave('2020'), 'work_setup');
    const after = count(sampleWave('2021'), 'work_arrangement');
    const pooled = (before.hybrid + after.hybrid) / (before.base + after.base);
    const difference = after.hybrid / after.base - before.hybrid / before.base;
    const z = difference / Math.sqrt(pooled * (1 - pooled) * (1 / before.base + 1 / after.base));
    const hybrid2021 = rows.find((row) => row.wave === '2021' && row.option === 'Hybrid')!;
    expect([Number(hybrid2021.count), Number(hybrid2021.base)]).toEqual([after.hybrid, after.base]);
    expect(Number(hybrid2021.change_points)).toBeCloseTo(100 * difference, 8);
    expect(Number(hybrid2021.change_p)).toBeCloseTo(normalTwoSidedP(z), 10);
  });
});

describe('survey-lens aggregate --view (a dashboard query string, read as leniently as the page)', () => {
  const europeRoles = (rows: Record<string, string>[]) => {
    const kept = records.filter((record) => record.region.trim() === 'Europe' && answered(record.role));
    expect(kept.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect([row.wave, row.filters, Number(row.base)]).toEqual(['2022', 'region=Europe', kept.length]);
      expect(Number(row.count)).toBe(kept.filter((record) => record.role.trim() === row.option).length);
    }
  };

  it("aggregate state-of-engineers --question role --view 'region=europe' → exit 0, the latest wave only, “europe” read as Europe, no note", () => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'role', '--view', 'region=europe');
    expect([status, stderr]).toEqual([0, '']);
    europeRoles(parseCsvRows(stdout));
  });

  it("aggregate state-of-engineers --question role --wave 2022 --where 'region= EUROPE ' → the strict flags match options leniently too", () => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'role', '--wave', '2022', '--where', 'region= EUROPE ');
    expect([status, stderr]).toEqual([0, '']);
    europeRoles(parseCsvRows(stdout));
  });

  it("aggregate --view 'company_size=huge&_wave=1999' → exit 0 with both left out and printed as notes: unfiltered 2022 figures", () => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'role', '--view', 'company_size=huge&_wave=1999');
    expect(status).toBe(0);
    expect(stderr).toContain('survey-lens: note: There is no wave “1999” in this dataset (waves: 2020, 2021, 2022); showing the latest wave, 2022.');
    expect(stderr).toContain('survey-lens: note: “Company size (employees)” has no option “huge”');
    const rows = parseCsvRows(stdout);
    const base = records.filter((record) => answered(record.role)).length;
    expect(rows.map((row) => [row.wave, row.filters, Number(row.base)])).toEqual(rows.map(() => ['2022', '', base]));
  });
});

describe('survey-lens aggregate: an analyst’s own weights and threshold (issue 24)', () => {
  const oracle = JSON.parse(readFileSync(path.join(root, 'tests/oracle/r-oracle.json'), 'utf8'));

  it('--weight years_experience (a numeric column the codebook does not name) → R svyciprop’s shares with those weights', () => {
    const { status, stdout, stderr } = run(...ROLE_2022, '--weight', 'years_experience', '--format', 'json');
    expect(status).toBe(0);
    // blank or 0 years cannot weigh anything: said, not hidden
    const unusable = records.filter((record) => !(Number(record.years_experience) > 0)).length;
    expect(stderr).toContain(`${unusable} respondents have no usable weight in “years_experience” and weigh 0`);
    const rows = (JSON.parse(stdout) as Record<string, string | number | null>[]).filter((row) => row.measure === 'share');
    const expected = oracle.analyst_weight.role_by_years as { option: string; share: number }[];
    expect(rows.map((row) => row.option).sort()).toEqual(expected.map((r) => r.option).sort());
    for (const r of expected) expect(Math.abs(Number(rows.find((row) => row.option === r.option)!.percent) / 100 - r.share)).toBeLessThan(1e-6);
  });

  it('--suppress-below 1 on Asia ∧ 1-10 ∧ On-site (5 respondents) → every role count as counted from the file; the default threshold of 10 withholds them', () => {
    const args = [
      'aggregate',
      SAMPLE_2022,
      '--question',
      'role',
      '--where',
      'region=Asia',
      '--where',
      'company_size=1-10',
      '--where',
      'work_arrangement=On-site',
    ];
    args.push('--weight', 'none', '--format', 'json');
    const group = records.filter(
      (record) =>
        record.region.trim() === 'Asia' && record.company_size.trim() === '1-10' && record.work_arrangement.trim() === 'On-site' && answered(record.role),
    );
    expect(group.length).toBeLessThan(10);
    const shares = (stdout: string) => (JSON.parse(stdout) as Record<string, string | number | null>[]).filter((row) => row.measure === 'share');
    const lowered = run(...args, '--suppress-below', '1');
    expect([lowered.status, lowered.stderr]).toEqual([0, '']);
    for (const row of shares(lowered.stdout)) expect(row.count).toBe(group.filter((record) => record.role.trim() === row.option).length);
    expect(shares(lowered.stdout).reduce((sum, row) => sum + Number(row.count), 0)).toBe(group.length);
    const byDefault = run(...args);
    expect(shares(byDefault.stdout).some((row) => row.count === null)).toBe(true);
  });
});

describe('survey-lens aggregate refusals (exit 2, a message naming what exists)', () => {
  it("aggregate --where 'years_experience>=30' → a numeric filter; counts match the file (blank years never match)", () => {
    const { status, stdout } = run('aggregate', SAMPLE_2022, '--question', 'role', '--where', 'years_experience>=30', '--weight', 'none');
    expect(status).toBe(0);
    const rows = parseCsvRows(stdout);
    const kept = records.filter((record) => answered(record.years_experience) && Number(record.years_experience) >= 30 && answered(record.role));
    expect(kept.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.filters).toBe('years_experience__gte=30');
      expect(Number(row.base)).toBe(kept.length);
      expect(Number(row.count)).toBe(kept.filter((record) => record.role.trim() === row.option).length);
    }
  });

  it("aggregate --where '_role=Backend Engineer' → exit 2: a --where is always a filter, never silently dropped", () => {
    // In a URL, _-keys are view settings (_by, _wave); on the command line --where names a filter, and an id
    // that cannot be one must be reported like any unknown question, not ignored with unfiltered figures.
    const { status, stdout, stderr } = run('aggregate', SAMPLE_2022, '--question', 'role', '--where', '_role=Backend Engineer', '--weight', 'none');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('_role');
  });

  it('aggregate --where with a 501-character value → exit 2 saying the value is too long', () => {
    const { status, stderr } = run('aggregate', SAMPLE_2022, '--question', 'role', '--where', `role=${'x'.repeat(501)}`);
    expect(status).toBe(2);
    expect(stderr).toContain('longer than 500 characters');
  });

  it('aggregate --where company_size=huge → exit 2 naming the six company sizes; nothing on stdout', () => {
    const { status, stdout, stderr } = run('aggregate', SAMPLE_2022, '--question', 'role', '--where', 'company_size=huge');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'survey-lens: “Company size (employees)” has no option “huge”; its options are “1-10”, “11-50”, “51-200”, “201-1,000”, “1,001-5,000”, “5,001+”.',
    );
  });

  it('aggregate --where "role=\'; DROP TABLE respondents; --" → just an unknown option, exit 2', () => {
    const { status, stdout, stderr } = run('aggregate', SAMPLE_2022, '--question', 'role', '--where', "role='; DROP TABLE respondents; --");
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `survey-lens: “Primary role” has no option “'; DROP TABLE respondents; --”; its options are “Full-stack Engineer”, “Backend Engineer”`,
    );
  });

  it('aggregate --question nope → exit 2 naming the questions that can be aggregated', () => {
    const { status, stdout, stderr } = run('aggregate', SAMPLE_2022, '--question', 'nope');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'has no question "nope"; questions are role, years_experience, region, company_size, work_arrangement, languages, hot_trends, job_satisfaction, salary_usd, weight',
    );
  });

  it('aggregate --question comment (free text) → exit 2, and no answer text anywhere in the output', () => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'comment', '--wave', '2022');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"comment" is free text: it is never part of aggregated figures');
    const someComments = records
      .map((record) => record.comment.trim())
      .filter((comment) => comment.length > 20)
      .slice(0, 20);
    expect(someComments.length).toBeGreaterThan(0);
    for (const comment of someComments) expect(stderr + stdout).not.toContain(comment);
  });

  it('aggregate ../../etc/passwd → exit 2: neither a CSV file nor a dataset id', () => {
    const { status, stderr } = run('aggregate', '../../etc/passwd', '--question', 'role');
    expect(status).toBe(2);
    expect(stderr).toContain('"../../etc/passwd" is neither a survey file (.csv, .tsv, optionally .gz) nor a dataset id; datasets are state-of-engineers');
  });

  it('aggregate --wave 1999 → exit 2 naming the waves; nothing on stdout', () => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'role', '--wave', '1999');
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/1999.*2020, 2021, 2022/);
  });

  it.each<[string, string[], string]>([
    ['an unknown option', ['--colour', 'red'], 'survey-lens: unknown option --colour'],
    ['a bad --base', ['--base', 'everyone'], 'survey-lens: --base is "answered" or "all", not "everyone"'],
    ['a bad --suppress-below', ['--suppress-below', 'ten'], 'survey-lens: --suppress-below takes a whole number'],
    ['--weight of a column that is not numeric', ['--weight', 'role'], 'survey-lens: “Primary role” is single: weights are a numeric column.'],
    ['--weight of no column', ['--weight', 'nope'], 'survey-lens: There is no question “nope” to weight by'],
    ['a --where without an operator', ['--where', 'role'], 'survey-lens: --where "role" is not of the form <question>=<value> (or !=, >=, <=, >, <)'],
    ['an unknown --by question', ['--by', 'nope'], 'survey-lens: There is no question “nope” to compare by. Showing no comparison.'],
    [
      'a numeric --by question',
      ['--by', 'salary_usd'],
      'survey-lens: “Annual base salary (USD)” is numeric: compare by a single-choice, rating-scale or multiple-choice question.',
    ],
    ['a range on a single-choice question', ['--where', 'role>=3'], 'survey-lens: “Primary role” (single) cannot be filtered with __gte'],
  ])('aggregate with %s → exit 2 with the message, nothing on stdout', (_, flags, message) => {
    const { status, stdout, stderr } = run('aggregate', 'state-of-engineers', '--question', 'role', '--wave', '2022', ...flags);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain(message);
  });

  it.each([
    [
      "--suppress-below 0 (attack 1: lowering the dataset's threshold)",
      ['--suppress-below', '0'],
      "survey-lens: --suppress-below 0 would lower the public dataset's threshold of 10; it can only be raised",
    ],
    ['--suppress-below 5', ['--suppress-below', '5'], "would lower the public dataset's threshold of 10"],
    [
      '--weight salary_usd (attack 2: a salary as a weight)',
      ['--weight', 'salary_usd'],
      `survey-lens: --weight salary_usd: a public dataset is weighted by its codebook's weight column ("weight") or not at all (--weight none)`,
    ],
  ])('public mode: aggregate with %s → exit 2 with the message, nothing on stdout', (_, flags, message) => {
    const { status, stdout, stderr } = runIn({ SURVEY_LENS_MODE: 'public' }, ...ROLE_2022, ...flags);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toContain(message);
  });

  it('aggregate --format xml → exit 2', () => {
    const { status, stderr } = run('aggregate', SAMPLE_2022, '--question', 'role', '--format', 'xml');
    expect(status).toBe(2);
    expect(stderr).toContain('--format is csv or json, not "xml"');
  });
});
