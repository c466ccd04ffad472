import type { Survey } from '../survey/types';

/** The flag every exported row of a wave read only in part carries (README: the flags column). */
export const PARTIAL_FLAG = 'partial-file';

/**
 * Whether a wave's figures come from part of its file: records were skipped (bad quotes, wrong
 * width, a cut-off end). Said on every page and in every export of that wave, not only on the
 * dataset page: a figure from 2,558 of 6,400 respondents must not pass for the whole survey.
 */
export function describePartialRead(survey: Pick<Survey, 'issues' | 'recordsRead' | 'size'>): string | undefined {
  const errors = survey.issues.filter((issue) => issue.severity === 'error');
  if (errors.length === 0) return undefined;
  const lines = errors.flatMap((issue) => (issue.line ? [issue.line] : [])).slice(0, 3);
  const skipped = Math.max(0, survey.recordsRead - survey.size);
  return `The file was read only in part: ${skipped > 0 ? `${skipped.toLocaleString('en-US')} record${skipped === 1 ? ' was' : 's were'} skipped` : 'records could not be read'}${lines.length > 0 ? ` (line ${lines.join(', ')}${errors.length > lines.length ? ', …' : ''})` : ''}, so these figures cover the ${survey.size.toLocaleString('en-US')} respondents read.`;
}

/** The flag every row of a trend carries when one of its waves could not be read (the notes say which, and why). */
const MISSING_WAVE_FLAG = 'missing-wave';

/** Copies of the rows with a flag added (rows may be a cached view's, frozen: never changed in place). */
function addFlag<Row extends { flags: string }>(rows: readonly Row[], flag: string): Row[] {
  return rows.map((row) => ({ ...row, flags: row.flags ? `${row.flags};${flag}` : flag }));
}

/** Adds the partial-file flag to rows (aggregate or crosstab) of a wave read in part. */
export function flagPartial<Row extends { flags: string }>(rows: Row[], partial: boolean): Row[] {
  return partial ? addFlag(rows, PARTIAL_FLAG) : rows;
}

/** Adds the missing-wave flag to every row of a trend that lacks a wave it should have had. */
export function flagMissingWaves<Row extends { flags: string }>(rows: readonly Row[], missingWaves: readonly string[]): readonly Row[] {
  return missingWaves.length > 0 ? addFlag(rows, MISSING_WAVE_FLAG) : rows;
}
