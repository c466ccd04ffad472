import 'server-only';
import { statSync } from 'node:fs';
import path from 'node:path';
import { dataRootsFromEnv, discoverDatasets, type DatasetSource, type WaveSource } from '@/lib/survey/discover-datasets';
import { loadSurveyFile } from '@/lib/survey/load-survey-file';
import type { IngestIssue, Survey } from '@/lib/survey/types';
import { linkWaves, type WaveLinks } from '@/lib/survey/link-waves';

export type WaveResult =
  | { wave: WaveSource; ok: true; survey: Survey }
  | { wave: WaveSource; ok: false; message: string; issues: IngestIssue[] };

interface CacheEntry {
  key: string;
  result: Promise<WaveResult>;
}

// Parse once per file: keyed by path, invalidated when the file or its codebook changes.
const cache = new Map<string, CacheEntry>();

function fileStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

export function listDatasets(): DatasetSource[] {
  return discoverDatasets(dataRootsFromEnv(process.cwd(), process.env.SURVEY_LENS_DATA));
}

export function findDataset(id: string): DatasetSource | undefined {
  return listDatasets().find((dataset) => dataset.id === id);
}

async function loadWave(dataset: DatasetSource, wave: WaveSource): Promise<WaveResult> {
  try {
    const survey = await loadSurveyFile(wave.path, { codebook: dataset.codebook });
    return { wave, ok: true, survey };
  } catch (error) {
    const issues = (error as { issues?: IngestIssue[] }).issues ?? [];
    return { wave, ok: false, message: (error as Error).message, issues };
  }
}

export function getWave(dataset: DatasetSource, wave: WaveSource): Promise<WaveResult> {
  const key = `${fileStamp(wave.path)}|${fileStamp(path.join(dataset.dir, 'survey.json'))}`;
  const cached = cache.get(wave.path);
  if (cached && cached.key === key) return cached.result;
  const result = loadWave(dataset, wave);
  cache.set(wave.path, { key, result });
  return result;
}

export function getWaves(dataset: DatasetSource): Promise<WaveResult[]> {
  return Promise.all(dataset.waves.map((wave) => getWave(dataset, wave)));
}

// Linking compares every question of every wave: done once per set of parsed waves.
const linkCache = new WeakMap<Survey, { surveys: Survey[]; links: WaveLinks }>();

/** Which questions of the dataset's loaded waves are the same question (lib/survey/link-waves), cached. */
export function getWaveLinks(dataset: DatasetSource, loaded: readonly { id: string; survey: Survey }[]): WaveLinks {
  const surveys = loaded.map((wave) => wave.survey);
  const latest = surveys.at(-1);
  if (!latest) return { questions: [], refused: [] };
  const cached = linkCache.get(latest);
  if (cached && cached.surveys.length === surveys.length && cached.surveys.every((survey, i) => survey === surveys[i])) return cached.links;
  const links = linkWaves(loaded, dataset.codebook);
  linkCache.set(latest, { surveys, links });
  return links;
}
