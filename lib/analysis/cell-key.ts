import { hasBit } from '../survey/bitset';
import type { Survey } from '../survey/types';
/**
 * Cell-key perturbation (the method of the Australian Bureau of Statistics' TableBuilder and of
 * the census table builders that followed it: Fraser & Wooton 2005, "A proposed method for
 * confidentialising tabular output to protect against differencing"; Thompson, Broadfoot &
 * Elazar 2013). Each respondent gets a fixed, secret record key (0–255); a cell's key is the sum
 * of its respondents' keys modulo 256, and a table of noise turns (count, cell key) into a small
 * change of the count. The same respondents always give the same noise, whichever filters
 * reach them, so asking again or in other words averages nothing away; two overlapping cells get
 * unrelated noise, so the difference of two published counts is no longer the count of the group
 * between them (issue 16, attack 4). Zero stays zero and a count never becomes zero or negative.
 *
 * The secret lives only in the server process (configureCellKeys): with it, record keys could be
 * recomputed and the noise undone, so it never reaches a page.
 */

let secret: string | undefined;
let secretEpoch = 0;
const keysBySurvey = new WeakMap<object, { secret: string; keys: Uint8Array }>();

/** Sets the secret the record keys derive from (the server's and the CLI's edge read it once). */
export function configureCellKeys(value: string): void {
  if (value.length < 16) throw new Error('the cell-key secret must be at least 16 characters');
  if (value !== secret) secretEpoch++;
  secret = value;
}

/** A number that changes whenever the secret does: cached perturbed figures are keyed by it, never by the secret itself. */
export function cellKeyEpoch(): number {
  return secretEpoch;
}

/** FNV-1a of a string, continued from `hash`. */
function fnv(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Each respondent's answers as one hash, question by question (what identifies the record, whatever file or row it sits in). */
function contentHashes(survey: Survey, seed: number): Uint32Array {
  const hashes = new Uint32Array(survey.size).fill(seed);
  for (const question of survey.questions) {
    const mix = (i: number, text: string) => (hashes[i] = fnv(fnv(hashes[i], question.id), text));
    for (let i = 0; i < survey.size; i++) {
      switch (question.kind) {
        case 'single':
        case 'likert':
          mix(i, question.codes[i] === 0 ? '' : question.options[question.codes[i] - 1].value);
          break;
        case 'multi':
          mix(
            i,
            question.options
              .filter((_, o) => hasBit(question.members[o], i))
              .map((option) => option.value)
              .join('\u0000'),
          );
          break;
        case 'ranking':
          mix(i, question.ranks.map((ranks) => ranks[i]).join(','));
          break;
        case 'numeric':
          mix(i, String(question.values[i]));
          break;
        default:
          mix(i, question.values[i]);
      }
    }
  }
  return hashes;
}

/**
 * A key per respondent from the secret and the respondent's own answers (FNV-1a, then a 32-bit
 * mix, splitmix-style): keys look random without the secret, and the same record gets the same
 * key in any file or row order — a second copy of the same microdata (another cut of the rows, a
 * re-export) gets the same noise, so it cannot be averaged against the first.
 */
function deriveKeys(survey: Survey, key: string): Uint8Array {
  const hashes = contentHashes(survey, fnv(0x811c9dc5, key));
  const keys = new Uint8Array(survey.size);
  for (let i = 0; i < survey.size; i++) {
    let z = (hashes[i] + 0x9e3779b9) >>> 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    keys[i] = (z ^ (z >>> 16)) & 0xff;
  }
  return keys;
}

/** Each respondent's record key in this survey (cached per survey and secret). */
export function recordKeysOf(survey: Survey): Uint8Array {
  if (secret === undefined) throw new Error('cell-key perturbation is on, but no secret was configured (configureCellKeys)');
  const cached = keysBySurvey.get(survey);
  if (cached && cached.secret === secret) return cached.keys;
  const keys = deriveKeys(survey, secret);
  keysBySurvey.set(survey, { secret, keys });
  return keys;
}

/**
 * The noise table: a cell key's place in [0, 256) picks a change of −2…+2, each about one time in
 * five (variance 2), the same for every count of 3 or more (unbiased); counts of 1 and 2 have their
 * own tables (below), zero stays zero and no count becomes zero. A flat table rather than one
 * peaked at 0: a published count equals the true one about one time in five, not one in two, so
 * reading a small cell off the release — or averaging the few ways the release can add up to it —
 * gives its exact size less often than not (issue 21; docs/publishing.md).
 */
const CUMULATIVE = [52, 103, 154, 205, 256];
const CHANGES = [-2, -1, 0, 1, 2];

export function perturbCount(count: number, keySum: number): number {
  if (count <= 0) return count;
  const key = ((keySum % 256) + 256) % 256;
  // A count of 1 or 2 cannot go down by 2 without leaving the table: its change is drawn from what
  // keeps it at 1 or more, still evenly, so a published 1 is a true 1 only a third of the time.
  if (count <= 2) return count + SMALL_CHANGES[count][Math.floor((key * SMALL_CHANGES[count].length) / 256)];
  return count + CHANGES[CUMULATIVE.findIndex((edge) => key < edge)];
}

const SMALL_CHANGES: Record<number, number[]> = { 1: [0, 1, 2], 2: [-1, 0, 1, 2] };

/**
 * A second draw from the same cell key, in [−1, 1): the noise of a released sum (a numeric
 * question's total), from the whole key sum so it is not the count's own change in disguise.
 */
export function keyedUniform(keySum: number): number {
  let z = Math.imul(keySum >>> 0, 0x9e3779b1) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x85ebca6b) >>> 0;
  z = (z ^ (z >>> 13)) >>> 0;
  return (z / 2 ** 32) * 2 - 1;
}
