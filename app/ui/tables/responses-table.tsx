'use client';

import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type Header, type SortingState, type Updater } from '@tanstack/react-table';
import type { ResponseColumn, ResponseRow } from '@/lib/view/responses/read-responses-page';
import { changeView } from '@/lib/view/state/change-view';
import { useViewNavigation } from '../filters/view-navigation';
import { ScrollFrame } from './scroll-frame';

interface ResponsesTableProps {
  columns: ResponseColumn[];
  rows: ResponseRow[];
  sort?: string;
  desc: boolean;
}

/** Cells longer than this are cut by CSS; the full text is then in the cell's title. */
const TITLE_FROM = 28;

const helper = createColumnHelper<ResponseRow>();

function buildColumns(columns: ResponseColumn[]) {
  return [
    helper.accessor('respondent', { id: '_row', header: '#', enableSorting: false, meta: { rowHead: true } }),
    helper.accessor('line', { id: '_line', header: 'Line', enableSorting: false, meta: { numeric: true } }),
    ...columns.map((column, index) =>
      helper.accessor((row) => row.cells[index], { id: column.id, header: column.label, meta: { column, numeric: column.kind === 'numeric' } }),
    ),
  ];
}

interface ColumnMeta {
  column?: ResponseColumn;
  numeric?: boolean;
  rowHead?: boolean;
}

/** The header button the reader last sorted by: the page re-renders, and focus must not fall to <body>. */
const FOCUS_KEY = 'survey-lens:sorted-by';

/** A column's own search, under its heading: Enter applies it (and Escape-clears it by emptying). */
function ColumnFilter({ column }: { column: ResponseColumn }) {
  const navigation = useViewNavigation();
  const current = navigation?.nav.state.matches[column.id] ?? '';
  const [text, setText] = useState(current);
  if (!navigation) return null;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const matches = { ...navigation.nav.state.matches };
    if (text.trim() === '') delete matches[column.id];
    else matches[column.id] = text.trim();
    navigation.go(changeView(navigation.nav.state, { matches, page: 1 }));
  };
  return (
    <form className="column-filter" onSubmit={apply}>
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Filter…"
        aria-label={`Rows whose ${column.label} contains…`}
      />
    </form>
  );
}

function SortHeader({ header }: { header: Header<ResponseRow, unknown> }) {
  const meta = header.column.columnDef.meta as ColumnMeta | undefined;
  const sorted = header.column.getIsSorted();
  if (!meta?.column) {
    return (
      <th scope="col" className={meta?.rowHead ? 'row-head' : 'row-head-static'}>
        {flexRender(header.column.columnDef.header, header.getContext())}
      </th>
    );
  }
  const next = sorted === 'asc' ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} title={meta.column.label}>
      <button
        type="button"
        className="sort-button"
        data-column={meta.column.id}
        onClick={(event) => {
          sessionStorage.setItem(FOCUS_KEY, meta.column!.id);
          header.column.getToggleSortingHandler()?.(event);
        }}
      >
        <span className="sort-button__id">
          {meta.column.id}
          <span className="sort-button__icon" aria-hidden="true">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
          </span>
        </span>
        {meta.column.label !== meta.column.id && <span className="sort-button__label">{meta.column.label}</span>}
        <span className="visually-hidden">, sort {next}</span>
      </button>
      <ColumnFilter column={meta.column} />
    </th>
  );
}

/**
 * The raw responses, one page, sorted on the server. Sorting and paging live in the URL: a
 * header click navigates to the same page with `_sort`/`_desc` set and `_page` reset.
 */
export function ResponsesTable({ columns, rows, sort, desc }: ResponsesTableProps) {
  const navigation = useViewNavigation();
  const pending = navigation?.pending ?? false;
  const sorting: SortingState = sort ? [{ id: sort, desc }] : [];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const [next] = typeof updater === 'function' ? updater(sorting) : updater;
    if (!next || !navigation) return;
    navigation.go(changeView(navigation.nav.state, { sort: next.id, desc: next.desc, page: 1 }));
  };
  const columnDefs = useMemo(() => buildColumns(columns), [columns]);
  // After a sort navigates, focus goes back to the heading that was activated.
  useEffect(() => {
    const column = sessionStorage.getItem(FOCUS_KEY);
    if (!column || column !== sort) return;
    sessionStorage.removeItem(FOCUS_KEY);
    document.querySelector<HTMLButtonElement>(`.sort-button[data-column="${CSS.escape(column)}"]`)?.focus();
  }, [sort, desc]);
  // TanStack v8 hands back fresh functions each render, so the React Compiler skips this component; it re-renders only on navigation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
  });
  return (
    <ScrollFrame label="Responses" className="responses__scroll" data-pending={pending} aria-busy={pending}>
      <table className="responses-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => {
                const meta = cell.column.columnDef.meta as ColumnMeta | undefined;
                const text = String(cell.getValue() ?? '');
                if (meta?.rowHead) {
                  return (
                    <th key={cell.id} scope="row" className="row-head">
                      {text}
                    </th>
                  );
                }
                return (
                  <td key={cell.id} className={meta?.numeric ? 'num' : undefined} title={text.length > TITLE_FROM ? text : undefined}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
