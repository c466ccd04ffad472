/** What Next hands a page: every query key, repeated keys as arrays. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a key; the URL grammar never repeats the `_` keys, so extras are ignored. */
export function readParam(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}
