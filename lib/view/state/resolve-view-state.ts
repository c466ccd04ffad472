import type { Filter, FilterOp } from '../../analysis/filters';
import type { Question, Survey } from '../../survey/types';
import type { Parsed } from './parse-view-state';
import { listNames, matchLeniently, suggestName } from './suggest-name';
import type { ViewState } from './view-state';

const RANGE_OPS: readonly FilterOp[] = ['gte', 'lte', 'gt', 'lt'];

/** The operators each kind of question can be filtered with. */
const OPS_BY_KIND: Record<Question['kind'], readonly FilterOp[]> = {
  single: ['in', 'not', 'answered'],
  likert: ['in', 'not', 'answered'],
  multi: ['in', 'not', 'all', 'answered'],
  ranking: ['in', 'not', 'all', 'first', 'answered'],
  numeric: ['in', 'not', ...RANGE_OPS, 'answered'],
  text: ['answered'],
  meta: ['answered'],
};

/** Kinds a view can be compared by: each respondent falls in one segment (or, for multi-select, several). */
export const SEGMENT_KINDS: ReadonlySet<Question['kind']> = new Set(['single', 'likert', 'multi']);

function findQuestion(survey: Survey, id: string): Question | undefined {
  const exact = survey.questions.find((question) => question.id === id);
  if (exact) return exact;
  const byId = matchLeniently(
    id,
    survey.questions.map((question) => question.id),
  );
  return byId ? survey.questions.find((question) => question.id === byId) : undefined;
}

function unknownQuestion(id: string, survey: Survey, role: string): string {
  const ids = survey.questions.map((question) => question.id);
  const guess = suggestName(id, ids) ?? survey.questions.find((question) => suggestName(id, [question.label]))?.id;
  return `There is no question “${id.slice(0, 80)}” ${role}${guess ? `; did you mean “${guess}”?` : '.'}`;
}

/** A filter's values checked against the question: options matched leniently, numbers parsed. */
function resolveValues(question: Question, filter: Filter, notes: string[]): string[] {
  const name = `“${question.label}”`;
  if (filter.op === 'answered') {
    const ok = filter.values.filter((value) => value === '1' || value === '0');
    if (ok.length !== 1) notes.push(`${name}: “answered” takes 1 (answered) or 0 (did not answer); the filter was not applied.`);
    return ok.length === 1 ? ok : [];
  }
  if (question.kind === 'numeric' || RANGE_OPS.includes(filter.op)) {
    const numbers = filter.values.filter((value) => value.trim() !== '' && Number.isFinite(Number(value)));
    const rejected = filter.values.filter((value) => !numbers.includes(value));
    if (rejected.length > 0)
      notes.push(
        `${name} is answered with numbers: ${listNames(rejected, 3)} ${rejected.length === 1 ? 'is' : 'are'} not a number and ${rejected.length === 1 ? 'was' : 'were'} not applied.`,
      );
    return RANGE_OPS.includes(filter.op) ? numbers.slice(-1).map((value) => String(Number(value))) : numbers.map((value) => String(Number(value)));
  }
  const options = 'options' in question ? question.options.map((option) => option.value) : [];
  const resolved: string[] = [];
  for (const value of filter.values) {
    const match = options.includes(value) ? value : matchLeniently(value, options);
    if (match !== undefined) {
      if (!resolved.includes(match)) resolved.push(match);
      continue;
    }
    const guess = suggestName(value, options);
    notes.push(
      `${name} has no option “${value.slice(0, 80)}”${guess ? `; did you mean “${guess}”?` : `; its options are ${listNames(options)}.`} That value was not applied.`,
    );
  }
  return resolved;
}

