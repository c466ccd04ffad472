'use client';

import { useState } from 'react';
import type { FacetData, FacetOp } from '@/lib/view/figures/build-facets';
import { switchFilterOp, toggleFilterValue } from '@/lib/view/state/change-view';
import { formatFigure } from '@/lib/view/words/format-figure';
import { FacetCheckbox } from './facet-checkbox';
import { ClearFacetButton, FacetDetails } from './facet-details';
import { useViewNavigation } from './view-navigation';

/** Long option lists show this many (plus any selected) until “show all”. */
const COLLAPSED = 10;

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

function formatCount(count: number | null, threshold: number): string {
  return count === null ? `<${threshold}` : formatFigure(count, 'count');
}

/** One question's options as checkboxes with live counts; the operator (is / is not, any / all) as a switch. */
export function OptionFacet({ facet, threshold, open }: { facet: FacetData; threshold: number; open: boolean }) {
  const navigation = useViewNavigation();
  const [byCount, setByCount] = useState(!facet.ordered);
  const [showAll, setShowAll] = useState(false);
  // Without a filter yet, the operator is a choice for the next tick; with one, it lives in the URL.
  const [chosenOp, setChosenOp] = useState<FacetOp>(facet.op);
  if (!navigation) return null;
  const { nav, go } = navigation;
  const op = facet.active ? facet.op : chosenOp;
  const chooseOp = (next: FacetOp) => (facet.active ? next !== facet.op && go(switchFilterOp(nav.state, facet.id, facet.op, next)) : setChosenOp(next));
  const sorted = byCount ? [...facet.options].sort((a, b) => (b.count ?? threshold / 2) - (a.count ?? threshold / 2)) : facet.options;
  const shown = showAll || sorted.length <= COLLAPSED + 2 ? sorted : sorted.filter((option, index) => index < COLLAPSED || option.selected);
  const choices = OP_CHOICES[facet.kind];
  return (
    <FacetDetails id={facet.id} label={facet.label} active={facet.active} initiallyOpen={open}>
      <fieldset className="facet__body">
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
        <ul className="facet__options">
          {shown.map((option) => (
            <li key={option.value}>
              <FacetCheckbox
                label={option.label}
                count={formatCount(option.count, threshold)}
                selected={option.selected}
                onToggle={() => go(toggleFilterValue(nav.state, facet.id, option.value, op))}
              />
            </li>
          ))}
        </ul>
        {shown.length < sorted.length && (
          <button type="button" className="link-button small" onClick={() => setShowAll(true)}>
            Show all {sorted.length} options
          </button>
        )}
      </fieldset>
    </FacetDetails>
  );
}
