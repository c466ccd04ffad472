import path from 'node:path';
import { dataRootsFromEnv, discoverDatasets, type DatasetSource, type WaveSource } from '@/lib/store/discover-datasets';
import { loadSurveyFile } from '@/lib/store/load-survey-file';
import type { Survey, Wave } from '@/lib/survey/types';
import type { IngestIssue } from '@/lib/csv/ingest-issue';
import { linkWaves, type WaveLinks } from '@/lib/survey/link-waves';
import {
  fileStamp,
  hashFile,
  hashText,
  readPersistedSummary,
  readPersistedSurvey,
  readRecordedHash,
  recordHash,
  writePersistedSurvey,
  type SurveyKey,
} from './persisted-surveys';
import { processWide } from './process-wide';

export type WaveResult =
  | { wave: WaveSource; ok: true; survey: Survey }
  | {
      wave: WaveSource;
      ok: false;
      message: string;
      issues: IngestIssue[];
      /** The file is gone (deleted, moved): a 404 for a download of it. */ missing: boolean;
    };

/** A wave that could not be read, and why. */
export type WaveFailure = Extract<WaveResult, { ok: false }>;

interface CacheEntry {
  codebookHash: string;
  fileHash: Promise<string>;
  result: Promise<WaveResult>;
}

/**
 * How long a file's hash is trusted while its stamp (size, times, inode) stays put. Past it the
 * file is hashed again in the background, the known hash still answering meanwhile: an edit that
 * moves no stamp at all (a file system without status-change times) is seen within this time,
 * and no reader waits for a hash that, on a local disk, always comes out the same.
 */
const RECHECK_MS = 30_000;

interface HashEntry {
  stamp: string;
  checkedAt: number;
  hash: Promise<string>;
  rechecking: boolean;
}

const hashes = processWide('file-hashes', () => new Map<string, HashEntry>());

/** The SHA-256 of a file's bytes, read again only when its stamp moves (and in the background after RECHECK_MS). */
async function contentHash(file: string): Promise<string> {
  const stamp = await fileStamp(file);
  const known = hashes.get(file);
  if (known && known.stamp === stamp) {
    if (Date.now() - known.checkedAt >= RECHECK_MS && !known.rechecking) {
      known.rechecking = true;
      const hash = hashFile(file);
      const settle = (next: HashEntry | undefined) => {
        if (hashes.get(file) !== known) return;
        if (next) hashes.set(file, next);
        else hashes.delete(file);
      };
      hash.then(
        () => settle({ stamp, checkedAt: Date.now(), hash, rechecking: false }),
        () => settle(undefined),
      );
    }
    return known.hash;
  }
  const hash = recordedOrHashed(file, stamp);
  hash.catch(() => hashes.delete(file));
  hashes.set(file, { stamp, checkedAt: Date.now(), hash, rechecking: false });
  return hash;
}

/** The hash an earlier process recorded under this stamp, or the file hashed now (and recorded for the next one). */
async function recordedOrHashed(file: string, stamp: string): Promise<string> {
  const recorded = stamp === 'missing' ? undefined : await readRecordedHash(file, stamp);
  if (recorded) return recorded;
  const stampedAt = Date.now();
  const hash = await hashFile(file);
  void recordHash(file, stamp, hash, stampedAt);
  return hash;
}

// One store per process, shared by pages and route handlers (processWide): a file is parsed at
// most once per content (its bytes, its codebook, the model version), and kept on disk for the next start.
const cache = processWide('surveys', () => new Map<string, CacheEntry>());

/**
 * How long a listing of the data folders is reused. Every request names its dataset, and walking
 * the folders and parsing every codebook on each one cost more than the page under load (50
 * concurrent readers): a new or edited dataset is seen within this time; a wave's own bytes and
 * codebook are still checked on every read (getWave).
 */
const DISCOVERY_MS = 2_000;
const listing = processWide('listing', (): { discovered?: { at: number; roots: string; datasets: DatasetSource[] } } => ({}));

export function listDatasets(): DatasetSource[] {
  const roots = `${process.cwd()}\u0000${process.env.SURVEY_LENS_DATA ?? ''}\u0000${process.env.SURVEY_LENS_UPLOADS ?? ''}`;
  const known = listing.discovered;
  if (known && known.roots === roots && Date.now() - known.at < DISCOVERY_MS) return known.datasets;
  const datasets = discoverDatasets(dataRootsFromEnv(process.cwd(), process.env.SURVEY_LENS_DATA));
  listing.discovered = { at: Date.now(), roots, datasets };
  return datasets;
}

/** The next listing reads the folders again: a survey was just saved, edited or deleted in this process. */
export function forgetListing(): void {
  listing.discovered = undefined;
}

/**
 * A name the listing does not know sends it back to the folders, at most every MISS_RESCAN_MS: a
 * survey saved by another process (the CLI, a second server on the same folders) opens at once.
 */
const MISS_RESCAN_MS = 250;

export function findDataset(id: string): DatasetSource | undefined {
  const found = listDatasets().find((dataset) => dataset.id === id);
  if (found || !listing.discovered || Date.now() - listing.discovered.at < MISS_RESCAN_MS) return found;
  forgetListing();
  return listDatasets().find((dataset) => dataset.id === id);
}

