import { writeFindingsCsv, writeFindingsJson } from '../../analysis/write-findings';
import { writeFilterText } from '../state/filter-grammar';
import type { ExportFormat } from '../state/view-keys';
import type { ViewState } from '../state/view-state';
import type { FindingsView } from './findings-view';

/**
 * The findings page's download — every finding of the view (all its pages) and every change, the
 * rows the page words as sentences — as CSV or JSON: what the page's links fetch and
 * `survey-lens findings` prints, byte for byte.
 */
export function writeFindingsDownload(datasetId: string, state: ViewState, findings: FindingsView, format: ExportFormat): string {
  if (format === 'csv') return writeFindingsCsv(findings.findings, findings.changes);
  const header = {
    dataset: datasetId,
    wave: findings.wave?.id ?? null,
    previous_wave: findings.previous?.id ?? null,
    filters: writeFilterText(state.filters),
    by: state.by ?? null,
    weighted: findings.weighted,
    tests: findings.tests,
    untested: findings.untested,
    thresholds: findings.thresholds,
    notes: [...findings.problems, ...findings.notes],
  };
  return writeFindingsJson(header, findings.findings, findings.changes);
}
