import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverDatasets } from '../../../lib/store/discover-datasets';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import type { Question, Survey } from '../../../lib/survey/types';
import { selectAll } from '../../../lib/analysis/selection';
import { selectRespondents } from '../../../lib/analysis/select-respondents';
import { aggregatable, questionFigures } from '../../../lib/analysis/question-figures';
import type { Filter } from '../../../lib/analysis/filters';
import { hasBit } from '../../../lib/survey/bitset';
import { numericBins } from '../../../lib/analysis/numeric-bins';

import { requireShared, SHARED } from '../shared-data';
/**
 * Invariants over every aggregatable question of every wave of every shared dataset (and the
 * bundled sample): filtered counts never exceed unfiltered ones, single-choice counts add up to
 * their base, multi-select shares are respondents ÷ base with the base = respondents who
 * answered, and a blank is never counted (the base never includes a respondent with no answer).
 */
const root = path.resolve(__dirname, '../../..');
const haveShared = requireShared('the invariants over the shared datasets');
const roots = [{ dir: path.join(root, 'data'), origin: 'bundled' as const }, ...(haveShared ? [{ dir: SHARED, origin: 'external' as const }] : [])];

const waves = discoverDatasets(roots).flatMap((dataset) => dataset.waves.map((wave) => ({ name: `${dataset.id} ${wave.id}`, path: wave.path })));

function answeredBy(question: Question, i: number): boolean {
  switch (question.kind) {
    case 'single':
    case 'likert':
      return question.codes[i] !== 0;
    case 'multi':
    case 'ranking':
      return hasBit(question.answered, i);
    case 'numeric':
      return !Number.isNaN(question.values[i]);
    default:
      return question.values[i] !== '';
  }
}

/** A filter on the most common option of the first single-choice question: a real, non-trivial subset. */
function someFilter(survey: Survey): Filter | undefined {
  const single = survey.questions.find((q) => q.kind === 'single' && q.options.length > 1 && q.answeredCount > 0);
  if (!single || single.kind !== 'single') return undefined;
  return { question: single.id, op: 'in', values: [single.options[0].value] };
}

describe.each(waves)('$name', ({ path: file }) => {
  it('keeps every invariant for every question', async () => {
    let survey: Survey;
    try {
      survey = await loadSurveyFile(file);
    } catch (error) {
      // Refused files (the Excel-mangled sample) have no figures at all: that is the invariant.
      expect((error as Error).name).toBe('SurveyFileError');
      return;
    }
    const everyone = selectAll(survey.size);
    const filter = someFilter(survey);
    const filtered = filter ? selectRespondents(survey, [filter]) : undefined;
    expect(filtered?.problems ?? []).toEqual([]);
    for (const question of survey.questions.filter(aggregatable)) {
      // Numeric bins are fixed once so filtered and unfiltered histograms share edges.
      const bins = question.kind === 'numeric' ? numericBins(question, everyone) : undefined;
      const all = questionFigures(question, everyone, undefined, bins);
      // Blanks never count: the answered base is exactly the respondents with an answer (no codebook exclusions here).
      let answered = 0;
      for (let i = 0; i < survey.size; i++) if (answeredBy(question, i)) answered++;
      expect(all.base, `${question.id} base`).toBe(answered);
      expect(all.base).toBe(question.answeredCount);
      if (question.kind === 'single' || question.kind === 'likert') {
        expect(
          all.figures.reduce((sum, f) => sum + f.count, 0),
          `${question.id} counts sum to base`,
        ).toBe(all.base);
        if (all.base > 0) expect(Math.abs(all.figures.reduce((sum, f) => sum + f.share, 0) - 1)).toBeLessThan(1e-9);
      }
      if (question.kind === 'multi') {
        for (const f of all.figures) {
          expect(f.count).toBeLessThanOrEqual(all.base);
          if (all.base > 0) expect(f.share).toBeCloseTo(f.count / all.base, 12);
        }
      }
      if (filtered) {
        const some = questionFigures(question, filtered.selection, undefined, bins);
        expect(some.base).toBeLessThanOrEqual(all.base);
        some.figures.forEach((f, k) => expect(f.count, `${question.id} ${f.value} filtered ≤ unfiltered`).toBeLessThanOrEqual(all.figures[k].count));
      }
    }
  });
});
