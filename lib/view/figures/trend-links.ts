import type { AggregateQuery } from '../../analysis/aggregate-query';
import type { Filter } from '../../analysis/filters';
import type { Codebook } from '../../survey/codebook-schema';
import { findLinkedQuestion, type LinkedQuestion, type WaveLinks } from '../../survey/link-waves';
import type { Wave } from '../../survey/types';
import type { OptionChange } from '../../survey/option-changes';

export type TrendLinks = NonNullable<AggregateQuery['links']>;

/** Waves where a question was asked differently, for the page: “asked differently in 2018”. */
export interface AskedDifferently {
  waveId: string;
  /** That wave's question under this id: a different question. */
  questionId: string;
  label: string;
  why: string;
  /** How a codebook joins them, when it can. */
  join?: string;
}

export interface QuestionTrend {
  linked?: LinkedQuestion;
  links: TrendLinks;
  askedDifferently: AskedDifferently[];
  /** Options added and dropped between the trend's waves. */
  optionChanges: OptionChange[];
}

/**
 * What a trend of one question joins: its id in each wave where it is the same question, why the
 * other waves are left out, and the option renames the codebook lists (alias → current value).
 */
export function trendOf(
  waveLinks: WaveLinks,
  waveIds: readonly string[],
  referenceWave: string,
  questionId: string,
  codebook?: Codebook,
  view?: TrendView,
): QuestionTrend {
  const linked = findLinkedQuestion(waveLinks, referenceWave, questionId);
  const ids: Record<string, string> = {};
  for (const link of linked?.waves ?? []) ids[link.waveId] = link.questionId;
  const anchor = linked?.waves.at(-1);
  const askedDifferently = waveLinks.refused
    .filter((refusal) => anchor && refusal.id === linked?.id && refusal.anchorWave === anchor.waveId && ids[refusal.waveId] === undefined)
    .map(({ waveId, questionId: id, label, why, join }) => ({ waveId, questionId: id, label, why, ...(join ? { join } : {}) }));
  const notLinked: Record<string, string> = {};
  for (const waveId of waveIds) {
    if (ids[waveId] !== undefined) continue;
    const refusal = askedDifferently.find((entry) => entry.waveId === waveId);
    notLinked[waveId] = refusal ? `asked differently (“${refusal.label}”: ${refusal.why}), so it is not part of this trend` : 'not asked';
  }
  const optionAliases = aliasesOf(codebook, linked?.id ?? questionId);
  const perWave = view ? viewPerWave(waveLinks, waveIds, view, codebook) : undefined;
  const writeIns = linked?.writeIns;
  return {
    linked,
    links: { ids, notLinked, optionAliases, ...(perWave ? { perWave } : {}), ...(writeIns ? { writeIns } : {}) },
    askedDifferently,
    optionChanges: linked?.optionChanges ?? [],
  };
}

/** The codebook's option renames of a question: each old wording → the current value. */
function aliasesOf(codebook: Codebook | undefined, questionId: string): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const option of codebook?.questions?.[questionId]?.options ?? []) {
    if (typeof option !== 'string') for (const alias of option.aliases ?? []) aliases[alias] = option.value;
  }
  return aliases;
}

/** The view's filters and segment, named as in one wave (the facets' wave). */
export interface TrendView {
  filterWave: string;
  filters: readonly Filter[];
  by?: string;
  /** A wave's option values of a question (see optionValuesIn): lets a filter on a renamed option use the wave's own wording. */
  optionValues?: (waveId: string, questionId: string) => readonly string[] | undefined;
}

/** TrendView.optionValues over loaded waves. */
export function optionValuesIn(waves: readonly Wave[]): (waveId: string, questionId: string) => readonly string[] | undefined {
  return (waveId, questionId) => {
    const question = waves.find((wave) => wave.id === waveId)?.survey.questions.find((q) => q.id === questionId);
    return question && 'options' in question ? question.options.map((option) => option.value) : undefined;
  };
}

// Operators where several values mean "any of them": an older wording can join its current value.
const ANY_OF_OPS: ReadonlySet<Filter['op']> = new Set(['in', 'not', 'first']);

/**
 * A filter's option values as one wave words them: each value with the codebook's older wordings of
 * it that the wave has ("Remote" is also "Fully remote" in 2020). A wave read with the codebook
 * lists the current value too, with no answers, so without this the filter silently matched no one.
 * "Chose all of" keeps its values: there an added wording would be one more option to have chosen.
 */
function valuesInWave(filter: Filter, waveId: string, waveQuestionId: string, renamed: Record<string, string>, view: TrendView): string[] {
  const own = ANY_OF_OPS.has(filter.op) ? view.optionValues?.(waveId, waveQuestionId) : undefined;
  if (!own) return filter.values;
  const older = (value: string) => Object.keys(renamed).filter((old) => renamed[old] === value && own.includes(old));
  const values = filter.values.flatMap((value) => {
    const wordings = older(value);
    // A value the wave lacks stays only when nothing stands in for it, so the wave says what it has.
    return own.includes(value) || wordings.length === 0 ? [value, ...wordings] : wordings;
  });
  return [...new Set(values)];
}

/**
 * Filters and segment as each wave names them: a question's id can change between years (and
 * an id can name another question), so each is followed through the wave links. A wave that did
 * not ask a filter question cannot apply it: it is left out rather than shown unfiltered.
 */
function viewPerWave(waveLinks: WaveLinks, waveIds: readonly string[], view: TrendView, codebook?: Codebook): NonNullable<TrendLinks['perWave']> {
  const idIn = (questionId: string, waveId: string) =>
    findLinkedQuestion(waveLinks, view.filterWave, questionId)?.waves.find((link) => link.waveId === waveId)?.questionId;
  const renamedOf = (questionId: string) => aliasesOf(codebook, findLinkedQuestion(waveLinks, view.filterWave, questionId)?.id ?? questionId);
  const perWave: NonNullable<TrendLinks['perWave']> = {};
  for (const waveId of waveIds) {
    const missing = view.filters.find((filter) => idIn(filter.question, waveId) === undefined);
    if (missing) {
      perWave[waveId] = { skip: `it did not ask “${missing.question}” (or asked it differently), so its figures could not be filtered the same way` };
      continue;
    }
    const by = view.by === undefined ? undefined : idIn(view.by, waveId);
    const filters = view.filters.map((filter) => {
      const question = idIn(filter.question, waveId)!;
      return { ...filter, question, values: valuesInWave(filter, waveId, question, renamedOf(filter.question), view) };
    });
    perWave[waveId] = { filters, ...(by ? { by } : {}) };
  }
  return perWave;
}

/**
 * The wave whose question a trend's id names: the one the view says (`_as`) when it asks it,
 * else the latest wave that asks a question of that id.
 */
export function homeWaveOf<W extends { id: string; survey: { questions: readonly { id: string }[] } }>(
  waves: readonly W[],
  questionId: string,
  asIn?: string,
): W | undefined {
  const asks = (wave: W) => wave.survey.questions.some((question) => question.id === questionId);
  const named = asIn === undefined ? undefined : waves.find((wave) => wave.id === asIn);
  return named && asks(named) ? named : [...waves].reverse().find(asks);
}

/** `_as` for a link to a question's trend from one wave: only when the id alone would name a later wave's question. */
export function trendAnchorFor(
  waves: readonly { id: string; survey: { questions: readonly { id: string }[] } }[],
  questionId: string,
  waveId: string,
): string | undefined {
  return homeWaveOf(waves, questionId)?.id === waveId ? undefined : waveId;
}
