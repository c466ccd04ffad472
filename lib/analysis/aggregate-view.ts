import type { Question, Wave } from '../survey/types';
import type { AggregateQuery, AggregateResult, DatasetWaves } from './aggregate-query';
import { describeIntervalMethod, INTERVAL_METHOD, isWeightedMethod } from './figure';
import { prepareView } from './prepare-view';
import { aggregatable, questionFigures, type QuestionFigures } from './question-figures';
import { segmentBy } from './segments';
import { markSegments, type SegmentMark } from './segment-significance';
import { latestWaveBins, type NumericBin } from './numeric-bins';
import { selectionCount } from './selection';
import { describePartialRead, flagPartial } from './partial-read';
import { withTrendChanges } from './trend-changes';
import { estimateRow, shareRow, type AggregateRow, type RowContext } from './aggregate-row';
import { findGridTarget, gridRowQueries, mergeGridResults } from './aggregate-grid';
import { cellKeyEpoch } from './cell-key';
import { createViewCache, surveyIdentity } from './view-cache';

/**
 * Public mode: the smallest and largest answer are one respondent's answer each (a salary, an
 * age) whatever the group's size, so they are not published; the other estimates' counts are the
 * unperturbed respondents with a value, so they are withheld too (the bins beside them carry the
 * perturbed base).
 */
function withholdForPublic(figures: QuestionFigures, query: AggregateQuery): QuestionFigures {
  if (query.disclosure !== 'public') return figures;
  const extras = figures.extras
    .filter((extra) => extra.measure !== 'min' && extra.measure !== 'max')
    .map((extra) => ('estimate' in extra ? { ...extra, estimate: { ...extra.estimate, count: NaN, base: NaN } } : extra));
  return { ...figures, extras };
}

/** Every row of one (wave, segment): the main figures, then the measures beside them. */
function figureRows(context: RowContext, figures: QuestionFigures, viewWeighted: boolean, marks?: SegmentMark[]): AggregateRow[] {
  const main = figures.figures.map((figure, r) => shareRow(context, figures.measure, figure, marks?.[r]?.significance));
  const extras = figures.extras.map((extra) =>
    'figure' in extra ? shareRow(context, extra.measure, extra.figure) : estimateRow(context, extra.measure, extra.estimate, viewWeighted),
  );
  return [...main, ...extras];
}

function waveRows(
  dataset: string,
  wave: Wave,
  question: Question,
  query: AggregateQuery,
  filterText: string,
  sharedBins: NumericBin[] | undefined,
  result: AggregateResult,
  multiWave: boolean,
): void {
  const { selection, settings, problems, notes } = prepareView(wave.survey, query);
  result.selections.push({ wave: wave.id, selected: selectionCount(selection), size: wave.survey.size });
  result.notes.push(...notes.map((note) => `wave ${wave.id}: ${note}`));
  if (problems.length > 0) {
    // A filter this wave cannot apply would make its figures unfiltered: in a trend the wave is
    // left out and said so; for one wave the figures are not what was asked for.
    if (multiWave) return void result.notes.push(...problems.map((problem) => `wave ${wave.id} is left out: ${problem}`));
    return void result.problems.push(...problems.map((problem) => `wave ${wave.id}: ${problem}`));
  }
  const bins = question.kind === 'numeric' ? sharedBins : undefined;
  const viewWeighted = settings.weights !== undefined;
  const overall = withholdForPublic(questionFigures(question, selection, settings, bins, true), query);
  const context = (segmentQuestion: string, segment: string, segmentValue: string, figures: QuestionFigures): RowContext => ({
    fields: {
      dataset,
      wave: wave.id,
      question_id: question.id,
      question_label: question.label,
      filters: filterText,
      segment_question: segmentQuestion,
      segment,
      base_rule: query.baseRule,
    },
    segmentValue,
    effectiveBase: figures.effectiveBase,
    ciMethod: describeIntervalMethod(viewWeighted ? INTERVAL_METHOD.weighted : INTERVAL_METHOD.unweighted, settings.level),
    level: settings.level,
    surveySize: wave.survey.size,
  });
  const partial = describePartialRead(wave.survey);
  if (partial) result.notes.push(`wave ${wave.id}: ${partial}`);
  const push = (rows: AggregateRow[]) => result.rows.push(...flagPartial(rows, partial !== undefined));
  push(figureRows(context(query.by ?? '', '(all)', '', overall), overall, viewWeighted));
  if (!query.by) return;
  const byQuestion = wave.survey.questions.find((q) => q.id === query.by);
  if (!byQuestion) return void (multiWave ? result.notes : result.problems).push(`wave ${wave.id}: there is no question "${query.by}" to compare by`);
  const segments = segmentBy(byQuestion, selection);
  if (typeof segments === 'string') return void result.problems.push(segments);
  const perSegment = segments.map((segment) => withholdForPublic(questionFigures(question, segment.selection, settings, bins, true), query));
  const marks = markSegments(
    overall.figures,
    perSegment.map((figures) => figures.figures),
    settings,
  );
  segments.forEach((segment, s) =>
    push(figureRows(context(byQuestion.id, segment.label, segment.value, perSegment[s]), perSegment[s], viewWeighted, marks[s])),
  );
}

