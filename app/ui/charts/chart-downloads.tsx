'use client';

import { useState } from 'react';
import { composeChartSvg, readInLightScheme, type LegendEntry } from './compose-chart-svg';
import { InlineError } from '../layout/inline-error';
import { saveDownload } from './save-download';
import { DRAW_NOW_EVENT } from './use-window-place';

interface ChartDownloadsProps {
  /** Finds the chart on the page: its <figure data-question=…>. */
  questionId: string;
  title: string;
  /** Filters, base and n, dataset and wave: printed under the chart so a pasted image explains itself. */
  caption: string[];
  /** File name without extension. */
  fileBase: string;
}

function readLegend(figure: Element): LegendEntry[] {
  return [...(figure.parentElement?.querySelectorAll('.chart-legend__item') ?? [])].map((item) => ({
    label: item.textContent?.trim() ?? '',
    color: getComputedStyle(item.querySelector('.chart-legend__swatch') ?? item).backgroundColor,
  }));
}

async function toPng(svgText: string, width: number, height: number): Promise<Blob> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart image could not be drawn'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw images');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be written'))), 'image/png'));
}

/** PNG and SVG of the chart on screen, with its title, filters, base and source drawn in. */
export function ChartDownloads({ questionId, title, caption, fileBase }: ChartDownloadsProps) {
  const [error, setError] = useState<string>();
  const download = async (format: 'png' | 'svg') => {
    setError(undefined);
    try {
      const figure = document.querySelector(`figure.chart[data-question="${CSS.escape(questionId)}"]`);
      // A chart out of the window may not be drawn, or drawn for an earlier view: it draws now (synchronously).
      figure?.querySelector('.chart__canvas')?.dispatchEvent(new Event(DRAW_NOW_EVENT));
      const chart = figure?.querySelector('.chart__canvas[data-drawn="drawn"] svg.recharts-surface');
      if (!figure || !chart) throw new Error('the chart has not been drawn yet');
      // The chart and its legend (a sibling of the figure) are read in light colours, whatever the page's theme.
      const host = (figure.parentElement ?? figure) as HTMLElement;
      const composed = readInLightScheme(host, () => composeChartSvg(chart as SVGSVGElement, { title, caption, legend: readLegend(figure) }));
      if (format === 'svg') saveDownload(new Blob([composed.text], { type: 'image/svg+xml' }), `${fileBase}.svg`);
      else saveDownload(await toPng(composed.text, composed.width, composed.height), `${fileBase}.png`);
    } catch (problem) {
      setError(`Could not make the ${format.toUpperCase()}: ${(problem as Error).message}.`);
    }
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={() => download('png')}>
        PNG
      </button>
      <button type="button" className="button button--small" onClick={() => download('svg')}>
        SVG
      </button>
      <InlineError message={error} />
    </>
  );
}