function failure(wave: WaveSource, error: unknown): WaveResult {
  const issues = (error as { issues?: IngestIssue[] }).issues ?? [];
  // Messages name the file, never the server's folders.
  const message = (error as Error).message.split(path.dirname(wave.path)).join('…');
  const missing = [(error as { code?: string }).code, (error as { cause?: { code?: string } }).cause?.code].includes('ENOENT');
  return { wave, ok: false, message, issues, missing };
}

/** The wave from the disk cache when it was parsed before with this codebook and model; else parsed, and cached. */
async function loadWave(dataset: DatasetSource, wave: WaveSource, key: Promise<SurveyKey>): Promise<WaveResult> {
  try {
    const resolved = await key;
    const persisted = await readPersistedSurvey(resolved);
    if (persisted) return { wave, ok: true, survey: persisted };
    const survey = await loadSurveyFile(wave.path, { codebook: wave.codebook ?? dataset.codebook });
    void writePersistedSurvey(resolved, survey);
    return { wave, ok: true, survey };
  } catch (error) {
    return failure(wave, error);
  }
}

// Discovery hands out the same codebook objects until a listing is made anew: hashed once each.
const codebookHashes = new WeakMap<object, string>();

/**
 * The content of the codebook a wave is read with — the dataset's own survey.json or its overlay
 * in data/_codebooks, with a publisher's schema beside the wave merged in — as a hash: an edit to
 * any of them gives another key, so the wave is read again with it.
 */
function codebookHashOf(dataset: DatasetSource, wave: WaveSource): string {
  const codebook = wave.codebook ?? dataset.codebook;
  if (!codebook) return hashText('null');
  let hash = codebookHashes.get(codebook);
  if (hash === undefined) codebookHashes.set(codebook, (hash = hashText(JSON.stringify(codebook))));
  return hash;
}

/** The cached entry while its codebook is unchanged and its file holds the same bytes (contentHash). */
async function currentEntry(dataset: DatasetSource, wave: WaveSource): Promise<CacheEntry | undefined> {
  const entry = cache.get(wave.path);
  if (!entry || entry.codebookHash !== codebookHashOf(dataset, wave)) return undefined;
  const [now, before] = await Promise.all([contentHash(wave.path).catch(() => 'unreadable'), entry.fileHash.catch(() => 'unreadable')]);
  return now === before && now !== 'unreadable' ? entry : undefined;
}

export async function getWave(dataset: DatasetSource, wave: WaveSource): Promise<WaveResult> {
  const current = await currentEntry(dataset, wave);
  if (current) return current.result;
  // Two readers may both find no entry: the second to get here reuses the first one's.
  const raced = cache.get(wave.path);
  const codebookHash = codebookHashOf(dataset, wave);
  const fileHash = contentHash(wave.path);
  fileHash.catch(() => {});
  if (raced && raced.codebookHash === codebookHash && raced.fileHash === fileHash) return raced.result;
  const key = fileHash.then((hash) => ({ fileHash: hash, codebookHash }));
  const entry: CacheEntry = { codebookHash, fileHash, result: loadWave(dataset, wave, key) };
  cache.set(wave.path, entry);
  return entry.result;
}

export function getWaves(dataset: DatasetSource): Promise<WaveResult[]> {
  return Promise.all(dataset.waves.map((wave) => getWave(dataset, wave)));
}

export type WaveSummaryResult = { wave: WaveSource; ok: true; respondents: number; questions: number } | { wave: WaveSource; ok: false; message: string };

/**
 * What the dataset list shows of a wave — respondents and questions — from the wave in memory,
 * or the summary cached beside its parse, and only when neither exists by reading the file.
 */
export async function getWaveSummary(dataset: DatasetSource, wave: WaveSource): Promise<WaveSummaryResult> {
  const current = await currentEntry(dataset, wave);
  if (!current) {
    try {
      const summary = await readPersistedSummary({ fileHash: await contentHash(wave.path), codebookHash: codebookHashOf(dataset, wave) });
      if (summary) return { wave, ok: true, ...summary };
    } catch {
      // unreadable: the full read below says why
    }
  }
  const result = await getWave(dataset, wave);
  return result.ok
    ? { wave, ok: true, respondents: result.survey.size, questions: result.survey.questions.length }
    : { wave, ok: false, message: result.message };
}

// Linking compares every question of every wave: done once per set of parsed waves.
const linkCache = processWide('wave-links', () => new WeakMap<Survey, { surveys: Survey[]; links: WaveLinks }>());

/** Which questions of the dataset's loaded waves are the same question (lib/survey/link-waves), cached. */
export function getWaveLinks(dataset: DatasetSource, loaded: readonly Wave[]): WaveLinks {
  const surveys = loaded.map((wave) => wave.survey);
  const latest = surveys.at(-1);
  if (!latest) return { questions: [], refused: [] };
  const cached = linkCache.get(latest);
  if (cached && cached.surveys.length === surveys.length && cached.surveys.every((survey, i) => survey === surveys[i])) return cached.links;
  const links = linkWaves(loaded, dataset.codebook);
  linkCache.set(latest, { surveys, links });
  return links;
}