/**
 * An option renamed between waves (codebook option aliases) is one option in a trend: its current
 * value and label. The codebook lists the current value, so a wave that used the old wording also
 * holds the current one, chosen by nobody: that empty row gives way to the renamed one (else the
 * wave would have the option twice). A wave whose answers use both wordings keeps both apart.
 */
function renameAliasedOptions(rows: readonly AggregateRow[], aliases: Record<string, string>): AggregateRow[] {
  if (Object.keys(aliases).length === 0) return [...rows];
  const keyOf = (row: AggregateRow, option: string) => `${row.wave}\u0000${row.segment}\u0000${row.measure}\u0000${option}`;
  const current = new Map(rows.filter((row) => aliases[row.keys.option] === undefined).map((row) => [keyOf(row, row.keys.option), row]));
  const replaced = new Set<AggregateRow>();
  const renamed = rows.map((row) => {
    const canonical = aliases[row.keys.option];
    if (canonical === undefined) return row;
    const placeholder = current.get(keyOf(row, canonical));
    if (placeholder && placeholder.count !== null && placeholder.count > 0) return row;
    if (placeholder) replaced.add(placeholder);
    return { ...row, option: placeholder?.option ?? canonical, keys: { ...row.keys, option: canonical } };
  });
  return renamed.filter((row) => !replaced.has(row));
}

/**
 * A numeric trend's bin edges, from the latest wave it joins: under links, a later wave's
 * question of the same id can be another question, whose answers must not set the edges.
 */
function trendBins(waves: readonly Wave[], query: AggregateQuery): NumericBin[] | undefined {
  const { links } = query;
  if (!links) return latestWaveBins(waves, query.questionId);
  const latest = waves.filter((wave) => links.ids[wave.id] !== undefined).at(-1);
  return latest ? latestWaveBins([latest], links.ids[latest.id]) : undefined;
}

/** Rows kept across cached views: about 60 MB at most (a row is some 600 bytes). */
const VIEW_CACHE_ROWS = 100_000;
const viewCache = createViewCache<AggregateResult>(VIEW_CACHE_ROWS, (result) => result.rows.length);

/**
 * The view's key: everything that changes its figures — the dataset, each wave's id and parsed
 * object (a file or codebook edited is parsed into a new object), the whole query (question,
 * filters, segment, base rule, weight, waves, trend links, suppression and reliability
 * thresholds, disclosure mode), the filter text written into the rows, and in public mode the
 * cell-key secret's epoch (the noise depends on it).
 */
function viewKey(dataset: DatasetWaves, query: AggregateQuery, filterText: string): string {
  const waves = dataset.waves.map((wave) => [wave.id, surveyIdentity(wave.survey)]);
  return JSON.stringify([dataset.id, waves, query, filterText, query.disclosure === 'public' ? cellKeyEpoch() : 0]);
}

