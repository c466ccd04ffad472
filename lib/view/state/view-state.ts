import type { BaseRule } from '../../analysis/figure';
import type { Filter } from '../../analysis/filters';

/** Charts with their tables, or the tables alone (what keyboard and screen-reader users may prefer). */
export type DisplayMode = 'chart' | 'table';

/**
 * Everything a page shows, in one place: the URL is this state written out, and every link the
 * app draws is this state with one thing changed. Parsed once per request (parse-view-state),
 * checked against the survey (resolve-view-state), written by one serialiser (write-view-query).
 */
export interface ViewState {
  /** OR within a filter's values, AND across filters. */
  filters: Filter[];
  /** A wave id, or 'all' for every wave (a trend); undefined = the latest wave. */
  wave?: string;
  /**
   * In a trend, the wave whose question the page's id names, when that is not the latest wave
   * asking a question of that id (`_as=2023`: ids are reused for other questions across years).
   */
  asIn?: string;
  /** "Compare by": a single-choice, Likert or multi-select question id. */
  by?: string;
  base: BaseRule;
  /** Use the dataset's own weight column (only when it has one). */
  weighted: boolean;
  /** A suppression threshold above the dataset's own (a reader may raise it, never lower it). */
  suppress?: number;
  /** Confidence level of every interval and test, in percent (`_level=90|99`); undefined = 95. */
  level?: ConfidenceLevel;
  /** Bars to draw per chart; undefined = the page's default. */
  top?: number;
  /** Question id the responses table is sorted by. */
  sort?: string;
  desc: boolean;
  /** 1-based page of questions (overview) or responses. */
  page: number;
  display: DisplayMode;
  /** Crosstab: the row questions (stub), stacked, and the column question (banner). */
  rows: string[];
  cols?: string;
  /** Crosstab: which percentage the cells show. */
  pct: CrosstabPercent;
  /** Responses: text any cell of a row must contain (case and spacing forgiven). */
  search?: string;
  /** Responses: per column, text its cell must contain. */
  matches: Record<string, string>;
  /** Responses: the columns shown (and downloaded); undefined = answers only, metadata and free text hidden. */
  columns?: string[];
  /** Findings: the Benjamini–Hochberg q a finding must be within; undefined = 0.05 (lib/analysis/pick-findings DEFAULT_FINDING_THRESHOLDS). */
  q?: number;
  /**
   * Findings: the effect floor in percentage points; a mean's floor in standard deviations scales
   * with it (5 points ↔ 0.2 SD, the pair). undefined = 5.
   */
  minPoints?: number;
}

/** The confidence levels a reader can choose, in percent: 95 is the default. */
export const CONFIDENCE_LEVELS = [90, 95, 99] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** What a public dashboard publishes beyond one-way tables: two-way tables with these breakdowns, `fields` at a time. */
export interface ReleasePolicy {
  breakdowns: readonly string[];
  fields: number;
}

/** Of the column (default), of the row, or of everyone who answered both questions. */
export type CrosstabPercent = 'column' | 'row' | 'total';

/** What "default" means for one dataset: defaults are never written into a URL. */
export interface ViewDefaults {
  waveIds: readonly string[];
  /** The dataset has a weight column and uses it unless the reader turns it off. */
  weighted: boolean;
  /** The dataset's suppression threshold (codebook `suppressBelow`, default 10). */
  suppressBelow: number;
  /** `public`: the disclosure rules of a published dashboard (docs/publishing.md: the disclosure model); absent = analyst. */
  disclosure?: 'analyst' | 'public';
  /** Public mode: what a view may ask of the release — the breakdown questions, and how many at once. */
  release?: ReleasePolicy;
}

export const DEFAULT_SUPPRESS_BELOW = 10;
export const MAX_TOP = 100;
/** Longest search text kept from a URL. */
export const MAX_SEARCH = 200;
/** Row questions stacked in one crosstab, at most. */
export const MAX_CROSSTAB_ROWS = 6;

export function defaultViewState(defaults: Pick<ViewDefaults, 'weighted'>): ViewState {
  return { filters: [], base: 'answered', weighted: defaults.weighted, desc: false, page: 1, display: 'chart', rows: [], pct: 'column', matches: {} };
}

/** The wave ids a state covers, oldest first. */
export function wavesOf(state: Pick<ViewState, 'wave'>, waveIds: readonly string[]): string[] {
  if (state.wave === 'all') return [...waveIds];
  const latest = waveIds.at(-1);
  return state.wave !== undefined ? [state.wave] : latest !== undefined ? [latest] : [];
}

/** The threshold that applies: the dataset's, or a reader's higher one. */
export function suppressionOf(state: Pick<ViewState, 'suppress'>, defaults: Pick<ViewDefaults, 'suppressBelow'>): number {
  return Math.max(defaults.suppressBelow, state.suppress ?? 0);
}
