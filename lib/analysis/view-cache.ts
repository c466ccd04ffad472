/**
 * A bounded cache of computed views (issue 16, load): a page asked for by 50 readers at once —
 * 24 overview cards each — computes each view once. Entries are keyed by a string the caller
 * builds from everything that changes the figures, plus the identity of the parsed waves
 * (surveyIdentity): a wave parsed anew (its file or codebook changed) is a new object with a new
 * number, so old entries are never hit again and age out. Bounded by a total weight (rows), least
 * recently used out first, so a stream of distinct hostile queries cannot grow memory without end.
 *
 * A cached value is shared by every caller, so it is deep-frozen: a caller that sorted, perturbed
 * or relabelled rows in place would change the figures of every later reader; frozen, it throws
 * instead (ES modules run in strict mode).
 */

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A number naming this object (a parsed survey) for as long as it lives; never reused. */
export function surveyIdentity(survey: object): number {
  let id = identities.get(survey);
  if (id === undefined) identities.set(survey, (id = nextIdentity++));
  return id;
}

/** Freezes a plain value and everything it holds (typed arrays cannot be frozen and are left as they are). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return Object.freeze(value);
}

export interface ViewCache<T> {
  /** The cached value under this key (marked as just used), or the one computed now, frozen and kept. */
  getOrCompute(key: string, compute: () => T): T;
  /** Entries and their total weight, for tests and the load report. */
  stats(): { entries: number; weight: number };
  clear(): void;
}

export function createViewCache<T>(maxWeight: number, weigh: (value: T) => number): ViewCache<T> {
  const entries = new Map<string, { value: T; weight: number }>();
  let total = 0;
  return {
    getOrCompute(key, compute) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const value = deepFreeze(compute());
      const weight = Math.max(1, weigh(value));
      // A value heavier than the whole cache is served but not kept.
      if (weight > maxWeight) return value;
      entries.set(key, { value, weight });
      total += weight;
      for (const [oldest, entry] of entries) {
        if (total <= maxWeight) break;
        entries.delete(oldest);
        total -= entry.weight;
      }
      return value;
    },
    stats: () => ({ entries: entries.size, weight: total }),
    clear() {
      entries.clear();
      total = 0;
    },
  };
}
