import { WRITTEN_IN } from './write-ins';

/**
 * Multi-select answers joined into one cell: `Array;DataFrame` (a tool's export), `Python 2,
 * Python 3` (a Google Sheet's checkboxes), `a|b`. The separator cannot simply be split on,
 * because option labels contain it ("HPC resource manager (SLURM, PBS, SGE, LSF or similar)",
 * "R Command Line (i.e., the native R terminal interface)"). So the option vocabulary is
 * recovered from the data: parts that always travel together, in the same order, are one
 * label, and so are parts inside unclosed brackets; a single-choice question whose labels hold
 * the separator ("Yes, definitely" / "Yes, probably") is told apart because its parts never
 * stand alone, while the options of a real multi-select are each somebody's only answer.
 */

/** Separators tried, most specific first: a `;` in an answer is rarely prose, a `,` often is. */
export const JOINED_SEPARATORS = [';', '|', ', ', ','] as const;

/** Parts written by a single respondent, in a list answered by this many or more, are typed-in "Other" answers. */
const WRITE_INS_FROM = 50;

export interface JoinedSplit {
  separator: string;
  /** Per answered value: its options, in the order written, each once. */
  tokensOf: Map<string, string[]>;
  /** Respondents per option. */
  optionCounts: Map<string, number>;
  /** Respondents whose answer holds two options or more. */
  combined: number;
  /** Per answered value holding any, the parts typed in ("Other: …") by one respondent each, counted as the option `Other (written in)`. */
  writtenIn: Map<string, string[]>;
  answered: number;
  reason: string;
}

/** At most this many listed options once typed-in parts are set aside; at most MAX_PARTS parts before. */
const MAX_OPTIONS = 300;
const MAX_PARTS = 5000;

function openBrackets(text: string): number {
  let depth = 0;
  for (const char of text) {
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
  }
  return depth;
}

/**
 * A comma between a digit and three more is a thousands separator ("> 1,000", "$50,000",
 * "1,000,000"), never a separator of answers; "1-10,11-100" still splits (two digits follow).
 */
const COMMA_OUTSIDE_NUMBERS = /,(?<!\d,(?=\d{3}(?!\d)))/;

