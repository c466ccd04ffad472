import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { codebookSchema } from '../../../lib/survey/codebook-schema';
import { aggregateView } from '../../../lib/analysis/aggregate-view';
import { requireShared, SHARED } from '../shared-data';

/**
 * Published figures, through the library and through the CLI (the same rows the dashboard
 * exports). Sources: Stack Overflow Developer Survey 2019 and 2022 results pages ("Most popular
 * technologies — all respondents", ODbL), TODO Group 2018 README key findings (CC-BY-SA 4.0),
 * as quoted in ../shared/data/README.md.
 */
const root = path.resolve(__dirname, '../../..');
const haveShared = requireShared('the published-figure tests');

const SO2019 = path.join(SHARED, 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz');
const SO2022 = path.join(SHARED, 'stackoverflow-2022/survey_results_public_2022_ResponseId_LanguageHaveWorkedWith.csv');
const TODO2018 = path.join(SHARED, 'todo-ospo/2018/results.csv');
const SO2019_CODEBOOK = path.join(root, 'data/_codebooks/stackoverflow-2019.json');

const PUBLISHED_2019: [string, number][] = [
  ['JavaScript', 67.8],
  ['HTML/CSS', 63.5],
  ['SQL', 54.4],
  ['Python', 41.7],
  ['Java', 41.1],
  ['Bash/Shell/PowerShell', 36.6],
  ['C#', 31.0],
  ['PHP', 26.4],
  ['C++', 23.5],
  ['TypeScript', 21.2],
  ['C', 20.6],
];
const PUBLISHED_2022: [string, number][] = [
  ['JavaScript', 65.36],
  ['HTML/CSS', 55.08],
  ['SQL', 49.43],
  ['Python', 48.07],
  ['TypeScript', 34.83],
  ['Java', 33.27],
  ['Bash/Shell', 29.07],
  ['C#', 27.98],
  ['C++', 22.55],
  ['PHP', 20.87],
  ['C', 19.27],
  ['Go', 11.15],
  ['Rust', 9.32],
  ['Kotlin', 9.16],
];

interface CsvRow {
  option: string;
  count: string;
  base: string;
  percent: string;
}

function cli(...args: string[]): CsvRow[] {
  const csv = execFileSync(process.execPath, [path.join(root, 'bin/survey-lens.mjs'), 'aggregate', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return Papa.parse<CsvRow>(csv, { header: true, skipEmptyLines: true }).data;
}

function percentOf(rows: { option: string; percent: number | string | null }[], option: string): number {
  const row = rows.find((r) => r.option === option);
  if (!row) throw new Error(`no row for ${option}`);
  return Number(row.percent);
}

describe.skipIf(!haveShared)('published figures are reproduced', () => {
  it('Stack Overflow 2019 languages equal the published decimals when "Other(s):" is left out of the base (library)', async () => {
    const codebook = codebookSchema.parse(JSON.parse(readFileSync(SO2019_CODEBOOK, 'utf8')));
    const survey = await loadSurveyFile(SO2019, { codebook });
    const { rows, problems } = aggregateView(
      { id: 'so2019', waves: [{ id: '2019', survey }] },
      { questionId: 'LanguageWorkedWith', filters: [], baseRule: 'answered' },
      '',
    );
    expect(problems).toEqual([]);
    expect(rows[0].base).toBe(87_354); // 87,569 answered − 215 whose only answer was Other(s):
    for (const [language, published] of PUBLISHED_2019) expect([language, Number(percentOf(rows, language).toFixed(1))]).toEqual([language, published]);
  });

  it('Stack Overflow 2019 through the CLI gives the same decimals, and without the codebook every share is 0.05–0.17 points lower', () => {
    const excluded = cli(SO2019, '--question', 'LanguageWorkedWith', '--codebook', SO2019_CODEBOOK);
    for (const [language, published] of PUBLISHED_2019) expect([language, Number(percentOf(excluded, language).toFixed(1))]).toEqual([language, published]);
    const plain = cli(SO2019, '--question', 'LanguageWorkedWith');
    expect(plain[0].base).toBe('87569');
    for (const [language] of PUBLISHED_2019) {
      const gap = percentOf(excluded, language) - percentOf(plain, language);
      expect(gap).toBeGreaterThan(0.05 - 1e-9);
      expect(gap).toBeLessThan(0.17 + 1e-9);
    }
  });

  it('Stack Overflow 2022 languages are within 0.1 points of the published figures (CLI)', () => {
    const rows = cli(SO2022, '--question', 'LanguageHaveWorkedWith');
    expect(rows[0].base).toBe('70975');
    for (const [language, published] of PUBLISHED_2022) expect(Math.abs(percentOf(rows, language) - published), language).toBeLessThanOrEqual(0.1);
  });

  it('TODO Group 2018: 72% use open source internally (527/736), 55% in products (405/738), 53% have or plan a program (399/748)', () => {
    const internal = cli(TODO2018, '--question', 'q7_2').find((r) => r.option === 'Frequently')!;
    expect([internal.count, internal.base, Math.round(Number(internal.percent))]).toEqual(['527', '736', 72]);
    const products = cli(TODO2018, '--question', 'q7_3').find((r) => r.option === 'Frequently')!;
    expect([products.count, products.base, Math.round(Number(products.percent))]).toEqual(['405', '738', 55]);
    const program = cli(TODO2018, '--question', 'q9');
    const yes = program.filter((r) => r.option === 'Yes' || r.option === 'No, but planning one');
    expect(yes.reduce((sum, r) => sum + Number(r.count), 0)).toBe(399);
    expect(Math.round(yes.reduce((sum, r) => sum + Number(r.percent), 0))).toBe(53);
    expect(program[0].base).toBe('748');
  });
});
