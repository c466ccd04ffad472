import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { dataRootsFromEnv, discoverDatasets, type DatasetSource } from '../lib/store/discover-datasets';
import { getWaveLinks, getWaves } from '../lib/store/survey-store';
import type { Wave } from '../lib/survey/types';

/** A dataset named by id (under data/ or SURVEY_LENS_DATA) or by its folder. */
export function findDatasetTarget(target: string, projectRoot: string): DatasetSource | undefined {
  const byId = discoverDatasets(dataRootsFromEnv(projectRoot, process.env.SURVEY_LENS_DATA)).find((dataset) => dataset.id === target);
  if (byId) return byId;
  if (!existsSync(target) || !statSync(target).isDirectory()) return undefined;
  const folder = path.resolve(target);
  const roots = [{ dir: path.dirname(folder), origin: 'external' as const, codebooks: path.join(projectRoot, 'data', '_codebooks') }];
  return discoverDatasets(roots).find((dataset) => dataset.dir === folder);
}

const REASONS = {
  anchor: 'the latest wave asking it',
  codebook: 'linked by the codebook (its id, or an alias)',
  'id and text': 'same id, same question text and options',
  'text only': 'another id, same question text and options (renumbered)',
} as const;

/**
 * `survey-lens schema <dataset>`: which questions of the waves were linked into one trend and
 * why, and which same-id questions were not (asked differently), so a user can check them and
 * fix them in survey.json (`aliases`, or questions named in the codebook).
 */
export async function describeWaveLinks(dataset: DatasetSource): Promise<object> {
  const results = await getWaves(dataset);
  const waves: Wave[] = results.flatMap((result) => (result.ok ? [{ id: result.wave.id, survey: result.survey }] : []));
  const failed = results.flatMap((result) => (result.ok ? [] : [{ wave: result.wave.id, message: result.message }]));
  const links = getWaveLinks(dataset, waves);
  const trended = links.questions.filter((question) => question.waves.length > 1);
  return {
    dataset: dataset.id,
    waves: waves.map((wave) => ({ id: wave.id, respondents: wave.survey.size, questions: wave.survey.questions.length })),
    failedWaves: failed,
    summary: `${trended.length} questions linked across two waves or more; ${links.refused.length} same-id questions not linked because they ask something else`,
    linked: trended.map((question) => ({
      id: question.id,
      label: question.label,
      kind: question.kind,
      waves: question.waves.map((link) => ({ wave: link.waveId, question: link.questionId, why: REASONS[link.reason] })),
      ...(question.optionChanges ? { optionChanges: question.optionChanges } : {}),
      ...(question.writeIns ? { writeIns: question.writeIns } : {}),
    })),
    notLinked: links.refused.map((refusal) => ({
      id: refusal.id,
      latestWave: refusal.anchorWave,
      wave: refusal.waveId,
      question: refusal.questionId,
      label: refusal.label,
      why: refusal.why,
      ...(refusal.join ? { join: refusal.join } : {}),
    })),
  };
}
