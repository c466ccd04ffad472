import { open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { codebookSchema, waveSchema, type Codebook } from '../survey/codebook-schema';
import type { SurveyFingerprint } from '../survey/survey-fingerprint';
import type { Survey } from '../survey/types';
import { uploadsFolder } from './discover-datasets';
import { hashFile, hashText, writePersistedSurvey } from './persisted-surveys';
import { readAndCheck } from './read-and-check';
import { readCodebookFile } from './read-codebook-file';
import { discardUpload, MAX_UPLOAD_FILES, stagedDir, stagedFile } from './stage-upload';
import { forgetListing, listDatasets } from './survey-store';
import { describeWriteFailure, WriteError } from './write-error';

const fingerprintSchema = z.object({
  respondents: z.number().int().min(0),
  questions: z.array(z.object({ id: z.string(), kind: z.string(), options: z.array(z.string()).optional() })),
});

/** What the page sends to save an upload: the title, which staged file is which wave, the reviewed codebook, and what the review showed. */
export const commitSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'a survey needs a title')
      .max(200)
      .refine((title) => !title.includes('\u0000'), 'a title cannot hold a NUL character'),
    waves: z
      .array(
        z
          .object({
            id: waveSchema.shape.id,
            file: z
              .number()
              .int()
              .min(0)
              .max(MAX_UPLOAD_FILES - 1),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_UPLOAD_FILES),
    codebook: z.unknown(),
    fingerprints: z.record(z.string(), fingerprintSchema),
  })
  .strict();

export type CommitRequest = z.infer<typeof commitSchema>;

/** Names a dataset folder may not take: the app's own first path segments. */
const RESERVED = new Set(['add', 'api', 'uploads', '_next']);

/** A folder name from a title: letters and digits in lower case joined by dashes (never a path the client chose). */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : `survey${slug ? `-${slug}` : ''}`;
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function parseRequest(body: unknown): { request: CommitRequest; codebook: Codebook } {
  const parsed = commitSchema.safeParse(body);
  if (!parsed.success) throw new WriteError(400, `The save request is not valid: ${parsed.error.issues[0]?.message ?? 'unreadable'}.`);
  const request = parsed.data;
  if (new Set(request.waves.map((wave) => wave.id)).size !== request.waves.length)
    throw new WriteError(400, 'Two files have the same wave name: name each wave once.');
  if (new Set(request.waves.map((wave) => wave.file)).size !== request.waves.length) throw new WriteError(400, 'A file is named as two waves.');
  const given = codebookSchema.safeParse(request.codebook ?? {});
  if (!given.success)
    throw new WriteError(400, `The reviewed codebook is not valid: ${given.error.issues[0]?.path.join('.')} ${given.error.issues[0]?.message}.`);
  return { request, codebook: given.data };
}

/** Moves the staged folder to uploads/<slug>, the first free one of <slug>, <slug>-2, …: a rename is atomic, and never lands on a folder that holds anything. */
async function moveIntoPlace(dir: string, slug: string): Promise<string> {
  const taken = new Set(listDatasets().map((dataset) => dataset.id));
  for (let n = 1; n <= 100; n++) {
    const id = n === 1 ? slug : `${slug}-${n}`;
    if (taken.has(id) || RESERVED.has(id)) continue;
    try {
      await rename(dir, path.join(uploadsFolder(), id));
      return id;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') continue;
      throw error;
    }
  }
  throw new WriteError(409, `There are already 100 surveys named like “${slug}”: choose another title.`);
}

/** The parsed waves kept for the store, under the key it will look for (the files' bytes, the codebook as read back): the dashboard opens without parsing again. */
async function seedStore(folder: string, waves: { file: string; survey: Survey }[]): Promise<void> {
  const read = readCodebookFile(path.join(folder, 'survey.json'));
  if (!('codebook' in read)) return;
  const codebookHash = hashText(JSON.stringify(read.codebook));
  for (const wave of waves) await writePersistedSurvey({ fileHash: await hashFile(path.join(folder, wave.file)), codebookHash }, wave.survey);
}

/**
 * Saves an upload as a dataset: each staged file named by its wave (`<wave>.csv` or `.csv.gz`),
 * read again with the reviewed codebook and checked against what the review showed, the codebook
 * written as survey.json, and the folder renamed into SURVEY_LENS_UPLOADS in one step. On any
 * failure the staging folder is removed: nothing is left on disk.
 */
export async function commitUpload(uploadId: string, body: unknown): Promise<{ id: string }> {
  const dir = stagedDir(uploadId);
  try {
    const { request, codebook: given } = parseRequest(body);
    const waves: { id: string; file: string; staged: string }[] = [];
    for (const wave of request.waves) {
      const staged = stagedFile(uploadId, wave.file);
      const gz = await isGzip(staged).catch(() => {
        throw new WriteError(400, `File ${wave.file + 1} was not uploaded.`);
      });
      waves.push({ id: wave.id, file: `${wave.id}.csv${gz ? '.gz' : ''}`, staged });
    }
    const { waves: _ignored, ...rest } = given;
    void _ignored;
    const codebook: Codebook = { ...rest, title: request.title, waves: waves.map((wave) => ({ id: wave.id, file: wave.file })) };
    const read: { file: string; survey: Survey }[] = [];
    for (const wave of waves) {
      const file = path.join(dir, wave.file);
      await rename(wave.staged, file);
      read.push({ file: wave.file, survey: await readAndCheck(file, wave.file, codebook, request.fingerprints[wave.id] as SurveyFingerprint | undefined) });
    }
    await writeFile(path.join(dir, 'survey.json'), `${JSON.stringify(codebook, null, 2)}\n`, { flag: 'wx' });
    const id = await moveIntoPlace(dir, slugOf(request.title));
    forgetListing();
    // A folder chosen at run time: the build must not trace (and ship) the whole project for it.
    await seedStore(path.join(/*turbopackIgnore: true*/ uploadsFolder(), id), read).catch(() => {});
    return { id };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw describeWriteFailure(error, 'the survey');
  } finally {
    await discardUpload(uploadId).catch(() => {});
  }
}