/** Filters checked against one survey: unknown questions and options dropped and named, the rest canonical. */
export function resolveFilters(filters: readonly Filter[], survey: Survey): Parsed<Filter[]> {
  const notes: string[] = [];
  const resolved = new Map<string, Filter>();
  for (const filter of filters) {
    const question = findQuestion(survey, filter.question);
    if (!question) {
      notes.push(`${unknownQuestion(filter.question, survey, 'to filter by')} The filter was not applied.`);
      continue;
    }
    if (!OPS_BY_KIND[question.kind].includes(filter.op)) {
      const allowed = OPS_BY_KIND[question.kind].map((op) => (op === 'in' ? '=' : `__${op}`)).join(', ');
      notes.push(
        `“${question.label}” (${question.kind}) cannot be filtered with ${filter.op === 'in' ? 'an option value' : `__${filter.op}`} (it takes ${allowed}); the filter was not applied.`,
      );
      continue;
    }
    const values = resolveValues(question, filter, notes);
    if (values.length === 0) continue;
    const key = `${question.id}\u0000${filter.op}`;
    const merged = resolved.get(key);
    // A range keeps one bound (the last written), merged or not: two would be refused by selectRespondents.
    if (merged)
      merged.values = RANGE_OPS.includes(filter.op) ? values.slice(-1) : [...merged.values, ...values.filter((value) => !merged.values.includes(value))];
    else resolved.set(key, { question: question.id, op: filter.op, values: RANGE_OPS.includes(filter.op) ? values.slice(-1) : values });
  }
  return { value: [...resolved.values()], notes };
}

/**
 * The parsed state checked against the survey on screen: filters, compare-by and sort must name
 * questions (and options) that exist. What cannot be used is dropped and named in a note, so the
 * page, its links and its downloads all apply exactly the same, valid, view.
 */
export function resolveViewState(state: ViewState, survey: Survey): Parsed<ViewState> {
  const { value: filters, notes } = resolveFilters(state.filters, survey);
  const resolved: ViewState = { ...state, filters };
  if (state.by !== undefined) {
    const by = findQuestion(survey, state.by);
    if (!by) notes.push(`${unknownQuestion(state.by, survey, 'to compare by')} Showing no comparison.`);
    else if (!SEGMENT_KINDS.has(by.kind))
      notes.push(`“${by.label}” is ${by.kind}: compare by a single-choice, rating-scale or multiple-choice question. Showing no comparison.`);
    resolved.by = by && SEGMENT_KINDS.has(by.kind) ? by.id : undefined;
  }
  if (typeof state.weighted === 'string') {
    const weight = findQuestion(survey, state.weighted);
    if (!weight) notes.push(`${unknownQuestion(state.weighted, survey, 'to weight by')} Figures are weighted as the dataset is.`);
    else if (weight.kind !== 'numeric')
      notes.push(`“${weight.label}” is ${weight.kind}: weights are a numeric column. Figures are weighted as the dataset is.`);
    // The dataset's own column, named: the same view as the default, written as the default.
    resolved.weighted = weight?.kind === 'numeric' && weight.id !== survey.weightQuestionId ? weight.id : true;
  }
  const crosstabbable = (id: string, role: string) => {
    const question = findQuestion(survey, id);
    if (!question) notes.push(`${unknownQuestion(id, survey, role)} It was left out.`);
    else if (!SEGMENT_KINDS.has(question.kind))
      notes.push(`“${question.label}” is ${question.kind}: crosstabs take single-choice, rating-scale or multiple-choice questions. It was left out.`);
    return question && SEGMENT_KINDS.has(question.kind) ? question.id : undefined;
  };
  resolved.rows = [...new Set(state.rows.flatMap((id) => crosstabbable(id, 'for the rows') ?? []))];
  resolved.cols = state.cols === undefined ? undefined : crosstabbable(state.cols, 'for the columns');
  const matches: Record<string, string> = {};
  for (const [id, text] of Object.entries(state.matches)) {
    const question = findQuestion(survey, id);
    if (question) matches[question.id] = text;
    else notes.push(`${unknownQuestion(id, survey, 'to search in')} That column search was not applied.`);
  }
  resolved.matches = matches;
  if (state.columns !== undefined) {
    const known = state.columns.flatMap((id) => findQuestion(survey, id)?.id ?? []);
    const unknownColumns = state.columns.filter((id) => !findQuestion(survey, id));
    if (unknownColumns.length > 0) notes.push(`There is no column ${listNames(unknownColumns, 5)}; the other columns are shown.`);
    resolved.columns = known;
  }
  if (state.sort !== undefined) {
    const sort = findQuestion(survey, state.sort);
    if (!sort) notes.push(`${unknownQuestion(state.sort, survey, 'to sort by')} Showing responses in file order.`);
    resolved.sort = sort?.id;
    resolved.desc = sort ? state.desc : false;
  }
  return { value: resolved, notes };
}
