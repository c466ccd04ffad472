/**
 * A wide synthetic survey for the benchmark: N respondents × 80 columns of every kind (single,
 * `;`-joined multi-select, two rankings, Likert, numeric, free text, a weight), in the sample's
 * vocabulary (scripts/generate-sample.ts) and its year-dependent mixes, with a codebook. Shaped
 * like the surveys that hurt ingest (issue 25): eight free-text columns in which nearly every
 * respondent wrote something of their own (Kaggle's `_OTHER_TEXT`, an "Anything else?" box), some
 * of it over two lines, and joined multi-selects whose options hold `/` and parentheses
 * ("CI/CD (GitHub Actions, GitLab CI)").
 * Seeded and streamed to disk a block of rows at a time (1M rows are ~0.8 GB: never in memory).
 * The same seed and year give the same rows, so a smaller file is the first rows of a larger one:
 * one pass writes every size at once. Files are reused while their seed, size and this
 * generator's version are unchanged.
 *
 *   npx tsx scripts/bench/generate-wide.ts [--seed 1592594466] [--root .bench-data]
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ARRANGEMENT_WEIGHTS,
  ARRANGEMENTS,
  BASE_LANG,
  COMMENT_BODIES,
  COMPANY_SIZES,
  COMPANY_WEIGHTS,
  LANG_COUNT_WEIGHTS,
  LANGUAGES,
  REGION_PAY,
  REGION_POPULATION,
  REGION_SAMPLE,
  REGIONS,
  ROLE_LANG,
  ROLE_PAY,
  ROLE_SENIORITY,
  ROLE_WEIGHTS,
  ROLES,
  SATISFACTION,
  SATISFACTION_WEIGHTS,
  TREND_WEIGHTS,
  TRENDS,
  comment,
  drawTrendOrder,
  mulberry32,
  normal,
  pickOne,
  weighted,
  weightedDistinct,
  type Rng,
} from '../generate-sample';

/** Bumped whenever a row's content changes: files written by another version are generated again. */
export const GENERATOR_VERSION = 2;
export const DEFAULT_SEED = 0x5eed2022;

// Things to be satisfied with (the sample's one job-satisfaction question, widened into a battery).
const ASPECTS = ['pay', 'benefits', 'team', 'manager', 'tools', 'codebase', 'career_growth', 'learning', 'work_life_balance', 'remote_policy'];
const AGREEMENT = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];
// Statements to agree with: the sample's comment bodies, one column each.
const STATEMENTS = ['interviews', 'meetings', 'stack', 'remote', 'junior_pay', 'transparency', 'on_call', 'team'];

const SINGLES = [
  'role',
  'region',
  'company_size',
  'work_arrangement',
  'secondary_role',
  'previous_role',
  'preferred_arrangement',
  'preferred_company_size',
  'previous_region',
  'first_language',
] as const;
const NUMERICS = [
  'years_experience',
  'salary_usd',
  'weight',
  'hours_per_week',
  'team_size',
  'age',
  'commute_minutes',
  'meetings_per_week',
  'on_call_days',
  'bonus_pct',
] as const;
const MULTIS = ['languages', 'languages_want', 'languages_learning', 'trends_following', 'roles_worked', 'platforms', 'tooling'] as const;
/** Options holding `/`, parentheses and commas: a separator guessed from them alone would cut labels apart. */
const PLATFORMS = [
  'Linux/BSD',
  'Windows (incl. WSL)',
  'macOS',
  'iOS/iPadOS',
  'Android',
  'Embedded (bare metal/RTOS)',
  'Cloud VMs (AWS/GCP/Azure)',
  'Serverless (Lambda, Cloud Functions)',
  'Game consoles (PS5/Xbox/Switch)',
  'Mainframe (z/OS)',
  'WebAssembly (browser/WASI)',
  'Raspberry Pi/Arduino',
];
const TOOLING = [
  'CI/CD (GitHub Actions, GitLab CI)',
  'Docker/Podman',
  'Kubernetes (k8s/k3s)',
  'Terraform/OpenTofu',
  'Ansible/Chef/Puppet',
  'Git (CLI)',
  'Git (GUI client)',
  'Jira/Linear',
  'Datadog/New Relic',
  'Prometheus/Grafana',
  'Sentry (error tracking)',
  'Vim/Neovim',
  'VS Code (or a fork)',
  'JetBrains IDEs (IntelliJ/PyCharm/…)',
];
const LIKERTS = ['job_satisfaction', ...ASPECTS.map((a) => `sat_${a}`), ...STATEMENTS.map((s) => `agree_${s}`)];
/** Eight "tell us in your own words" boxes: nearly every answer is its respondent's own. */
const TEXTS = ['comment', 'advice', 'biggest_challenge', 'tool_wish', 'last_project', 'team_description', 'hiring_feedback', 'anything_else'] as const;
const TEXT_WORDS = (
  'legacy code migration deadline review flaky tests documentation onboarding pairing budget scope creep ' +
  'on-call pager incident outage latency database schema refactor monolith microservices queue cache ' +
  'mentor junior senior manager roadmap sprint estimate backlog release rollback feature flag customer ' +
  'support ticket dashboard metrics alert security audit compliance vendor contract licence cloud bill ' +
  'kubernetes cluster terraform pipeline build times laptop monitor chair standup retro demo hackathon'
).split(' ');

