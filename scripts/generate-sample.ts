/**
 * Generates the bundled sample dataset in data/state-of-engineers: three yearly waves of a
 * synthetic survey shaped like Hired's "State of Software Engineers" report, plus its codebook.
 * Every figure is made up. Output is byte-identical on every run (seeded PRNG, no clock, no
 * locale), so the files can be committed and a unit test can regenerate them in memory.
 *
 *   npx tsx scripts/generate-sample.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const YEARS = [2020, 2021, 2022] as const;
export const RESPONDENTS: Record<number, number> = { 2020: 5200, 2021: 5800, 2022: 6400 };
export const OUT_DIR = 'data/state-of-engineers';
// Any fixed value works; this one is where the realised 2022 AI-first share lands nearest its 0.551 aim.
const SEED = 0x5eed1000;

export const ROLES = [
  'Backend Engineer',
  'Frontend Engineer',
  'Full-stack Engineer',
  'Mobile Engineer',
  'Data Scientist',
  'Machine Learning Engineer',
  'DevOps / SRE',
  'Engineering Manager',
  'QA / Test Engineer',
  'Security Engineer',
];
// Data/ML roles grow at the expense of frontend and QA, as in the real reports' narrative.
export const ROLE_WEIGHTS: Record<number, number[]> = {
  2020: [22, 13, 25, 7, 6, 3, 8, 8, 5, 3],
  2021: [22, 12, 24, 7, 7, 5, 8, 8, 4, 3],
  2022: [21, 11, 23, 6, 8, 7, 9, 8, 4, 3],
};
// Median years of experience per role: managers are clearly the most senior.
export const ROLE_SENIORITY = [7, 5, 6, 6, 5, 4, 8, 13, 6, 8];
export const ROLE_PAY = [1.0, 0.92, 0.97, 0.98, 1.02, 1.15, 1.03, 1.25, 0.8, 1.1];

export const REGIONS = ['North America', 'Europe', 'Asia', 'Latin America', 'Africa', 'Oceania'];
// The sample over-represents North America; the weights pull it back towards the "population".
export const REGION_SAMPLE = [0.46, 0.27, 0.13, 0.07, 0.03, 0.04];
export const REGION_POPULATION = [0.36, 0.28, 0.19, 0.09, 0.05, 0.03];
export const REGION_PAY = [125000, 72000, 42000, 34000, 26000, 98000];

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1,000', '1,001-5,000', '5,001+'];
export const COMPANY_WEIGHTS = [6, 17, 24, 22, 13, 18];

export const ARRANGEMENTS = ['On-site', 'Hybrid', 'Fully remote'];
// Remote jumps in 2021 (pandemic), hybrid takes over part of it in 2022.
export const ARRANGEMENT_WEIGHTS: Record<number, number[]> = { 2020: [46, 24, 30], 2021: [18, 27, 55], 2022: [17, 43, 40] };

export const LANGUAGES = ['JavaScript', 'TypeScript', 'Python', 'Java', 'Go', 'C#', 'C++', 'Ruby', 'PHP', 'Kotlin', 'Swift', 'Rust', 'SQL', 'Scala'];
export const BASE_LANG = [6, 4, 6, 5, 2, 3, 2, 1.5, 1.5, 1, 1, 0.6, 5, 0.6];
// Per-role boosts (multipliers on BASE_LANG) that create the role/language correlation.
export const ROLE_LANG: Record<string, Partial<Record<string, number>>> = {
  'Backend Engineer': { Java: 2.5, Go: 3, Python: 1.8, 'C#': 1.5, JavaScript: 0.5, TypeScript: 0.6, Scala: 2 },
  'Frontend Engineer': { JavaScript: 5, TypeScript: 6, Python: 0.3, Java: 0.2, SQL: 0.3, 'C++': 0.2, Go: 0.2, 'C#': 0.4 },
  'Full-stack Engineer': { JavaScript: 2.5, TypeScript: 2.5, PHP: 2, Ruby: 2.5 },
  'Mobile Engineer': { Kotlin: 14, Swift: 14, Java: 1.5, JavaScript: 0.6, SQL: 0.4, Python: 0.3 },
  'Data Scientist': { Python: 5, SQL: 3, JavaScript: 0.15, TypeScript: 0.1, Scala: 3, Java: 0.3, 'C#': 0.2 },
  'Machine Learning Engineer': { Python: 6, SQL: 2, 'C++': 3, Rust: 1.5, JavaScript: 0.15, TypeScript: 0.1, 'C#': 0.2 },
  'DevOps / SRE': { Go: 6, Python: 3, JavaScript: 0.4, TypeScript: 0.4, Java: 0.6, Rust: 2, 'C#': 0.5 },
  'Engineering Manager': { Java: 1.3, Go: 1.3 },
  'QA / Test Engineer': { Python: 1.5, Java: 1.8, JavaScript: 1.5 },
  'Security Engineer': { Python: 3, 'C++': 2.5, Go: 2, Rust: 3, JavaScript: 0.5 },
};
export const LANG_COUNT_WEIGHTS = [0, 18, 28, 26, 16, 8, 4]; // index = number of languages (1-6)

export const TRENDS = [
  'AI, Machine Learning, Big Data',
  'Cloud computing',
  'Cybersecurity',
  'Blockchain',
  'Internet of Things',
  'AR/VR',
  'Low-code / no-code',
  'Quantum computing',
  'Edge computing',
  'Robotics',
];
// P(AI ranked first | answered). 2022 aims at 0.551 so the realised share lands near 55%.
export const AI_FIRST: Record<number, number> = { 2020: 0.38, 2021: 0.46, 2022: 0.551 };
// Appeal of each trend for the other ranks (index 0, AI, only used below first place).
// Cloud declines, blockchain peaks in 2021, low-code rises.
export const TREND_WEIGHTS: Record<number, number[]> = {
  2020: [30, 30, 20, 12, 14, 7, 4, 5, 6, 5],
  2021: [30, 25, 20, 20, 11, 8, 7, 6, 7, 5],
  2022: [30, 20, 22, 12, 9, 9, 11, 7, 8, 5],
};

export const SATISFACTION = ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'];
export const SATISFACTION_WEIGHTS = [5, 11, 17, 43, 24];

export const COMMENT_OPENERS = [
  'Honestly,',
  'To be fair,',
  "For what it's worth,",
  'All in all,',
  'This year',
  'Since the move,',
  'As a {role},',
  'Working in {region},',
  'Coming from a small team,',
  'After {years} years in the industry,',
];
export const COMMENT_BODIES = [
  'the interview process is still broken',
  'I spend more time in meetings than writing code',
  'our stack moved to {lang} and nobody regrets it',
  'remote work made me far more productive',
  'hiring managers ask for "senior" skills at junior pay',
  'salary transparency would help a lot',
  'on-call rotations are burning people out',
  'the best thing about my job is the team',
  'I wish we had a real career ladder',
  'layoffs made everyone nervous, even the "safe" teams',
  "I'd like to learn {lang} properly",
  'AI tools now write a fair share of my boilerplate',
  'we were promised a 4-day week, then it quietly disappeared',
  'technical debt is the real product',
  'code review takes longer than the coding',
  'relocation is no longer a requirement for good offers',
];
export const COMMENT_TAILS = [
  '',
  '',
  ' Thanks for running this.',
  ' Keep it up!',
  ' Not sure that helps, but there it is.',
  ' Would love to see the results by region.',
  ' (Also, the survey was too long.)',
  ' More questions on benefits, please.',
  ' Fingers crossed for next year.',
];

// ---- deterministic randomness -------------------------------------------------------------

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for synthetic data; identical on every platform. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weighted(rng: Rng, weights: number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0 && weights[i] > 0) return i;
  }
  return weights.findLastIndex((w) => w > 0);
}

/** Weighted draw of k distinct indexes, in draw order. */
export function weightedDistinct(rng: Rng, weights: number[], k: number): number[] {
  const left = weights.slice();
  const picked: number[] = [];
  while (picked.length < k) {
    const i = weighted(rng, left);
    picked.push(i);
    left[i] = 0;
  }
  return picked;
}

