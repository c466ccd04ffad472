import 'server-only';
import { notFound } from 'next/navigation';
import type { WaveSource } from '@/lib/survey/discover-datasets';
import type { Question, Survey } from '@/lib/survey/types';
import type { SearchParams } from '@/lib/view/search-params';
import { decodeSegment, resolveDataset, type DatasetRequest } from './resolve-dataset';
import { getWave, type WaveResult } from './survey-store';

export type QuestionRequest = DatasetRequest & { wave: WaveSource; questionId: string } & (
    | { survey: Survey; question: Question; failure?: undefined }
    | { failure: Extract<WaveResult, { ok: false }>; survey?: undefined; question?: undefined }
  );

/**
 * The dataset, wave and question named in the URL. An unknown question is a 404 (decided before
 * streaming, so the status is real); a wave that failed to load is shown as such instead.
 */
export async function resolveQuestion(
  params: Promise<{ dataset: string; question: string }>,
  searchParams: Promise<SearchParams>,
): Promise<QuestionRequest> {
  const request = await resolveDataset(params, searchParams);
  const { question: raw } = await params;
  const questionId = decodeSegment(raw);
  const { wave } = request;
  if (!wave) notFound();
  const result = await getWave(request.dataset, wave);
  if (!result.ok) return { ...request, wave, questionId, failure: result };
  const question = result.survey.questions.find((candidate) => candidate.id === questionId || candidate.id === raw);
  if (!question) notFound();
  return { ...request, wave, questionId, survey: result.survey, question };
}
