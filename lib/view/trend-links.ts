import type { AggregateQuery } from '../analysis/aggregate-view';
import type { Filter } from '../analysis/filters';
import type { Codebook } from '../survey/codebook-schema';
import { findLinkedQuestion, type LinkedQuestion, type WaveLinks } from '../survey/link-waves';

export type TrendLinks = NonNullable<AggregateQuery['links']>;

/** Waves where a question was asked differently, for the page: “asked differently in 2018”. */
export interface AskedDifferently {
  waveId: string;
  /** That wave's question under this id: a different question. */
  questionId: string;
  label: string;
  why: string;
}

export interface QuestionTrend {
  linked?: LinkedQuestion;
  links: TrendLinks;
  askedDifferently: AskedDifferently[];
}

/**
 * What a trend of one question joins: its id in each wave where it is the same question, why the
 * other waves are left out, and the option renames the codebook lists (alias → current value).
 */
export function trendOf(waveLinks: WaveLinks, waveIds: readonly string[], referenceWave: string, questionId: string, codebook?: Codebook, view?: TrendView): QuestionTrend {
  const linked = findLinkedQuestion(waveLinks, referenceWave, questionId);
  const ids: Record<string, string> = {};
  for (const link of linked?.waves ?? []) ids[link.waveId] = link.questionId;
  const anchor = linked?.waves.at(-1);
  const askedDifferently = waveLinks.refused.filter((refusal) => anchor && refusal.id === linked?.id && refusal.anchorWave === anchor.waveId && ids[refusal.waveId] === undefined).map(({ waveId, questionId: id, label, why }) => ({ waveId, questionId: id, label, why }));
  const notLinked: Record<string, string> = {};
  for (const waveId of waveIds) {
    if (ids[waveId] !== undefined) continue;
    const refusal = askedDifferently.find((entry) => entry.waveId === waveId);
    notLinked[waveId] = refusal ? `asked differently (“${refusal.label}”: ${refusal.why}), so it is not part of this trend` : 'not asked';
  }
  const optionAliases: Record<string, string> = {};
  for (const option of codebook?.questions?.[linked?.id ?? questionId]?.options ?? []) {
    if (typeof option !== 'string') for (const alias of option.aliases ?? []) optionAliases[alias] = option.value;
  }
  const perWave = view ? viewPerWave(waveLinks, waveIds, view) : undefined;
  return { linked, links: { ids, notLinked, optionAliases, ...(perWave ? { perWave } : {}) }, askedDifferently };
}

/** The view's filters and segment, named as in one wave (the facets' wave). */
export interface TrendView {
  filterWave: string;
  filters: readonly Filter[];
  by?: string;
}

/**
 * Filters and segment as each wave names them: a question's id can change between years (and
 * an id can name another question), so each is followed through the wave links. A wave that did
 * not ask a filter question cannot apply it: it is left out rather than shown unfiltered.
 */
function viewPerWave(waveLinks: WaveLinks, waveIds: readonly string[], view: TrendView): NonNullable<TrendLinks['perWave']> {
  const idIn = (questionId: string, waveId: string) => findLinkedQuestion(waveLinks, view.filterWave, questionId)?.waves.find((link) => link.waveId === waveId)?.questionId;
  const perWave: NonNullable<TrendLinks['perWave']> = {};
  for (const waveId of waveIds) {
    const missing = view.filters.find((filter) => idIn(filter.question, waveId) === undefined);
    if (missing) {
      perWave[waveId] = { skip: `it did not ask “${missing.question}” (or asked it differently), so its figures could not be filtered the same way` };
      continue;
    }
    const by = view.by === undefined ? undefined : idIn(view.by, waveId);
    perWave[waveId] = { filters: view.filters.map((filter) => ({ ...filter, question: idIn(filter.question, waveId)! })), ...(by ? { by } : {}) };
  }
  return perWave;
}

/**
 * The wave whose question a trend's id names: the one the view says (`_as`) when it asks it,
 * else the latest wave that asks a question of that id.
 */
export function homeWaveOf<W extends { id: string; survey: { questions: readonly { id: string }[] } }>(waves: readonly W[], questionId: string, asIn?: string): W | undefined {
  const asks = (wave: W) => wave.survey.questions.some((question) => question.id === questionId);
  const named = asIn === undefined ? undefined : waves.find((wave) => wave.id === asIn);
  return named && asks(named) ? named : [...waves].reverse().find(asks);
}

/** `_as` for a link to a question's trend from one wave: only when the id alone would name a later wave's question. */
export function trendAnchorFor(waves: readonly { id: string; survey: { questions: readonly { id: string }[] } }[], questionId: string, waveId: string): string | undefined {
  return homeWaveOf(waves, questionId)?.id === waveId ? undefined : waveId;
}
