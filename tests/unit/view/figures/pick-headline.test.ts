import { describe, expect, it } from 'vitest';
import type { LinkedQuestion, WaveLinks } from '../../../../lib/survey/link-waves';
import type { QuestionKind } from '../../../../lib/survey/types';
import { pickHeadline } from '../../../../lib/view/figures/pick-headline';

/** A linked question asked in the given waves, under `ids` there (its own id by default). */
function linked(id: string, kind: QuestionKind, waves: string[], ids: Record<string, string> = {}): LinkedQuestion {
  return {
    id,
    label: id,
    kind,
    waves: waves.map((waveId, k) => ({ waveId, questionId: ids[waveId] ?? id, reason: k === waves.length - 1 ? 'anchor' : 'id and text' })),
  };
}
const linksOf = (...questions: LinkedQuestion[]): WaveLinks => ({ questions, refused: [] });

const role = linked('role', 'single', ['2020', '2021', '2022']);
const satisfaction = linked('satisfaction', 'likert', ['2021', '2022']);
const trendsOnce = linked('hot_trends', 'ranking', ['2022']);
const trends = linked('hot_trends', 'ranking', ['2020', '2022']);
const tools = linked('tools', 'ranking', ['2021', '2022']);
const languages = linked('languages', 'multi', ['2020', '2021', '2022']);
const salary = linked('salary', 'numeric', ['2020', '2022']);
const editor = linked('Q3', 'single', ['2020', '2021', '2022'], { '2020': 'Q2', '2021': 'Q2' });

describe('pickHeadline', () => {
  it.each<[string, string | undefined, WaveLinks, string | undefined]>([
    // the codebook's headline wins over a ranking
    ['the codebook’s headline', 'role', linksOf(trends, role), 'role'],
    // named by an earlier wave's id (Q2 in 2020/2021): the question it is now
    ['the codebook’s headline under an earlier id', 'Q3', linksOf(trends, editor), 'Q2'],
    // a headline asked in one wave only cannot be a trend: the rule below applies
    ['a headline asked once', 'tools', linksOf(trendsOnce, tools, role), 'hot_trends'],
    ['a headline no wave asks', 'hot_trends', linksOf(role, trends), 'nope'],
    // no headline: the first ranking asked in two waves or more, even after other kinds
    ['no headline, a ranking after a single choice', 'hot_trends', linksOf(role, languages, trends, tools), undefined],
    ['no headline, a ranking asked once, then one asked twice', 'tools', linksOf(trendsOnce, role, tools), undefined],
    // no ranking: the first single-choice or scale question in two waves or more, never multi or numeric
    ['no ranking, multi and numeric first', 'satisfaction', linksOf(languages, salary, satisfaction, role), undefined],
    ['no ranking, a single choice first', 'role', linksOf(role, satisfaction), undefined],
    ['nothing trended but multi and numeric', undefined, linksOf(languages, salary, trendsOnce), undefined],
    ['no questions', undefined, linksOf(), undefined],
  ])('pickHeadline(%s) → %s', (_, expected, links, configured) => {
    expect(pickHeadline(links, configured)?.id).toBe(expected);
  });
});
