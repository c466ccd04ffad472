import type { Question, Survey } from '../../survey/types';
import { hasBit } from '../../survey/bitset';

/** A sort key per respondent; null = no answer, which always sorts last whatever the direction. */
type KeyOf = (respondent: number) => number | string | number[] | null;

const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function compareKeys(a: number | string | number[], b: number | string | number[]): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return COLLATOR.compare(a, b);
  return compareLists(a as number[], b as number[]);
}

/**
 * Numbers by value, choices by option order (the model's order is ordinal-aware, so scales
 * sort low to high), multi-select by the chosen options' positions, rankings by the items in
 * rank order, text alphabetically.
 */
function makeSortKey(question: Question): KeyOf {
  switch (question.kind) {
    case 'single':
    case 'likert':
      return (i) => (question.codes[i] === 0 ? null : question.codes[i]);
    case 'numeric':
      return (i) => (Number.isNaN(question.values[i]) ? null : question.values[i]);
    case 'multi':
      return (i) => {
        if (!hasBit(question.answered, i)) return null;
        return question.members.flatMap((bits, option) => (hasBit(bits, i) ? [option] : []));
      };
    case 'ranking':
      return (i) => {
        if (!hasBit(question.answered, i)) return null;
        const items = question.ranks.flatMap((ranks, item) => (ranks[i] > 0 ? [item] : []));
        return items.sort((a, b) => question.ranks[a][i] - question.ranks[b][i]);
      };
    case 'text':
    case 'meta':
      return (i) => (question.values[i] === '' ? null : question.values[i]);
  }
}

// Sorting 100k respondents costs ~100 ms; paging through the same sort should not pay it again.
const cache = new WeakMap<Survey, Map<string, Uint32Array>>();

/** Respondent indexes in display order. Ties (and blanks, always last) keep file order. */
export function sortRespondents(survey: Survey, question: Question, desc: boolean): Uint32Array {
  const cacheKey = `${question.id}\u0000${desc ? 'desc' : 'asc'}`;
  const cached = cache.get(survey)?.get(cacheKey);
  if (cached) return cached;
  const keyOf = makeSortKey(question);
  const keys = Array.from({ length: survey.size }, (_, i) => keyOf(i));
  const direction = desc ? -1 : 1;
  const order = Array.from({ length: survey.size }, (_, i) => i).sort((a, b) => {
    const ka = keys[a];
    const kb = keys[b];
    if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1;
    return direction * compareKeys(ka, kb) || a - b;
  });
  const result = Uint32Array.from(order);
  if (!cache.has(survey)) cache.set(survey, new Map());
  cache.get(survey)!.set(cacheKey, result);
  return result;
}
