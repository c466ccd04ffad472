/**
 * Long lists of distinct answers come in three shapes: a long list of real options (countries:
 * most of them chosen by several people), free text (job titles, "in your own words": most
 * answers typed once, no short list covers them), and a short list of options plus typed-in
 * "Other" answers (Google Forms writes the typed text in place of the option). Only the last is
 * folded: its listed options are charted, the typed answers count as one option, "Other
 * (written in)", and stay readable as text.
 */

export const WRITTEN_IN = 'Other (written in)';

export interface WriteIns {
  /** Answers that are options; every other answer is written in. */
  listed: Set<string>;
  /** Respondents who wrote an answer in. */
  written: number;
}

export type LongTail = { kind: 'single'; reason: string; writeIns?: WriteIns } | { kind: 'text'; reason: string };

/** A listed option is chosen by at least this many respondents (and 1% of those answering). */
const MIN_LISTED = 3;
const MAX_LISTED = 30;
/** The listed options must cover this share of answers for the rest to be write-ins. */
const MIN_COVERED = 0.8;

const format = (n: number) => n.toLocaleString('en-US');

/** Decides what a column with more than 30 distinct answers (value → respondents) is. */
export function classifyLongTail(cells: ReadonlyMap<string, number>, answered: number): LongTail {
  const distinct = cells.size;
  let once = 0;
  for (const times of cells.values()) if (times === 1) once++;
  const mostlyRepeated = once < 0.5 * distinct && distinct <= 0.5 * answered;
  if (mostlyRepeated) return { kind: 'single', reason: `single: ${format(distinct)} distinct answers, most chosen by several respondents` };
  const floor = Math.max(MIN_LISTED, 0.01 * answered);
  const listed = new Set([...cells].filter(([, times]) => times >= floor).map(([value]) => value));
  let covered = 0;
  for (const value of listed) covered += cells.get(value)!;
  if (listed.size >= 2 && listed.size <= MAX_LISTED && covered >= MIN_COVERED * answered) {
    const written = answered - covered;
    return {
      kind: 'single',
      reason: `single with write-ins: ${listed.size} options cover ${format(covered)} of ${format(answered)} answers; the other ${format(distinct - listed.size)} distinct answers (${format(written)} respondents) are typed in and count as "${WRITTEN_IN}"`,
      writeIns: { listed, written },
    };
  }
  return {
    kind: 'text',
    reason: `text: ${format(distinct)} distinct answers in ${format(answered)}, ${format(once)} given once; no short list of options covers most of them`,
  };
}
