import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '../csv/csv-input-error';
import { uploadsFolder } from './discover-datasets';
import { describeWriteFailure, WriteError } from './write-error';

/** Per file, unless SURVEY_LENS_UPLOAD_MAX_BYTES says otherwise: the most the store reads (lib/store/read-csv-file). */
export const DEFAULT_UPLOAD_MAX_BYTES = 1024 * 1024 * 1024;
/** Files (waves) one survey may bring. */
export const MAX_UPLOAD_FILES = 20;
/** Staging folders older than this were abandoned (a closed tab): removed when the next upload starts. */
const ABANDONED_MS = 6 * 60 * 60 * 1000;
const UPLOAD_ID = /^[a-f0-9]{32}$/;

export function uploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SURVEY_LENS_UPLOAD_MAX_BYTES;
  const value = raw ? Number(raw) : DEFAULT_UPLOAD_MAX_BYTES;
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_UPLOAD_MAX_BYTES;
}

/** Where uploads wait until they are saved: a dot-folder, which discovery never lists. */
export function stagingFolder(): string {
  return path.join(uploadsFolder(), '.staging');
}

/** The staging folder of an upload id the server handed out; anything else is refused (no client-supplied path is used). */
export function stagedDir(uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw new WriteError(404, 'No such upload.');
  return path.join(stagingFolder(), uploadId);
}

/** A staged file's path, by its position among the survey's files (a number the server checks, never a name). */
export function stagedFile(uploadId: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_UPLOAD_FILES) throw new WriteError(400, `A survey brings at most ${MAX_UPLOAD_FILES} files.`);
  return path.join(stagedDir(uploadId), `${index}.upload`);
}

async function removeAbandoned(): Promise<void> {
  const folder = stagingFolder();
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const dir = path.join(folder, name);
    const info = await stat(dir).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > ABANDONED_MS) await rm(dir, { recursive: true, force: true });
  }
}

/** A new upload: an empty staging folder under a random id. */
export async function createUpload(): Promise<string> {
  await removeAbandoned();
  const id = randomBytes(16).toString('hex');
  try {
    await mkdir(stagedDir(id), { recursive: true });
  } catch (error) {
    throw describeWriteFailure(error, 'the upload');
  }
  return id;
}

/**
 * A file's bytes written to staging as they arrive, refused as soon as they pass the limit (and
 * before, when the declared length already does): on any failure the upload's staging folder is removed.
 */
export async function receiveFile(
  uploadId: string,
  index: number,
  body: AsyncIterable<Uint8Array>,
  declared: number | undefined,
  limit = uploadLimit(),
): Promise<number> {
  const file = stagedFile(uploadId, index);
  const dir = stagedDir(uploadId);
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new WriteError(404, 'No such upload (it was saved, cancelled or abandoned).');
  try {
    if (declared !== undefined && declared > limit) throw tooBig(index, limit);
    return await writeStaged(file, index, body, limit);
  } catch (error) {
    // The survey cannot be saved without this file: the whole upload goes, so nothing is left.
    await rm(dir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteError(409, `File ${index + 1} of this upload was already sent.`);
    throw describeWriteFailure(error, `file ${index + 1}`);
  }
}

const tooBig = (index: number, limit: number) =>
  new WriteError(413, `File ${index + 1} is larger than ${formatBytes(limit)}, the most this server accepts per file.`);

/** The bytes into the staged file as they arrive, refused once they pass the limit; the file is closed on any failure. */
async function writeStaged(file: string, index: number, body: AsyncIterable<Uint8Array>, limit: number): Promise<number> {
  const out = createWriteStream(file, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  let total = 0;
  try {
    for await (const chunk of body) {
      total += chunk.length;
      if (total > limit) throw tooBig(index, limit);
      if (!out.write(chunk)) await Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed]);
    }
    await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
    if (total === 0) throw new WriteError(400, `File ${index + 1} is empty: there is nothing to read.`);
    return total;
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/** Removes an upload's staging folder (cancelled, failed or saved). */
export async function discardUpload(uploadId: string): Promise<void> {
  await rm(stagedDir(uploadId), { recursive: true, force: true });
}
