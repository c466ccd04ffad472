/** Case, spacing and NBSP folded: what a reader typing an option or question by hand gets wrong most. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Levenshtein distance with a cut-off: anything further than `limit` is reported as limit + 1. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The candidate equal to `input` once case and spacing are folded, if exactly one is. */
export function matchLeniently(input: string, candidates: readonly string[]): string | undefined {
  const wanted = normaliseName(input);
  const found = candidates.filter((candidate) => normaliseName(candidate) === wanted);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The closest candidate to a misspelt name, for "did you mean …?": within about a third of the
 * name's length in edits, or one that starts with what was typed. Undefined when nothing is close.
 */
export function suggestName(input: string, candidates: readonly string[]): string | undefined {
  const wanted = normaliseName(input);
  if (wanted === '') return undefined;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const name = normaliseName(candidate);
    const distance = name.startsWith(wanted) && wanted.length >= 3 ? 0.5 : editDistance(wanted, name, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** “a”, “b”, “c” and 4 more: a readable list of what exists. */
export function listNames(names: readonly string[], max = 8): string {
  const shown = names
    .slice(0, max)
    .map((name) => `“${name}”`)
    .join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
