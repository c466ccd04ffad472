import type { Filter } from '../../analysis/filters';
import { wavesOf, type ViewDefaults, type ViewState } from '../state/view-state';

const MAX_LENGTH = 150;

/** Letters, digits, dot, dash, plus and underscore only: safe in every file system and in a Content-Disposition header. */
function safe(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._+-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function filterPart(filter: Filter): string {
  const op = filter.op === 'in' ? '' : `-${filter.op}`;
  return safe(`${filter.question}${op}-${filter.values.join('+')}`);
}

/**
 * A file name that says what the file holds: dataset, wave(s), question, filters and segment,
 * e.g. `state-of-engineers_2022_hot_trends_region-Europe_by-company_size.csv`.
 */
export function writeDownloadName(datasetId: string, subject: string, state: ViewState, defaults: Pick<ViewDefaults, 'waveIds'>, extension: string): string {
  return `${writeDownloadBase(datasetId, subject, state, defaults)}.${extension}`;
}

/** The same name without its extension: what a page's chart and table downloads add `.png`, `.svg`, `.csv` to. */
export function writeDownloadBase(datasetId: string, subject: string, state: ViewState, defaults: Pick<ViewDefaults, 'waveIds'>): string {
  const waves = wavesOf(state, defaults.waveIds);
  const wave = waves.length > 1 ? `${waves[0]}-${waves.at(-1)}` : (waves[0] ?? '');
  const parts = [datasetId, wave, subject, ...state.filters.map(filterPart), ...(state.by ? [`by-${state.by}`] : [])].map(safe).filter(Boolean);
  const name = parts
    .join('_')
    .slice(0, MAX_LENGTH)
    .replace(/[-._+]+$/, '');
  return name || 'survey-lens';
}