/** The 80 column names, in file order. */
export function wideHeader(): string[] {
  return [
    'respondent_id',
    'submitted_at',
    ...SINGLES,
    ...NUMERICS,
    ...MULTIS,
    ...TRENDS.map((t) => `hot_trends[${t}]`),
    ...LANGUAGES.map((l) => `lang_rank[${l}]`),
    ...LIKERTS,
    ...TEXTS,
  ];
}

/** The codebook: every kind stated, so ingest timings do not depend on inference. */
export function wideCodebook(waves: string[]): Record<string, unknown> {
  const questions: Record<string, unknown> = {
    respondent_id: { kind: 'meta' },
    submitted_at: { kind: 'meta' },
    company_size: { kind: 'single', options: COMPANY_SIZES },
    preferred_company_size: { kind: 'single', options: COMPANY_SIZES },
    hot_trends: { label: 'Rank the three tech trends you think are hottest', kind: 'ranking' },
    lang_rank: { label: 'Rank your three favourite languages', kind: 'ranking' },
  };
  for (const id of SINGLES) questions[id] ??= { kind: 'single' };
  for (const id of NUMERICS) questions[id] = { kind: 'numeric' };
  for (const id of MULTIS) questions[id] = { kind: 'multi', separator: ';' };
  for (const id of LIKERTS) questions[id] = { kind: 'likert', options: id.startsWith('agree_') ? AGREEMENT : SATISFACTION };
  for (const id of TEXTS) questions[id] = { kind: 'text' };
  return {
    title: 'Wide synthetic survey (benchmark)',
    description: 'Generated by scripts/bench/generate-wide.ts for npm run bench. Every figure is made up.',
    synthetic: true,
    waves: waves.map((id) => ({ id, file: `${id}.csv` })),
    weight: 'weight',
    questions,
  };
}

const quote = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const blankIf = (rng: Rng, p: number, value: string | number): string => (rng() < p ? '' : String(value));

function pickLanguages(rng: Rng, role: string, yearIndex: number, boostOf: (l: string) => number): string[] {
  const boost = ROLE_LANG[role];
  const w = LANGUAGES.map((l, j) => BASE_LANG[j] * (boost[l] ?? 1) * boostOf(l) * (l === 'TypeScript' ? 1 + 0.2 * yearIndex : 1));
  const picked = weightedDistinct(rng, w, weighted(rng, LANG_COUNT_WEIGHTS));
  return LANGUAGES.filter((_, j) => picked.includes(j));
}

/** Ranks 1–3 of a ranking's items (the sample's hot-trends draw), '' for unranked. */
function trendRanks(rng: Rng, year: number): string[] {
  const ranks = TRENDS.map(() => '');
  drawTrendOrder(rng, year).forEach((t, r) => (ranks[t] = String(r + 1)));
  return ranks;
}

