'use client';

import { memo, startTransition, useEffect, useState } from 'react';
import type { Codebook } from '@/lib/survey/codebook-schema';
import type { ReviewQuestion } from '@/lib/view/figures/review-session';
import { ReviewRow } from './review-row';

interface ReviewTableProps {
  questions: readonly ReviewQuestion[];
  codebook: Codebook;
  several: boolean;
  selected?: string;
  onChange: (codebook: Codebook) => void;
  onSelect: (id: string) => void;
}

/**
 * Rows added per task: a survey of hundreds of questions is laid out a batch at a time, so no
 * main-thread task lays out the whole table at once (the page must answer within 100 ms).
 */
const ROWS_PER_TASK = 30;

/** How many rows are shown: a first batch at once, then a batch per task until all are. */
function useRowsShown(total: number): number {
  const [shown, setShown] = useState(ROWS_PER_TASK);
  useEffect(() => {
    if (shown >= total) return;
    const timer = window.setTimeout(() => startTransition(() => setShown((current) => current + ROWS_PER_TASK)), 0);
    return () => window.clearTimeout(timer);
  }, [shown, total]);
  return Math.min(shown, total);
}

/** One row per question; a change goes into the codebook, which the worker applies at once. Fixed column widths: rows are laid out without measuring every cell. */
export const ReviewTable = memo(function ReviewTable({ questions, codebook, several, selected, onChange, onSelect }: ReviewTableProps) {
  const shown = useRowsShown(questions.length);
  return (
    <div className="table-scroll review-table" tabIndex={0} aria-label="Questions found" data-questions={questions.length} data-shown={shown}>
      <table className={`data-table data-table--compact review-table__table${several ? ' review-table__table--waves' : ''}`}>
        <caption className="visually-hidden">The questions found in the file, with how each was read</caption>
        <colgroup>
          <col className="review-table__col--id" />
          <col className="review-table__col--label" />
          <col className="review-table__col--kind" />
          <col className="review-table__col--options" />
          <col className="review-table__col--narrow" />
          <col className="review-table__col--narrow" />
          <col className="review-table__col--narrow" />
          <col className="review-table__col--reason" />
          {several && <col className="review-table__col--waves" />}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Label</th>
            <th scope="col">Kind</th>
            <th scope="col">Options, in order</th>
            <th scope="col">Separator</th>
            <th scope="col">Left out of base</th>
            <th scope="col">Private (why)</th>
            <th scope="col">Why this kind</th>
            {several && <th scope="col">Waves</th>}
          </tr>
        </thead>
        <tbody>
          {questions.slice(0, shown).map((question) => (
            <ReviewRow
              key={question.id}
              question={question}
              codebook={codebook}
              several={several}
              selected={question.id === selected}
              onChange={onChange}
              onSelect={onSelect}
            />
          ))}
        </tbody>
      </table>
      {shown < questions.length && <p className="small muted review-table__more">Listing the other {questions.length - shown} questions…</p>}
    </div>
  );
});
