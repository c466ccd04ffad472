import { computeFindingsView, FINDINGS_NOT_PUBLIC } from '../lib/view/figures/findings-view';
import { writeFindingsDownload } from '../lib/view/figures/findings-download';
import { openCliView, type ViewArguments } from './cli-view';

/**
 * `survey-lens findings`: the findings page's download on standard output — every finding of the
 * view (its filters against the rest of the wave, or each --by segment against the rest of the
 * selection) and every change since the previous wave, one row each, from the same view state
 * and the same computation as the page (lib/view/figures/findings-view). The JSON says how many
 * tests were made. Public mode is refused. Returns the exit code.
 */
export async function runFindings(args: ViewArguments, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  // Every wave is read: "what changed" compares the wave scanned with the one before it.
  const opened = await openCliView(args, { allWaves: false, everyWave: true });
  if ('exit' in opened) {
    for (const message of opened.messages) err(`survey-lens: ${message}\n`);
    return opened.exit;
  }
  const { view, notes, format } = opened;
  if (view.defaults.disclosure === 'public') {
    err(`survey-lens: ${FINDINGS_NOT_PUBLIC}\n`);
    return 2;
  }
  const findings = computeFindingsView(view);
  for (const note of [...notes, ...findings.notes]) err(`survey-lens: note: ${note}\n`);
  if (findings.problems.length > 0) {
    for (const problem of findings.problems) err(`survey-lens: ${problem}\n`);
    return 2;
  }
  if (findings.compares === 'nothing') err('survey-lens: note: no --where and no --by: only what changed since the previous wave is tested\n');
  out(writeFindingsDownload(view.dataset.id, view.state, findings, format));
  return 0;
}
