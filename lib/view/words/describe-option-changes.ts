import type { OptionChange } from '../../survey/option-changes';

/** Names listed in a sentence, the first few and how many more. */
function listSome(names: readonly string[], most = 6): string {
  const quoted = names.slice(0, most).map((name) => `“${name}”`);
  return names.length > most ? `${quoted.join(', ')} and ${names.length - most} more` : quoted.join(', ');
}

/**
 * The trend's answer list as it changed, one sentence per wave with a change: "2020: 14 options
 * added (“Falco”, …); “rkt” dropped." When the options come from the answers rather than from
 * the export's list, an absent one may only have gone unchosen, and the sentence says so.
 */
export function describeOptionChanges(changes: readonly OptionChange[]): string[] {
  return changes.map((change) => {
    const [added, dropped] = change.listed ? ['added', 'dropped'] : ['first chosen', 'chosen by nobody'];
    const parts = [
      ...(change.added.length > 0 ? [`${change.added.length === 1 ? 'option' : `${change.added.length} options`} ${added}: ${listSome(change.added)}`] : []),
      ...(change.dropped.length > 0
        ? [`${change.dropped.length === 1 ? 'option' : `${change.dropped.length} options`} ${dropped}: ${listSome(change.dropped)}`]
        : []),
    ];
    return `${change.waveId} (against ${change.fromWaveId}): ${parts.join('; ')}.`;
  });
}
