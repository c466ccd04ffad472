import { isOffScale } from './likert-scales';

/** Answers that summarise or decline rather than choose; charts read better with them last. */
const CATCH_ALL = /^(other|other\(s\):?|other \(please specify\)|none|none of the above|none of these|prefer not to (say|answer)|i prefer not to say|don.?t know|not sure|not applicable)$/i;

const LEADING_NUMBER = /^([<>~≤≥]?)\s*\$?(\d[\d,.]*)/;

/** "< 1 year" sorts just before "1-2 years" and "> 10" just after "10": the sign nudges the number. */
function leadingNumber(value: string): number | undefined {
  const match = LEADING_NUMBER.exec(value);
  if (!match) return undefined;
  const number = Number(match[2].replace(/,/g, ''));
  return match[1] === '<' || match[1] === '≤' ? number - 0.001 : match[1] === '>' || match[1] === '≥' ? number + 0.001 : number;
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
  return values.sort((a, b) => {
    const special = rank(a) - rank(b);
    if (special !== 0) return special;
    if (byNumber) {
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
