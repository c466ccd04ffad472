'use client';

import { useId, useState } from 'react';
import { changeView } from '@/lib/view/state/change-view';
import { normaliseName } from '@/lib/view/state/suggest-name';
import { MAX_CROSSTAB_ROWS, type CrosstabPercent } from '@/lib/view/state/view-state';
import { useViewNavigation } from './view-navigation';

export interface PickableQuestion {
  id: string;
  label: string;
}

/** A select of questions with a search box that narrows it: hundreds of questions stay findable. */
function QuestionSelect({
  label,
  questions,
  value,
  placeholder,
  onPick,
}: {
  label: string;
  questions: readonly PickableQuestion[];
  value?: string;
  placeholder: string;
  onPick(id: string): void;
}) {
  const [query, setQuery] = useState('');
  const id = useId();
  const wanted = normaliseName(query);
  const shown = questions.filter((question) => question.id === value || wanted === '' || normaliseName(`${question.label} ${question.id}`).includes(wanted));
  return (
    <div className="question-select">
      <label htmlFor={`${id}-select`}>{label}</label>
      <input
        type="search"
        className="question-select__search"
        placeholder="Type to narrow the list…"
        aria-label={`Search the questions for: ${label}`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <select id={`${id}-select`} value={value ?? ''} onChange={(event) => event.target.value && onPick(event.target.value)}>
        <option value="">{shown.length === 0 ? 'No question matches' : placeholder}</option>
        {shown.map((question) => (
          <option key={question.id} value={question.id}>
            {question.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const PERCENTS: { value: CrosstabPercent; label: string }[] = [
  { value: 'column', label: 'Column %' },
  { value: 'row', label: 'Row %' },
  { value: 'total', label: 'Total %' },
];

/** What the crosstab shows: row questions (stacked), the column question, and which percentage. */
export function CrosstabPicker({
  questions,
  rows,
  cols,
  pct,
}: {
  questions: readonly PickableQuestion[];
  rows: readonly string[];
  cols?: string;
  pct: CrosstabPercent;
}) {
  const navigation = useViewNavigation();
  if (!navigation) return null;
  const { nav, go } = navigation;
  const labelOf = (id: string) => questions.find((question) => question.id === id)?.label ?? id;
  return (
    <section className="card crosstab-picker" aria-label="Build the crosstab">
      <div className="crosstab-picker__row">
        <div className="crosstab-picker__rows">
          <span className="crosstab-picker__heading">Rows</span>
          {rows.length > 0 && (
            <ul className="chip-list">
              {rows.map((id) => (
                <li key={id} className="chip">
                  {labelOf(id)}
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={`Remove the row question ${labelOf(id)}`}
                    onClick={() => go(changeView(nav.state, { rows: rows.filter((row) => row !== id) }))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {rows.length < MAX_CROSSTAB_ROWS && (
            <QuestionSelect
              label={rows.length === 0 ? 'Row question' : 'Stack another row question'}
              questions={questions.filter((question) => !rows.includes(question.id) && question.id !== cols)}
              placeholder="Choose a question…"
              onPick={(id) => go(changeView(nav.state, { rows: [...rows, id] }))}
            />
          )}
        </div>
        <QuestionSelect
          label="Column question (banner)"
          questions={questions.filter((question) => !rows.includes(question.id))}
          value={cols}
          placeholder="Choose a question…"
          onPick={(id) => go(changeView(nav.state, { cols: id }))}
        />
      </div>
      <div className="segmented" role="group" aria-label="Percentages shown">
        {PERCENTS.map((choice) => (
          <button
            key={choice.value}
            type="button"
            aria-pressed={pct === choice.value}
            onClick={() => pct !== choice.value && go(changeView(nav.state, { pct: choice.value }))}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </section>
  );
}
