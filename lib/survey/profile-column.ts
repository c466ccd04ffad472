import { encodeValues, type EncodedColumn } from './column-encoder';

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
  /** Distinct parts after splitting distinct answers on the separator. */
  tokenCounts: Map<string, number>;
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

function addValueStats(profile: ColumnProfile, value: string, times: number, separator: string): void {
  profile.totalLength += value.length * times;
  if (NUMBER.test(value)) {
    profile.numeric += times;
    if (INTEGER.test(value)) profile.integers += times;
  } else if (TIMESTAMP.test(value)) profile.timestamps += times;
  if (value.includes(separator)) profile.separated += times;
}

/** Stats are computed once per distinct answer and weighted by its count: answers repeat a lot. */
export function profileColumn(column: EncodedColumn | readonly string[], isMissing: (value: string) => boolean, separator = ';'): ColumnProfile {
  const { values, counts } = 'codes' in column ? column : encodeValues(column);
  const profile: ColumnProfile = {
    answered: 0,
    counts: new Map(),
    truncated: false,
    numeric: 0,
    integers: 0,
    separated: 0,
    tokenCounts: new Map(),
    totalLength: 0,
    timestamps: 0,
  };
  values.forEach((value, code) => {
    const times = counts[code];
    if (times === 0 || isMissing(value)) return;
    profile.answered += times;
    if (profile.counts.size < MAX_DISTINCT) profile.counts.set(value, times);
    else {
      profile.truncated = true;
      addValueStats(profile, value, times, separator);
    }
  });
  for (const [value, times] of profile.counts) {
    addValueStats(profile, value, times, separator);
    if (profile.tokenCounts.size >= MAX_DISTINCT) continue;
    for (const token of value.split(separator)) {
      const trimmed = token.trim();
      if (trimmed !== '') profile.tokenCounts.set(trimmed, (profile.tokenCounts.get(trimmed) ?? 0) + 1);
    }
  }
  return profile;
}
