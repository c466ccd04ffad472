/**
 * Strings that mean "no answer". Blank answers are never zero: a numeric question with a
 * blank keeps NaN, a choice question keeps code 0.
 */
export const DEFAULT_MISSING = ['', 'NA', 'N/A', 'n/a', '#N/A', 'NaN'];

export function createMissingTest(extra: readonly string[] = []): (value: string) => boolean {
  const missing = new Set([...DEFAULT_MISSING, ...extra]);
  // Checking the length first spares hashing every long answer: this runs once per cell.
  const longest = Math.max(...[...missing].map((token) => token.length));
  return (value) => value.length <= longest && missing.has(value);
}

/**
 * Cells are trimmed and non-breaking spaces made plain: Kaggle pads labels with spaces and
 * SurveyMonkey writes NBSP inside them, and neither difference is a different answer.
 */
export function cleanCell(raw: string): string {
  return raw.indexOf('\u00a0') === -1 ? raw.trim() : raw.replace(/\u00a0/g, ' ').trim();
}