function naiveParts(cell: string, separator: string): string[] {
  return cell
    .split(separator === ',' ? COMMA_OUTSIDE_NUMBERS : separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Parts joined back while a bracket is open: "(SLURM, PBS, SGE, LSF or similar)" is one label. */
function closeBrackets(parts: string[], separator: string): string[] {
  const out: string[] = [];
  let open = '';
  for (const part of parts) {
    const joined = open === '' ? part : `${open}${separator}${part}`;
    if (openBrackets(joined) > 0) open = joined;
    else {
      out.push(joined);
      open = '';
    }
  }
  if (open !== '') out.push(open);
  return out;
}

/**
 * Parts that are pieces of one label: "R Command Line (i.e." is always followed by "the native
 * R terminal interface)", and "but planning one" (of "No, but planning one") never stands alone
 * and always follows "No". A pair is joined when one side never appears without the other, in
 * that order, and never stands alone. Counted over respondents: two identical typed-in answers
 * prove nothing, so pieces need three sightings, a clause that goes on ("and …", "but …") two.
 */
/** How the rest of a sentence starts after a comma: typed-in answers ("power bi") do not. */
const CONTINUATION = /^(and|or|but|nor|not|so|yet|etc|e\.g\.|i\.e\.|including|such as|which|who|with|without|then|because|if|as|in|of|to|for|from|by|at|on)\b/;

function alwaysTogether(cells: ReadonlyMap<string, number>, partsOf: Map<string, string[]>): Map<string, Set<string>> {
  const partCount = new Map<string, number>();
  const aloneCount = new Map<string, number>();
  const pairCount = new Map<string, number>();
  for (const [cell, times] of cells) {
    const parts = partsOf.get(cell)!;
    if (parts.length === 1) aloneCount.set(parts[0], (aloneCount.get(parts[0]) ?? 0) + times);
    parts.forEach((part, k) => {
      partCount.set(part, (partCount.get(part) ?? 0) + times);
      if (k > 0) {
        const key = `${parts[k - 1]}\u0000${part}`;
        pairCount.set(key, (pairCount.get(key) ?? 0) + times);
      }
    });
  }
  const next = new Map<string, Set<string>>();
  const bound = (part: string, times: number) => partCount.get(part) === times && !aloneCount.has(part);
  for (const [key, times] of pairCount) {
    const [left, right] = key.split('\u0000');
    // Two pieces never seen apart, or a clause that goes on ("No, but planning one", "…, and regularly watch their content").
    const joined = bound(left, times) && bound(right, times);
    const continued = CONTINUATION.test(right) && bound(right, times);
    if ((joined && times >= 3) || (continued && times >= 2)) next.set(left, (next.get(left) ?? new Set()).add(right));
  }
  return next;
}

function mergeTogether(parts: string[], next: Map<string, Set<string>>, separator: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    let label = parts[k];
    while (k + 1 < parts.length && next.get(parts[k])?.has(parts[k + 1])) {
      label = `${label}${separator}${parts[k + 1]}`;
      k++;
    }
    out.push(label);
  }
  return out;
}

/**
 * Respondents who must combine options for a list to be multi-select. Stack Overflow's Gender is
 * `;`-joined and under 1% combine; a comma is also prose, so a few combined answers prove less.
 */
function minimumCombined(separator: string, answered: number): number {
  return separator === ';' || separator === '|' ? Math.max(2, 0.005 * answered) : Math.max(3, 0.02 * answered);
}

/**
 * Typed-in parts that differ only in case ("Spatial analysis", "spatial analysis", "STATA",
 * "Stata") are one option, spelt as most respondents spelt it.
 */
function foldCase(tokensOf: Map<string, string[]>, cells: ReadonlyMap<string, number>): void {
  const spellings = new Map<string, Map<string, number>>();
  for (const [cell, tokens] of tokensOf) {
    for (const token of tokens) {
      const key = token.toLowerCase();
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(token, (counts.get(token) ?? 0) + cells.get(cell)!);
      spellings.set(key, counts);
    }
  }
  const canonical = new Map<string, string>();
  for (const counts of spellings.values()) {
    if (counts.size < 2) continue;
    const best = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    for (const token of counts.keys()) canonical.set(token, best);
  }
  if (canonical.size === 0) return;
  for (const [cell, tokens] of tokensOf) tokensOf.set(cell, [...new Set(tokens.map((token) => canonical.get(token) ?? token))]);
}

function trySeparator(cells: ReadonlyMap<string, number>, answered: number, separator: string): JoinedSplit | undefined {
  let holding = 0;
  for (const [cell, times] of cells) if (cell.includes(separator)) holding += times;
  if (holding < Math.max(2, 0.005 * answered)) return undefined;
  const partsOf = new Map<string, string[]>();
  for (const cell of cells.keys()) partsOf.set(cell, closeBrackets(naiveParts(cell, separator), separator));
  const next = alwaysTogether(cells, partsOf);
  const tokensOf = new Map<string, string[]>();
  const optionCounts = new Map<string, number>();
  const alone = new Set<string>();
  let combined = 0;
  let occurrences = 0;
  for (const cell of cells.keys()) tokensOf.set(cell, [...new Set(mergeTogether(partsOf.get(cell)!, next, separator))]);
  foldCase(tokensOf, cells);
  for (const [cell, times] of cells) {
    const tokens = tokensOf.get(cell)!;
    if (tokens.length === 1) alone.add(tokens[0]);
    if (tokens.length >= 2) combined += times;
    for (const token of tokens) {
      optionCounts.set(token, (optionCounts.get(token) ?? 0) + times);
      occurrences += times;
    }
    // Prose split at its commas: give up early, long before anything is counted twice.
    if (optionCounts.size > MAX_PARTS) return undefined;
  }
  if (combined < minimumCombined(separator, answered)) return undefined;
  // Options recur; the parts of prose split at its commas do not.
  let recurring = 0;
  let standing = 0;
  for (const [token, times] of optionCounts) {
    if (times >= 2) recurring += times;
    if (alone.has(token)) standing += times;
  }
  if (recurring < 0.5 * occurrences) return undefined;
  // A comma is also punctuation: most of what is chosen must be some respondent's only answer, or
  // the parts must come in one order (a form writes ticked boxes in its own order; prose does not).
  const ordered = separator !== ';' && separator !== '|' && standing < 0.5 * occurrences ? inFormOrder(tokensOf, cells) : undefined;
  if (separator !== ';' && separator !== '|' && standing < 0.5 * occurrences && !ordered) return undefined;
  const typed = new Set(answered >= WRITE_INS_FROM ? [...optionCounts].filter(([, times]) => times === 1).map(([token]) => token) : []);
  const writtenIn = typed.size >= 2 ? foldWrittenIn(tokensOf, optionCounts, typed, cells) : new Map<string, string[]>();
  if (writtenIn.size > 0) {
    // When a quarter of respondents typed their own parts, the question asked for text ("which packages could you not live without?").
    if ((optionCounts.get(WRITTEN_IN) ?? 0) > 0.25 * answered) return undefined;
    // Typed-in prose with commas in it combines nothing: only answers holding two listed options count.
    combined = 0;
    for (const [cell, tokens] of tokensOf) if (tokens.filter((token) => token !== WRITTEN_IN).length >= 2) combined += cells.get(cell)!;
    if (combined < minimumCombined(separator, answered)) return undefined;
  }
  if (optionCounts.size > MAX_OPTIONS) return undefined;
  const shown = separator === ', ' ? "', '" : `'${separator}'`;
  const folded = writtenIn.size > 0 ? `; ${typed.size} parts typed by one respondent each count as "${WRITTEN_IN}"` : '';
  const order = ordered ? `; options seldom stand alone, but ${ordered} pairs of them always come in one order, as a form lists its boxes` : '';
  return {
    separator,
    tokensOf,
    optionCounts,
    combined,
    writtenIn,
    answered,
    reason: `multi: ${combined.toLocaleString('en-US')} of ${answered.toLocaleString('en-US')} answers hold ${shown}-joined parts from a vocabulary of ${optionCounts.size}${folded}${order}`,
  };
}

/**
 * Checkbox answers a form joined: every respondent's ticked options in the form's order, so two
 * options seen together always come in the same order. Returns how many pairs were seen (five or
 * more, with a few dozen sightings, none in the other order but for 2%), or undefined: a list
 * whose options rarely stand alone (respondents tick many, or the options are rare) is still one.
 */
function inFormOrder(tokensOf: ReadonlyMap<string, string[]>, cells: ReadonlyMap<string, number>): number | undefined {
  const seen = new Map<string, number>();
  for (const [cell, tokens] of tokensOf) {
    const times = cells.get(cell) ?? 0;
    for (let i = 0; i < tokens.length; i++)
      for (let j = i + 1; j < tokens.length; j++) seen.set(`${tokens[i]}\u0000${tokens[j]}`, (seen.get(`${tokens[i]}\u0000${tokens[j]}`) ?? 0) + times);
  }
  let sightings = 0;
  let against = 0;
  const pairs = new Set<string>();
  for (const [key, times] of seen) {
    const [a, b] = key.split('\u0000');
    const reverse = seen.get(`${b}\u0000${a}`) ?? 0;
    sightings += times;
    if (times <= reverse) against += times;
    pairs.add(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  }
  return pairs.size >= 5 && sightings >= 30 && against <= 0.02 * sightings ? pairs.size : undefined;
}

function foldWrittenIn(
  tokensOf: Map<string, string[]>,
  optionCounts: Map<string, number>,
  typed: Set<string>,
  cells: ReadonlyMap<string, number>,
): Map<string, string[]> {
  for (const token of typed) optionCounts.delete(token);
  const writtenIn = new Map<string, string[]>();
  let writers = 0;
  for (const [cell, tokens] of tokensOf) {
    const written = tokens.filter((token) => typed.has(token));
    if (written.length === 0) continue;
    writtenIn.set(cell, written);
    writers += cells.get(cell)!;
    tokensOf.set(cell, [...tokens.filter((token) => !typed.has(token)), WRITTEN_IN]);
  }
  optionCounts.set(WRITTEN_IN, writers);
  return writtenIn;
}

/**
 * The joined multi-select reading of a column's distinct answers (value → respondents), with
 * the first separator that gives one, or undefined when the column is not a joined list.
 * `separator` (from a codebook) is the only one tried when given.
 */
export function splitJoined(cells: ReadonlyMap<string, number>, answered: number, separator?: string): JoinedSplit | undefined {
  for (const candidate of separator ? [separator] : JOINED_SEPARATORS) {
    const split = trySeparator(cells, answered, candidate);
    if (split) return split;
  }
  return undefined;
}

/** The options of one joined cell under a known separator, with no vocabulary learnt (codebook-declared questions). */
export function splitCell(cell: string, separator: string): string[] {
  return [...new Set(closeBrackets(naiveParts(cell, separator), separator))];
}
