/**
 * npm run bench — time per analysis query on Stack Overflow 2019 (88,883 respondents, ODbL),
 * next to the floor: one loop counting one column's option codes. Figures are medians of
 * repeated runs in this process, reported as milliseconds and as ratios to the floor.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSurveyFile } from '../lib/survey/load-survey-file';
import type { Question, Survey } from '../lib/survey/types';
import { selectAll } from '../lib/analysis/selection';
import { selectRespondents } from '../lib/analysis/select-respondents';
import { questionFigures } from '../lib/analysis/question-figures';
import { crosstab } from '../lib/analysis/crosstab';
import { segmentBy } from '../lib/analysis/segments';
import { aggregateView } from '../lib/analysis/aggregate-view';
import { DEFAULT_SETTINGS } from '../lib/analysis/figure';
import type { Filter } from '../lib/analysis/filters';
import { aggregatable } from '../lib/analysis/question-figures';
import { buildFacets } from '../lib/view/build-facets';
import { buildQuestionView } from '../lib/view/question-view';
import { parseViewState } from '../lib/view/parse-view-state';
import { resolveViewState } from '../lib/view/resolve-view-state';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FILE = path.resolve(root, '../shared/data/stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz');
const RUNS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function question(survey: Survey, id: string): Question {
  const found = survey.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

/** The floor: the least any "count the answers to one question" query can do. */
function countCodes(codes: Uint16Array, options: number): Uint32Array {
  const counts = new Uint32Array(options + 1);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}

async function main(): Promise<void> {
  if (!existsSync(FILE)) {
    console.error(`!!! ${FILE} is missing: the benchmark needs ../shared/data (Stack Overflow 2019). Nothing measured.`);
    process.exit(1);
  }
  const loadStart = performance.now();
  const survey = await loadSurveyFile(FILE);
  const loadMs = performance.now() - loadStart;
  const country = question(survey, 'Country');
  if (country.kind !== 'single') throw new Error('Country should be single');
  const everyone = selectAll(survey.size);
  const twoFilters: Filter[] = [
    { question: 'MainBranch', op: 'in', values: ['I am a developer by profession'] },
    { question: 'LanguageWorkedWith', op: 'in', values: ['Python', 'Go'] },
  ];
  // Stack Overflow publishes no weights: a deterministic stand-in weight (0.5–2.0) exercises the weighted path.
  const weights = Float64Array.from({ length: survey.size }, (_, i) => 0.5 + ((i * 2654435761) % 1000) / 666);
  const weighted = { ...DEFAULT_SETTINGS, weights, surveySize: survey.size };
  const languages = question(survey, 'LanguageWorkedWith');
  // What the server computes for one filter change: the view parsed and checked, the facets' live counts, and the figures.
  const dataset = { id: 'so', waves: [{ id: '2019', survey }] };
  const defaults = { waveIds: ['2019'], weighted: false, suppressBelow: 10 };
  const viewOf = (query: string) => resolveViewState(parseViewState(new URLSearchParams(query), defaults).value, survey).value;
  const pageQuery = 'MainBranch=I+am+a+developer+by+profession&LanguageWorkedWith=Python&_by=Gender';
  const questionPage = () => {
    const state = viewOf(pageQuery);
    buildFacets(survey, state, 10);
    return buildQuestionView(dataset, languages, state, defaults, { limit: 40 });
  };
  const overviewPage = () => {
    const state = viewOf(pageQuery);
    buildFacets(survey, state, 10);
    return survey.questions.filter(aggregatable).map((q) => buildQuestionView(dataset, q, state, defaults, { limit: 8, withSegment: false }));
  };
  const queries: [string, () => unknown][] = [
    ['floor: count one column of codes', () => countCodes(country.codes, country.options.length)],
    ['single-choice frequencies (Country, 179 options)', () => questionFigures(country, everyone)],
    ['multi-select frequencies (LanguageWorkedWith, 28)', () => questionFigures(languages, everyone)],
    ['two filters → selection', () => selectRespondents(survey, twoFilters)],
    ['two filters + multi frequencies', () => questionFigures(languages, selectRespondents(survey, twoFilters).selection)],
    ['segment: languages by OpSys (4 segments)', () => {
      const segments = segmentBy(question(survey, 'OpSys'), everyone);
      if (typeof segments !== 'string') for (const s of segments) questionFigures(languages, s.selection);
    }],
    ['crosstab: CareerSat × WorkLoc, chi-square + Holm', () => crosstab(question(survey, 'CareerSat'), question(survey, 'WorkLoc'), everyone)],
    ['weighted multi frequencies (logit intervals)', () => questionFigures(languages, everyone, weighted)],
    ['numeric histogram (ConvertedComp)', () => questionFigures(question(survey, 'ConvertedComp'), everyone)],
    ['full export view: languages by Gender, 2 filters', () => aggregateView({ id: 'so', waves: [{ id: '2019', survey }] }, { questionId: 'LanguageWorkedWith', filters: twoFilters, by: 'Gender', baseRule: 'answered' }, '')],
    ['filter change, question page: view + facets + figures', questionPage],
    ['filter change, overview: view + facets + 20 cards', overviewPage],
  ];
  const floor = time(queries[0][1]);
  console.log(`Stack Overflow 2019: ${survey.size.toLocaleString('en-US')} respondents, ${survey.questions.length} questions; load ${loadMs.toFixed(0)} ms`);
  console.log(`median of ${RUNS} runs per query, Node ${process.version}\n`);
  console.log(`${'query'.padEnd(52)} ${'ms'.padStart(9)} ${'× floor'.padStart(9)}`);
  let slowest = 0;
  for (const [name, run] of queries) {
    const ms = name.startsWith('floor') ? floor : time(run);
    slowest = Math.max(slowest, ms);
    console.log(`${name.padEnd(52)} ${ms.toFixed(3).padStart(9)} ${(ms / floor).toFixed(1).padStart(9)}`);
  }
  console.log(`\nslowest: ${slowest.toFixed(2)} ms (targets: a query under 20 ms, a page's figures under 100 ms, at 100k respondents)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
