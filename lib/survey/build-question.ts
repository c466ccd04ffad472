import type { IngestIssue, Option, Question, QuestionKind } from './types';
import { createBitset, countBits, setBit } from './bitset';
import { isNumberText } from './profile-column';
import { matchLikertScale, isOffScale } from './likert-scales';
import { mergeOrder } from './order-options';

/** Everything needed to turn a question's columns into typed arrays. */
export interface QuestionPlan {
  id: string;
  label: string;
  text?: string;
  group?: string;
  kind: QuestionKind;
  /** Header names of the columns, in file order. */
  columnNames: string[];
  /** Cleaned cell values per column (outer) per respondent (inner). */
  columns: string[][];
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

function countValues(values: readonly string[], isMissing: (value: string) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (!isMissing(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
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
  const values = plan.columns[0];
  const counts = countValues(values, plan.isMissing);
  const scale = kind === 'likert' && !plan.order ? matchLikertScale([...counts.keys()]) : undefined;
  const ordered = scale ? [...scale.ordered, ...scale.offScale] : mergeOrder(plan.order, counts);
  if (ordered.length > 65_535) throw new Error(`${plan.id}: too many distinct answers for a choice question`);
  const codeOf = new Map(ordered.map((value, index) => [value, index + 1]));
  const codes = new Uint16Array(values.length);
  let answered = 0;
  for (let i = 0; i < values.length; i++) {
    const code = codeOf.get(values[i]);
    if (code !== undefined) {
      codes[i] = code;
      answered++;
    }
  }
  const options = toOptions(ordered, plan);
  const question: Question =
    kind === 'single'
      ? { ...base(plan, answered), kind, options, codes }
      : { ...base(plan, answered), kind, options, codes, offScale: ordered.filter(isOffScale) };
  return { question, issues: [] };
}

function buildMulti(plan: QuestionPlan): Built {
  const size = plan.columns[0]?.length ?? 0;
  const answered = createBitset(size);
  if (plan.columns.length > 1) {
    // One column per option: any non-blank cell means "chosen"; the option is the column's item.
    const labels = plan.columns.map((column, c) => plan.items[c] || [...countValues(column, plan.isMissing).keys()][0] || plan.columnNames[c]);
    const members = plan.columns.map((column) => {
      const bits = createBitset(size);
      column.forEach((value, i) => {
        if (!plan.isMissing(value)) {
          setBit(bits, i);
          setBit(answered, i);
        }
      });
      return bits;
    });
    const question: Question = { ...base(plan, countBits(answered)), kind: 'multi', options: toOptions(labels, plan), members, answered, layout: 'columns' };
    return { question, issues: [] };
  }
  // Answer combinations repeat a lot, so each distinct cell is split once.
  const cells = plan.columns[0];
  const splitCache = new Map<string, string[]>();
  const counts = new Map<string, number>();
  const tokensOf = (cell: string): string[] => {
    let tokens = splitCache.get(cell);
    if (!tokens) {
      tokens = plan.isMissing(cell) ? [] : [...new Set(cell.split(plan.separator).map((t) => t.trim()).filter(Boolean))];
      splitCache.set(cell, tokens);
    }
    return tokens;
  };
  for (const cell of cells) for (const token of tokensOf(cell)) counts.set(token, (counts.get(token) ?? 0) + 1);
  const ordered = mergeOrder(plan.order, counts);
  const indexOf = new Map(ordered.map((value, index) => [value, index]));
  const members = ordered.map(() => createBitset(size));
  const indexesOf = new Map([...splitCache].map(([cell, tokens]) => [cell, tokens.map((token) => indexOf.get(token)!)]));
  cells.forEach((cell, i) => {
    const indexes = indexesOf.get(cell)!;
    if (indexes.length > 0) setBit(answered, i);
    for (const index of indexes) setBit(members[index], i);
  });
  const question: Question = { ...base(plan, countBits(answered)), kind: 'multi', options: toOptions(ordered, plan), members, answered, layout: 'joined' };
  return { question, issues: [] };
}

function buildRanking(plan: QuestionPlan): Built {
  const size = plan.columns[0]?.length ?? 0;
  const answered = createBitset(size);
  const issues: IngestIssue[] = [];
  let maxRank = 0;
  let invalid = 0;
  if (plan.columns.length > 1) {
    const ranks = plan.columns.map((column) => {
      const out = new Uint8Array(size);
      column.forEach((value, i) => {
        if (plan.isMissing(value)) return;
        const rank = Number(value);
        if (Number.isInteger(rank) && rank >= 1 && rank <= 255) {
          out[i] = rank;
          setBit(answered, i);
          maxRank = Math.max(maxRank, rank);
        } else invalid++;
      });
      return out;
    });
    if (invalid > 0) issues.push({ severity: 'warning', message: `${plan.id}: ${invalid} cells are not ranks 1–255 and were treated as no answer` });
    const labels = plan.items.map((item, c) => item || plan.columnNames[c]);
    const question: Question = { ...base(plan, countBits(answered)), kind: 'ranking', options: toOptions(labels, plan), ranks, answered, maxRank, layout: 'columns' };
    return { question, issues };
  }
  // An ordered list in one cell: position in the list is the rank.
  const lists = plan.columns[0].map((cell) => (plan.isMissing(cell) ? [] : cell.split(plan.separator).map((t) => t.trim()).filter(Boolean)));
  const counts = new Map<string, number>();
  for (const list of lists) for (const item of list) counts.set(item, (counts.get(item) ?? 0) + 1);
  const ordered = mergeOrder(plan.order, counts);
  const indexOf = new Map(ordered.map((value, index) => [value, index]));
  const ranks = ordered.map(() => new Uint8Array(size));
  lists.forEach((list, i) => {
    if (list.length > 0) setBit(answered, i);
    list.slice(0, 255).forEach((item, position) => {
      const r = ranks[indexOf.get(item)!];
      if (r[i] === 0) r[i] = position + 1;
      maxRank = Math.max(maxRank, position + 1);
    });
  });
  const question: Question = { ...base(plan, countBits(answered)), kind: 'ranking', options: toOptions(ordered, plan), ranks, answered, maxRank, layout: 'ordered-list' };
  return { question, issues };
}

function buildNumeric(plan: QuestionPlan): Built {
  const cells = plan.columns[0];
  const values = new Float64Array(cells.length);
  let answered = 0;
  let invalid = 0;
  let example = '';
  cells.forEach((cell, i) => {
    if (plan.isMissing(cell)) values[i] = NaN;
    else if (isNumberText(cell)) {
      values[i] = Number(cell);
      answered++;
    } else {
      values[i] = NaN;
      invalid++;
      example ||= cell;
    }
  });
  const issues: IngestIssue[] =
    invalid > 0 ? [{ severity: 'warning', message: `${plan.id}: ${invalid} answers are not numbers (for example "${example.slice(0, 40)}") and count as no answer` }] : [];
  return { question: { ...base(plan, answered), kind: 'numeric', values }, issues };
}

function buildStrings(plan: QuestionPlan, kind: 'text' | 'meta'): Built {
  const values = plan.columns[0].map((cell) => (plan.isMissing(cell) ? '' : cell));
  const answered = values.reduce((n, value) => n + (value === '' ? 0 : 1), 0);
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
