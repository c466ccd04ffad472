/**
 * Rating scales written as numbers: "1"…"5", "0"…"10", float-ified "4.0" (a file re-saved by
 * pandas), or LimeSurvey's end-labelled points ("0 - Not at all satisfied", "7",
 * "10 (All my time)"). Such answers are points on an ordered scale, not measurements: they are
 * read as a Likert question whose options keep the file's text and carry the point's number.
 */

/** A point: its number, then an optional label after " - ", ": " or in brackets. */
const SCALE_POINT = /^(\d{1,2})(?:\.0+)?(?:\s*(?:[-–—:]\s*(.+)|\((.+)\)))?$/s;

/** Questions about quantities, not ratings: years, ages, counts, durations, money. */
const QUANTITY_WORDS =
  /\bhow (many|much money|old|long)\b|\bnumber of\b|\bage\b|\byears?\b(?! of age)|\bmonths?\b|\bhours?\b|\bdays?\b|\bsalary\b|\bincome\b|\bpercent|%|\bcount\b|\bsize\b|\bborn\b/i;
/** Wording that says "pick a point on a scale". */
const RATING_WORDS =
  /\bscale\b|\brate\b|\brating\b|\bhow (likely|satisfied|easy|difficult|hard|important|useful|often|much do you)\b|\blikely\b|\bsatisf|\bagree|\brecommend\b|\benjoy/i;
const RECOMMEND = /\brecommend\b/i;

export interface ScalePoint {
  /** The cell as written. */
  value: string;
  score: number;
  /** What to show: the end-point label when there is one ("10 (All my time)" as written), else the number ("4.0" as "4"). */
  label: string;
  /** Whether the cell carried words besides the number. */
  labelled: boolean;
}

export interface NumericScale {
  /** Points in scale order (lowest first). */
  points: ScalePoint[];
  min: number;
  max: number;
  /** "How likely are you to recommend…" on 0–10 (or 1–10): the Net Promoter Score applies. */
  netPromoter: boolean;
  reason: string;
}

export function readScalePoint(value: string): ScalePoint | undefined {
  const match = SCALE_POINT.exec(value.trim());
  if (!match) return undefined;
  const score = Number(match[1]);
  const words = (match[2] ?? match[3] ?? '').trim();
  return { value, score, label: words ? value.trim() : String(score), labelled: words !== '' };
}

/**
 * A range the question states ("10 - strongly agree, 1 - strongly disagree", "on a scale of 1
 * to 5", "from 0 to 10"): its ends, when the wording gives two whole numbers up to 10.
 */
function statedRange(text: string): { min: number; max: number } | undefined {
  const match =
    /\b(?:scale|from)\s+(?:of\s+)?(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\b/i.exec(text) ??
    /(?:^|\D)(\d{1,2})\s*[-–=:]\s*[a-z][^,;.\d]*[,;]\s*(\d{1,2})\s*[-–=:]\s*[a-z]/i.exec(text);
  if (!match) return undefined;
  const [a, b] = [Number(match[1]), Number(match[2])];
  const [min, max] = [Math.min(a, b), Math.max(a, b)];
  return min <= 1 && max <= 10 && max - min >= 2 ? { min, max } : undefined;
}

/**
 * The scale behind a column's answers, or undefined when they are not one. Whole numbers from
 * 0 or 1 up to at most 10 (or within a range the wording states: "10 - strongly agree, 1 -
 * strongly disagree" may be answered 3–10), at least three points, most points of the range
 * used; a question worded as a quantity ("how many years", "year born") stays numeric unless
 * its answers carry end labels, and bare numbers need rating wording ("rate", "how likely",
 * "scale of 1 to 5") or `layout` (a level per column: the export itself says it is a scale) to count.
 */
export function detectNumericScale(values: readonly string[], names: readonly string[], layout?: string): NumericScale | undefined {
  const points: ScalePoint[] = [];
  for (const value of values) {
    const point = readScalePoint(value);
    if (!point) return undefined;
    points.push(point);
  }
  const scores = new Set(points.map((point) => point.score));
  if (scores.size < 3) return undefined;
  const text = names.join(' ');
  const stated = statedRange(text);
  const min = Math.min(...scores, stated?.min ?? Infinity);
  const max = Math.max(...scores, stated?.max ?? -Infinity);
  if (min > 1 || max > 10 || max - min < 2 || (stated && max > stated.max)) return undefined;
  const labelled = points.some((point) => point.labelled);
  // Bare numbers must use most of their range to be a scale; end labels or a stated range say so themselves.
  const used = scores.size / (max - min + 1);
  if (used < (labelled || stated ? 0.3 : 0.6)) return undefined;
  const rating = RATING_WORDS.test(text) || stated !== undefined;
  const quantity = QUANTITY_WORDS.test(text) && !rating;
  // Bare numbers are a scale only when the question asks for a rating; else they may be codes or amounts.
  if (!labelled && (quantity || (!rating && !layout))) return undefined;
  points.sort((a, b) => a.score - b.score || Number(b.labelled) - Number(a.labelled));
  const netPromoter = RECOMMEND.test(text) && max === 10 && min <= 1;
  const why = labelled
    ? 'end-labelled points'
    : stated
      ? `the wording states ${stated.min}–${stated.max}`
      : RATING_WORDS.test(text)
        ? 'rating wording'
        : layout!;
  return {
    points,
    min,
    max,
    netPromoter,
    reason: `likert: whole numbers ${min}–${max} (${scores.size} points used, ${why})${netPromoter ? `; "recommend" on a ${min}–10 scale: Net Promoter Score` : ''}`,
  };
}
