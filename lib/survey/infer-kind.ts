import type { ColumnProfile } from './profile-column';
import { matchLikertScale } from './likert-scales';

export type ColumnKind = 'single' | 'likert' | 'multi' | 'numeric' | 'text' | 'meta';

/** Names of columns the survey tool writes about a response rather than questions it asked. */
const META_NAME =
  /^(respondent|response|respondent\s*id|response\s*_?id|id|identifier|serial\s*#?|sequence\s*#?|collector(\s*id)?|ip\s*address|ipaddress|start\s*_?date|end\s*_?date|date|timestamp|submitted(_at)?|recorded\s*_?date|duration.*|time from start.*|minutes|browser|email(\s*address)?|progress|finished|status|language|user\s*agent|.*_other_text|ประทับเวลา)$/i;

export function isMetaName(name: string): boolean {
  return META_NAME.test(name.trim());
}

/**
 * One column's kind from its values. Thresholds are deliberately conservative: a column is
 * numeric only when (nearly) every answer is a number, multi-select only when separated cells
 * are common and their parts repeat, free text only when answers rarely repeat.
 */
export function inferColumnKind(names: readonly string[], profile: ColumnProfile, respondents: number): ColumnKind {
  if (names.some(isMetaName)) return 'meta';
  const { answered } = profile;
  if (answered === 0) return 'single';
  const distinct = profile.counts.size;
  if (profile.timestamps >= 0.9 * answered) return 'meta';
  if (profile.numeric >= 0.99 * answered) {
    // Kaggle's `Q12_Part_1_TEXT` hold -1 or row numbers into a separate free-text file: pointers, not answers.
    if (names.some((name) => /_TEXT$/i.test(name))) return 'meta';
    const isIdentifier = profile.integers === answered && distinct === answered && answered >= 20 && answered >= 0.9 * respondents;
    if (isIdentifier) return 'meta';
    return distinct <= 2 ? 'single' : 'numeric';
  }
  const averageLength = profile.totalLength / answered;
  const allDistinct = distinct === answered && !profile.truncated;
  if (allDistinct && answered >= 20 && answered >= 0.9 * respondents && averageLength <= 40 && profile.counts.size > 0) {
    const spaced = [...profile.counts.keys()].slice(0, 50).some((value) => value.includes(' '));
    if (!spaced) return 'meta'; // every respondent a different short code: an identifier
  }
  const tokenDistinct = profile.tokenCounts.size;
  // Stack Overflow's Gender is multi-select though under 1% of answers combine options; parts must repeat.
  if (profile.separated >= Math.max(2, 0.005 * answered) && tokenDistinct <= 300 && tokenDistinct < distinct) {
    return 'multi';
  }
  if (distinct <= 12 && !profile.truncated && matchLikertScale([...profile.counts.keys()])) return 'likert';
  const fewAllDifferent = allDistinct && distinct >= 5 && averageLength >= 15;
  if (fewAllDifferent || profile.truncated || (distinct > 30 && distinct > 0.5 * answered) || (averageLength > 80 && distinct > 0.3 * answered)) {
    return 'text';
  }
  return 'single';
}
