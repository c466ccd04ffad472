import type { Option, Question, QuestionKind } from './types';
import type { IngestIssue } from '../csv/ingest-issue';
import { createBitset, countBits, setBit } from './bitset';
import { isNumberText } from './profile-column';
import { matchLikertScale, isOffScale } from './likert-scales';
import { mergeOrder } from './order-options';
import { dictionaryOf, forEachCleanCell, isPacked, type EncodedColumn, type IngestedColumn, type PackedColumn } from './column-encoder';
import type { NumericScale } from './numeric-scale';
import { splitCell } from './split-joined';
import { WRITTEN_IN, type WriteIns } from './write-ins';
import { createOptionFold } from './fold-options';

/** Everything needed to turn a question's columns into typed arrays. */
export interface QuestionPlan {
  id: string;
  label: string;
  text?: string;
  group?: string;
  /** Id of the grid this question is a row of. */
  grid?: string;
  kind: QuestionKind;
  /** Why inference chose the kind. */
  reason?: string;
  /** Why the answers look like personal data. */
  personal?: string;
  /** Header names of the columns, in file order. */
  columnNames: string[];
  /** 0-based file positions of the columns. */
  columnIndexes: number[];
  /** The question's columns: dictionary-encoded (cleaned values, a code per respondent), or packed when answers hardly repeat. */
  columns: IngestedColumn[];
  /** Option or item label per column, for one-column-per-option questions. */
  items: string[];
  separator: string;
  isMissing: (value: string) => boolean;
  /** Codebook option order and labels. */
  order?: string[];
  optionLabels?: Map<string, string>;
  /** Codebook option aliases: an older wording → the option's value (folded when the file is read). */
  aliases?: Map<string, string>;
  /** Labels the column itself explains (yes/no coded 1/0); the codebook's win. */
  inferredLabels?: Map<string, string>;
  excludedFromBase?: Set<string>;
  /** A rating scale written as numbers: option order, labels and scores. */
  scale?: NumericScale;
  /** A joined multi-select's options per answered value (learnt from the data); else cells are split on `separator`. */
  tokensOf?: Map<string, string[]>;
  /** One column per option: whether a cell means "chosen" (a label, `1`, `Yes`); other answers ("No", "0") mean "not chosen". */
  chosen?: (value: string) => boolean;
  /** A single choice with typed-in answers: those count as one option, `Other (written in)`. */
  writeIns?: WriteIns;
  /** A text question showing part of each cell: the typed-in answers beside a single or multiple choice. */
  shownAs?: (cell: string) => string;
  /** Ranking columns are rank positions holding items (LimeSurvey `[Rank 1]`), not items holding ranks. */
  rankColumns?: boolean;
  /** No question text in the file: the label lists options (see Question.untitled). */
  untitled?: boolean;
}

/** A plan whose columns are all dictionaries: what the choice, list and ranking builders read. */
type DensePlan = Omit<QuestionPlan, 'columns'> & { columns: EncodedColumn[] };

interface Built {
  question: Question;
  issues: IngestIssue[];
}

