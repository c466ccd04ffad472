'use client';

import { useState } from 'react';
import type { FacetData, FacetOp } from '@/lib/view/figures/build-facets';
import type { SidebarFacet } from '@/lib/view/figures/pack-facets';
import { switchFilterOp, toggleFilterValue } from '@/lib/view/state/change-view';
import { ClearFacetButton, FacetDetails } from './facet-details';
import { FacetOptionList } from './facet-option-list';
import { useFacetOptions } from './use-facet-options';
import { useViewNavigation } from './view-navigation';

const OP_CHOICES: Record<FacetData['kind'], { op: FacetOp; label: string }[]> = {
  single: [
    { op: 'in', label: 'is' },
    { op: 'not', label: 'is not' },
  ],
  likert: [
    { op: 'in', label: 'is' },
    { op: 'not', label: 'is not' },
  ],
  multi: [
    { op: 'in', label: 'any of' },
    { op: 'all', label: 'all of' },
    { op: 'not', label: 'none of' },
  ],
  ranking: [
    { op: 'first', label: 'ranked first' },
    { op: 'in', label: 'ranked at all' },
  ],
  numeric: [],
  text: [],
  meta: [],
};

interface OptionFacetProps {
  facet: SidebarFacet;
  threshold: number;
  initiallyOpen: boolean;
  /** The facets route, which lists a collapsed facet's options once it is opened. */
  facetsPath: string;
}

/** One question's options as checkboxes with live counts; the operator (is / is not, any / all) as a switch. */
export function OptionFacet({ facet, threshold, initiallyOpen, facetsPath }: OptionFacetProps) {
  const navigation = useViewNavigation();
  const [open, setOpen] = useState(initiallyOpen);
  const [byCount, setByCount] = useState(!facet.ordered);
  const [showAll, setShowAll] = useState(false);
  // Without a filter yet, the operator is a choice for the next tick; with one, it lives in the URL.
  const [chosenOp, setChosenOp] = useState<FacetOp>(facet.op);
  // All of a long list, sent short, is needed to show it all or in the other order.
  const { options, total, loading, failed, retry } = useFacetOptions(facet, open, showAll || byCount === facet.ordered, facetsPath);
  if (!navigation) return null;
  const { nav, go } = navigation;
  const op = facet.active ? facet.op : chosenOp;
  const chooseOp = (next: FacetOp) => (facet.active ? next !== facet.op && go(switchFilterOp(nav.state, facet.id, facet.op, next)) : setChosenOp(next));
  const choices = OP_CHOICES[facet.kind];
  return (
    <FacetDetails id={facet.id} label={facet.label} active={facet.active} open={open} onToggle={setOpen}>
      <fieldset className="facet__body" aria-busy={loading || undefined}>
        <legend className="visually-hidden">{facet.label}</legend>
        <div className="facet__tools">
          {choices.length > 1 && (
            <span className="segmented" role="group" aria-label={`How to combine ${facet.label}`}>
              {choices.map((choice) => (
                <button key={choice.op} type="button" aria-pressed={op === choice.op} onClick={() => chooseOp(choice.op)}>
                  {choice.label}
                </button>
              ))}
            </span>
          )}
          {facet.ordered && (
            <button type="button" className="link-button small" onClick={() => setByCount(!byCount)}>
              {byCount ? 'In order' : 'By count'}
            </button>
          )}
          {facet.active && <ClearFacetButton questionId={facet.id} />}
        </div>
        {options ? (
          <FacetOptionList
            options={options}
            total={total}
            threshold={threshold}
            // A short list in the other order would name the wrong options: it keeps its own until all arrive.
            byCount={total === undefined ? byCount : !facet.ordered}
            showAll={showAll}
            onShowAll={() => setShowAll(true)}
            onToggle={(value) => go(toggleFilterValue(nav.state, facet.id, value, op))}
          />
        ) : failed ? (
          <p className="muted small" role="alert">
            The options could not be loaded.{' '}
            <button type="button" className="link-button small" onClick={retry}>
              Try again
            </button>
          </p>
        ) : (
          <p className="muted small" role="status">
            Loading the options…
          </p>
        )}
      </fieldset>
    </FacetDetails>
  );
}