/** A point on a five-point scale, leaning up or down with the respondent's mood (weights from leanWeights); a few NA and blanks. */
function scale(rng: Rng, labels: string[], w: number[]): string {
  if (rng() < 0.04) return rng() < 0.5 ? 'NA' : '';
  return labels[weighted(rng, w)];
}

const leanWeights = (lean: number) => SATISFACTION_WEIGHTS.map((x, k) => x * Math.exp(lean * (k - 2)));
const PLATFORM_WEIGHTS = [9, 7, 8, 2, 3, 1, 6, 3, 0.5, 0.3, 1, 1.5];
const TOOLING_WEIGHTS = [9, 8, 5, 3, 1.5, 7, 2, 6, 2, 3, 3, 3, 8, 5];

/**
 * A free-text answer in the respondent's own words: a sentence or two from a word bank, with a
 * number now and then, commas and the odd second line, so that nearly no two are the same.
 */
function ownWords(rng: Rng, box: number): string {
  const words = (n: number) => Array.from({ length: n }, () => pickOne(rng, TEXT_WORDS)).join(' ');
  let text = rng() < 0.1 ? `${pickOne(rng, COMMENT_BODIES).replace('{lang}', 'Go')}: ${words(2)}` : words(3 + Math.floor(rng() * 2));
  if (rng() < 0.3) text += `, ${words(1 + Math.floor(rng() * 2))}`;
  if (rng() < 0.2) text += ` (about ${1 + Math.floor(rng() * 40)} ${box % 2 ? 'weeks' : 'people'})`;
  if (rng() < 0.04) text += `\n${words(3)}`;
  return text;
}

