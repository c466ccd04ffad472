'use client';

import { useMemo } from 'react';
import { unpackFigures, type PackedFigures } from '@/lib/view/figures/pack-figures';
import { ChartLegend } from '../charts/chart-legend';
import { QuestionChart } from '../charts/question-chart';
import { FigureTable, type FigureTableWords } from '../tables/figure-table';

interface QuestionFiguresProps {
  /** The table's figures, and the chart's as a part of them (absent when the view shows the table only). */
  figures: PackedFigures;
  chartHeading: string;
  significanceMethod: string;
  table: FigureTableWords;
}

/**
 * A question's chart and its table of figures, both drawn from one packed copy of the figures:
 * a page sends them once, compactly, instead of the chart's data beside a server-rendered row
 * tree of the same numbers (issue 25). The server still renders both for the first paint.
 */
export function QuestionFigures({ figures, chartHeading, significanceMethod, table: words }: QuestionFiguresProps) {
  const { table, chart } = useMemo(() => unpackFigures(figures), [figures]);
  return (
    <>
      {chart && (
        <section className="card" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{chartHeading}</h2>
          <QuestionChart
            data={chart}
            variant="full"
            caption={
              chart.hidden > 0
                ? `The chart shows the ${chart.categories.length} largest of ${chart.categories.length + chart.hidden} options; the table lists all of them.`
                : undefined
            }
          />
          <ChartLegend data={chart} significanceMethod={significanceMethod} />
        </section>
      )}
      <section className="section" aria-label="Table of figures">
        <FigureTable data={table} {...words} />
      </section>
    </>
  );
}
