import 'server-only';
import type { DatasetSource } from '@/lib/survey/discover-datasets';
import type { Survey } from '@/lib/survey/types';
import { prepareView, type PreparedView } from '@/lib/analysis/prepare-view';
import { describeFilters, searchParamPairs } from '@/lib/view/filter-grammar';
import { parseAnalysisQuery } from '@/lib/view/parse-analysis-query';
import type { SearchParams } from '@/lib/view/search-params';

export interface AnalysisRequest extends PreparedView {
  /** “Respondents where …”, or “All respondents”. */
  sentence: string;
  /** The page's query pairs, for the export link. */
  pairs: [string, string][];
}

/** The question page's figures request: the same parse and preparation as the export route. */
export function resolveAnalysis(dataset: DatasetSource, survey: Survey, waveId: string, questionId: string, params: SearchParams): AnalysisRequest {
  const { query, notes } = parseAnalysisQuery(params, questionId, [waveId], Boolean(dataset.codebook?.weight));
  const prepared = prepareView(survey, query);
  const labelOf = (id: string) => survey.questions.find((q) => q.id === id)?.label ?? id;
  return { ...prepared, notes: [...notes, ...prepared.notes], sentence: describeFilters(query.filters, labelOf), pairs: searchParamPairs(params) };
}
