import type { FindingRow } from '../../analysis/finding-row';
import type { Wave } from '../../survey/types';
import { changeView } from '../state/change-view';
import type { ViewState } from '../state/view-state';
import type { ViewHrefs } from '../state/write-view-query';
import { describeFilters } from '../words/describe-filters';
import { describeChange, describeFinding, describeFindingsHeader } from '../words/describe-finding';
import { askQuestion, type ViewContext } from './ask-question';
import type { FindingsView } from './findings-view';
import { buildQuestionView } from './question-view';
import { trendAnchorFor } from './trend-links';

/** Findings listed per page (the download holds them all). */
export const FINDINGS_PER_PAGE = 50;

/** One finding as the page lists it: its sentence, and the question page that shows it. */
export interface ShownFinding {
  key: string;
  sentence: string;
  href: string;
  questionId: string;
  /** The group (or the later wave) higher or lower than the rest (or the earlier wave). */
  direction: 'higher' | 'lower';
  /**
   * A share's two percentages in the order the sentence says them — the group then the rest, the
   * earlier wave then the later — and which of them the finding is about; none for a mean.
   */
  shares?: { values: [number, number]; subject: 0 | 1 };
}

/** What the sentence says besides its words: which way, and the two shares. */
function glanceOf(row: FindingRow, change: boolean): Pick<ShownFinding, 'direction' | 'shares'> {
  const direction = (row.difference_points ?? 0) > 0 ? 'higher' : 'lower';
  if (row.measure === 'mean' || row.percent === null || row.percent_rest === null) return { direction };
  return { direction, shares: change ? { values: [row.percent_rest, row.percent], subject: 1 } : { values: [row.percent, row.percent_rest], subject: 0 } };
}

export interface FindingsPage {
  /** "N tests, K findings; at q ≤ 0.05 about X of them may be false." */
  header: string;
  /** This page's findings, and every change found (they are few: one per linked option at most). */
  findings: ShownFinding[];
  changes: ShownFinding[];
  /** All findings, and which of them this page lists (1-based, inclusive). */
  total: number;
  first: number;
  last: number;
  page: number;
  pageCount: number;
}

/** The findings page's own view: what it opened (every wave, for the changes) and its hyperlinks. */
export type FindingsPageView = ViewContext & { hrefs: ViewHrefs };

/** The question page of a finding: the view's filters and compare-by, in the wave scanned. */
function questionState(state: ViewState, wave: Wave): ViewState {
  return changeView(state, { wave: wave.id, asIn: undefined, page: 1 });
}

/** The trend page of a change: every wave, anchored on the wave scanned when its id alone would name another. */
function trendState(view: FindingsPageView, wave: Wave, questionId: string): ViewState {
  return changeView(view.state, { wave: 'all', asIn: trendAnchorFor(view.everyWave ?? view.loaded, questionId, wave.id), page: 1 });
}

/**
 * A share as the linked page's table shows it: its display percentage, which for a single-choice
 * question is rounded so the options add up to 100 (lib/analysis/round-shares) and can differ from
 * plain rounding by 0.1. Computed from the page's own rows (askQuestion, then aggregateView): the
 * sentence and the page it links to cannot disagree. undefined where the table has no such cell
 * (a top-2 box or a mean is in the page's summary figures, not its table).
 */
function tableFigure(view: ViewContext, questionId: string, series: string, option: string): number | undefined {
  const asked = askQuestion(view, questionId);
  if (asked?.kind !== 'question') return undefined;
  const dataset = { id: view.dataset.id, waves: [...view.loaded] };
  const { table } = buildQuestionView(dataset, asked, view.state, { limit: Infinity });
  const s = table?.series.findIndex((candidate) => candidate.key === series) ?? -1;
  const cell = table?.categories.find((category) => category.key === option)?.cells[s];
  return cell?.percent ?? undefined;
}

const onTable = (row: FindingRow) => row.measure === 'share' || row.measure === 'ranked_first';

