/** What Next hands a page: every query key, repeated keys as arrays. */
export type SearchParams = Record<string, string | string[] | undefined>;