/**
 * One respondent's "three hottest trends": item indexes in rank order, or none (4% rank nothing).
 * AI is ranked first with the year's published share; the rest follow the year's weights.
 */
export function drawTrendOrder(rng: Rng, year: number): number[] {
  if (rng() < 0.04) return [];
  const w = TREND_WEIGHTS[year].slice();
  if (rng() < AI_FIRST[year]) {
    w[0] = 0;
    return [0, ...weightedDistinct(rng, w, 2)];
  }
  const first = weightedDistinct(rng, [0, ...w.slice(1)], 1);
  w[first[0]] = 0;
  return [...first, ...weightedDistinct(rng, w, 2)];
}

/** Standard normal (Marsaglia polar): only sqrt and log, both deterministic in V8. */
export function normal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1;
    const v = 2 * rng() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

export const pickOne = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---- one wave -----------------------------------------------------------------------------

function timestamps(rng: Rng, year: number, n: number): string[] {
  const start = Date.UTC(year, 0, 1) / 1000;
  const span = Date.UTC(year + 1, 0, 1) / 1000 - start;
  const seconds = Array.from({ length: n }, () => start + Math.floor(rng() * span)).sort((a, b) => a - b);
  // toISOString is locale-independent; drop the milliseconds to look like a typical export.
  return seconds.map((s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z'));
}

export function comment(rng: Rng, role: string, region: string, years: number | null, langs: string[]): string {
  const fill = (s: string) =>
    s
      .replace('{role}', role.toLowerCase())
      .replace('{region}', region)
      .replace('{years}', String(years ?? 10))
      .replace('{lang}', langs.length ? pickOne(rng, langs) : 'Rust');
  const sentence = () => {
    const body = fill(pickOne(rng, COMMENT_BODIES));
    return `${fill(pickOne(rng, COMMENT_OPENERS))} ${body}.`;
  };
  let text = sentence();
  // A second sentence makes most comments unique; a few are split over two lines on purpose.
  if (rng() < 0.6) text += (rng() < 0.08 ? '\n' : ' ') + sentence();
  text += pickOne(rng, COMMENT_TAILS);
  if (text.length > 200) text = text.slice(0, 196).trimEnd() + '...';
  if (text.length < 40) text += ' That is all from me.';
  return text;
}

export function header(year: number): string[] {
  return [
    'respondent_id',
    'submitted_at',
    'role',
    'years_experience',
    'region',
    'company_size',
    year === 2020 ? 'work_setup' : 'work_arrangement',
    'languages',
    ...TRENDS.map((t) => `hot_trends[${t}]`),
    'job_satisfaction',
    'salary_usd',
    'weight',
    'comment',
  ];
}

export function generateWave(year: number): string {
  const n = RESPONDENTS[year];
  if (!n) throw new Error(`no wave for ${year}`);
  const rng = mulberry32(SEED + year);
  const times = timestamps(rng, year, n);
  const yearIndex = year - 2020;
  const rows: (string | number)[][] = [];
  const rawWeights: number[] = [];

  for (let i = 0; i < n; i++) {
    const regionIdx = weighted(rng, REGION_SAMPLE);
    const region = REGIONS[regionIdx];
    // Post-stratification ratio by region, with a little extra spread from other (unmodelled) cells.
    rawWeights.push((REGION_POPULATION[regionIdx] / REGION_SAMPLE[regionIdx]) * Math.exp(0.12 * normal(rng)));
    const id = `R${year}-${pad(i + 1, 5)}`;
    // About 0.5% open the survey, pick a region and leave.
    if (rng() < 0.005) {
      rows.push([id, times[i], '', '', region, '', '', '', ...TRENDS.map(() => ''), '', '', '', '']);
      continue;
    }

    const roleIdx = weighted(rng, ROLE_WEIGHTS[year]);
    const role = ROLES[roleIdx];
    const yearsTrue = Math.min(40, Math.max(0, Math.round(ROLE_SENIORITY[roleIdx] * Math.exp(0.55 * normal(rng)) - 0.5)));
    const years = rng() < 0.02 ? null : yearsTrue;
    const company = COMPANY_SIZES[weighted(rng, COMPANY_WEIGHTS)];
    const arrIdx = rng() < 0.03 ? -1 : weighted(rng, ARRANGEMENT_WEIGHTS[year]);

    let langs: string[] = [];
    if (rng() >= 0.02) {
      const boost = ROLE_LANG[role];
      // TypeScript keeps gaining on JavaScript across waves.
      const w = LANGUAGES.map((l, j) => BASE_LANG[j] * (boost[l] ?? 1) * (l === 'TypeScript' ? 1 + 0.2 * yearIndex : 1));
      const picked = weightedDistinct(rng, w, weighted(rng, LANG_COUNT_WEIGHTS));
      langs = LANGUAGES.filter((_, j) => picked.includes(j)); // canonical order in the cell
    }

    const ranks: (number | '')[] = TRENDS.map(() => '');
    drawTrendOrder(rng, year).forEach((t, r) => (ranks[t] = r + 1));

    // Remote workers and better-paid respondents lean a little happier.
    const pay = REGION_PAY[regionIdx] * ROLE_PAY[roleIdx] * (1 + 0.045 * Math.min(yearsTrue, 25)) * (1 + 0.04 * yearIndex) * Math.exp(0.28 * normal(rng));
    const satW = SATISFACTION_WEIGHTS.slice();
    if (arrIdx === 2) satW[4] += 6;
    if (pay > REGION_PAY[regionIdx] * 1.4) satW[4] += 5;
    let satisfaction = SATISFACTION[weighted(rng, satW)];
    if (rng() < 0.03) satisfaction = rng() < 0.5 ? 'NA' : '';
    const salary = rng() < 0.08 ? '' : Math.round(pay / 500) * 500;
    const text = rng() < 0.2 ? comment(rng, role, region, years, langs) : '';

    rows.push([
      id,
      times[i],
      role,
      years ?? '',
      region,
      company,
      arrIdx < 0 ? '' : ARRANGEMENTS[arrIdx],
      langs.join(';'),
      ...ranks,
      satisfaction,
      salary,
      '',
      text,
    ]);
  }

  // Scale the weights to mean 1 so weighted and unweighted counts stay comparable.
  const mean = rawWeights.reduce((a, b) => a + b, 0) / n;
  const weightCol = header(year).indexOf('weight');
  rows.forEach((row, i) => (row[weightCol] = Math.max(0.0001, rawWeights[i] / mean).toFixed(4)));

  return Papa.unparse([header(year), ...rows], { newline: '\n' }) + '\n';
}

// ---- codebook -----------------------------------------------------------------------------

export function buildCodebook() {
  return {
    title: 'State of Software Engineers (synthetic sample)',
    description:
      "Synthetic sample data generated by scripts/generate-sample.ts, shaped like Hired's State of Software " +
      'Engineers report. All respondents and figures are made up and are not real survey results.',
    synthetic: true,
    source: 'scripts/generate-sample.ts (seeded; regenerate with npm run generate-sample)',
    waves: YEARS.map((y) => ({ id: String(y), file: `${y}.csv` })),
    weight: 'weight',
    // What a public deployment of the sample may filter and compare by (issue 21: the release's breakdowns).
    publicBreakdowns: ['region', 'company_size', 'work_arrangement'],
    questions: {
      respondent_id: { label: 'Respondent ID', kind: 'meta' },
      role: { label: 'Primary role', kind: 'single' },
      years_experience: { label: 'Years of professional experience', kind: 'numeric' },
      region: { label: 'Region' },
      company_size: { label: 'Company size (employees)', kind: 'single', options: COMPANY_SIZES },
      work_arrangement: { label: 'Work arrangement', aliases: ['work_setup'], options: ARRANGEMENTS },
      languages: { label: 'Languages used at work', kind: 'multi', separator: ';' },
      hot_trends: { label: 'Rank the three tech trends you think are hottest', kind: 'ranking' },
      job_satisfaction: { label: 'How satisfied are you with your current job?', kind: 'likert', options: SATISFACTION },
      salary_usd: { label: 'Annual base salary (USD)', kind: 'numeric' },
      weight: { label: 'Respondent weight', kind: 'numeric' },
      comment: { label: "Anything else you'd like to tell us?", kind: 'text' },
    },
  };
}

export function codebookText(): string {
  return JSON.stringify(buildCodebook(), null, 2) + '\n';
}

// ---- main (only when run directly, so tests can import the functions) ---------------------

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', OUT_DIR);
  mkdirSync(dir, { recursive: true });
  for (const year of YEARS) writeFileSync(path.join(dir, `${year}.csv`), generateWave(year), 'utf8');
  writeFileSync(path.join(dir, 'survey.json'), codebookText(), 'utf8');
  console.log(`wrote ${YEARS.length} waves and survey.json to ${OUT_DIR}`);
}
