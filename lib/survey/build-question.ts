import type { IngestIssue, Option, Question, QuestionKind } from './types';
import { createBitset, countBits, setBit } from './bitset';
import { isNumberText } from './profile-column';
import { matchLikertScale, isOffScale } from './likert-scales';
import { mergeOrder } from './order-options';
import type { EncodedColumn } from './column-encoder';

/** Everything needed to turn a question's columns into typed arrays. */
export interface QuestionPlan {
  id: string;
  label: string;
  text?: string;
  group?: string;
  kind: QuestionKind;
  /** Header names of the columns, in file order. */
  columnNames: string[];
  /** The question's columns, dictionary-encoded (cleaned values, a code per respondent). */
  columns: EncodedColumn[];
  /** Option or item label per column, for one-column-per-option questions. */
  items: string[];
  separator: string;
  isMissing: (value: string) => boolean;
  /** Codebook option order and labels. */
  order?: string[];
  optionLabels?: Map<string, string>;
  excludedFromBase?: Set<string>;
}

interface Built {
  question: Question;
  issues: IngestIssue[];
}

function toOptions(values: readonly string[], plan: QuestionPlan): Option[] {
  return values.map((value) => {
    const option: Option = { value, label: plan.optionLabels?.get(value) ?? value };
    if (plan.excludedFromBase?.has(value)) option.excludedFromBase = true;
    return option;
  });
}

/** Respondents per answered value of a column (no answer left out), from its dictionary: no pass over respondents. */
function countValues(column: EncodedColumn, isMissing: (value: string) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  column.values.forEach((value, code) => {
    if (!isMissing(value) && column.counts[code] > 0) counts.set(value, (counts.get(value) ?? 0) + column.counts[code]);
  });
  return counts;
}

/** A table from a column's value codes to something per value, computed once per distinct value. */
function perValue<T>(column: EncodedColumn, compute: (value: string) => T): T[] {
  return column.values.map(compute);
}

function base(plan: QuestionPlan, answeredCount: number) {
  return {
    id: plan.id,
    label: plan.label,
    ...(plan.text ? { text: plan.text } : {}),
    ...(plan.group ? { group: plan.group } : {}),
    source: { columns: plan.columnNames },
    answeredCount,
  };
}

function buildChoice(plan: QuestionPlan, kind: 'single' | 'likert'): Built {
  const column = plan.columns[0];
  const counts = countValues(column, plan.isMissing);
  const scale = kind === 'likert' && !plan.order ? matchLikertScale([...counts.keys()]) : undefined;
  const ordered = scale ? [...scale.ordered, ...scale.offScale] : mergeOrder(plan.order, counts);
  if (ordered.length > 65_535) throw new Error(`${plan.id}: too many distinct answers for a choice question`);
  const codeOf = new Map(ordered.map((value, index) => [value, index + 1]));
  // Each distinct value's option code once; then one array lookup per respondent.
  const optionCode = Uint16Array.from(perValue(column, (value) => (plan.isMissing(value) ? 0 : (codeOf.get(value) ?? 0))));
  const codes = new Uint16Array(column.codes.length);
  let answered = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = optionCode[column.codes[i]];
    codes[i] = code;
    if (code !== 0) answered++;
  }
  const options = toOptions(ordered, plan);
  const question: Question =
    kind === 'single'
      ? { ...base(plan, answered), kind, options, codes }
      : { ...base(plan, answered), kind, options, codes, offScale: ordered.filter(isOffScale) };
  return { question, issues: [] };
}

/** Respondents whose cell in the column is an answer (not blank, NA…), as a bitset. */
function answeredIn(column: EncodedColumn, isMissing: (value: string) => boolean): Uint32Array {
  const filled = perValue(column, (value) => !isMissing(value));
  const bits = createBitset(column.codes.length);
  for (let i = 0; i < column.codes.length; i++) if (filled[column.codes[i]]) setBit(bits, i);
  return bits;
}

function buildMulti(plan: QuestionPlan): Built {
  const size = plan.columns[0]?.codes.length ?? 0;
  const answered = createBitset(size);
  if (plan.columns.length > 1) {
    // One column per option: any non-blank cell means "chosen"; the option is the column's item.
    const labels = plan.columns.map((column, c) => plan.items[c] || [...countValues(column, plan.isMissing).keys()][0] || plan.columnNames[c]);
    const members = plan.columns.map((column) => {
      const bits = answeredIn(column, plan.isMissing);
      for (let w = 0; w < bits.length; w++) answered[w] |= bits[w];
      return bits;
    });
    const question: Question = { ...base(plan, countBits(answered)), kind: 'multi', options: toOptions(labels, plan), members, answered, layout: 'columns' };
    return { question, issues: [] };
  }
  // Each distinct cell (an answer combination) is split once; respondents are then bit-set by code.
  const column = plan.columns[0];
  const tokensOf = perValue(column, (cell) => (plan.isMissing(cell) ? [] : [...new Set(cell.split(plan.separator).map((t) => t.trim()).filter(Boolean))]));
  const counts = new Map<string, number>();
  tokensOf.forEach((tokens, code) => {
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + column.counts[code]);
  });
  const ordered = mergeOrder(plan.order, counts);
  const indexOf = new Map(ordered.map((value, index) => [value, index]));
  const members = ordered.map(() => createBitset(size));
  const indexesOf = tokensOf.map((tokens) => tokens.map((token) => indexOf.get(token)!));
  for (let i = 0; i < size; i++) {
    const indexes = indexesOf[column.codes[i]];
    if (indexes.length === 0) continue;
    setBit(answered, i);
    for (const index of indexes) setBit(members[index], i);
  }
  const question: Question = { ...base(plan, countBits(answered)), kind: 'multi', options: toOptions(ordered, plan), members, answered, layout: 'joined' };
  return { question, issues: [] };
}

