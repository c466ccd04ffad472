/** What the values of one column look like, to infer a question kind from. */
export interface ColumnProfile {
  answered: number;
  /** Counts per distinct answered value, in order of first appearance (capped, see `truncated`). */
  counts: Map<string, number>;
  truncated: boolean;
  numeric: number;
  integers: number;
  /** Cells holding the multi-select separator. */
  separated: number;
  /** Tokens after splitting on the separator: distinct and total. */
  tokenCounts: Map<string, number>;
  tokens: number;
  totalLength: number;
  timestamps: number;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^[-+]?\d+$/;
/** ISO dates, US-style dates with times, Buddhist-era Google Forms stamps: all start with a date. */
const TIMESTAMP = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})([ T]\d{1,2}:\d{2}.*)?$/;
const MAX_DISTINCT = 5000;

export function isNumberText(value: string): boolean {
  return NUMBER.test(value);
}

export function profileColumn(values: readonly string[], isMissing: (value: string) => boolean, separator = ';'): ColumnProfile {
  const profile: ColumnProfile = {
    answered: 0,
    counts: new Map(),
    truncated: false,
    numeric: 0,
    integers: 0,
    separated: 0,
    tokenCounts: new Map(),
    tokens: 0,
    totalLength: 0,
    timestamps: 0,
  };
  for (const value of values) {
    if (isMissing(value)) continue;
    profile.answered++;
    profile.totalLength += value.length;
    const seen = profile.counts.get(value);
    if (seen !== undefined) profile.counts.set(value, seen + 1);
    else if (profile.counts.size < MAX_DISTINCT) profile.counts.set(value, 1);
    else profile.truncated = true;
    if (NUMBER.test(value)) {
      profile.numeric++;
      if (INTEGER.test(value)) profile.integers++;
    } else if (TIMESTAMP.test(value)) profile.timestamps++;
    if (value.includes(separator)) profile.separated++;
    if (seen === undefined && profile.tokenCounts.size < MAX_DISTINCT) {
      for (const token of value.split(separator)) {
        const trimmed = token.trim();
        if (trimmed !== '') profile.tokenCounts.set(trimmed, (profile.tokenCounts.get(trimmed) ?? 0) + 1);
      }
    }
    profile.tokens += value.split(separator).length;
  }
  return profile;
}