/** One respondent's row generator: a seeded stream of CSV lines for one wave (year). */
export function wideRows(seed: number, year: number): (i: number) => string {
  const rng = mulberry32(seed + year);
  const yearIndex = year - 2020;
  let time = Date.UTC(year, 0, 1);
  const noLangs = LANGUAGES.map(() => '');
  return (i) => {
    time += Math.floor(-Math.log(1 - rng()) * 30_000);
    const stamp = new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const regionIdx = weighted(rng, REGION_SAMPLE);
    const weight = ((REGION_POPULATION[regionIdx] / REGION_SAMPLE[regionIdx]) * Math.exp(0.12 * normal(rng))).toFixed(4);
    const id = `R${year}-${String(i + 1).padStart(7, '0')}`;
    if (rng() < 0.005) {
      // Opened the survey, picked a region and left.
      const cells = new Array<string>(80).fill('');
      cells[0] = id;
      cells[1] = stamp;
      cells[3] = REGIONS[regionIdx];
      cells[2 + SINGLES.length + 2] = weight;
      return cells.join(',');
    }
    const roleIdx = weighted(rng, ROLE_WEIGHTS[year]);
    const role = ROLES[roleIdx];
    const years = Math.min(40, Math.max(0, Math.round(ROLE_SENIORITY[roleIdx] * Math.exp(0.55 * normal(rng)) - 0.5)));
    const arrIdx = rng() < 0.03 ? -1 : weighted(rng, ARRANGEMENT_WEIGHTS[year]);
    const langs = rng() < 0.02 ? [] : pickLanguages(rng, role, yearIndex, () => 1);
    const pay = REGION_PAY[regionIdx] * ROLE_PAY[roleIdx] * (1 + 0.045 * Math.min(years, 25)) * (1 + 0.04 * yearIndex) * Math.exp(0.28 * normal(rng));
    const happy = (arrIdx === 2 ? 0.25 : 0) + (pay > REGION_PAY[regionIdx] * 1.4 ? 0.2 : 0) + 0.3 * normal(rng);
    const remote = arrIdx === 2;

    const singles = [
      role,
      REGIONS[regionIdx],
      COMPANY_SIZES[weighted(rng, COMPANY_WEIGHTS)],
      arrIdx < 0 ? '' : ARRANGEMENTS[arrIdx],
      blankIf(rng, 0.3, pickOne(rng, ROLES)),
      blankIf(rng, 0.2, ROLES[weighted(rng, ROLE_WEIGHTS[2020])]),
      blankIf(rng, 0.05, ARRANGEMENTS[weighted(rng, [10, 35, 55])]),
      blankIf(rng, 0.05, COMPANY_SIZES[weighted(rng, COMPANY_WEIGHTS)]),
      blankIf(rng, 0.1, rng() < 0.85 ? REGIONS[regionIdx] : pickOne(rng, REGIONS)),
      langs.length ? pickOne(rng, langs) : '',
    ];
    const numerics = [
      blankIf(rng, 0.02, years),
      blankIf(rng, 0.08, Math.round(pay / 500) * 500),
      weight,
      blankIf(rng, 0.05, Math.max(5, Math.round(42 + 6 * normal(rng)))),
      blankIf(rng, 0.1, Math.max(1, Math.round(Math.exp(2 + 0.8 * normal(rng))))),
      blankIf(rng, 0.06, 21 + years + Math.max(0, Math.round(3 * Math.abs(normal(rng))))),
      blankIf(rng, 0.1, remote ? 0 : Math.round(Math.exp(3.2 + 0.5 * normal(rng)))),
      blankIf(rng, 0.07, Math.max(0, Math.round(8 + 4 * normal(rng)))),
      blankIf(rng, 0.1, Math.floor(rng() * 8)),
      blankIf(rng, 0.3, Math.max(0, 8 + 5 * normal(rng)).toFixed(1)),
    ];
    const want = rng() < 0.05 ? [] : pickLanguages(rng, role, yearIndex + 1, (l) => (l === 'Rust' || l === 'Go' ? 3 : 1));
    const learning = rng() < 0.4 ? [] : pickLanguages(rng, role, yearIndex, () => 1).slice(0, 2);
    const following =
      rng() < 0.1
        ? []
        : weightedDistinct(rng, TREND_WEIGHTS[year], 1 + Math.floor(rng() * 4))
            .sort((a, b) => a - b)
            .map((t) => TRENDS[t]);
    const rolesWorked = [role, ...(rng() < 0.5 ? [pickOne(rng, ROLES)] : [])].filter((r, k, all) => all.indexOf(r) === k).sort();
    const platforms = rng() < 0.08 ? [] : weightedDistinct(rng, PLATFORM_WEIGHTS, 1 + Math.floor(rng() * 3)).sort((a, b) => a - b);
    const tooling = rng() < 0.08 ? [] : weightedDistinct(rng, TOOLING_WEIGHTS, 1 + Math.floor(rng() * 5)).sort((a, b) => a - b);
    const multis = [
      langs.join(';'),
      want.join(';'),
      learning.join(';'),
      following.join(';'),
      rolesWorked.join(';'),
      platforms.map((k) => PLATFORMS[k]).join(';'),
      tooling.map((k) => TOOLING[k]).join(';'),
    ];

    const langRanks = noLangs.slice();
    if (langs.length > 0 && rng() > 0.1)
      weightedDistinct(
        rng,
        langs.map(() => 1),
        Math.min(3, langs.length),
      ).forEach((k, r) => (langRanks[LANGUAGES.indexOf(langs[k])] = String(r + 1)));
    const mood = leanWeights(happy);
    const likerts = LIKERTS.map((id) => scale(rng, id.startsWith('agree_') ? AGREEMENT : SATISFACTION, mood));
    const texts = TEXTS.map((_, k) => (rng() < (k === 0 ? 0.4 : 0.1) ? '' : k === 0 ? comment(rng, role, REGIONS[regionIdx], years, langs) : ownWords(rng, k)));
    return [id, stamp, ...singles, ...numerics, ...multis, ...trendRanks(rng, year), ...langRanks, ...likerts, ...texts].map(quote).join(',');
  };
}

export interface WideFile {
  rows: number;
  file: string;
}

interface Marker {
  version: number;
  seed: number;
  year: number;
  rows: number;
  bytes: number;
}

function markerOf(file: string): string {
  return `${file}.meta.json`;
}

