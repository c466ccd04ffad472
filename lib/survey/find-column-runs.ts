import { answeredCells, sampleOf, type IngestedColumn } from './column-encoder';
import { matchLikertScale } from './likert-scales';
import type { ColumnHeader } from './read-column-headers';
import { optionRuns } from './option-runs';

/**
 * Neighbouring columns that are one question although their headers share no stem: only their
 * answers say so. Typeform names each column of a multi-select by the option alone (the
 * question is nowhere in the file), a hand-flattened SurveyMonkey export names them `Column2`…
 * (Excel's default table names), and the rows of a rating grid may each carry a name of their
 * own. Each run says what it saw, for the question's `reason`.
 */
export interface ColumnRun {
  /** Positions in the header list (not file indexes), in order. */
  positions: number[];
  label: string;
  /** Per column: its option or row name ('' when the cells name the option). */
  items: string[];
  /** Per column: a code for it (a row named by its own column keeps that name as its id). */
  codes: string[];
  /** Positions in the run of columns holding typed "Other" answers. */
  typed: number[];
  /** Rows named by their own header, not by a stem plus an item. */
  stemless: boolean;
  /** The file holds no question text for it: the label lists its first options. */
  untitled: boolean;
  evidence: string;
}

/** What the run finders read of each column. */
export interface RunColumn {
  header: ColumnHeader;
  /** Respondents per answered value (of a sample, for a packed column). */
  cells: Map<string, number>;
  encoded: IngestedColumn;
  /** Not already grouped by its header (no shared stem, code or bracket) and not a metadata column. */
  loose: boolean;
}

/** Answers on one known ordered scale, used by every row: a rating grid whose rows are named only by their columns. */
function scaleRuns(columns: RunColumn[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  // Rows named by short handles ("Skills-Advance-Career"), not questions of their own ("Are your CI needs being met?").
  const named = (column: RunColumn) => column.header.name.length <= 60 && !column.header.name.includes('?');
  const fits = (column: RunColumn) => column.loose && named(column) && column.cells.size >= 2 && column.cells.size <= 12;
  let i = 0;
  while (i < columns.length) {
    let j = i;
    const union = new Set<string>();
    while (j < columns.length && fits(columns[j])) {
      const values = new Set([...union, ...columns[j].cells.keys()]);
      if (!matchLikertScale([...values])) break;
      for (const value of columns[j].cells.keys()) union.add(value);
      j++;
    }
    const used = columns.slice(i, j).every((column) => column.cells.size >= 0.4 * union.size);
    if (j - i >= 3 && used) {
      const names = columns.slice(i, j).map((column) => column.header.name);
      runs.push({
        positions: Array.from({ length: j - i }, (_, k) => i + k),
        label: `${names[0]} … ${names.at(-1)}`,
        items: names,
        codes: columns.slice(i, j).map((column) => column.header.code || column.header.name),
        typed: [],
        stemless: true,
        untitled: true,
        evidence: `${j - i} neighbouring columns whose headers share no stem, each answered on the same ordered scale of ${union.size} answers`,
      });
    }
    i = Math.max(j, i + 1);
  }
  return runs;
}

/** The runs of a file's named columns, left to right; a column is in one run at most. */
export function findColumnRuns(
  headers: ColumnHeader[],
  column: (index: number) => IngestedColumn,
  isMissing: (value: string) => boolean,
  loose: (header: ColumnHeader) => boolean,
): ColumnRun[] {
  const columns: RunColumn[] = headers.map((header) => {
    const encoded = column(header.index);
    return { header, encoded, cells: answeredCells(sampleOf(encoded), isMissing), loose: loose(header) };
  });
  const runs = optionRuns(columns, isMissing);
  const taken = new Set(runs.flatMap((run) => run.positions));
  const free = columns.map((entry, position) => ({ ...entry, loose: entry.loose && !taken.has(position) }));
  return [...runs, ...scaleRuns(free)].sort((a, b) => a.positions[0] - b.positions[0]);
}
