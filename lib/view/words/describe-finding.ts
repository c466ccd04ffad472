import type { FindingRow } from '../../analysis/finding-row';
import type { Filter } from '../../analysis/filters';
import type { FindingThresholds } from '../../analysis/pick-findings';
import { describeFilters, type LabelLookup } from './describe-filters';
import { formatCounted, formatFigure } from './format-figure';

/** Points to one decimal, as the percentages beside them, with a real minus sign as the stats panel writes changes: "5.3", "−0.4". */
const points = (value: number) => (value < 0 ? `−${(-value).toFixed(1)}` : value.toFixed(1));
/** A mean's figure in its units (lib/view/format-figure's 'number': whole from 1,000 up, else two decimals at most). */
const units = (value: number) => (value < 0 ? `−${formatFigure(-value, 'number')}` : formatFigure(value, 'number'));

/** q as a reader takes it in: three decimals, and "< 0.001" below that. */
export function formatQ(q: number): string {
  return q < 0.001 ? 'q < 0.001' : `q = ${q.toFixed(3)}`;
}

/** "(+5.3 points, 95% CI 3.9 to 6.7; q = 0.001; bases 1,204 and 5,196)", or in a mean's units. */
function evidence(row: FindingRow, level: number, bases: [number, number]): string {
  const isMean = row.measure === 'mean';
  const figure = isMean ? units : points;
  const difference = `${row.difference_points! > 0 ? '+' : ''}${figure(row.difference_points!)}`;
  const interval = `${Math.round(level * 100)}% CI ${figure(row.ci_low!)} to ${figure(row.ci_high!)}`;
  const counted = `bases ${formatFigure(bases[0], 'count')} and ${formatFigure(bases[1], 'count')}`;
  return `(${difference}${isMean ? '' : ' points'}, ${interval}; ${formatQ(row.q ?? NaN)}; ${counted})`;
}

const quoted = (text: string) => `“${text}”`;
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const topTwoOf = (label: string) => label.replace(/^Top 2: /, '');

/**
 * One finding as one sentence: who, what, which way, both figures, then the evidence.
 *   "Respondents where Region is “Europe” choose “Rust” more often in “Languages used at work”:
 *    12.4% against 7.1% of the rest (+5.3 points, 95% CI 3.9 to 6.7; q = 0.001; bases 1,204 and 5,196)"
 * `group` names the compared respondents: for the selection against the rest of its wave, the
 * filters' sentence (lib/view/describe-filters describeFilters); for a segment against the rest of
 * the selection, the same for the segment's own filter ({ question: by, op: 'in', values: [segment] }).
 * Shares print as the page prints them (one decimal); means in their units.
 */
export function describeFinding(row: FindingRow, group: string, level = 0.95): string {
  const up = row.difference_points! > 0;
  const often = up ? 'more often' : 'less often';
  const question = quoted(row.question_label);
  const tail = evidence(row, level, [row.base, row.base_rest]);
  if (row.measure === 'mean') {
    const [a, b] = [units(row.percent!), units(row.percent_rest!)];
    return `${group} give a ${up ? 'higher' : 'lower'} ${lowerFirst(row.option)} in ${question}: ${a} against ${b} for the rest ${tail}`;
  }
  const [a, b] = [formatFigure(row.percent!, 'percent'), formatFigure(row.percent_rest!, 'percent')];
  const what =
    row.measure === 'top2'
      ? `give a top-2 answer (${topTwoOf(row.option)}) ${often}`
      : row.measure === 'ranked_first'
        ? `rank ${quoted(row.option)} first ${often}`
        : `choose ${quoted(row.option)} ${often}`;
  return `${group} ${what} in ${question}: ${a} against ${b} of the rest ${tail}`;
}

/**
 * A change between waves as one sentence (rows of lib/analysis/wave-changes: `percent` is the
 * latest wave's, `percent_rest` the previous one's):
 *   "“Rust” in “Languages used at work” rose from 7.1% in 2021 to 12.4% in 2022 (+5.3 points, …; bases 5,196 and 1,204)"
 * with the bases in the order of the figures, previous wave first.
 */
