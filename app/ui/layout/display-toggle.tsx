import Link from 'next/link';
import { changeView } from '@/lib/view/state/change-view';
import type { ViewState } from '@/lib/view/state/view-state';
import type { ViewHrefs } from '@/lib/view/state/write-view-query';

/** The chart ↔ table switch of a question, grid or trend page: the same view with the other display. */
export function DisplayToggle({ questionId, state, hrefs }: { questionId: string; state: ViewState; hrefs: ViewHrefs }) {
  return (
    <Link
      className="button button--small"
      href={hrefs.question(questionId, changeView(state, { display: state.display === 'table' ? 'chart' : 'table' }))}
      scroll={false}
      prefetch={false}
    >
      {state.display === 'table' ? 'Show the chart' : 'Table only'}
    </Link>
  );
}
