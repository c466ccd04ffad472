import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { Codebook } from '../survey/codebook-schema';
import { readCodebookFile } from './read-codebook-file';
import { mergeQuestions, PUBLISHER_SCHEMA, readPublisherSchema, type PublisherQuestions } from '../survey/publisher-schema';
import { yearIn } from '../survey/name-waves';
import { processWide } from './process-wide';

export interface WaveSource {
  id: string;
  path: string;
  label?: string;
  /**
   * The codebook this wave is read with, when a publisher's schema beside it adds question text
   * and value labels to the dataset's codebook (which wins where both speak); else the dataset's.
   */
  codebook?: Codebook;
  /** The publisher's schema file it came from, relative to the dataset folder. */
  schema?: string;
}

export interface DatasetSource {
  id: string;
  title: string;
  description?: string;
  synthetic: boolean;
  dir: string;
  codebook?: Codebook;
  /** Set when survey.json exists but is invalid: the dataset is listed with this message and no waves. */
  codebookError?: string;
  waves: WaveSource[];
  origin: DatasetOrigin;
  /** Where its codebook was read from: its own survey.json, an overlay in data/_codebooks, or one saved from the browser's review. */
  codebookFile?: string;
  /** The folder of surveys it was found in (`exports` for ../shared/data/exports/<survey>), when it is one of a group. */
  group?: string;
}

/** Where a dataset was found: the project's data/, a folder listed in SURVEY_LENS_DATA, or saved from the browser (SURVEY_LENS_UPLOADS). */
export type DatasetOrigin = 'bundled' | 'external' | 'uploaded';

export interface DataRoot {
  dir: string;
  origin: DatasetOrigin;
  /**
   * A folder of `<dataset-id>.json` codebooks for datasets whose own folder has none (read-only
   * public data we must not write into): e.g. data/_codebooks/stackoverflow-2019.json.
   */
  codebooks?: string;
  /**
   * A folder of `<dataset-id>.json` codebooks saved by "Edit questions" for datasets whose folder
   * the server does not write (SURVEY_LENS_UPLOADS/_codebooks): read before any other codebook.
   */
  edited?: string;
}

/** The files read as waves: comma- or semicolon-separated `.csv`, tab-separated `.tsv`, either gzipped. */
export const SURVEY_FILE = /\.(?:csv|tsv)(?:\.gz)?$/i;
/** Files that sit beside survey exports but are not responses: schemas, codebooks, filter notes. */
const NOT_RESPONSES = /schema|reference|filtering|readme|questions/i;
const SAFE_ID = /^[A-Za-z0-9][\w.-]{0,79}$/;

