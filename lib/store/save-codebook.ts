import { randomBytes } from 'node:crypto';
import { lstat, mkdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { codebookSchema, type Codebook } from '../survey/codebook-schema';
import { mergeQuestions } from '../survey/publisher-schema';
import type { SurveyFingerprint } from '../survey/survey-fingerprint';
import { readSchemaFile, uploadsFolder, type DatasetSource, type WaveSource } from './discover-datasets';
import { readAndCheck } from './read-and-check';
import { forgetListing } from './survey-store';
import { describeWriteFailure, WriteError } from './write-error';

const editSchema = z.object({ codebook: z.unknown(), fingerprints: z.record(z.string(), z.unknown()) }).strict();

/** Codebooks saved for datasets whose folder the server does not write: SURVEY_LENS_UPLOADS/_codebooks/<id>.json. */
export function editedCodebookFile(id: string): string {
  return path.join(uploadsFolder(), '_codebooks', `${id}.json`);
}

/** Where an edited codebook goes: beside the data when the server owns the folder (data/, uploads), else an overlay under SURVEY_LENS_UPLOADS. */
function targetOf(dataset: DatasetSource): { file: string; where: 'survey.json' | 'overlay' } {
  const overlay = editedCodebookFile(dataset.id);
  // An overlay, once written, is what discovery reads first: later edits go there too.
  if (dataset.codebookFile === overlay || dataset.origin === 'external') return { file: overlay, where: 'overlay' };
  return { file: path.join(dataset.dir, 'survey.json'), where: 'survey.json' };
}

/** Written beside, then renamed over: a reader sees the old codebook or the new, never half of one. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function codebookForWave(dataset: DatasetSource, wave: WaveSource, codebook: Codebook): Codebook {
  if (!wave.schema) return codebook;
  return { ...codebook, questions: mergeQuestions(codebook.questions, readSchemaFile(path.join(dataset.dir, wave.schema))) };
}

/**
 * "Edit questions" saved: the reviewed codebook (its waves as the dataset had them: a codebook
 * edit never moves a data file), checked by reading every wave with it, written beside the data
 * or as an overlay. The data files are never touched.
 */
export async function saveDatasetCodebook(dataset: DatasetSource, body: unknown): Promise<{ where: 'survey.json' | 'overlay' }> {
  const parsed = editSchema.safeParse(body);
  if (!parsed.success) throw new WriteError(400, 'The save request is not valid.');
  const given = codebookSchema.safeParse(parsed.data.codebook);
  if (!given.success)
    throw new WriteError(400, `The reviewed codebook is not valid: ${given.error.issues[0]?.path.join('.')} ${given.error.issues[0]?.message}.`);
  const { waves: _ignored, ...rest } = given.data;
  void _ignored;
  const codebook: Codebook = { ...rest, ...(dataset.codebook?.waves ? { waves: dataset.codebook.waves } : {}) };
  for (const wave of dataset.waves)
    await readAndCheck(
      wave.path,
      path.basename(wave.path),
      codebookForWave(dataset, wave, codebook),
      parsed.data.fingerprints[wave.id] as SurveyFingerprint | undefined,
    );
  const text = `${JSON.stringify(codebook, null, 2)}\n`;
  let target = targetOf(dataset);
  try {
    await writeAtomically(target.file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A data folder the server cannot write after all (read-only): the overlay instead.
    if (target.where !== 'survey.json' || !['EACCES', 'EPERM', 'EROFS'].includes(code ?? '')) throw describeWriteFailure(error, 'the codebook');
    target = { file: editedCodebookFile(dataset.id), where: 'overlay' };
    await writeAtomically(target.file, text).catch((again) => {
      throw describeWriteFailure(again, 'the codebook');
    });
  }
  forgetListing();
  return { where: target.where };
}

/**
 * Deletes a dataset saved from the browser: only a real folder directly inside
 * SURVEY_LENS_UPLOADS (no symlink, nothing elsewhere), moved aside in one step and then removed,
 * with its overlay codebook if it has one.
 */
export async function deleteUploadedDataset(dataset: DatasetSource): Promise<void> {
  if (dataset.origin !== 'uploaded') throw new WriteError(403, 'Only a survey added in the browser can be deleted here; the others are folders on the server.');
  const root = await realpath(uploadsFolder());
  const info = await lstat(dataset.dir);
  if (info.isSymbolicLink() || !info.isDirectory() || path.dirname(await realpath(dataset.dir)) !== root)
    throw new WriteError(403, 'This folder is not one the server saved: it is not deleted.');
  const aside = path.join(root, '.staging', `deleted-${randomBytes(8).toString('hex')}`);
  try {
    await mkdir(path.dirname(aside), { recursive: true });
    await rename(dataset.dir, aside);
  } catch (error) {
    throw describeWriteFailure(error, 'the deletion');
  }
  forgetListing();
  await rm(aside, { recursive: true, force: true });
  await rm(editedCodebookFile(dataset.id), { force: true });
}