/** Who a finding is about: the filters in words, or the segment's own filter for a compare-by (its rest is the rest of the selection). */
function groupOf(view: FindingsPageView, wave: Wave, row: FindingRow): string {
  const lookup = (id: string) => wave.survey.questions.find((question) => question.id === id);
  const { state } = view;
  return state.by ? describeFilters([{ question: state.by, op: 'in', values: [row.keys.segment] }], lookup) : describeFilters(state.filters, lookup);
}

function showFinding(view: FindingsPageView, wave: Wave, row: FindingRow, level: number): ShownFinding {
  const state = questionState(view.state, wave);
  const pageView: ViewContext = { ...view, state, loaded: [wave], reference: wave, everyWave: undefined, waveLinks: undefined };
  const shown = onTable(row) ? tableFigure(pageView, row.question_id, row.keys.segment, row.keys.option) : undefined;
  const figures = shown === undefined ? row : { ...row, percent: shown };
  return {
    key: `${row.question_id}\u0000${row.measure}\u0000${row.keys.option}\u0000${row.keys.segment}`,
    sentence: describeFinding(figures, groupOf(view, wave, row), level),
    href: view.hrefs.question(row.question_id, state),
    questionId: row.question_id,
    ...glanceOf(figures, false),
  };
}

function showChange(view: FindingsPageView, wave: Wave, previous: Wave, row: FindingRow, level: number): ShownFinding {
  const state = trendState(view, wave, row.question_id);
  const every = view.everyWave ?? view.loaded;
  const trendView: ViewContext = { ...view, state, loaded: every, reference: every.at(-1) };
  // The trend page's table has everyone's line only: a change within a segment is shown as computed.
  const figure = (waveId: string) => (onTable(row) && row.keys.segment === '' ? tableFigure(trendView, row.question_id, waveId, row.keys.option) : undefined);
  const [latest, before] = [figure(wave.id), figure(previous.id)];
  const shown = { ...row, percent: latest ?? row.percent, percent_rest: before ?? row.percent_rest };
  return {
    key: `change\u0000${row.question_id}\u0000${row.measure}\u0000${row.keys.option}\u0000${row.keys.segment}`,
    sentence: describeChange(shown, { previous: previous.label ?? previous.id, latest: wave.label ?? wave.id }, level),
    href: view.hrefs.question(row.question_id, state),
    questionId: row.question_id,
    ...glanceOf(shown, true),
  };
}

/** "N tests, K findings; at q ≤ 0.05 about X of them may be false": K counts what stands out and what changed, one family. */
export function findingsHeaderOf(findings: FindingsView): string {
  return describeFindingsHeader(findings.tests, findings.findings.length + findings.changes.length, findings.thresholds.q);
}

/**
 * The findings page: the header line, one sentence per finding on this page (ranked, as computed)
 * linking to the question page with the filter or compare-by that shows it, and every change
 * since the previous wave linking to the question's trend. Sentences print the figures as the
 * linked page prints them.
 */
export function buildFindingsPage(view: FindingsPageView, findings: FindingsView): FindingsPage {
  const total = findings.findings.length;
  const pageCount = Math.max(1, Math.ceil(total / FINDINGS_PER_PAGE));
  const page = Math.min(Math.max(1, view.state.page), pageCount);
  const start = (page - 1) * FINDINGS_PER_PAGE;
  const onPage = findings.findings.slice(start, start + FINDINGS_PER_PAGE);
  const { wave, previous } = findings;
  return {
    header: findingsHeaderOf(findings),
    findings: wave ? onPage.map((row) => showFinding(view, wave, row, findings.level)) : [],
    changes: wave && previous ? findings.changes.map((row) => showChange(view, wave, previous, row, findings.level)) : [],
    total,
    first: total === 0 ? 0 : start + 1,
    last: start + onPage.length,
    page,
    pageCount,
  };
}

/** The overview's card: the three strongest findings, as the findings page words and links them. */
export function listTopFindings(view: FindingsPageView, findings: FindingsView, count = 3): ShownFinding[] {
  const { wave } = findings;
  return wave ? findings.findings.slice(0, count).map((row) => showFinding(view, wave, row, findings.level)) : [];
}
