import { normaliseQuestionText } from './question-likeness';
import type { Question } from './types';
import { WRITTEN_IN } from './write-ins';

/** What changed in a question's answer list from the wave linked before it. */
export interface OptionChange {
  waveId: string;
  /** The wave it is compared with (the one linked before it). */
  fromWaveId: string;
  /** Options this wave has and the one before did not (as this wave words them). */
  added: string[];
  /** Options the wave before had and this one does not (as that wave words them). */
  dropped: string[];
  /**
   * Whether both lists are the export's own (one column per option, or a codebook's list): then
   * an option absent was not offered. Otherwise options come from the answers, and one absent
   * may only have been chosen by nobody.
   */
  listed: boolean;
}

/** The export names every option (a column each, or the codebook lists them): an absent one was not offered. */
function listsItsOptions(question: Question): boolean {
  if (question.kind === 'multi') return question.layout === 'columns';
  if (question.kind === 'ranking') return question.layout !== 'ordered-list';
  return question.source.columns.length > 1;
}

function labelsOf(question: Question): Map<string, string> {
  const labels = new Map<string, string>();
  if (!('options' in question)) return labels;
  for (const option of question.options) if (option.value !== WRITTEN_IN) labels.set(normaliseQuestionText(option.label), option.label);
  return labels;
}

/**
 * Per linked wave after the first, the options that appeared and disappeared: a list that grew
 * from 31 to 91 projects is one question whose new options are said on its trend, with the wave
 * they came in (and the ones renamed, until a codebook alias joins them, as one dropped and one
 * added). Only waves with a change are listed.
 */
export function describeOptionChanges(chain: readonly { waveId: string; question: Question }[]): OptionChange[] {
  const changes: OptionChange[] = [];
  for (let k = 1; k < chain.length; k++) {
    const before = labelsOf(chain[k - 1].question);
    const now = labelsOf(chain[k].question);
    if (before.size === 0 && now.size === 0) continue;
    const added = [...now].filter(([key]) => !before.has(key)).map(([, label]) => label);
    const dropped = [...before].filter(([key]) => !now.has(key)).map(([, label]) => label);
    if (added.length === 0 && dropped.length === 0) continue;
    const listed = listsItsOptions(chain[k - 1].question) && listsItsOptions(chain[k].question);
    changes.push({ waveId: chain[k].waveId, fromWaveId: chain[k - 1].waveId, added, dropped, listed });
  }
  return changes;
}
