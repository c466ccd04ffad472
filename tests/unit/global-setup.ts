// @ts-expect-error a plain ES module of the launcher's, without types
import { buildDistIfStale } from '../../bin/fresh-dist.mjs';

/**
 * Before any test file runs: the compiled CLI and its second-thread reader (bin/dist) are built
 * again when a source is newer, so the tests that run them (the CLI's, the two-thread read's)
 * run the code under test, never a stale bundle, and no test rebuilds it under another's feet.
 */
export default function setup(): void {
  buildDistIfStale();
}
