import type { Question, Survey } from '../survey/types';
import type { Selection } from './selection';
import { createBitset, fullBitset, setBit } from '../survey/bitset';
import type { Filter, FilterProblem } from './filters';
import { answeredBits } from './answered';

const NUMERIC_OPS = {
  gte: (a: number, b: number) => a >= b,
  lte: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  lt: (a: number, b: number) => a < b,
};

function listNames(names: readonly string[], max = 12): string {
  const shown = names
    .slice(0, max)
    .map((name) => `"${name}"`)
    .join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** Option indexes for the filter's values, or a message naming the options that exist. */
function optionIndexes(question: Question & { options: { value: string }[] }, filter: Filter): number[] | string {
  const indexes: number[] = [];
  for (const value of filter.values) {
    const index = question.options.findIndex((option) => option.value === value);
    if (index === -1) return `"${question.id}" has no option "${value}"; its options are ${listNames(question.options.map((o) => o.value))}`;
    indexes.push(index);
  }
  return indexes;
}

/** Respondents matching one valid filter, as a bitset; or a problem message. */
function matchFilter(question: Question, filter: Filter, size: number): Uint32Array | string {
  const answered = filter.op === 'answered' || filter.op === 'not' ? answeredBits(question, size) : new Uint32Array(0);
  if (filter.op === 'answered') {
    if (filter.values[0] !== '1' && filter.values[0] !== '0') return `"${question.id}__answered" takes 1 or 0, not "${filter.values[0]}"`;
    if (filter.values[0] === '1') return answered;
    const everyone = fullBitset(size);
    return everyone.map((word, w) => word & ~answered[w]);
  }
  if (filter.op in NUMERIC_OPS) {
    if (question.kind !== 'numeric') return `"${question.id}" is not numeric, so it cannot be filtered with __${filter.op}`;
    const limit = Number(filter.values[0]);
    if (filter.values.length !== 1 || filter.values[0].trim() === '' || !Number.isFinite(limit))
      return `"${question.id}__${filter.op}" needs one number, not "${filter.values.join(', ')}"`;
    const compare = NUMERIC_OPS[filter.op as keyof typeof NUMERIC_OPS];
    const bits = createBitset(size);
    question.values.forEach((value, i) => compare(value, limit) && setBit(bits, i)); // NaN never matches
    return bits;
  }
  if (!('options' in question)) {
    if (question.kind !== 'numeric' || filter.op === 'all')
      return `"${question.id}" is ${question.kind === 'text' ? 'free text' : question.kind}: it can only be filtered with __answered${question.kind === 'numeric' ? ' or a range' : ''}`;
    const wanted = filter.values.map(Number);
    if (wanted.some((n, k) => !Number.isFinite(n) || filter.values[k].trim() === ''))
      return `"${question.id}" is numeric: "${filter.values.join(', ')}" are not all numbers`;
    const bits = createBitset(size);
    question.values.forEach((value, i) => wanted.includes(value) !== (filter.op === 'not') && !Number.isNaN(value) && setBit(bits, i));
    return bits;
  }
  const indexes = optionIndexes(question, filter);
  if (typeof indexes === 'string') return indexes;
  if (filter.op === 'all' && question.kind !== 'multi' && question.kind !== 'ranking')
    return `"${question.id}__all" only applies to multi-select and ranking questions`;
  if (filter.op === 'first' && question.kind !== 'ranking') return `"${question.id}__first" only applies to ranking questions`;
  // Each option as a bitset of who chose (or ranked, or ranked first) it; then the operator is bitwise.
  const chosen = indexes.map((index) => optionBits(question, index, size, filter.op === 'first' ? 1 : Infinity));
  const bits = createBitset(size);
  for (let w = 0; w < bits.length; w++) {
    let any = 0;
    let every = 0xffffffff;
    for (const option of chosen) {
      any |= option[w];
      every &= option[w];
    }
    // "is not" never matches a respondent who did not answer.
    bits[w] = filter.op === 'in' || filter.op === 'first' ? any : filter.op === 'not' ? answered[w] & ~any : every;
  }
  return bits;
}

// An option's respondents are found once per parsed question and option (a multi-select keeps its
// own as `members`): under load every new view re-read every respondent's code for each filter,
// once for the page and once more for each facet counted without its own filter.
const optionBitsOf = new WeakMap<Question, Map<string, Uint32Array>>();

function optionBits(question: Question, index: number, size: number, rankAtMost: number): Uint32Array {
  if (question.kind === 'multi') return question.members[index];
  let known = optionBitsOf.get(question);
  if (!known) optionBitsOf.set(question, (known = new Map()));
  const key = `${index}:${rankAtMost}:${size}`;
  let bits = known.get(key);
  if (!bits) known.set(key, (bits = findOptionBits(question, index, size, rankAtMost)));
  return bits;
}

function findOptionBits(question: Question, index: number, size: number, rankAtMost: number): Uint32Array {
  const bits = createBitset(size);
  if (question.kind === 'ranking') {
    const ranks = question.ranks[index];
    for (let i = 0; i < size; i++) if (ranks[i] !== 0 && ranks[i] <= rankAtMost) bits[i >>> 5] |= 1 << (i & 31);
  } else if (question.kind === 'single' || question.kind === 'likert') {
    const code = index + 1;
    const codes = question.codes;
    for (let i = 0; i < size; i++) if (codes[i] === code) bits[i >>> 5] |= 1 << (i & 31);
  }
  return bits;
}

/**
 * Filters → one selection: OR within a filter's values, AND across filters. A filter that
 * names an unknown question or option is reported and left out, never silently ignored: the
 * caller shows or fails on `problems`.
 */
export function selectRespondents(survey: Survey, filters: readonly Filter[]): { selection: Selection; problems: FilterProblem[] } {
  const bits = fullBitset(survey.size);
  const problems: FilterProblem[] = [];
  for (const filter of filters) {
    const question = survey.questions.find((q) => q.id === filter.question);
    if (!question) {
      problems.push({
        filter,
        message: `there is no question "${filter.question}"; questions are ${listNames(
          survey.questions.map((q) => q.id),
          20,
        )}`,
      });
      continue;
    }
    if (filter.values.length === 0) {
      problems.push({ filter, message: `the filter on "${filter.question}" has no value` });
      continue;
    }
    const matched = matchFilter(question, filter, survey.size);
    if (typeof matched === 'string') problems.push({ filter, message: matched });
    else for (let w = 0; w < bits.length; w++) bits[w] &= matched[w];
  }
  return { selection: { size: survey.size, bits }, problems };
}
