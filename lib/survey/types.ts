import type { IngestIssue } from '../csv/ingest-issue';

/**
 * The survey domain model. Columnar on purpose: every figure the dashboard shows is an
 * aggregate over one or two questions for a selection of respondents, so each question
 * keeps its answers in one typed array (or one bitset per option) indexed by respondent.
 * Objects per respondent are only ever built for the responses table, a page at a time.
 */

export interface Option {
  /** The value exactly as written in the CSV (trimmed), used in filters and URLs. */
  value: string;
  /** What people read; the value unless the codebook says otherwise. */
  label: string;
  /** Codebook "exclude from base": answering only such options does not put a respondent in the base. */
  excludedFromBase?: boolean;
}

/** Where a question came from in the file: useful for error messages and the responses table. */
export interface QuestionSource {
  /** Header names of the CSV columns this question was built from, in file order. */
  columns: string[];
  /** 0-based positions of those columns in the file (header names can repeat; positions cannot). */
  indexes: number[];
}

interface QuestionBase {
  id: string;
  label: string;
  /** Longer question text when the export carried one (Kaggle, SurveyMonkey, Qualtrics). */
  text?: string;
  /** Shared stem of a grid (matrix) question this item belongs to, e.g. Google Forms `Stem [Row]`. */
  group?: string;
  /** Id of the grid this question is a row of (see `Grid`). */
  grid?: string;
  source: QuestionSource;
  /** Why inference gave it this kind, in a sentence ("multi: 1,203 of 1,797 answers hold ', '-joined parts…"). */
  reason?: string;
  /**
   * Why the answers look like personal data (e-mail addresses, names, IP addresses, phone
   * numbers): such a question is left out of charts, exports and the responses table.
   */
  personal?: string;
  /** Respondents with any answer to this question (blank, NA and N/A are no answer). */
  answeredCount: number;
}

/** One answer from a list. codes[i] is 1 + option index, 0 = no answer. */
export interface SingleQuestion extends QuestionBase {
  kind: 'single';
  options: Option[];
  codes: Uint16Array;
}

/** An ordered scale (agreement, satisfaction, frequency…). Options are in scale order, lowest first. */
export interface LikertQuestion extends QuestionBase {
  kind: 'likert';
  options: Option[];
  codes: Uint16Array;
  /** Labels that are answers but not on the scale ("Don't know", "Not applicable"): excluded from the mean. */
  offScale: string[];
  /**
   * A scale written as numbers (1–5, 0–10, "10 (All my time)"): each option's number, NaN for
   * off-scale answers. The mean score is then in the scale's own units, not positions.
   */
  scores?: number[];
  /** A 0–10 "How likely are you to recommend…" question: its Net Promoter Score is a figure. */
  netPromoter?: boolean;
}

/** Any number of options. One bitset per option (respondents who chose it), plus who answered at all. */
export interface MultiQuestion extends QuestionBase {
  kind: 'multi';
  options: Option[];
  members: Uint32Array[];
  answered: Uint32Array;
  /** How the answers were written: `;`-joined in one cell, or one column per option. */
  layout: 'joined' | 'columns';
  /** The separator of a joined layout (`;`, `, `, `,` or `|`). */
  separator?: string;
}

/** Items ranked 1..k. ranks[item][i] is respondent i's rank for the item, 0 = not ranked. */
export interface RankingQuestion extends QuestionBase {
  kind: 'ranking';
  options: Option[];
  ranks: Uint8Array[];
  answered: Uint32Array;
  /** Highest rank anyone gave (k in "rank your top k"). */
  maxRank: number;
  /** Rank per item column, item per rank column (LimeSurvey `[Rank 1]`), or an ordered list in one cell. */
  layout: 'columns' | 'rank-columns' | 'ordered-list';
}

export interface NumericQuestion extends QuestionBase {
  kind: 'numeric';
  /** NaN = no answer; a blank is never zero. */
  values: Float64Array;
}

/** Free text. Never aggregated or exported in aggregates: respondents are people. */
export interface TextQuestion extends QuestionBase {
  kind: 'text';
  /** '' = no answer. */
  values: string[];
}

/** Identifiers, timestamps, durations, collector names: shown in the responses table, not charted. */
export interface MetaQuestion extends QuestionBase {
  kind: 'meta';
  values: string[];
}

export type Question = SingleQuestion | LikertQuestion | MultiQuestion | RankingQuestion | NumericQuestion | TextQuestion | MetaQuestion;

export type QuestionKind = Question['kind'];

/**
 * A matrix question ("rate each of the following"): rows asked on one shared scale. The rows
 * stay questions of their own — each can filter and segment — and the grid is how they are
 * charted and tabled together.
 */
export interface Grid {
  id: string;
  label: string;
  text?: string;
  /** Row question ids, in file order: single or likert questions whose options are `scale`'s values in its order. */
  rowIds: string[];
  /** The rows' row labels (the part after the stem), in the same order. */
  rowLabels: string[];
  /** The shared answer scale, lowest first when it is ordered; off-scale answers last. */
  scale: Option[];
  ordered: boolean;
  /** Index in `scale` of the neutral mid point of an ordered scale with one ("Neither…", "Neutral"), for diverging bars. */
  neutralIndex?: number;
  /** Scale values that are answers but not points (“Unfamiliar (N/A)”, “Don't know”). */
  offScale: string[];
}

export type HeaderLayoutKind = 'single-row' | 'ids-and-text' | 'question-and-option' | 'ids-question-and-option' | 'qualtrics' | 'qualtrics-legacy';

export interface HeaderLayout {
  kind: HeaderLayoutKind;
  /** Lines before the header (a title line), as records. */
  skip: number;
  /** Number of header records after the skipped ones. */
  rows: number;
  /** Why these rows were taken for the header, in a sentence (absent when a codebook or Qualtrics' markers set it). */
  reason?: string;
}

/** One wave (one file) of a survey, fully parsed. */
export interface Survey {
  /** Respondents (data records kept). */
  size: number;
  questions: Question[];
  /** Matrix questions over rows of `questions` (empty when the file has none). */
  grids: Grid[];
  /** Codebook-named weight column, if any (a numeric question). */
  weightQuestionId?: string;
  layout: HeaderLayout;
  delimiter: string;
  issues: IngestIssue[];
  /** Data records read before skipping bad ones. */
  recordsRead: number;
  /** Columns in the header. */
  columnCount: number;
  /** 1-based line where each kept respondent's record starts (for the responses table and messages). */
  lines: Uint32Array;
}

/** One wave (one year, one file) of a dataset with its parsed survey: what every figure across waves takes. */
export interface Wave {
  id: string;
  survey: Survey;
  /** How the dataset names the wave ("2022", "Spring 2023"), when not by its id. */
  label?: string;
}