function isCurrent(target: WideFile, seed: number, year: number): boolean {
  if (!existsSync(target.file) || !existsSync(markerOf(target.file))) return false;
  try {
    const marker = JSON.parse(readFileSync(markerOf(target.file), 'utf8')) as Marker;
    return (
      marker.version === GENERATOR_VERSION &&
      marker.seed === seed &&
      marker.year === year &&
      marker.rows === target.rows &&
      marker.bytes === statSync(target.file).size
    );
  } catch {
    return false;
  }
}

const FLUSH_ROWS = 4096;

/**
 * Writes the files of one wave that are missing or stale, in one pass: rows 0..n−1 go to every
 * file of n rows or more (a smaller file is a prefix of a larger one). Each file is written to a
 * temporary name and renamed when complete, so an interrupted run leaves nothing half-written.
 */
export function writeWideWave(seed: number, year: number, targets: WideFile[]): { written: WideFile[]; ms: number } {
  const start = performance.now();
  const missing = targets.filter((target) => !isCurrent(target, seed, year)).sort((a, b) => a.rows - b.rows);
  if (missing.length === 0) return { written: [], ms: 0 };
  const header = wideHeader().map(quote).join(',') + '\n';
  const open = missing.map((target) => {
    mkdirSync(path.dirname(target.file), { recursive: true });
    const fd = openSync(`${target.file}.tmp`, 'w');
    writeSync(fd, header);
    return { target, fd };
  });
  const row = wideRows(seed, year);
  const last = missing.at(-1)!.rows;
  const bounds = new Set(missing.map((target) => target.rows));
  let block: string[] = [];
  for (let i = 0; i < last; i++) {
    block.push(row(i));
    if (block.length < FLUSH_ROWS && !bounds.has(i + 1)) continue;
    const text = block.join('\n') + '\n';
    for (const { target, fd } of open) if (target.rows >= i + 1) writeSync(fd, text);
    block = [];
  }
  for (const { target, fd } of open) {
    closeSync(fd);
    renameSync(`${target.file}.tmp`, target.file);
    const marker: Marker = { version: GENERATOR_VERSION, seed, year, rows: target.rows, bytes: statSync(target.file).size };
    writeFileSync(markerOf(target.file), JSON.stringify(marker) + '\n');
  }
  return { written: missing, ms: performance.now() - start };
}

export interface GeneratedDataset {
  /** Dataset folder (a valid dataset for SURVEY_LENS_DATA: waves + survey.json). */
  dir: string;
  id: string;
  /** The wave the ingest and query benchmarks read (2022). */
  file: string;
  codebook: string;
  rows: number;
}

export const SIZES = [100_000, 300_000, 1_000_000] as const;
/** Sizes `survey-lens schema` is timed at, whole process, on the file alone (no codebook: every kind inferred). */
export const SCHEMA_SIZES = [30_000, 300_000, 1_000_000] as const;
export const sizeLabel = (rows: number) => (rows >= 1e6 ? `${rows / 1e6}m` : `${rows / 1e3}k`);

function link(target: string, at: string): void {
  rmSync(at, { force: true });
  symlinkSync(path.relative(path.dirname(at), target), at);
}

/**
 * Every generated dataset the benchmark reads, written if missing: `generated-100k|300k|1m`
 * (one wave, 2022), and two three-wave datasets for trends — `trend-100k` (2020 and 2021 at
 * the smallest size, then its 2022 wave) and `trend-1m` (the same 2020 and 2021, then the
 * largest 2022 wave).
 */
