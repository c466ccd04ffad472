import type { Filter } from '../../../lib/analysis/filters';
import type { ViewState } from '../../../lib/view/state/view-state';

/** A filter in one call: f('role', 'in', 'Backend', 'Data'). */
export const f = (question: string, op: Filter['op'], ...values: string[]): Filter => ({ question, op, values });

/** The state of a URL with nothing in it (written out here, not taken from lib), with changes. */
export const viewState = (change: Partial<ViewState> = {}): ViewState => ({
  filters: [],
  base: 'answered',
  weighted: false,
  desc: false,
  page: 1,
  display: 'chart',
  rows: [],
  pct: 'column',
  matches: {},
  ...change,
});
