import { z } from 'zod';
import type { AggregateQuery } from '../analysis/aggregate-view';
import { parseFilterPairs, searchParamPairs } from './filter-grammar';
import { readParam, type SearchParams } from './search-params';

export interface AnalysisView {
  query: AggregateQuery;
  format: 'csv' | 'json';
  /** What was wrong with the URL, in plain words; the view falls back to defaults instead of failing. */
  notes: string[];
}

const idSchema = z.string().min(1).max(200);
const thresholdSchema = z.string().regex(/^\d{1,6}$/).transform(Number);

/**
 * Search params → the analysis query that the question page and the export route both run, so an
 * export can never disagree with the screen. Defaults: the latest wave (`_wave=all` for every
 * wave), the answered base, the codebook's weight when it names one (`_weight=0` turns it off),
 * suppression below 10.
 */
export function parseAnalysisQuery(params: SearchParams, questionId: string | undefined, waveIds: readonly string[], hasWeight: boolean): AnalysisView {
  const notes: string[] = [];
  const { filters, notes: filterNotes } = parseFilterPairs(searchParamPairs(params));
  notes.push(...filterNotes);
  const question = questionId ?? readParam(params, '_question');
  const by = readParam(params, '_by');
  const baseRaw = readParam(params, '_base') ?? 'answered';
  const baseRule = baseRaw === 'all' ? 'all' : 'answered';
  if (baseRaw !== 'all' && baseRaw !== 'answered') notes.push(`“${baseRaw}” is not a base (answered or all); using respondents who answered.`);
  const waveRaw = readParam(params, '_wave');
  const latest = waveIds[waveIds.length - 1];
  let waves = latest ? [latest] : [];
  if (waveRaw === 'all') waves = [...waveIds];
  else if (waveRaw !== undefined && waveIds.includes(waveRaw)) waves = [waveRaw];
  else if (waveRaw !== undefined) notes.push(`There is no wave “${waveRaw}”; using the latest wave, ${latest}.`);
  const weightRaw = readParam(params, '_weight');
  const weight = weightRaw === '0' ? false : weightRaw && weightRaw !== '1' ? weightRaw : hasWeight;
  const suppressRaw = readParam(params, '_suppress');
  const suppress = suppressRaw === undefined ? undefined : thresholdSchema.safeParse(suppressRaw);
  if (suppress && !suppress.success) notes.push(`“${suppressRaw}” is not a suppression threshold; using 10.`);
  const formatRaw = readParam(params, '_format') ?? 'csv';
  if (formatRaw !== 'csv' && formatRaw !== 'json') notes.push(`“${formatRaw}” is not an export format (csv or json); using csv.`);
  return {
    query: {
      questionId: idSchema.safeParse(question).success ? question! : '',
      filters,
      ...(by ? { by } : {}),
      baseRule,
      weight,
      waves,
      ...(suppress?.success ? { suppressBelow: suppress.data } : {}),
    },
    format: formatRaw === 'json' ? 'json' : 'csv',
    notes,
  };
}
