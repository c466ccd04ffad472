import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Survey } from '@/lib/survey/types';

/**
 * Bumped whenever the columnar model or what ingest infers changes: a cache written by another
 * version is never read, it is rebuilt.
 */
const MODEL_VERSION = 'survey-lens-model-5';
const MAGIC = Buffer.from('SLCACHE\n');

/** What a parsed wave is stored under: the bytes of its file, the codebook it was read with, and the model version. */
export interface SurveyKey {
  fileHash: string;
  codebookHash: string;
}

/** What the dataset list needs of a wave, without reading its columns. */
export interface SurveySummary {
  respondents: number;
  questions: number;
}

/** The cache folder: SURVEY_LENS_CACHE, else `.survey-lens-cache` where the server runs — never inside a (possibly read-only) data folder. */
export function cacheFolder(): string {
  // A folder chosen at run time: the build must not trace (and ship) the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.SURVEY_LENS_CACHE || path.join(process.cwd(), '.survey-lens-cache'));
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 of a file's bytes, read as a stream: an edit that keeps the size and the time still changes it. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function entryName(key: SurveyKey): string {
  return hashText(`${MODEL_VERSION}\n${key.fileHash}\n${key.codebookHash}`).slice(0, 40);
}

/**
 * A wave parsed earlier (by this or a previous server), or undefined: missing, written by
 * another model version, or damaged — then it is removed and the caller parses the file again.
 */
export async function readPersistedSurvey(key: SurveyKey): Promise<Survey | undefined> {
  const file = path.join(cacheFolder(), `${entryName(key)}.survey`);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a survey cache file');
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const header = JSON.parse(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength).toString('utf8'));
    if (header.version !== MODEL_VERSION || header.fileHash !== key.fileHash || header.codebookHash !== key.codebookHash)
      throw new Error('written for another file or version');
    const survey = readPieces(bytes.subarray(MAGIC.length + 4 + headerLength));
    // A file cut at a piece's end reads without an error: the header says how many questions there are.
    if (survey.questions.length !== header.questions) throw new Error('a question is missing');
    return survey;
  } catch {
    await rm(file, { force: true }).catch(() => {});
    return undefined;
  }
}

/** The summary the dataset list reads (a few bytes), when the wave has been parsed before. */
export async function readPersistedSummary(key: SurveyKey): Promise<SurveySummary | undefined> {
  try {
    const summary = JSON.parse(await readFile(path.join(cacheFolder(), `${entryName(key)}.summary.json`), 'utf8'));
    return typeof summary.respondents === 'number' && typeof summary.questions === 'number' ? summary : undefined;
  } catch {
    return undefined;
  }
}

/** The survey after its header: the survey without its questions, then each question, each piece a length and its V8 serialisation. */
function readPieces(bytes: Buffer): Survey {
  const pieces: unknown[] = [];
  for (let at = 0; at < bytes.length;) {
    const length = bytes.readUInt32LE(at);
    pieces.push(deserialize(bytes.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  const [survey, ...questions] = pieces as [Survey, ...Survey['questions']];
  return { ...survey, questions };
}

/**
 * The survey in pieces, written one after another: serialised whole, a survey with a million
 * respondents' free text was a second copy of the model in memory (twice, once joined to its
 * header), the peak of a cold `survey-lens schema`; a piece is at most one question.
 */
async function* surveyPieces(header: Buffer, survey: Survey): AsyncGenerator<Buffer> {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  yield Buffer.concat([MAGIC, length, header]);
  for (const piece of [{ ...survey, questions: [] }, ...survey.questions]) {
    const bytes = serialize(piece);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(bytes.length);
    yield size;
    yield bytes;
  }
}

async function writeAtomically(file: string, data: string | AsyncIterable<Buffer>): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    if (typeof data === 'string') await writeFile(temporary, data);
    else {
      const handle = await open(temporary, 'w');
      try {
        for await (const piece of data) await handle.write(piece);
      } finally {
        await handle.close();
      }
    }
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true }).catch(() => {});
  }
}

/**
 * Stores a parsed wave for the next start: the typed arrays and dictionaries as V8 serialises
 * them, a question at a time, behind a small header naming the model version and the key. Written to a temporary
 * file and renamed, so a reader never sees half a file. A cache that cannot be written (a
 * read-only disk) only costs the next start its parse: it is reported, never fatal.
 */
export async function writePersistedSurvey(key: SurveyKey, survey: Survey): Promise<void> {
  try {
    await mkdir(cacheFolder(), { recursive: true });
    const name = entryName(key);
    const header = Buffer.from(
      JSON.stringify({ version: MODEL_VERSION, fileHash: key.fileHash, codebookHash: key.codebookHash, questions: survey.questions.length }),
      'utf8',
    );
    await writeAtomically(path.join(cacheFolder(), `${name}.survey`), surveyPieces(header, survey));
    const summary: SurveySummary = { respondents: survey.size, questions: survey.questions.length };
    await writeAtomically(path.join(cacheFolder(), `${name}.summary.json`), JSON.stringify(summary));
  } catch (error) {
    console.warn(`survey-lens: the parsed survey could not be cached in ${cacheFolder()}: ${(error as Error).message}`);
  }
}

/**
 * A file's size, times and inode: cheap to read, so a file is re-hashed only when one of them
 * moves (or after a while). The status-change time is there because an edit that keeps the size
 * and puts the modification time back (touch -d, utimes, rsync -t) still moves it: no user can set it.
 */
export async function fileStamp(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
  } catch {
    return 'missing';
  }
}

/** A stamp is trusted across runs only for a file left unchanged this long before it was hashed: a write in the same clock tick as the stamp cannot hide. */
const SETTLED_MS = 2_000;

const hashRecordFile = (file: string) => path.join(cacheFolder(), 'hashes', `${hashText(path.resolve(file)).slice(0, 40)}.json`);

/**
 * The hash an earlier run recorded for this file, while the file's stamp (size, times, inode) is
 * the one it had then: a new process (a CLI run, a restarted server) skips reading the whole file
 * to hash it. The status-change time in the stamp moves on any write and no user can set it back.
 */
export async function readRecordedHash(file: string, stamp: string): Promise<string | undefined> {
  try {
    const record = JSON.parse(await readFile(hashRecordFile(file), 'utf8'));
    return record.stamp === stamp && typeof record.hash === 'string' && /^[0-9a-f]{64}$/.test(record.hash) ? record.hash : undefined;
  } catch {
    return undefined;
  }
}

/** Records a file's hash under its stamp (taken before it was hashed), when the file had settled; a cache folder that cannot be written only costs the next run a hash. */
export async function recordHash(file: string, stamp: string, hash: string, stampedAt: number): Promise<void> {
  const changedAt = Number(stamp.split(':')[2]);
  if (!Number.isFinite(changedAt) || stampedAt - changedAt < SETTLED_MS) return;
  try {
    await mkdir(path.dirname(hashRecordFile(file)), { recursive: true });
    await writeAtomically(hashRecordFile(file), JSON.stringify({ stamp, hash }));
  } catch {
    // the next run hashes the file again
  }
}