function toOptions(values: readonly string[], plan: QuestionPlan): Option[] {
  return values.map((value) => {
    const option: Option = { value, label: plan.optionLabels?.get(value) ?? plan.inferredLabels?.get(value) ?? value };
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
    ...(plan.grid ? { grid: plan.grid } : {}),
    source: { columns: plan.columnNames, indexes: plan.columnIndexes },
    ...(plan.reason ? { reason: plan.reason } : {}),
    ...(plan.personal ? { personal: plan.personal } : {}),
    ...(plan.untitled ? { untitled: true } : {}),
    answeredCount,
  };
}

/**
 * A value's option: itself folded (a codebook alias, another spelling of the same answer), or
 * "Other (written in)" for a typed-in answer.
 */
function optionValueOf(plan: QuestionPlan, counts: ReadonlyMap<string, number>): { fold: (value: string) => string; optionOf: (value: string) => string } {
  const fold = createOptionFold(counts, plan.aliases, plan.order);
  const listed = plan.writeIns?.listed;
  return { fold, optionOf: listed ? (value) => (listed.has(value) ? fold(value) : WRITTEN_IN) : fold };
}

function choiceCounts(plan: QuestionPlan, optionOf: (value: string) => string, counts: ReadonlyMap<string, number>): Map<string, number> {
  const folded = new Map<string, number>();
  for (const [value, times] of counts) folded.set(optionOf(value), (folded.get(optionOf(value)) ?? 0) + times);
  return folded;
}

/** Option values in order: the numeric scale's, a known Likert scale's, or the codebook's then the default. */
function choiceOrder(plan: QuestionPlan, kind: 'single' | 'likert', counts: Map<string, number>): string[] {
  if (plan.order) return mergeOrder(plan.order, counts);
  if (plan.scale) {
    const points = plan.scale.points.map((point) => point.value);
    return mergeOrder(points, counts);
  }
  const scale = kind === 'likert' ? matchLikertScale([...counts.keys()]) : undefined;
  return scale ? [...scale.ordered, ...scale.offScale] : mergeOrder(undefined, counts);
}

function buildChoice(plan: DensePlan, kind: 'single' | 'likert'): Built {
  const column = plan.columns[0];
  const written = countValues(column, plan.isMissing);
  const { fold, optionOf } = optionValueOf(plan, written);
  const counts = choiceCounts(plan, optionOf, written);
  // A listed order may name one option in two spellings (a grid's shared scale): it is listed once.
  const ordered = [...new Set(choiceOrder(plan, kind, counts).map((value) => (value === WRITTEN_IN ? value : fold(value))))];
  if (ordered.length > 65_535) throw new Error(`${plan.id}: too many distinct answers for a choice question`);
  const codeOf = new Map(ordered.map((value, index) => [value, index + 1]));
  // Each distinct value's option code once; then one array lookup per respondent.
  const optionCode = Uint16Array.from(perValue(column, (value) => (plan.isMissing(value) ? 0 : (codeOf.get(optionOf(value)) ?? 0))));
  const codes = new Uint16Array(column.codes.length);
  let answered = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = optionCode[column.codes[i]];
    codes[i] = code;
    if (code !== 0) answered++;
  }
  const options = toOptions(ordered, plan);
  if (kind === 'single') return { question: { ...base(plan, answered), kind, options, codes }, issues: [] };
  const pointOf = new Map(plan.scale?.points.map((point) => [point.value, point]) ?? []);
  if (!plan.scale) return { question: { ...base(plan, answered), kind, options, codes, offScale: ordered.filter(isOffScale) }, issues: [] };
  // A numeric scale: "4.0" reads as 4, end-labelled points keep their words; off-scale answers have no score.
  for (const option of options) if (!plan.optionLabels?.has(option.value) && pointOf.has(option.value)) option.label = pointOf.get(option.value)!.label;
  const scores = options.map((option) => pointOf.get(option.value)?.score ?? NaN);
  const offScale = options.filter((_, k) => Number.isNaN(scores[k])).map((option) => option.value);
  const range = { min: plan.scale.min, max: plan.scale.max };
  const question: Question = {
    ...base(plan, answered),
    kind,
    options,
    codes,
    offScale,
    scores,
    range,
    ...(plan.scale.netPromoter ? { netPromoter: true } : {}),
  };
  return { question, issues: [] };
}

/** Respondents whose cell in the column is an answer (not blank, NA…), as a bitset. */
function answeredIn(column: EncodedColumn, isMissing: (value: string) => boolean): Uint32Array {
  const filled = perValue(column, (value) => !isMissing(value));
  const bits = createBitset(column.codes.length);
  for (let i = 0; i < column.codes.length; i++) if (filled[column.codes[i]]) setBit(bits, i);
  return bits;
}

/** Respondents whose cell in the column passes `test`, as a bitset. */
function matching(column: EncodedColumn, test: (value: string) => boolean): Uint32Array {
  const passes = perValue(column, test);
  const bits = createBitset(column.codes.length);
  for (let i = 0; i < column.codes.length; i++) if (passes[column.codes[i]]) setBit(bits, i);
  return bits;
}

/**
 * Option columns whose labels fold to one option (a codebook alias, another spelling of the
 * same label): one option, chosen by whoever ticked any of them.
 */
function mergeRenamedColumns(labels: string[], members: Uint32Array[], plan: DensePlan): { labels: string[]; members: Uint32Array[] } {
  const fold = createOptionFold(new Map(labels.map((label) => [label, 1])), plan.aliases, plan.order);
  const out = new Map<string, Uint32Array>();
  labels.forEach((label, c) => {
    const option = fold(label);
    const bits = out.get(option);
    if (!bits) out.set(option, members[c]);
    else
      out.set(
        option,
        bits.map((word, w) => word | members[c][w]),
      );
  });
  return { labels: [...out.keys()], members: [...out.values()] };
}