/**
 * The aggregated view behind the page, the export route and the CLI: the same query gives the
 * same rows everywhere. Free text and metadata are refused: they are never aggregated. An id that
 * names a grid (matrix question) gives the rows of each of its row questions, in row order.
 * Computed once per view and cached (lib/analysis/view-cache): the result is frozen and shared.
 */
export function aggregateView(dataset: DatasetWaves, query: AggregateQuery, filterText: string): AggregateResult {
  return viewCache.getOrCompute(viewKey(dataset, query, filterText), () => computeAggregateView(dataset, query, filterText));
}

/** The same rows computed afresh, never from or into the cache (benchmarks time the computation, not a lookup). */
export function aggregateViewUncached(dataset: DatasetWaves, query: AggregateQuery, filterText: string): AggregateResult {
  return computeAggregateView(dataset, query, filterText, aggregateViewUncached);
}

function computeAggregateView(dataset: DatasetWaves, query: AggregateQuery, filterText: string, rowView = aggregateView): AggregateResult {
  const grid = findGridTarget(dataset, query);
  if (grid)
    return mergeGridResults(
      grid,
      gridRowQueries(grid, query).map((rowQuery) => rowView(dataset, rowQuery, filterText)),
    );
  const result: AggregateResult = { rows: [], problems: [], notes: [], selections: [] };
  const waves = query.waves && query.waves.length > 0 ? query.waves.map((id) => dataset.waves.find((w) => w.id === id) ?? id) : dataset.waves;
  const multiWave = waves.length > 1;
  const bins = trendBins(
    waves.filter((wave) => typeof wave !== 'string'),
    query,
  );
  for (const wave of waves) {
    if (typeof wave === 'string') {
      result.problems.push(`there is no wave "${wave}"; waves are ${dataset.waves.map((w) => w.id).join(', ')}`);
      continue;
    }
    const linkedId = query.links ? query.links.ids[wave.id] : query.questionId;
    if (linkedId === undefined) {
      result.notes.push(`wave ${wave.id}: ${query.links?.notLinked[wave.id] ?? 'not asked'}`);
      continue;
    }
    const own = query.links?.perWave?.[wave.id];
    if (own && 'skip' in own) {
      result.notes.push(`wave ${wave.id} is left out: ${own.skip}`);
      continue;
    }
    const question = wave.survey.questions.find((q) => q.id === linkedId);
    if (!question) {
      const names = wave.survey.questions.filter(aggregatable).map((q) => q.id);
      const message = `wave ${wave.id} has no question "${query.questionId}"; questions are ${names.slice(0, 30).join(', ')}${names.length > 30 ? ', …' : ''}`;
      (multiWave ? result.notes : result.problems).push(message);
      continue;
    }
    if (!aggregatable(question)) {
      result.problems.push(`"${question.id}" is ${question.kind === 'text' ? 'free text' : 'metadata'}: it is never part of aggregated figures`);
      continue;
    }
    if (own && query.by !== undefined && own.by === undefined)
      result.notes.push(`wave ${wave.id}: it did not ask “${query.by}” (or asked it differently), so it is not compared by it`);
    waveRows(dataset.id, wave, question, own ? { ...query, filters: own.filters, by: own.by } : query, filterText, bins, result, multiWave);
  }
  if (result.rows.length === 0 && result.problems.length === 0) result.problems.push(`no wave has a question "${query.questionId}"`);
  if (!multiWave) return result;
  const weighted = result.rows.some((row) => isWeightedMethod(row.ci_method));
  const rows = renameAliasedOptions(result.rows, query.links?.optionAliases ?? {});
  return {
    ...result,
    rows: withTrendChanges(
      rows,
      waves.flatMap((wave) => (typeof wave === 'string' ? [] : [wave.id])),
      weighted,
    ),
  };
}
