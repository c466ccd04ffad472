/**
 * One value per server process, whichever bundle asks. Next compiles route handlers and pages
 * into separate chunk sets (server/chunks and server/chunks/ssr), each with its own instance of
 * every module: a module-level Map is then two Maps, so a survey is parsed and held twice and a
 * route's forgetListing() never reaches the pages' listing (a codebook saved from "Edit
 * questions" was shown stale for up to two seconds). State that must be one per process lives
 * on globalThis under a registered symbol instead.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`survey-lens:${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return (holder[key] ??= create());
}
