import type { LinkedQuestion, WaveLinks } from '../../survey/link-waves';

/**
 * The question whose trend opens a dataset's page: the codebook's `headline`, else the first
 * ranking asked in two waves or more (reports lead with "what is hottest"), else the first
 * single-choice or scale question asked in two waves or more. Undefined when nothing is trended.
 */
export function pickHeadline(links: WaveLinks, configured?: string): LinkedQuestion | undefined {
  const trended = links.questions.filter((question) => question.waves.length >= 2);
  if (configured) {
    const named = trended.find((question) => question.id === configured || question.waves.some((wave) => wave.questionId === configured));
    if (named) return named;
  }
  return trended.find((question) => question.kind === 'ranking') ?? trended.find((question) => question.kind === 'single' || question.kind === 'likert');
}
