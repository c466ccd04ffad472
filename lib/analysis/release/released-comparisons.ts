import type { AggregateRow } from '../aggregate-row';
import type { TestedScan } from '../finding-row';
import type { Tally } from '../tally';
import { testWaveChanges } from '../wave-changes';

/**
 * One question of a public scan, as two published tables: the group's rows (the selection's, or
 * every segment's) and the rows of everyone the group is part of (the wave's, or the selection's
 * `(all)` rows, `keys.segment` = '').
 */
export interface ReleasedQuestion {
  group: readonly AggregateRow[];
  universe: readonly AggregateRow[];
}

const GROUP = 'group';
const REST = 'rest';

function minus(a: Tally, b: Tally): Tally {
  return { count: a.count - b.count, sumW: a.sumW - b.sumW, sumW2: a.sumW2 - b.sumW2 };
}

/**
 * Public mode's findings (issues 21 and 23): each group against the rest, tested on published
 * figures only. A released row's tallies are sums of released cells (lib/analysis/release), so the
 * rest is the universe's published cell less the group's — two numbers a reader already has — and
 * the group and the rest are two independent samples, tested as a trend tests two waves
 * (lib/analysis/wave-changes: pooled z unweighted, strata weighted). Nothing here reads a
 * respondent: a test is a function of what the two pages print. Means are not tested (a public
 * mean is published without its spread). A rest that comes out empty or negative (noise on tiny
 * cells) is not a test.
 */
export function testReleasedGroups(questions: readonly ReleasedQuestion[], options: { weighted: boolean; level?: number; minBase?: number }): TestedScan {
  const paired: AggregateRow[][] = [];
  let untested = 0;
  for (const { group, universe } of questions) {
    const whole = new Map(universe.filter((row) => row.keys.segment === '').map((row) => [`${row.measure}\u0000${row.keys.option}`, row]));
    const rows: AggregateRow[] = [];
    for (const row of group) {
      const all = whole.get(`${row.measure}\u0000${row.keys.option}`)?.keys.sample;
      const own = row.keys.sample;
      if (!all || !own) continue;
      const rest = { option: minus(all.option, own.option), base: minus(all.base, own.base), surveySize: all.surveySize };
      if (rest.base.count <= 0 || rest.option.count < 0 || rest.option.count > rest.base.count) {
        untested++;
        continue;
      }
      rows.push({ ...row, wave: GROUP }, { ...row, wave: REST, keys: { ...row.keys, sample: rest } });
    }
    paired.push(rows);
  }
  const tested = testWaveChanges({ questions: paired, previous: REST, latest: GROUP, ...options });
  return { rows: tested.rows, untested: tested.untested + untested };
}
