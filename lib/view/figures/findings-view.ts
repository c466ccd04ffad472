import { aggregateView } from '../../analysis/aggregate-view';
import type { AggregateRow } from '../../analysis/aggregate-row';
import { DEFAULT_SETTINGS, INTERVAL_METHOD } from '../../analysis/figure';
import type { FindingRow, TestedScan } from '../../analysis/finding-row';
import { DEFAULT_FINDING_THRESHOLDS, pickFindings, type FindingThresholds } from '../../analysis/pick-findings';
import { prepareView } from '../../analysis/prepare-view';
import { scannedQuestions, testFindings } from '../../analysis/scan-findings';
import { segmentBy } from '../../analysis/segments';
import { selectionCount } from '../../analysis/selection';
import { createViewCache, surveyIdentity } from '../../analysis/view-cache';
import { testWaveChanges } from '../../analysis/wave-changes';
import type { Wave } from '../../survey/types';
import { writeFilterText } from '../state/filter-grammar';
import type { ViewState } from '../state/view-state';
import { askQuestion, type ViewContext } from './ask-question';
import { toSelectionRequest } from './to-aggregate-query';

/** Public mode: the scan's tests read exact counts, which the published figures perturb (issue 21 rebuilds what public mode may publish). */
export const FINDINGS_NOT_PUBLIC =
  'Findings are not published on a public dashboard: their tests would be computed from the exact answers behind the perturbed figures.';

/** What the scan compares: the selection against the rest of its wave, each segment against the rest of the selection, or nothing (no filter, no compare-by). */
export type FindingsComparison = 'selection' | 'segments' | 'nothing';

/** What stands out in a view: the scan's findings and what changed since the previous wave, under one false discovery rate. */
export interface FindingsView {
  /** Why there are no findings at all (public mode): said instead of them. */
  refused?: string;
  /** The wave scanned, and the one "what changed" compares it with. */
  wave?: Wave;
  previous?: Wave;
  compares: FindingsComparison;
  weighted: boolean;
  /** The confidence level of the intervals (`_level`; the tests and q do not depend on it). */
  level: number;
  /** Respondents selected (unweighted). */
  selected: number;
  /** Tests in the family (scan and changes together): the N of "N tests, K findings". */
  tests: number;
  untested: number;
  thresholds: FindingThresholds;
  /** The scan's findings and the changes found, each strongest first (lib/analysis/pick-findings). */
  findings: FindingRow[];
  changes: FindingRow[];
  /** The view cannot be scanned as asked (a filter that does not apply, an unknown compare-by question). */
  problems: string[];
  notes: string[];
}

/**
 * `_q` and `_min` as pickFindings takes them. One key sets both floors: `_min` is in percentage
 * points and the floor for means, in standard deviations, scales with it — the 5 points
 * and 0.2 SD are one pair (0.04 SD per point), so `_min=10` asks for 10 points or 0.4 SD.
 */
export function findingThresholdsOf(state: Pick<ViewState, 'q' | 'minPoints'>): FindingThresholds {
  const minPoints = state.minPoints ?? DEFAULT_FINDING_THRESHOLDS.minPoints;
  return { q: state.q ?? DEFAULT_FINDING_THRESHOLDS.q, minPoints, minSd: minPoints * SD_PER_POINT };
}

/** A mean's floor in standard deviations per point of `_min`: 0.2 / 5. */
export const SD_PER_POINT = DEFAULT_FINDING_THRESHOLDS.minSd / DEFAULT_FINDING_THRESHOLDS.minPoints;

/**
 * The questions a scan leaves out: those the filters and the compare-by are on (a filter's own
 * question differs by construction). The same questions in the previous wave, under another id,
 * are followed by the trend links, so "what changed" leaves them out too.
 */
export function findingsSkip(state: Pick<ViewState, 'filters' | 'by'>): Set<string> {
  return new Set([...state.filters.map((filter) => filter.question), ...(state.by ? [state.by] : [])]);
}

/** The tests of a view before the false discovery rate is controlled: what is cached. */
interface TestedView {
  compares: FindingsComparison;
  weighted: boolean;
  level: number;
  selected: number;
  scan: TestedScan;
  changes: TestedScan;
  problems: string[];
  notes: string[];
}

const EMPTY: TestedScan = { rows: [], untested: 0 };

/** Tests kept across cached views: a Stack Overflow 2019 scan with one filter is some 200, compared by country some 12,000. */
const FINDINGS_CACHE_TESTS = 200_000;
const findingsCache = createViewCache<TestedView>(FINDINGS_CACHE_TESTS, (tested) => tested.scan.rows.length + tested.changes.rows.length);

/** The wave before the one scanned, in the dataset's order, when it was read. */
function previousWaveOf(view: ViewContext, wave: Wave): { previous?: Wave; note?: string } {
  const ids = view.defaults.waveIds;
  const before = ids[ids.indexOf(wave.id) - 1];
  if (before === undefined || !view.everyWave || !view.waveLinks) return {};
  const previous = view.everyWave.find((candidate) => candidate.id === before);
  return previous ? { previous } : { note: `What changed is left out: wave ${before} could not be read.` };
}

/**
 * "What changed": every scanned question linked to the previous wave, its shares in the two waves
 * under the view's filters and compare-by — the rows its trend page computes (askQuestion, then
 * aggregateView over the two waves) — tested by lib/analysis/wave-changes.
 */
