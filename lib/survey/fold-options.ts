/**
 * Answers that are one option written another way. "Male" and "male", "Windows  10" and
 * "Windows 10" are one answer to whoever reads them, so they are one option, spelt as most
 * respondents (or the codebook) spell it. A codebook's option aliases ("TUF (The Update
 * Framework)" is now "TUF") fold the older wording into the current one when the file is read,
 * so filters, facets and downloads see one option.
 */

/** What spellings of one answer share: case and runs of spaces do not count. */
export function spellingKey(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * For each answer spelt more than one way, its spellings → the one most respondents wrote (or
 * the first `preferred` spelling among them: the codebook's). Answers spelt one way are absent.
 */
export function spellingFolds(counts: ReadonlyMap<string, number>, preferred: readonly string[] = []): Map<string, string> {
  const groups = new Map<string, [string, number][]>();
  for (const [value, times] of counts) {
    const key = spellingKey(value);
    groups.set(key, [...(groups.get(key) ?? []), [value, times]]);
  }
  const folds = new Map<string, string>();
  for (const [key, spellings] of groups) {
    const named = preferred.find((value) => spellingKey(value) === key);
    if (spellings.length < 2 && (named === undefined || named === spellings[0][0])) continue;
    const canonical = named ?? [...spellings].sort((a, b) => b[1] - a[1])[0][0];
    for (const [value] of spellings) if (value !== canonical) folds.set(value, canonical);
  }
  return folds;
}

/**
 * value → option value for one question: its codebook alias first (an older wording), then its
 * spelling; `counts` are respondents per written value, `preferred` the codebook's option values.
 */
export function createOptionFold(
  counts: ReadonlyMap<string, number>,
  aliases: ReadonlyMap<string, string> | undefined,
  preferred: readonly string[] = [],
): (value: string) => string {
  const renamed = (value: string) => aliases?.get(value) ?? aliases?.get(spellingKey(value)) ?? value;
  const afterAliases = new Map<string, number>();
  for (const [value, times] of counts) afterAliases.set(renamed(value), (afterAliases.get(renamed(value)) ?? 0) + times);
  const spelling = spellingFolds(afterAliases, preferred);
  return (value) => {
    const current = renamed(value);
    return spelling.get(current) ?? current;
  };
}