/**
 * Options of a cell the separator was not learnt from (a packed column's inference read a sample
 * of its cells): split on the separator; when the learnt list folded typed-in parts into
 * "Other (written in)", a part it never saw is typed in too.
 */
function splitUnseen(learnt: ReadonlyMap<string, string[]>, separator: string): (cell: string) => string[] {
  const known = new Set([...learnt.values()].flat());
  if (!known.has(WRITTEN_IN)) return (cell) => splitCell(cell, separator);
  return (cell) => [...new Set(splitCell(cell, separator).map((token) => (known.has(token) ? token : WRITTEN_IN)))];
}

function buildMulti(plan: DensePlan): Built {
  const size = plan.columns[0]?.codes.length ?? 0;
  const answered = createBitset(size);
  if (plan.columns.length > 1) {
    // One column per option: a chosen cell (any answer, or only `Yes`/`1` where `No`/`0` are written too) selects the column's item.
    const chosen = plan.chosen;
    const labels = plan.columns.map(
      (column, c) => plan.items[c] || [...countValues(column, plan.isMissing).keys()].find((value) => !chosen || chosen(value)) || plan.columnNames[c],
    );
    const members = plan.columns.map((column) => {
      const bits = answeredIn(column, plan.isMissing);
      for (let w = 0; w < bits.length; w++) answered[w] |= bits[w];
      return chosen ? matching(column, (value) => !plan.isMissing(value) && chosen(value)) : bits;
    });
    const merged = mergeRenamedColumns(labels, members, plan);
    const question: Question = {
      ...base(plan, countBits(answered)),
      kind: 'multi',
      options: toOptions(merged.labels, plan),
      members: merged.members,
      answered,
      layout: 'columns',
    };
    return { question, issues: [] };
  }
  // Each distinct cell (an answer combination) is split once; respondents are then bit-set by code.
  const column = plan.columns[0];
  const learnt = plan.tokensOf;
  const unseen = learnt ? splitUnseen(learnt, plan.separator) : (cell: string) => splitCell(cell, plan.separator);
  const split = perValue(column, (cell) => (plan.isMissing(cell) ? [] : (learnt?.get(cell) ?? unseen(cell))));
  const written = new Map<string, number>();
  split.forEach((tokens, code) => {
    for (const token of tokens) written.set(token, (written.get(token) ?? 0) + column.counts[code]);
  });
  const fold = createOptionFold(written, plan.aliases, plan.order);
  const tokensOf = split.map((tokens) => [...new Set(tokens.map(fold))]);
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
  const question: Question = {
    ...base(plan, countBits(answered)),
    kind: 'multi',
    options: toOptions(ordered, plan),
    members,
    answered,
    layout: 'joined',
    separator: plan.separator,
  };
  return { question, issues: [] };
}

/** Columns are rank positions (`[Rank 1]` … `[Rank 8]`) and each cell names the item at that rank. */
function buildRankColumns(plan: DensePlan): Built {
  const size = plan.columns[0]?.codes.length ?? 0;
  const answered = createBitset(size);
  const counts = new Map<string, number>();
  for (const column of plan.columns) for (const [value, times] of countValues(column, plan.isMissing)) counts.set(value, (counts.get(value) ?? 0) + times);
  const ordered = mergeOrder(plan.order, counts);
  const indexOf = new Map(ordered.map((value, index) => [value, index]));
  const ranks = ordered.map(() => new Uint8Array(size));
  let repeated = 0;
  let maxRank = 0;
  plan.columns.forEach((column, position) => {
    const itemOf = perValue(column, (value) => (plan.isMissing(value) ? -1 : (indexOf.get(value) ?? -1)));
    for (let i = 0; i < size; i++) {
      const item = itemOf[column.codes[i]];
      if (item < 0) continue;
      setBit(answered, i);
      // An item put at two ranks keeps the better one.
      if (ranks[item][i] === 0) ranks[item][i] = position + 1;
      else repeated++;
      if (position + 1 > maxRank) maxRank = position + 1;
    }
  });
  const issues: IngestIssue[] =
    repeated > 0 ? [{ severity: 'warning', message: `${plan.id}: ${repeated} answers put an item at a second rank; its first (best) rank is kept` }] : [];
  return {
    question: { ...base(plan, countBits(answered)), kind: 'ranking', options: toOptions(ordered, plan), ranks, answered, maxRank, layout: 'rank-columns' },
    issues,
  };
}

