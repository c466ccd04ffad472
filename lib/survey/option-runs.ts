import type { ColumnRun, RunColumn } from './find-column-runs';
import { answeredFlags } from './column-encoder';

/** A column that holds what people typed beside a list: Typeform and SurveyMonkey head it "Other". */
const OTHER_HEADER = /^other\b/i;
/** Excel's names for the columns of a table it was given without headers. */
const EXCEL_DEFAULT = /^Column\d+$/;
/** An answer that says "none of these": it closes its question's list ("Nope, not scanning images (yet)"). */
const NONE_LIKE = /^(nope|none|no\b|not\b|i don.?t|i do not|i.?m not|i am not|n\/a)/i;
/** Respondents needed before "everyone ticked something on both sides" says anything. */
const MIN_TO_SPLIT = 20;

type Role = 'labelled' | 'empty' | 'other' | 'plain';

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** A column whose every answer is its own header (an option ticked), nobody's answer, or typed "Other" text. */
function roleOf(column: RunColumn): Role {
  const { cells, header } = column;
  const [only] = cells.keys();
  if (cells.size === 1 && fold(only) === fold(header.name)) return 'labelled';
  if (OTHER_HEADER.test(header.name)) return 'other';
  return cells.size === 0 ? 'empty' : 'plain';
}

/** Per respondent, whether the column holds an answer. */
function ticks(column: RunColumn, isMissing: (value: string) => boolean): Uint8Array {
  return answeredFlags(column.encoded, isMissing);
}

/**
 * Two questions can sit side by side with no "Other" column between them (Typeform: a list
 * ending "Nope, not managing policies (yet)", then the next list). A run is cut after a "none"
 * answer when nearly everyone who answered it ticked something on both sides: two questions
 * each answered, not one list where most tick a few.
 */
function splitAfterNone(part: number[], columns: RunColumn[], isMissing: (value: string) => boolean): { parts: number[][]; why: string[] } {
  const rows = part.map((position) => ticks(columns[position], isMissing));
  const size = rows[0]?.length ?? 0;
  for (let k = 1; k < part.length - 1; k++) {
    if (!NONE_LIKE.test(columns[part[k - 1]].header.name)) continue;
    let any = 0;
    let both = 0;
    for (let i = 0; i < size; i++) {
      const left = rows.slice(0, k).some((row) => row[i] === 1);
      const right = rows.slice(k).some((row) => row[i] === 1);
      if (left || right) any++;
      if (left && right) both++;
    }
    if (any < MIN_TO_SPLIT || both < 0.9 * any) continue;
    const rest = splitAfterNone(part.slice(k), columns, isMissing);
    const why = `cut after “${columns[part[k - 1]].header.name}”: a "none" answer ends a list, and ${both} of ${any} respondents ticked something on both sides`;
    return { parts: [part.slice(0, k), ...rest.parts], why: [why, ...rest.why] };
  }
  return { parts: [part], why: [] };
}

function untitledLabel(items: string[]): string {
  return `${items.slice(0, 3).join(' / ')}${items.length > 3 ? ' / …' : ''}`;
}

/**
 * Typeform's lists: neighbouring columns each holding only its own header, or nothing (an option
 * nobody chose), closed by an "Other" column of typed text when there is one.
 */
function selfLabelledRuns(columns: RunColumn[], isMissing: (value: string) => boolean): ColumnRun[] {
  const roles = columns.map(roleOf);
  const inList = (p: number) => columns[p].loose && (roles[p] === 'labelled' || roles[p] === 'empty');
  const runs: ColumnRun[] = [];
  let i = 0;
  while (i < columns.length) {
    if (!inList(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < columns.length && inList(j)) j++;
    // Options nobody chose belong to the list only inside it, or right after the list before it ended.
    let a = i;
    if (!(i > 0 && roles[i - 1] === 'other')) while (a < j && roles[a] === 'empty') a++;
    const closed = j < columns.length && columns[j].loose && roles[j] === 'other';
    let b = j;
    if (!closed) while (b > a && roles[b - 1] === 'empty') b--;
    const part = Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
    if (part.filter((p) => roles[p] === 'labelled').length >= 2) {
      const { parts, why } = splitAfterNone(part, columns, isMissing);
      parts.forEach((positions, n) => {
        const withOther = closed && n === parts.length - 1 ? [...positions, j] : positions;
        const items = withOther.map((p) => columns[p].header.name);
        runs.push({
          positions: withOther,
          label: untitledLabel(positions.map((p) => columns[p].header.name)),
          items,
          codes: withOther.map(() => ''),
          typed: closed && n === parts.length - 1 ? [withOther.length - 1] : [],
          stemless: false,
          untitled: true,
          evidence: `grouped although their headers share no stem: each column's answers are its own header (Typeform)${why.length > 0 ? `; ${why.join('; ')}` : ''}`,
        });
      });
    }
    i = closed ? j + 1 : j;
  }
  return runs;
}

/**
 * A hand-flattened export whose option columns lost their names to Excel (`Column2`…): a named
 * column holding one answer, then `ColumnN` columns holding one answer each; a last `ColumnN`
 * holding many different answers is the list's typed "Other".
 */
function excelDefaultRuns(columns: RunColumn[], taken: Set<number>): ColumnRun[] {
  const runs: ColumnRun[] = [];
  const free = (p: number) => columns[p].loose && !taken.has(p);
  for (let i = 0; i < columns.length - 1; i++) {
    if (!free(i) || EXCEL_DEFAULT.test(columns[i].header.name) || columns[i].cells.size !== 1 || !EXCEL_DEFAULT.test(columns[i + 1].header.name)) continue;
    const positions = [i];
    let typed = false;
    for (let p = i + 1; p < columns.length && free(p) && EXCEL_DEFAULT.test(columns[p].header.name) && !typed; p++) {
      positions.push(p);
      typed = columns[p].cells.size > 1;
    }
    if (positions.length - (typed ? 1 : 0) < 2) continue;
    runs.push({
      positions,
      label: columns[i].header.name,
      items: positions.map(() => ''),
      codes: positions.map(() => ''),
      typed: typed ? [positions.length - 1] : [],
      stemless: false,
      untitled: false,
      evidence: `grouped although their headers share no stem: “${columns[i].header.name}” is followed by Excel's default column names (${columns[i + 1].header.name}…), each column holding one answer`,
    });
    i = positions.at(-1)!;
  }
  return runs;
}

/** Lists written one column per option whose headers do not say they belong together. */
export function optionRuns(columns: RunColumn[], isMissing: (value: string) => boolean): ColumnRun[] {
  const labelled = selfLabelledRuns(columns, isMissing);
  const taken = new Set(labelled.flatMap((run) => run.positions));
  return [...labelled, ...excelDefaultRuns(columns, taken)];
}