function testChanges(view: ViewContext, wave: Wave, previous: Wave, skip: ReadonlySet<string>, level: number): { tested: TestedScan; note?: string } {
  const trendView: ViewContext = { ...view, state: { ...view.state, wave: 'all', asIn: wave.id }, loaded: [previous, wave], reference: wave };
  const questions: (readonly AggregateRow[])[] = [];
  for (const question of scannedQuestions(wave.survey, skip)) {
    const asked = askQuestion(trendView, question.id);
    const links = asked?.kind === 'question' ? asked.query.links : undefined;
    if (!asked || !links || links.ids[previous.id] === undefined) continue;
    const own = links.perWave?.[previous.id];
    // The filters are the same for every question: a wave that cannot apply them cannot be compared at all.
    if (own && 'skip' in own) return { tested: EMPTY, note: `What changed since ${previous.label ?? previous.id} is left out: ${own.skip}.` };
    questions.push(aggregateView({ id: view.dataset.id, waves: [previous, wave] }, asked.query, writeFilterText(view.state.filters)).rows);
  }
  const weighted = questions.some((rows) => rows.some((row) => row.ci_method === INTERVAL_METHOD.weighted));
  return { tested: testWaveChanges({ questions, previous: previous.id, latest: wave.id, weighted, level }) };
}

/** Every test of the view: the scan of the wave (selection or segments against their rest) and the changes since the previous wave. */
function testView(view: ViewContext, wave: Wave, previous: Wave | undefined): TestedView {
  const { state, defaults } = view;
  const prepared = prepareView(wave.survey, toSelectionRequest(state, defaults));
  const { level } = prepared.settings;
  const tested: TestedView = {
    compares: 'nothing',
    weighted: prepared.settings.weights !== undefined,
    level,
    selected: selectionCount(prepared.selection),
    scan: EMPTY,
    changes: EMPTY,
    problems: [...prepared.problems],
    notes: [...prepared.notes],
  };
  if (prepared.problems.length > 0) return tested;
  const skip = findingsSkip(state);
  const request = { selection: prepared.selection, skip, settings: prepared.settings };
  if (state.by) {
    const byQuestion = wave.survey.questions.find((question) => question.id === state.by);
    const segments = byQuestion ? segmentBy(byQuestion, prepared.selection) : `wave ${wave.id} has no question “${state.by}” to compare by`;
    if (typeof segments === 'string') tested.problems.push(segments);
    else Object.assign(tested, { compares: 'segments', scan: testFindings(wave.survey, { ...request, segments }) });
  } else if (state.filters.length > 0) {
    Object.assign(tested, { compares: 'selection', scan: testFindings(wave.survey, request) });
  }
  if (previous) {
    const changes = testChanges(view, wave, previous, skip, level);
    tested.changes = changes.tested;
    if (changes.note) tested.notes.push(changes.note);
  }
  return tested;
}

/**
 * What stands out in a view (issue 23): the findings page, its download, the overview's card and
 * `survey-lens findings` all read it. The wave shown (the latest of a trend) is scanned — with
 * filters, the selection against the rest of the wave; with a compare-by, each segment against
 * the rest of the selection — and, when the view knows every wave (`everyWave`, `waveLinks`),
 * each linked question's shares are compared with the previous wave's. Both families of tests
 * take one Benjamini–Hochberg adjustment, then the view's floors (`_q`, `_min`).
 *
 * The tests are computed once per view and cached (lib/analysis/view-cache), keyed by the waves'
 * parsed objects and everything that changes a test — the selection request (filters, base,
 * weight, threshold, level) and the compare-by; the floors are applied afresh (a sort). Public
 * mode is refused.
 */
export function computeFindingsView(view: ViewContext): FindingsView {
  const { state, defaults, reference: wave } = view;
  const thresholds = findingThresholdsOf(state);
  const empty: FindingsView = {
    compares: 'nothing',
    weighted: false,
    level: DEFAULT_SETTINGS.level,
    selected: 0,
    tests: 0,
    untested: 0,
    thresholds,
    findings: [],
    changes: [],
    problems: [],
    notes: [],
  };
  if (defaults.disclosure === 'public') return { ...empty, refused: FINDINGS_NOT_PUBLIC };
  if (!wave) return { ...empty, problems: ['no wave of this dataset could be read'] };
  const { previous, note } = previousWaveOf(view, wave);
  const key = JSON.stringify([
    view.dataset.id,
    [wave.id, surveyIdentity(wave.survey)],
    previous ? [previous.id, surveyIdentity(previous.survey)] : null,
    state.by ?? null,
    toSelectionRequest(state, defaults),
  ]);
  const tested = findingsCache.getOrCompute(key, () => testView(view, wave, previous));
  const scanned = tested.scan.rows.length;
  const picked = pickFindings({ rows: [...tested.scan.rows, ...tested.changes.rows], untested: tested.scan.untested + tested.changes.untested }, thresholds);
  const changed = new Set(picked.tested.slice(scanned));
  return {
    wave,
    ...(previous ? { previous } : {}),
    compares: tested.compares,
    weighted: tested.weighted,
    level: tested.level,
    selected: tested.selected,
    tests: picked.tests,
    untested: picked.untested,
    thresholds,
    findings: picked.findings.filter((row) => !changed.has(row)),
    changes: picked.findings.filter((row) => changed.has(row)),
    problems: [...tested.problems],
    notes: [
      ...(state.wave === 'all' ? [`Findings are of one wave: showing ${wave.label ?? wave.id}, the latest.`] : []),
      ...tested.notes,
      ...(note ? [note] : []),
    ],
  };
}