/** A folder's entries, or none when it vanished or cannot be read while it is being listed (discovery runs on every request). */
function readEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function listCsvFiles(dir: string, depth: number): string[] {
  const found: string[] = [];
  for (const entry of readEntries(dir)) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...listCsvFiles(full, depth - 1));
    else if (entry.isFile() && SURVEY_FILE.test(entry.name) && !NOT_RESPONSES.test(entry.name)) found.push(full);
  }
  return found.sort();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(SURVEY_FILE, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * One wave exported twice, as codes and as labels (TODO Group 2024: raw-data-numeric.csv and
 * raw-data-text.csv): the labelled file is the wave, the coded one is left out.
 */
function dropCodedTwins(files: string[]): string[] {
  return files.filter((file) => {
    if (!/numeric|coded|values/i.test(path.basename(file))) return true;
    const twin = (candidate: string) => candidate !== file && path.dirname(candidate) === path.dirname(file) && /text|labels/i.test(path.basename(candidate));
    return !files.some(twin);
  });
}

/** Without a codebook each survey file (.csv, .tsv, gzipped or not) is a wave, named by the year in its path (or its file name when years repeat). */
function inferWaves(dir: string): WaveSource[] {
  const files = dropCodedTwins(listCsvFiles(dir, 2));
  const years = files.map((file) => yearIn(path.relative(dir, file)));
  return files
    .map((file, i) => {
      const year = years[i];
      const unique = year !== undefined && years.filter((y) => y === year).length === 1;
      const id = unique ? year : [year, slug(path.basename(file))].filter(Boolean).join('-');
      return { id, path: file };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

const schemaCache = processWide('publisher-schemas', () => new Map<string, { stamp: string; questions: PublisherQuestions }>());

/** A publisher's schema, read once per version of the file (discovery runs on every request). */
export function readSchemaFile(file: string): PublisherQuestions {
  try {
    const stat = statSync(file);
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const cached = schemaCache.get(file);
    if (cached?.stamp === stamp) return cached.questions;
    const questions = readPublisherSchema(readFileSync(file, 'utf8'));
    schemaCache.set(file, { stamp, questions });
    return questions;
  } catch {
    return {};
  }
}

/**
 * The publisher's schema for a wave: in the wave's folder or the dataset's, the one file there,
 * or the one whose year is the wave's (Stack Overflow keeps a schema per year side by side).
 */
function schemaFor(dir: string, wave: WaveSource): string | undefined {
  for (const folder of [...new Set([path.dirname(wave.path), dir])]) {
    const schemas = readEntries(folder)
      .filter((entry) => entry.isFile() && PUBLISHER_SCHEMA.test(entry.name))
      .map((entry) => path.join(folder, entry.name));
    const year = yearIn(path.relative(dir, wave.path)) ?? wave.id;
    const sameYear = schemas.filter((file) => yearIn(path.basename(file)) === year);
    if (sameYear.length === 1) return sameYear[0];
    if (schemas.length === 1 && yearIn(path.basename(schemas[0])) === undefined) return schemas[0];
  }
  return undefined;
}

function withPublisherLabels(dir: string, wave: WaveSource, codebook: Codebook | undefined): WaveSource {
  const file = schemaFor(dir, wave);
  if (!file) return wave;
  const questions = readSchemaFile(file);
  if (Object.keys(questions).length === 0) return wave;
  return { ...wave, schema: path.relative(dir, file), codebook: { ...codebook, questions: mergeQuestions(codebook?.questions, questions) } };
}

function describeDataset(dir: string, id: string, root: DataRoot): DatasetSource {
  const { origin } = root;
  const own = path.join(dir, 'survey.json');
  const overlay = root.codebooks ? path.join(root.codebooks, `${id}.json`) : undefined;
  const edited = root.edited ? path.join(root.edited, `${id}.json`) : undefined;
  const codebookFile = edited && existsSync(edited) ? edited : !existsSync(own) && overlay && existsSync(overlay) ? overlay : own;
  const read = existsSync(codebookFile) ? readCodebookFile(codebookFile) : undefined;
  const codebook: Codebook | undefined = read && 'codebook' in read ? read.codebook : undefined;
  const error: string | undefined = read && 'error' in read ? read.error : undefined;
  const waves = (
    error
      ? []
      : codebook?.waves
        ? codebook.waves.map((wave) => ({ id: wave.id, path: path.join(dir, wave.file), ...(wave.label ? { label: wave.label } : {}) }))
        : inferWaves(dir)
  ).map((wave) => withPublisherLabels(dir, wave, codebook));
  return {
    id,
    title: codebook?.title ?? id,
    ...(codebook?.description ? { description: codebook.description } : {}),
    synthetic: codebook?.synthetic ?? false,
    dir,
    ...(codebook ? { codebook } : {}),
    ...(error ? { codebookError: error } : {}),
    waves,
    origin,
    ...(read ? { codebookFile } : {}),
  };
}

const YEAR_FOLDER = /^(?:19|20)\d\d$/;

/**
 * A folder of surveys rather than one survey (../shared/data/exports): no survey file or codebook
 * of its own, and two or more subfolders holding survey files, none named by a year (a year
 * folder is a wave: todo-ospo/2018/results.csv). Its subfolders' names, or undefined.
 */
function surveyFolders(dir: string, overlays: (string | undefined)[]): string[] | undefined {
  if (existsSync(path.join(dir, 'survey.json')) || overlays.some((overlay) => overlay && existsSync(overlay))) return undefined;
  const entries = readEntries(dir);
  if (entries.some((entry) => entry.isFile() && SURVEY_FILE.test(entry.name) && !NOT_RESPONSES.test(entry.name))) return undefined;
  const holding = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && listCsvFiles(path.join(dir, entry.name), 2).length > 0)
    .map((entry) => entry.name);
  return holding.length >= 2 && !holding.some((name) => YEAR_FOLDER.test(name)) ? holding.sort() : undefined;
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every folder directly under a data root is a dataset, or a group of them: a folder whose
 * subfolders each hold a survey (not year folders of one) gives one dataset per subfolder, named
 * by it. Folder names become URL segments, so only plain names are accepted; symlinks and
 * dot-folders are skipped, and a name already taken keeps its first dataset.
 */
export function discoverDatasets(roots: readonly DataRoot[]): DatasetSource[] {
  const datasets: DatasetSource[] = [];
  const taken = new Set<string>();
  const add = (dir: string, id: string, root: DataRoot, group?: string) => {
    if (!SAFE_ID.test(id) || taken.has(id)) return;
    // A folder removed or replaced while it is read is left out of this listing, never an error for the others.
    let dataset: DatasetSource;
    try {
      dataset = describeDataset(dir, id, root);
    } catch {
      return;
    }
    if (dataset.waves.length === 0 && !dataset.codebookError) return;
    taken.add(id);
    datasets.push(group ? { ...dataset, group } : dataset);
  };
  // A root inside another (data/uploads inside data/) is read as itself, never as a dataset of the outer one.
  const rootDirs = new Set(roots.map((root) => path.resolve(root.dir)));
  for (const root of roots) {
    if (!isFolder(root.dir)) continue;
    for (const entry of readEntries(root.dir).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || !SAFE_ID.test(entry.name)) continue;
      const dir = path.join(root.dir, entry.name);
      if (rootDirs.has(path.resolve(dir))) continue;
      const overlays = [root.codebooks, root.edited].map((folder) => (folder ? path.join(folder, `${entry.name}.json`) : undefined));
      const members = surveyFolders(dir, overlays);
      if (members) for (const member of members) add(path.join(dir, member), member, root, entry.name);
      else add(dir, entry.name, root);
    }
  }
  return datasets;
}

/** Where surveys saved from the browser go: SURVEY_LENS_UPLOADS, else data/uploads/ in the project. */
export function uploadsFolder(projectRoot: string = process.cwd(), value: string | undefined = process.env.SURVEY_LENS_UPLOADS): string {
  return value ? path.resolve(projectRoot, value) : path.join(projectRoot, 'data', 'uploads');
}

/**
 * The bundled `data/` folder, the surveys saved from the browser (SURVEY_LENS_UPLOADS), and any
 * folders listed in SURVEY_LENS_DATA (separated like PATH). Codebooks saved by "Edit questions"
 * for a folder the server does not write are in the uploads folder's `_codebooks/`.
 */
export function dataRootsFromEnv(projectRoot: string, value: string | undefined, uploads: string | undefined = process.env.SURVEY_LENS_UPLOADS): DataRoot[] {
  const uploaded = uploadsFolder(projectRoot, uploads);
  const edited = path.join(uploaded, '_codebooks');
  const extra = (value ?? '')
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => ({ dir: path.resolve(projectRoot, entry), origin: 'external' as const, codebooks: path.join(projectRoot, 'data', '_codebooks'), edited }));
  return [{ dir: path.join(projectRoot, 'data'), origin: 'bundled', edited }, { dir: uploaded, origin: 'uploaded' }, ...extra];
}
