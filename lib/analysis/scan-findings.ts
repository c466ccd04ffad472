import type { Question, Survey } from '../survey/types';
import type { Selection } from './selection';
import type { FigureSettings } from './figure';
import { aggregatable } from './question-figures';
import { selectAll } from './selection';
import type { Segment } from './segments';
import { compareGroup, type ComparedGroup } from './compare-groups';
import { prepareOverWholeWave, prepareQuestion } from './scan-measures';
import type { FindingRow, TestedScan } from './finding-row';
import { pickFindings, type FindingsScan, type FindingThresholds } from './pick-findings';

/** At least this many respondents in each side's base, or the comparison is not tested (issue 23). */
export const DEFAULT_MIN_BASE = 30;

export interface FindingsRequest {
  /** The selected respondents (the view's filters applied). */
  selection: Selection;
  /**
   * Compare-by: the selection's segments (lib/analysis/segments), each compared with the rest of
   * the selection. Without them the selection is compared with the rest of its wave.
   */
  segments?: readonly Segment[];
  /** Question ids left out: those that define the selection or the segments, and those linked to them (the caller knows the links). */
  skip: ReadonlySet<string>;
  /** Base rule, weights and level, as the view's figures take them (public mode is not supported: see testFindings). */
  settings: FigureSettings;
  /** Default DEFAULT_MIN_BASE. */
  minBase?: number;
}

/**
 * The questions a scan reads: every chartable one (free text, metadata and personal data are never
 * aggregated), but the skipped ones and the codebook's weight column (a design variable, not an answer).
 */
export function scannedQuestions(survey: Survey, skip: ReadonlySet<string>): Question[] {
  return survey.questions.filter(
    (question) => aggregatable(question) && !question.personal && !skip.has(question.id) && question.id !== survey.weightQuestionId,
  );
}

function notIn(universe: Uint32Array, group: Uint32Array): Uint32Array {
  const rest = new Uint32Array(universe.length);
  for (let w = 0; w < rest.length; w++) rest[w] = universe[w] & ~group[w];
  return rest;
}

/**
 * Every comparison of one wave, in scan order (question, then group, then option): the selection against the rest of the wave, or each segment
 * against the rest of the selection, over every scanned question (lib/analysis/compare-groups:
 * shares per option, top-2 box, ranked first, means). Each question's figures over all compared
 * respondents are computed once and shared by the groups.
 *
 * Public mode is refused: the figures' tallies are the true counts (their perturbed counts are
 * for display), so a test on them would publish what the cell-key noise hides.
 */
export function testFindings(survey: Survey, request: FindingsRequest): TestedScan {
  if (request.settings.recordKeys) throw new Error('findings are not available in public mode: their tests would read unperturbed counts');
  const settings: FigureSettings = { ...request.settings, surveySize: survey.size };
  const minBase = request.minBase ?? DEFAULT_MIN_BASE;
  const universe = request.segments ? request.selection : selectAll(survey.size);
  const groups: ComparedGroup[] = (request.segments ?? [{ value: '', label: '', selection: request.selection }]).map((group) => ({
    value: group.value,
    label: group.label,
    selection: group.selection,
    rest: notIn(universe.bits, group.selection.bits),
  }));
  const rows: FindingRow[] = [];
  let untested = 0;
  for (const question of scannedQuestions(survey, request.skip)) {
    const prepared = request.segments ? prepareQuestion(question, universe, settings) : prepareOverWholeWave(question, universe, settings);
    for (const group of groups) {
      const compared = compareGroup(prepared, group, settings, minBase);
      rows.push(...compared.rows);
      untested += compared.untested;
    }
  }
  return { rows, untested };
}

/** testFindings, then the false discovery rate controlled over all its tests and the findings picked and ranked (lib/analysis/pick-findings). */
export function scanFindings(survey: Survey, request: FindingsRequest, thresholds?: Partial<FindingThresholds>): FindingsScan {
  return pickFindings(testFindings(survey, request), thresholds);
}
