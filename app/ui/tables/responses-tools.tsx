'use client';

import { useId, useState, type FormEvent } from 'react';
import { changeView } from '@/lib/view/state/change-view';
import type { QuestionKind } from '@/lib/survey/types';
import { useViewNavigation } from '../filters/view-navigation';
import { KIND_NAMES } from '../survey/kind-badge';

export interface ColumnChoice {
  id: string;
  label: string;
  kind: QuestionKind;
}

interface ResponsesToolsProps {
  columns: readonly ColumnChoice[];
  shown: readonly string[];
  /** The answers-only default, for "answers only". */
  defaults: readonly string[];
}

/** Search every cell, and choose the columns: what the responses table (and its download) holds. */
export function ResponsesTools({ columns, shown, defaults }: ResponsesToolsProps) {
  const navigation = useViewNavigation();
  const id = useId();
  const [text, setText] = useState(navigation?.nav.state.search ?? '');
  if (!navigation) return null;
  const { nav, go } = navigation;
  const search = (event: FormEvent) => {
    event.preventDefault();
    go(changeView(nav.state, { search: text.trim() === '' ? undefined : text.trim(), page: 1 }));
  };
  const setColumns = (next: string[]) => go(changeView(nav.state, { columns: next, page: 1 }));
  const toggle = (column: string) =>
    setColumns(shown.includes(column) ? shown.filter((c) => c !== column) : columns.map((c) => c.id).filter((c) => c === column || shown.includes(c)));
  return (
    <div className="responses-tools">
      <form role="search" className="responses-search" onSubmit={search}>
        <label htmlFor={`${id}-search`}>Search the responses</label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          placeholder="Any word in any cell, free text included"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button--small">
          Search
        </button>
        {nav.state.search && (
          <button
            type="button"
            className="link-button small"
            onClick={() => {
              setText('');
              go(changeView(nav.state, { search: undefined, page: 1 }));
            }}
          >
            Clear the search
          </button>
        )}
      </form>
      <details className="column-picker">
        <summary>
          Columns ({shown.length} of {columns.length})
        </summary>
        <div className="column-picker__body">
          <p className="small">
            <button type="button" className="link-button" onClick={() => setColumns([...defaults])}>
              Answers only
            </button>{' '}
            ·{' '}
            <button type="button" className="link-button" onClick={() => setColumns(columns.map((column) => column.id))}>
              All columns
            </button>
          </p>
          <ul>
            {columns.map((column) => (
              <li key={column.id}>
                <label>
                  <input type="checkbox" checked={shown.includes(column.id)} onChange={() => toggle(column.id)} /> {column.label}{' '}
                  <span className="muted small">({KIND_NAMES[column.kind].toLowerCase()})</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      </details>
    </div>
  );
}
