import { isOffScale } from './likert-scales';

/** Answers that summarise or decline rather than choose; charts read better with them last. */
const CATCH_ALL =
  /^(other|other\(s\):?|other \(please specify\)|other \(written in\)|none|none of the above|none of these|prefer not to (say|answer)|i prefer not to say|don.?t know|not sure|not applicable)$/i;

const LEADING_NUMBER =
  /^(under|below|less than|fewer than|up to|over|above|more than|<|>|~|≤|≥)?\s*\$?(\d[\d,.]*)\s*(\+)?\s*(days?|weeks?|months?|years?|yrs?)?/i;
const UNIT_IN_YEARS: Record<string, number> = { day: 1 / 365, week: 1 / 52, month: 1 / 12, year: 1, yr: 1 };
const BELOW = new Set(['under', 'below', 'less than', 'fewer than', 'up to', '<', '≤']);
const ABOVE = new Set(['over', 'above', 'more than', '>', '≥']);

/**
 * The number an ordinal answer starts with, in years when it names a unit ("6 months" = 0.5),
 * nudged down for "Under 18" / "Less than 1 year" and up for "More than 10" / "65+", so ranges
 * sort in their natural order.
 */
function leadingNumber(value: string): number | undefined {
  const match = LEADING_NUMBER.exec(value.trim());
  if (!match) return undefined;
  const unit = match[4]?.toLowerCase().replace(/s$/, '');
  const number = Number(match[2].replace(/,/g, '')) * (unit ? UNIT_IN_YEARS[unit] : 1);
  const word = match[1]?.toLowerCase();
  if (word && BELOW.has(word)) return number - 0.001;
  if ((word && ABOVE.has(word)) || match[3]) return number + 0.001;
  return number;
}

/** "3.10", "Python 3.9", "v1.2.3": a name (optional), then a version with two parts or more. */
const VERSION = /^((?:[A-Za-z][\w+#-]*\s+)*)v?(\d+(?:\.\d+)+)(?!\S*\d\s*[-–]\s*\d)/;

/** The parts of a version answer ([3, 10] for "Python 3.10"), with its name. */
function versionOf(value: string): { name: string; parts: number[] } | undefined {
  const match = VERSION.exec(value.trim());
  return match ? { name: match[1].trim().toLowerCase(), parts: match[2].split('.').map(Number) } : undefined;
}

/**
 * Whether numbered answers are versions, not decimals: a name before the number ("Python 3.10"),
 * three parts ("1.2.3"), or 3.9 beside 3.10 — as decimals 3.10 would sort before 3.9 (3.25
 * beside 3.5 stays a decimal).
 */
function areVersions(values: string[]): boolean {
  const versions = values.map(versionOf).filter((version) => version !== undefined);
  if (versions.length < 2) return false;
  if (versions.some((version) => version.name !== '' || version.parts.length > 2)) return true;
  // "3.10" beside "3.9": a decimal is not written with a trailing zero, a version's tenth minor is.
  const written = values.map((value) => /^v?(\d+)\.(\d+)$/.exec(value.trim())).filter((match) => match !== null);
  return written.some(
    ([, major, minor]) => minor.length >= 2 && minor.endsWith('0') && written.some(([, other, short]) => other === major && short.length === 1),
  );
}

function compareVersions(a: string, b: string): number {
  const [left, right] = [versionOf(a), versionOf(b)];
  if (!left || !right) return left ? -1 : right ? 1 : 0;
  if (left.name !== right.name) return left.name.localeCompare(right.name);
  for (let k = 0; k < Math.max(left.parts.length, right.parts.length); k++) {
    const difference = (left.parts[k] ?? 0) - (right.parts[k] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Default option order when the codebook gives none. Ranges such as "1-10", "11-50",
 * "201-1,000" or "25-34 years old" sort by their first number (ordinal data must keep its
 * order); other answers by how many chose them; catch-alls like "Other" and "Don't know" go last.
 */
export function orderOptions(counts: ReadonlyMap<string, number>): string[] {
  const values = [...counts.keys()];
  const rank = (value: string) => (CATCH_ALL.test(value.trim()) || isOffScale(value) ? 1 : 0);
  const choices = values.filter((value) => rank(value) === 0);
  const numbered = choices.filter((value) => leadingNumber(value) !== undefined);
  // "Greater than 10,000" or "I don't work" may sit among ranges; most options numbered is enough.
  const byNumber = numbered.length >= 2 && numbered.length >= 0.6 * choices.length;
  const byVersion = areVersions(choices) && choices.filter((value) => versionOf(value)).length >= 0.6 * choices.length;
  return values.sort((a, b) => {
    const special = rank(a) - rank(b);
    if (special !== 0) return special;
    if (byVersion) {
      const difference = compareVersions(a, b);
      if (difference !== 0) return difference;
    } else if (byNumber) {
      const difference = (leadingNumber(a) ?? Infinity) - (leadingNumber(b) ?? Infinity);
      if (difference !== 0 && !Number.isNaN(difference)) return difference;
    }
    return (counts.get(b) ?? 0) - (counts.get(a) ?? 0);
  });
}

/** Codebook order first, then whatever else the data holds in default order. */
export function mergeOrder(preferred: readonly string[] | undefined, counts: ReadonlyMap<string, number>): string[] {
  const rest = orderOptions(counts);
  if (!preferred || preferred.length === 0) return rest;
  const listed = new Set(preferred);
  return [...preferred, ...rest.filter((value) => !listed.has(value))];
}