export function ensureBenchData(
  root: string,
  options: { seed?: number; sizes?: readonly number[]; schemaSizes?: readonly number[]; log?: (line: string) => void } = {},
): { datasets: GeneratedDataset[]; trends: GeneratedDataset[]; plain: WideFile[]; ms: number } {
  const { seed = DEFAULT_SEED, sizes = SIZES, schemaSizes = [], log = () => {} } = options;
  const main = [...sizes].sort((a, b) => a - b).map((rows) => ({ rows, dir: path.join(root, `generated-${sizeLabel(rows)}`) }));
  // The schema's files sit in folders without a survey.json; a size the main datasets have is a link to theirs.
  const plainOnly = schemaSizes
    .filter((rows) => !sizes.includes(rows))
    .map((rows) => ({ rows, file: path.join(root, `plain-${sizeLabel(rows)}`, '2022.csv') }));
  const start = performance.now();
  const generated = writeWideWave(seed, 2022, [...main.map(({ rows, dir }) => ({ rows, file: path.join(dir, '2022.csv') })), ...plainOnly]);
  if (generated.written.length)
    log(`generated 2022 waves of ${generated.written.map((w) => sizeLabel(w.rows)).join(', ')} in ${(generated.ms / 1000).toFixed(1)} s`);
  const smallest = main[0].rows;
  const trendDir = path.join(root, `trend-${sizeLabel(smallest)}`);
  for (const year of [2020, 2021]) {
    const earlier = writeWideWave(seed, year, [{ rows: smallest, file: path.join(trendDir, `${year}.csv`) }]);
    if (earlier.written.length) log(`generated the ${year} wave (${sizeLabel(smallest)}) in ${(earlier.ms / 1000).toFixed(1)} s`);
  }
  const datasets = main.map(({ rows, dir }) => {
    const codebook = path.join(dir, 'survey.json');
    writeFileSync(codebook, JSON.stringify(wideCodebook(['2022']), null, 2) + '\n');
    return { dir, id: path.basename(dir), file: path.join(dir, '2022.csv'), codebook, rows };
  });
  const trends = [...new Set([datasets[0], datasets.at(-1)!])].map((latest) => {
    const dir = latest === datasets[0] ? trendDir : path.join(root, `trend-${sizeLabel(latest.rows)}`);
    mkdirSync(dir, { recursive: true });
    if (dir !== trendDir) for (const year of [2020, 2021]) link(path.join(trendDir, `${year}.csv`), path.join(dir, `${year}.csv`));
    link(latest.file, path.join(dir, '2022.csv'));
    const codebook = path.join(dir, 'survey.json');
    writeFileSync(codebook, JSON.stringify(wideCodebook(['2020', '2021', '2022']), null, 2) + '\n');
    return { dir, id: path.basename(dir), file: path.join(dir, '2022.csv'), codebook, rows: latest.rows };
  });
  const plain = [...schemaSizes]
    .sort((a, b) => a - b)
    .map((rows) => {
      const file = path.join(root, `plain-${sizeLabel(rows)}`, '2022.csv');
      const shared = datasets.find((dataset) => dataset.rows === rows);
      if (shared) {
        mkdirSync(path.dirname(file), { recursive: true });
        link(shared.file, file);
      }
      return { rows, file };
    });
  return { datasets, trends, plain, ms: performance.now() - start };
}

/** The files `survey-lens schema` is timed on (plain-<size>/2022.csv, no codebook beside them), written if missing: what `--only schema` needs alone. */
export function ensurePlainFiles(root: string, options: { seed?: number; sizes?: readonly number[]; log?: (line: string) => void } = {}): WideFile[] {
  const { seed = DEFAULT_SEED, sizes = SCHEMA_SIZES, log = () => {} } = options;
  const files = [...sizes].sort((a, b) => a - b).map((rows) => ({ rows, file: path.join(root, `plain-${sizeLabel(rows)}`, '2022.csv') }));
  const generated = writeWideWave(seed, 2022, files);
  if (generated.written.length)
    log(`generated ${generated.written.map((w) => sizeLabel(w.rows)).join(', ')} for schema in ${(generated.ms / 1000).toFixed(1)} s`);
  return files;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const root = path.resolve(arg('root') ?? '.bench-data');
  const { datasets, ms } = ensureBenchData(root, { seed: Number(arg('seed') ?? DEFAULT_SEED), schemaSizes: SCHEMA_SIZES, log: console.log });
  for (const d of datasets) console.log(`${d.id}: ${d.rows.toLocaleString('en-US')} rows, ${(statSync(d.file).size / 1e6).toFixed(0)} MB`);
  console.log(`ready in ${(ms / 1000).toFixed(1)} s under ${root}`);
}
