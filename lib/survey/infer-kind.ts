import { answeredCells, encodeValues, isPacked, type EncodedColumn, type IngestedColumn } from './column-encoder';
import { profileColumn, type ColumnProfile } from './profile-column';
import { matchLikertScale } from './likert-scales';
import { detectNumericScale, type NumericScale } from './numeric-scale';
import { splitJoined, type JoinedSplit } from './split-joined';
import { classifyLongTail, type WriteIns } from './write-ins';

export type ColumnKind = 'single' | 'likert' | 'multi' | 'numeric' | 'text' | 'meta';

/**
 * Names of columns a survey tool writes about a response rather than questions it asked:
 * SurveyMonkey, Qualtrics, Google Forms, Typeform (`#`, `Network ID`, `Start Date (UTC)`),
 * LimeSurvey (`id`, `submitdate`, `lastpage`, `startlanguage`, `seed`), SurveyGizmo, and the
 * index column pandas adds when it writes a file back (`Unnamed: 0`).
 */
const META_NAME =
  /^(#|respondent|response|respondent\s*id|response\s*_?id|id|identifier|serial\s*#?|sequence\s*#?|collector(\s*id)?|ip\s*address|ipaddress|ipaddr|start\s*_?date|end\s*_?date|(start|submit|end)\s*date\s*\(utc\)|network\s*id|date|timestamp|submitted(_at)?|submitdate|startdate|datestamp|lastpage|startlanguage|seed|refurl|recorded\s*_?date|date\s*submitted|time\s*started|duration.*|time from start.*|minutes|browser|email(\s*address)?|progress|finished|status|language|user\s*agent|referer|extended\s*referer|session\s*id|custom\s*data.*|unnamed:\s*0|row\s*number|.*_other_text|ประทับเวลา)$/i;

export function isMetaName(name: string): boolean {
  return META_NAME.test(name.trim());
}

/** What inference decided about one column, and why, in words a person can check. */
export interface ColumnInference {
  kind: ColumnKind;
  reason: string;
  /** A joined multi-select: its separator and each answer's options. */
  joined?: JoinedSplit;
  /** A rating scale written as numbers. */
  scale?: NumericScale;
  /** A single choice whose long tail is typed-in "Other" answers. */
  writeIns?: WriteIns;
  /** Labels for coded answers the column itself explains (`1`/`0` under a yes-or-no question), and their order. */
  labels?: { of: Map<string, string>; order: string[] };
}

/** A question asked for a yes or a no ("Are you using Kubernetes?"). */
const YES_NO_QUESTION = /^(are|is|do|does|did|have|has|had|can|could|will|would|should|was|were)\b[^?]*\?\s*$/i;

const format = (n: number) => n.toLocaleString('en-US');

/** Numbers only: an identifier, a flag, a scale or a quantity. */
function inferNumbers(names: readonly string[], profile: ColumnProfile, respondents: number, cells: ReadonlyMap<string, number>): ColumnInference {
  const { answered } = profile;
  const distinct = cells.size;
  // Kaggle's `Q12_Part_1_TEXT` hold -1 or row numbers into a separate free-text file: pointers, not answers.
  if (names.some((name) => /_TEXT$/i.test(name))) return { kind: 'meta', reason: 'meta: numbers in a _TEXT column point into a separate free-text file' };
  const isIdentifier = profile.integers === answered && distinct === answered && answered >= 20 && answered >= 0.9 * respondents;
  if (isIdentifier) return { kind: 'meta', reason: `meta: ${format(answered)} different whole numbers, one per respondent (an identifier)` };
  const scale = detectNumericScale([...cells.keys()], names);
  if (scale) return { kind: 'likert', reason: scale.reason, scale };
  const flags = [...cells.keys()].every((value) => /^[01](\.0+)?$/.test(value));
  const asked = names.find((name) => YES_NO_QUESTION.test(name.trim()));
  if (distinct === 2 && flags && asked !== undefined) {
    const [yes, no] = ['1', '0'].map((digit) => [...cells.keys()].find((value) => value.startsWith(digit))!);
    const labels = {
      of: new Map([
        [yes, 'Yes'],
        [no, 'No'],
      ]),
      order: [yes, no],
    };
    return { kind: 'single', reason: `single: yes/no coded 1/0 ("${asked.trim().slice(0, 60)}" asks for a yes or a no)`, labels };
  }
  if (distinct <= 2) return { kind: 'single', reason: `single: numbers with ${distinct} distinct value${distinct === 1 ? '' : 's'} (codes, not amounts)` };
  return { kind: 'numeric', reason: `numeric: ${format(profile.numeric)} of ${format(answered)} answers are numbers, ${format(distinct)} distinct` };
}

/**
 * One column's kind from its values. Thresholds are deliberately conservative: a column is
 * numeric only when (nearly) every answer is a number, multi-select only when joined answers
 * are common and their parts repeat and stand alone, free text only when answers rarely repeat.
 * A packed column (its answers hardly repeat) is judged on its sample of cells, as a survey of
 * that many respondents: the sample's shares are the column's, and the work stays bounded.
 */
export function inferColumn(
  names: readonly string[],
  source: IngestedColumn | readonly string[],
  isMissing: (value: string) => boolean,
  respondents: number,
  separator?: string,
): ColumnInference {
  const metaName = names.find(isMetaName);
  if (metaName !== undefined) return { kind: 'meta', reason: `meta: "${metaName.trim()}" is a column survey tools write about a response` };
  if (!Array.isArray(source) && isPacked(source as IngestedColumn)) {
    const sample = (source as { sample: EncodedColumn }).sample;
    const inference = inferFromValues(names, sample, isMissing, sample.codes.length, separator);
    return { ...inference, reason: `${inference.reason} (in a sample of ${format(sample.codes.length)} of ${format(respondents)} cells)` };
  }
  return inferFromValues(names, 'codes' in source ? (source as EncodedColumn) : encodeValues(source as readonly string[]), isMissing, respondents, separator);
}

function inferFromValues(
  names: readonly string[],
  column: EncodedColumn,
  isMissing: (value: string) => boolean,
  respondents: number,
  separator?: string,
): ColumnInference {
  // inferColumn has already answered metadata names: this reads the values.
  const profile = profileColumn(column, isMissing, separator ?? ';');
  const { answered } = profile;
  if (answered === 0) return { kind: 'single', reason: 'single: nobody answered' };
  const cells = answeredCells(column, isMissing);
  const distinct = cells.size;
  if (profile.timestamps >= 0.9 * answered)
    return { kind: 'meta', reason: `meta: ${format(profile.timestamps)} of ${format(answered)} answers are dates or times` };
  if (profile.numeric >= 0.99 * answered) return inferNumbers(names, profile, respondents, cells);
  const averageLength = profile.totalLength / answered;
  const allDistinct = distinct === answered;
  if (allDistinct && answered >= 20 && answered >= 0.9 * respondents && averageLength <= 40) {
    const spaced = [...cells.keys()].slice(0, 50).some((value) => value.includes(' '));
    if (!spaced) return { kind: 'meta', reason: `meta: ${format(answered)} different short codes without spaces, one per respondent (an identifier)` };
  }
  // End-labelled numeric points ("0 - Not at all satisfied", "7", "10 (All my time)") are not all numbers.
  const scale = distinct <= 11 ? detectNumericScale([...cells.keys()], names) : undefined;
  if (scale) return { kind: 'likert', reason: scale.reason, scale };
  const joined = splitJoined(cells, answered, separator);
  if (joined) return { kind: 'multi', reason: joined.reason, joined };
  if (distinct <= 12 && matchLikertScale([...cells.keys()])) return { kind: 'likert', reason: `likert: the ${distinct} answers lie on a known ordered scale` };
  const fewAllDifferent = allDistinct && distinct >= 5 && averageLength >= 15;
  if (fewAllDifferent) return { kind: 'text', reason: `text: all ${format(answered)} answers differ and average ${Math.round(averageLength)} characters` };
  if (averageLength > 80 && distinct > 0.3 * answered)
    return { kind: 'text', reason: `text: answers average ${Math.round(averageLength)} characters and ${format(distinct)} of ${format(answered)} differ` };
  let once = 0;
  for (const times of cells.values()) if (times === 1) once++;
  // Typed-in "Other" answers beside a short list, or free text: a long list, or many answers given once.
  if (distinct > 30 || (answered >= 50 && once >= 3 && once >= 0.25 * distinct)) {
    const tail = classifyLongTail(cells, answered);
    if (tail.kind === 'text' || tail.writeIns || distinct > 30) return tail;
  }
  if (distinct >= 10 && distinct > 0.7 * answered) return { kind: 'text', reason: `text: ${format(distinct)} of ${format(answered)} answers differ` };
  // A short list typed by hand ("Windows 10", "Win10", "macOS Sierra 10.12.6"): most different answers were written once.
  if (distinct >= 10 && once >= 0.6 * distinct)
    return {
      kind: 'text',
      reason: `text: ${format(once)} of ${format(distinct)} different answers were each given by one respondent (typed, not picked from a list)`,
    };
  return { kind: 'single', reason: `single: ${distinct} distinct answer${distinct === 1 ? '' : 's'}` };
}

/** The kind alone (tests and callers that need no reason). */
export function inferColumnKind(
  names: readonly string[],
  source: IngestedColumn | readonly string[],
  isMissing: (value: string) => boolean,
  respondents: number,
): ColumnKind {
  return inferColumn(names, source, isMissing, respondents).kind;
}
