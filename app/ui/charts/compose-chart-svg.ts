import { wrapLabel } from '@/lib/view/words/wrap-label';

export interface LegendEntry {
  label: string;
  color: string;
}

interface ComposeOptions {
  title: string;
  caption: string[];
  legend: LegendEntry[];
}

const PADDING = 20;
const TITLE_SIZE = 18;
const TEXT_SIZE = 12;
/** Presentation properties copied from the live chart: CSS variables do not travel with an exported file. */
const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'opacity', 'fill-opacity', 'stroke-opacity', 'font-size', 'font-family', 'font-weight'] as const;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Each element's computed presentation written onto its clone, so the file looks like the screen anywhere. */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  for (const property of STYLE_PROPERTIES) {
    const value = style.getPropertyValue(property);
    if (value) target.setAttribute(property, value);
  }
  // Inline styles (recharts writes `fill: var(--…)` there) would win over the attributes just set.
  target.removeAttribute('style');
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) inlineStyles(sourceChildren[i], targetChildren[i]);
}

/**
 * Runs `read` with the element (and all inside it) in the light colour scheme: the colour
 * tokens are declared again on it (globals.css, [data-color-scheme]) and compute to their light
 * values, so a chart copied in dark mode still makes a file for a white page. Synchronous, so
 * the page is never painted in between.
 */
export function readInLightScheme<T>(element: HTMLElement, read: () => T): T {
  const previous = element.getAttribute('data-color-scheme');
  element.setAttribute('data-color-scheme', 'light');
  try {
    return read();
  } finally {
    if (previous === null) element.removeAttribute('data-color-scheme');
    else element.setAttribute('data-color-scheme', previous);
  }
}

function textLines(lines: string[], x: number, y: number, size: number, color: string, weight = 400): string {
  return lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${y + i * size * 1.35}" font-size="${size}" font-weight="${weight}" fill="${color}" font-family="system-ui, sans-serif">${escapeXml(line)}</text>`,
    )
    .join('');
}

/**
 * A stand-alone SVG of a chart: its title above, the legend (for comparisons and trends) and the
 * caption — filters, base and n, dataset and wave — below, on a white ground. Call it inside
 * readInLightScheme, so the colours copied from the screen are the light theme's.
 */
export function composeChartSvg(chart: SVGSVGElement, { title, caption, legend }: ComposeOptions): { text: string; width: number; height: number } {
  const chartWidth = chart.width.baseVal.value || chart.getBoundingClientRect().width;
  const chartHeight = chart.height.baseVal.value || chart.getBoundingClientRect().height;
  const width = Math.max(480, chartWidth + 2 * PADDING);
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, clone);
  const charsPerLine = (size: number) => Math.max(20, Math.floor((width - 2 * PADDING) / (size * 0.55)));
  const titleLines = wrapLabel(title, charsPerLine(TITLE_SIZE), 3);
  const captionLines = caption.flatMap((line) => wrapLabel(line, charsPerLine(TEXT_SIZE), 4));
  let y = PADDING + TITLE_SIZE;
  const parts = [textLines(titleLines, PADDING, y, TITLE_SIZE, '#1a1e24', 700)];
  y += titleLines.length * TITLE_SIZE * 1.35;
  clone.setAttribute('x', String(PADDING));
  clone.setAttribute('y', String(y));
  parts.push(new XMLSerializer().serializeToString(clone));
  y += chartHeight + PADDING;
  for (const entry of legend) {
    parts.push(
      `<rect x="${PADDING}" y="${y - 10}" width="12" height="12" fill="${escapeXml(entry.color)}"/>`,
      textLines([entry.label], PADDING + 18, y, TEXT_SIZE, '#1a1e24'),
    );
    y += TEXT_SIZE * 1.5;
  }
  parts.push(textLines(captionLines, PADDING, y + 4, TEXT_SIZE, '#555e6b'));
  const height = Math.ceil(y + captionLines.length * TEXT_SIZE * 1.35 + PADDING);
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { text, width, height };
}
