import type { Question, Survey } from '../survey/types';
import type { BaseRule } from './bucket';
import type { Filter } from './filters';
import { INTERVAL_METHOD, type Figure } from './figure';
import { prepareView } from './prepare-view';
import { aggregatable, questionFigures, type Measure } from './question-figures';
import { segmentBy } from './segments';
import { crosstab } from './crosstab';
import { latestWaveBins, numericBins, type NumericBin } from './numeric-bins';

export interface AggregateQuery {
  questionId: string;
  filters: Filter[];
  /** Segment ("compare by") question id. */
  by?: string;
  baseRule: BaseRule;
  /** Weight column: true = the codebook's, a string = that column, false/undefined = unweighted. */
  weight?: boolean | string;
  /** Wave ids to include, in order; all waves when empty. */
  waves?: string[];
  suppressBelow?: number;
  unreliableBelow?: number;
}

/** One row of the aggregated CSV: one (wave, segment, option). The export schema is documented in the README. */
export interface AggregateRow {
  dataset: string;
  wave: string;
  question_id: string;
  question_label: string;
  measure: Measure;
  filters: string;
  segment_question: string;
  segment: string;
  option: string;
  count: number | null;
  weighted_count: number | null;
  base: number;
  weighted_base: number | null;
  effective_base: number | null;
  base_rule: BaseRule;
  percent: number | null;
  ci_low: number | null;
  ci_high: number | null;
  ci_method: string;
  flags: string;
}

export interface AggregateResult {
  rows: AggregateRow[];
  /** Problems that make the figures not what was asked for: the CLI exits 2 on these. */
  problems: string[];
  /** Notes that do not change the figures (weights set to 0, waves without the question). */
  notes: string[];
}

export interface DatasetWaves {
  id: string;
  waves: { id: string; survey: Survey }[];
}

function flagsOf(figure: Figure, significance?: 'higher' | 'lower' | null): string {
  return [
    figure.suppressed && 'suppressed',
    figure.unreliable && 'unreliable',
    figure.excludedFromBase && 'excluded-from-base',
    significance && `significantly-${significance}`,
  ]
    .filter(Boolean)
    .join(';');
}

function toRow(base: Omit<AggregateRow, 'option' | 'count' | 'weighted_count' | 'base' | 'percent' | 'ci_low' | 'ci_high' | 'flags'>, figure: Figure, significance?: 'higher' | 'lower' | null): AggregateRow {
  const hidden = figure.suppressed;
  const percent = (value: number) => (hidden || Number.isNaN(value) ? null : value * 100);
  return {
    ...base,
    option: figure.label,
    count: hidden ? null : figure.count,
    weighted_count: hidden ? null : figure.weightedCount,
    base: figure.base,
    percent: percent(figure.share),
    ci_low: percent(figure.low),
    ci_high: percent(figure.high),
    flags: flagsOf(figure, significance),
  };
}

function waveRows(dataset: string, wave: { id: string; survey: Survey }, question: Question, query: AggregateQuery, filterText: string, result: AggregateResult, sharedBins?: NumericBin[]): void {
  const { selection, settings, problems, notes } = prepareView(wave.survey, query);
  result.problems.push(...problems.map((problem) => `wave ${wave.id}: ${problem}`));
  result.notes.push(...notes.map((note) => `wave ${wave.id}: ${note}`));
  const bins = question.kind === 'numeric' ? (sharedBins ?? numericBins(question, selection)) : undefined;
  const overall = questionFigures(question, selection, settings, bins);
  const common = {
    dataset,
    wave: wave.id,
    question_id: question.id,
    question_label: question.label,
    measure: overall.measure,
    filters: filterText,
    base_rule: query.baseRule,
    ci_method: settings.weights ? INTERVAL_METHOD.weighted : INTERVAL_METHOD.unweighted,
  };
  const withBase = (segment: string, figures: typeof overall) => ({ ...common, segment_question: query.by ?? '', segment, weighted_base: figures.weightedBase, effective_base: figures.effectiveBase });
  result.rows.push(...overall.figures.map((figure) => toRow(withBase('(all)', overall), figure)));
  if (!query.by) return;
  const byQuestion = wave.survey.questions.find((q) => q.id === query.by);
  if (!byQuestion) return void result.problems.push(`wave ${wave.id}: there is no question "${query.by}" to compare by`);
  const segments = segmentBy(byQuestion, selection);
  if (typeof segments === 'string') return void result.problems.push(segments);
  const table = question.kind === 'single' || question.kind === 'likert' || question.kind === 'multi' ? crosstab(question, byQuestion, selection, settings) : undefined;
  segments.forEach((segment, c) => {
    const figures = questionFigures(question, segment.selection, settings, bins);
    figures.figures.forEach((figure, r) => {
      const significance = table && typeof table !== 'string' ? table.rows[r].cells[c].significance : undefined;
      result.rows.push(toRow(withBase(segment.label, figures), figure, significance));
    });
  });
}

/**
 * The aggregated view behind the page, the export route and the CLI: the same query gives the
 * same rows everywhere. Free text and metadata are refused: they are never aggregated.
 */
export function aggregateView(dataset: DatasetWaves, query: AggregateQuery, filterText: string): AggregateResult {
  const result: AggregateResult = { rows: [], problems: [], notes: [] };
  const waves = query.waves && query.waves.length > 0 ? query.waves.map((id) => dataset.waves.find((w) => w.id === id) ?? id) : dataset.waves;
  const bins = latestWaveBins(waves.filter((wave) => typeof wave !== 'string'), query.questionId);
  for (const wave of waves) {
    if (typeof wave === 'string') {
      result.problems.push(`there is no wave "${wave}"; waves are ${dataset.waves.map((w) => w.id).join(', ')}`);
      continue;
    }
    const question = wave.survey.questions.find((q) => q.id === query.questionId);
    if (!question) {
      const names = wave.survey.questions.filter(aggregatable).map((q) => q.id);
      const message = `wave ${wave.id} has no question "${query.questionId}"; questions are ${names.slice(0, 30).join(', ')}${names.length > 30 ? ', …' : ''}`;
      (dataset.waves.length > 1 && (query.waves ?? []).length === 0 ? result.notes : result.problems).push(message);
      continue;
    }
    if (!aggregatable(question)) {
      result.problems.push(`"${question.id}" is ${question.kind === 'text' ? 'free text' : 'metadata'}: it is never part of aggregated figures`);
      continue;
    }
    waveRows(dataset.id, wave, question, query, filterText, result, bins);
  }
  if (result.rows.length === 0 && result.problems.length === 0) result.problems.push(`no wave has a question "${query.questionId}"`);
  return result;
}