function buildRanking(plan: QuestionPlan): Built {
  const size = plan.columns[0]?.codes.length ?? 0;
  const answered = createBitset(size);
  const issues: IngestIssue[] = [];
  let maxRank = 0;
  let invalid = 0;
  if (plan.columns.length > 1) {
    const ranks = plan.columns.map((column) => {
      // Per distinct cell: its rank, 0 for no answer, -1 for something that is not a rank.
      const rankOf = perValue(column, (value) => {
        if (plan.isMissing(value)) return 0;
        const rank = Number(value);
        return Number.isInteger(rank) && rank >= 1 && rank <= 255 ? rank : -1;
      });
      const out = new Uint8Array(size);
      for (let i = 0; i < size; i++) {
        const rank = rankOf[column.codes[i]];
        if (rank > 0) {
          out[i] = rank;
          setBit(answered, i);
          if (rank > maxRank) maxRank = rank;
        } else if (rank < 0) invalid++;
      }
      return out;
    });
    if (invalid > 0) issues.push({ severity: 'warning', message: `${plan.id}: ${invalid} cells are not ranks 1–255 and were treated as no answer` });
    const labels = plan.items.map((item, c) => item || plan.columnNames[c]);
    const question: Question = { ...base(plan, countBits(answered)), kind: 'ranking', options: toOptions(labels, plan), ranks, answered, maxRank, layout: 'columns' };
    return { question, issues };
  }
  // An ordered list in one cell: position in the list is the rank.
  const column = plan.columns[0];
  const listOf = perValue(column, (cell) => (plan.isMissing(cell) ? [] : cell.split(plan.separator).map((t) => t.trim()).filter(Boolean)));
  const counts = new Map<string, number>();
  listOf.forEach((list, code) => {
    for (const item of list) counts.set(item, (counts.get(item) ?? 0) + column.counts[code]);
  });
  const ordered = mergeOrder(plan.order, counts);
  const indexOf = new Map(ordered.map((value, index) => [value, index]));
  const ranks = ordered.map(() => new Uint8Array(size));
  const positionsOf = listOf.map((list) => list.slice(0, 255).map((item) => indexOf.get(item)!));
  for (let i = 0; i < size; i++) {
    const items = positionsOf[column.codes[i]];
    if (items.length > 0) setBit(answered, i);
    items.forEach((item, position) => {
      if (ranks[item][i] === 0) ranks[item][i] = position + 1;
      if (position + 1 > maxRank) maxRank = position + 1;
    });
  }
  const question: Question = { ...base(plan, countBits(answered)), kind: 'ranking', options: toOptions(ordered, plan), ranks, answered, maxRank, layout: 'ordered-list' };
  return { question, issues };
}

function buildNumeric(plan: QuestionPlan): Built {
  const column = plan.columns[0];
  // Each distinct cell parsed once: NaN for no answer, and for text (counted, with an example).
  const parsed = Float64Array.from(perValue(column, (cell) => (!plan.isMissing(cell) && isNumberText(cell) ? Number(cell) : NaN)));
  const values = new Float64Array(column.codes.length);
  for (let i = 0; i < values.length; i++) values[i] = parsed[column.codes[i]];
  let answered = 0;
  let invalid = 0;
  let example = '';
  column.values.forEach((cell, code) => {
    if (!Number.isNaN(parsed[code])) answered += column.counts[code];
    else if (!plan.isMissing(cell)) {
      invalid += column.counts[code];
      if (column.counts[code] > 0) example ||= cell;
    }
  });
  const issues: IngestIssue[] =
    invalid > 0 ? [{ severity: 'warning', message: `${plan.id}: ${invalid} answers are not numbers (for example "${example.slice(0, 40)}") and count as no answer` }] : [];
  return { question: { ...base(plan, answered), kind: 'numeric', values }, issues };
}

function buildStrings(plan: QuestionPlan, kind: 'text' | 'meta'): Built {
  const column = plan.columns[0];
  const shown = perValue(column, (cell) => (plan.isMissing(cell) ? '' : cell));
  const values = Array.from(column.codes, (code) => shown[code]);
  const answered = column.values.reduce((n, value, code) => n + (shown[code] === '' ? 0 : column.counts[code]), 0);
  return { question: { ...base(plan, answered), kind, values }, issues: [] };
}

/** Plan → columnar question. Kinds that need one column get the first; grouping happened before. */
export function buildQuestion(plan: QuestionPlan): Built {
  switch (plan.kind) {
    case 'single':
    case 'likert':
      return buildChoice(plan, plan.kind);
    case 'multi':
      return buildMulti(plan);
    case 'ranking':
      return buildRanking(plan);
    case 'numeric':
      return buildNumeric(plan);
    case 'text':
    case 'meta':
      return buildStrings(plan, plan.kind);
  }
}
