import type { Survey } from '../survey/types';
import type { Filter } from './filters';
import { selectRespondents } from './select-respondents';
import { aggregatable, questionFigures, type QuestionFigures } from './question-figures';
import type { FigureSettings } from './figure';
import { latestWaveBins } from './numeric-bins';

export interface Wave {
  id: string;
  survey: Survey;
}

export interface TrendPoint {
  wave: string;
  /** Absent when the wave has no such question (it was not asked that year). */
  figures?: QuestionFigures;
  problems: string[];
}

/**
 * One question across the waves of a dataset, each wave with its own base and intervals.
 * Questions are matched by id; a column renamed between years was already given its canonical
 * id from the codebook's aliases when the wave was read. Filters apply per wave: a filter on a
 * question a wave lacks is reported for that wave, not dropped silently.
 */
export function trendAcrossWaves(
  waves: readonly Wave[],
  questionId: string,
  filters: readonly Filter[],
  settingsFor: (wave: Wave) => FigureSettings,
): TrendPoint[] {
  // One set of histogram edges (from the latest wave) so a numeric trend compares like with like.
  const sharedBins = latestWaveBins(waves, questionId);
  return waves.map((wave) => {
    const question = wave.survey.questions.find((q) => q.id === questionId);
    if (!question) return { wave: wave.id, problems: [`wave ${wave.id} has no question "${questionId}"`] };
    if (!aggregatable(question)) return { wave: wave.id, problems: [`"${questionId}" is ${question.kind}: not aggregated`] };
    const { selection, problems } = selectRespondents(wave.survey, filters);
    const bins = question.kind === 'numeric' ? sharedBins : undefined;
    // A filter this wave cannot apply would make its figures unfiltered: report, do not plot.
    if (problems.length > 0) return { wave: wave.id, problems: problems.map((p) => p.message) };
    return { wave: wave.id, figures: questionFigures(question, selection, settingsFor(wave), bins), problems: [] };
  });
}