export function describeChange(row: FindingRow, waves: { previous: string; latest: string }, level = 0.95): string {
  const subject =
    row.measure === 'top2'
      ? `Top-2 answers (${topTwoOf(row.option)}) to ${quoted(row.question_label)}`
      : `${quoted(row.option)}${row.measure === 'ranked_first' ? ' ranked first' : ''} in ${quoted(row.question_label)}`;
  const within = row.segment === '' ? '' : `Among ${quoted(row.segment)}: `;
  const verb = row.difference_points! > 0 ? 'rose' : 'fell';
  const [before, after] = [formatFigure(row.percent_rest!, 'percent'), formatFigure(row.percent!, 'percent')];
  const tail = evidence(row, level, [row.base_rest, row.base]);
  return `${within}${subject} ${verb} from ${before} in ${waves.previous} to ${after} in ${waves.latest} ${tail}`;
}

/**
 * The page's header: "1,204 tests, 12 findings; at q ≤ 0.05 about 1 of them may be false." Under
 * Benjamini–Hochberg the expected share of false findings is at most q, so about q·K of K findings.
 */
export function describeFindingsHeader(tests: number, findings: number, q: number): string {
  const counted = formatCounted(tests, 'test');
  if (findings === 0) return `${counted}, no findings at q ≤ ${q}.`;
  const start = `${counted}, ${formatCounted(findings, 'finding')}; at q ≤ ${q}`;
  if (findings === 1) return `${start} the chance that it is false is at most about ${Math.round(q * 1000) / 10}%.`;
  const expected = q * findings;
  if (expected < 0.5) return `${start} fewer than one of them is expected to be false.`;
  return `${start} about ${formatFigure(Math.round(expected), 'count')} of them may be false.`;
}

/** A threshold as a reader takes it in: 0.05, 5, 0.2 (no trailing zeros, no exponent). */
const plain = (value: number) => String(Math.round(value * 1e6) / 1e6);

/**
 * How the page's findings were found, in one paragraph: the tests (weighted or not), one
 * Benjamini–Hochberg family over every test on the page, the floors, and what was not tested.
 */
export function describeFindingsMethod(options: { weighted: boolean; thresholds: FindingThresholds; untested: number; changes: boolean }): string {
  const { weighted, thresholds, untested, changes } = options;
  const tests = weighted
    ? 'Each comparison is design-based, as the weights require: Rao–Scott’s test for shares (R svychisq) and the weighted t-test for means (R svyttest).'
    : 'Each comparison is a two-sample test of proportions without continuity correction (R prop.test) or Welch’s t-test for means.';
  const family = changes
    ? 'A change between waves takes the trend’s own test. The false discovery rate is controlled (Benjamini–Hochberg) over every test on this page, what stands out and what changed together.'
    : 'The false discovery rate is controlled (Benjamini–Hochberg) over every test on this page.';
  const floor =
    thresholds.minPoints > 0
      ? `A finding has q ≤ ${plain(thresholds.q)} and a difference of at least ${plain(thresholds.minPoints)} percentage points (${plain(thresholds.minSd)} standard deviations for a mean).`
      : `A finding has q ≤ ${plain(thresholds.q)}, whatever the size of its difference.`;
  const left =
    untested > 0
      ? ` ${formatCounted(untested, 'comparison')} with fewer than 30 respondents on a side, or too few for the test, ${untested === 1 ? 'was' : 'were'} not tested.`
      : '';
  return `${tests} ${family} ${floor}${left}`;
}

/**
 * Who the findings compare, as their heading says it:
 *   "Respondents where Country is “Germany” (5,866) against the rest of wave 2019 (83,017)"
 *   "Each group of “WorkLoc” against the rest of the 20,949 respondents where Country is “United States”"
 */
export function describeFindingsScope(scope: {
  filters: readonly Filter[];
  by?: string;
  selected: number;
  size: number;
  wave: string;
  lookup: LabelLookup;
}): string {
  const { filters, by, selected, size, wave, lookup } = scope;
  const count = (value: number) => formatFigure(value, 'count');
  if (by !== undefined) {
    const within = filters.length > 0 ? `the ${count(selected)} ${lowerFirst(describeFilters(filters, lookup))}` : `wave ${wave}`;
    return `Each group of “${lookup(by)?.label ?? by}” against the rest of ${within}`;
  }
  return `${describeFilters(filters, lookup)} (${count(selected)}) against the rest of wave ${wave} (${count(size - selected)})`;
}