function buildRanking(plan: DensePlan): Built {
  if (plan.rankColumns) return buildRankColumns(plan);
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
    const question: Question = {
      ...base(plan, countBits(answered)),
      kind: 'ranking',
      options: toOptions(labels, plan),
      ranks,
      answered,
      maxRank,
      layout: 'columns',
    };
    return { question, issues };
  }
  // An ordered list in one cell: position in the list is the rank.
  const column = plan.columns[0];
  const listOf = perValue(column, (cell) =>
    plan.isMissing(cell)
      ? []
      : cell
          .split(plan.separator)
          .map((t) => t.trim())
          .filter(Boolean),
  );
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
  const question: Question = {
    ...base(plan, countBits(answered)),
    kind: 'ranking',
    options: toOptions(ordered, plan),
    ranks,
    answered,
    maxRank,
    layout: 'ordered-list',
  };
  return { question, issues };
}

function buildNumeric(plan: QuestionPlan): Built {
  const ingested = plan.columns[0];
  if (isPacked(ingested)) return buildPackedNumeric(plan, ingested);
  const column = ingested;
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
  return { question: { ...base(plan, answered), kind: 'numeric', values }, issues: notNumbers(plan, invalid, example) };
}

/** A numeric column whose values hardly repeat (amounts, weights, durations): each cell parsed as it is read back. */
function buildPackedNumeric(plan: QuestionPlan, column: PackedColumn): Built {
  const values = new Float64Array(column.packed.offsets.length - 1).fill(NaN);
  let answered = 0;
  let invalid = 0;
  let example = '';
  forEachCleanCell(column, (cell, i) => {
    if (plan.isMissing(cell)) return;
    if (!isNumberText(cell)) {
      invalid++;
      example ||= cell;
      return;
    }
    values[i] = Number(cell);
    answered++;
  });
  return { question: { ...base(plan, answered), kind: 'numeric', values }, issues: notNumbers(plan, invalid, example) };
}

function notNumbers(plan: QuestionPlan, invalid: number, example: string): IngestIssue[] {
  return invalid > 0
    ? [{ severity: 'warning', message: `${plan.id}: ${invalid} answers are not numbers (for example "${example.slice(0, 40)}") and count as no answer` }]
    : [];
}

function buildStrings(plan: QuestionPlan, kind: 'text' | 'meta'): Built {
  const ingested = plan.columns[0];
  const shownAs = plan.shownAs;
  if (isPacked(ingested)) {
    const values = new Array<string>(ingested.packed.offsets.length - 1);
    let answered = 0;
    forEachCleanCell(ingested, (cell, i) => {
      const shown = plan.isMissing(cell) ? '' : shownAs ? shownAs(cell) : cell;
      values[i] = shown;
      if (shown !== '') answered++;
    });
    return { question: { ...base(plan, answered), kind, values }, issues: [] };
  }
  const column = ingested;
  const shown = perValue(column, (cell) => (plan.isMissing(cell) ? '' : shownAs ? shownAs(cell) : cell));
  const values = Array.from(column.codes, (code) => shown[code]);
  const answered = column.values.reduce((n, value, code) => n + (shown[code] === '' ? 0 : column.counts[code]), 0);
  return { question: { ...base(plan, answered), kind, values }, issues: [] };
}

/** Plan → columnar question. Kinds that need one column get the first; grouping happened before. */
export function buildQuestion(plan: QuestionPlan): Built {
  // Choices, lists and rankings count every distinct answer: a packed column becomes a dictionary for them.
  const dense = (): DensePlan => ({ ...plan, columns: plan.columns.map(dictionaryOf) });
  switch (plan.kind) {
    case 'single':
    case 'likert':
      return buildChoice(dense(), plan.kind);
    case 'multi':
      return buildMulti(dense());
    case 'ranking':
      return buildRanking(dense());
    case 'numeric':
      return buildNumeric(plan);
    case 'text':
    case 'meta':
      return buildStrings(plan, plan.kind);
  }
}
