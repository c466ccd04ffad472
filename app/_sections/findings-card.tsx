import Link from 'next/link';
import { changeView } from '@/lib/view/state/change-view';
import { findingsHeaderOf, listTopFindings } from '@/lib/view/figures/findings-page';
import { computeFindingsView } from '@/lib/view/figures/findings-view';
import type { Wave } from '@/lib/survey/types';
import { getWaveLinks, getWaves } from '@/lib/store/survey-store';
import type { OpenView } from '../_server/open-view';
import { FindingList } from '../ui/findings/finding-list';

/**
 * The overview's "What stands out" card, once a filter or a compare-by is set: the three strongest
 * findings of the view, computed as the findings page computes them (the same family of tests,
 * so every wave and their links are read for what changed) and linked to it.
 */
export async function FindingsCard({ view, reference }: { view: OpenView; reference: Wave }) {
  const { state, hrefs, dataset } = view;
  const href = hrefs.findings(changeView(state, { page: 1 }));
  const loaded = (await getWaves(dataset)).flatMap((result) =>
    result.ok ? [{ id: result.wave.id, survey: result.survey, ...(result.wave.label ? { label: result.wave.label } : {}) }] : [],
  );
  const full = { ...view, reference, everyWave: loaded, waveLinks: getWaveLinks(dataset, loaded) };
  const findings = computeFindingsView(full);
  const heading = (
    <div className="section__head">
      <h2 id="findings-card-heading">What stands out</h2>
      {!findings.refused && (
        <Link className="button button--small" href={href} prefetch={false}>
          All findings →
        </Link>
      )}
    </div>
  );
  if (findings.refused)
    return (
      <section className="card findings-card" aria-labelledby="findings-card-heading">
        {heading}
        <p className="muted">{findings.refused}</p>
      </section>
    );
  const top = listTopFindings(full, findings);
  return (
    <section className="card findings-card" aria-labelledby="findings-card-heading">
      {heading}
      <p className="small muted">{findingsHeaderOf(findings)}</p>
      {top.length > 0 ? (
        <FindingList items={top} sides={['Selected', 'Rest']} compact />
      ) : (
        <p>
          {findings.problems.length > 0
            ? `Not scanned: ${findings.problems.join('; ')}.`
            : 'Nothing in this selection differs from the rest by more than chance and the floor.'}
        </p>
      )}
    </section>
  );
}
