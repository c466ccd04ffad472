import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { commitUpload, slugOf } from '@/lib/store/commit-upload';
import { uploadsFolder } from '@/lib/store/discover-datasets';
import { loadSurveyFile } from '@/lib/store/load-survey-file';
import { deleteUploadedDataset, saveDatasetCodebook } from '@/lib/store/save-codebook';
import { createUpload, receiveFile, stagingFolder } from '@/lib/store/stage-upload';
import { findDataset, forgetListing, getWave, listDatasets } from '@/lib/store/survey-store';
import { fingerprintSurvey } from '@/lib/survey/survey-fingerprint';
import { WriteError } from '@/lib/store/write-error';
import { withTempProject } from '../helpers/temp-project';

const SAMPLE = path.resolve(__dirname, '../../../data/state-of-engineers/2022.csv');
const bytes = readFileSync(SAMPLE);

async function* pieces(data: Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function shownFingerprint() {
  return fingerprintSurvey(await loadSurveyFile(SAMPLE));
}

/** One upload through the three steps the page takes: create, send the file, commit. */
async function save(title: string, data: Buffer = bytes, extra: Record<string, unknown> = {}) {
  const upload = await createUpload();
  await receiveFile(upload, 0, pieces(data), data.length);
  return commitUpload(upload, { title, waves: [{ id: '2022', file: 0 }], codebook: {}, fingerprints: { '2022': await shownFingerprint() }, ...extra });
}

/** Every file and folder left under the uploads folder, staging included. */
function leftOnDisk(): string[] {
  const root = uploadsFolder();
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true }).map(String).sort();
}

async function refusal(promise: Promise<unknown>): Promise<WriteError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WriteError);
  return error as WriteError;
}

withTempProject('survey-lens-save-', () => {});

describe('saving an upload (commitUpload)', () => {
  it('writes <slug>/2022.csv byte for byte and survey.json, lists it as uploaded, and leaves no staging', async () => {
    const { id } = await save('Team Survey: Engineers 2022');
    expect(id).toBe('team-survey-engineers-2022');
    const dir = path.join(uploadsFolder(), id);
    expect(readFileSync(path.join(dir, '2022.csv')).equals(bytes)).toBe(true);
    const codebook = JSON.parse(readFileSync(path.join(dir, 'survey.json'), 'utf8'));
    expect(codebook).toMatchObject({ title: 'Team Survey: Engineers 2022', waves: [{ id: '2022', file: '2022.csv' }] });
    const dataset = listDatasets().find((candidate) => candidate.id === id)!;
    expect(dataset.origin).toBe('uploaded');
    const wave = await getWave(dataset, dataset.waves[0]);
    const rows = Papa.parse(bytes.toString('utf8'), { skipEmptyLines: true }).data.length - 1;
    expect(wave.ok && wave.survey.size).toBe(rows);
    expect(readdirSync(stagingFolder())).toEqual([]);
  });

  it('two saves of one title at once both land, in two folders, each whole', async () => {
    const [a, b] = await Promise.all([save('Twins'), save('Twins')]);
    expect([a.id, b.id].sort()).toEqual(['twins', 'twins-2']);
    for (const id of [a.id, b.id]) expect(readFileSync(path.join(uploadsFolder(), id, '2022.csv')).equals(bytes)).toBe(true);
  });

  it('a save while the store reads another dataset loses nothing: both read whole', async () => {
    const first = findDataset('twins')!;
    const [read, saved] = await Promise.all([getWave(first, first.waves[0]), save('During reads')]);
    expect(read.ok).toBe(true);
    forgetListing();
    const after = findDataset(saved.id)!;
    expect((await getWave(after, after.waves[0])).ok).toBe(true);
  });

  it('refuses a file over the limit while it streams, and keeps none of it', async () => {
    const before = leftOnDisk();
    const upload = await createUpload();
    const error = await refusal(receiveFile(upload, 0, pieces(bytes), undefined, 100_000));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/larger than 97.7 KB/);
    await refusal(receiveFile(upload, 1, pieces(bytes), bytes.length, 100_000));
    await commitUpload(upload, { title: 'x', waves: [{ id: '2022', file: 0 }], codebook: {}, fingerprints: {} }).catch(() => {});
    expect(leftOnDisk()).toEqual(before);
  });

  it('refuses a file whose declared length is over the limit before reading it, and removes the upload (found by the admin-token browser journey)', async () => {
    const before = leftOnDisk();
    const upload = await createUpload();
    const error = await refusal(receiveFile(upload, 0, pieces(bytes), 100_001, 100_000));
    expect(error.status).toBe(413);
    expect(leftOnDisk()).toEqual(before);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 400, /is empty/],
    ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3, 0x0a]), 422, /binary \(NUL\) bytes.*ZIP or Excel/],
    ['a header-only file', Buffer.from('role,region\n'), 422, /header but no usable records|no records/],
    ['UTF-16 text', Buffer.from('\ufeffrole,region\nA,B\n', 'utf16le'), 422, /UTF-16|binary/],
  ])('refuses %s with its own message and leaves nothing on disk', async (_name, data, status, message) => {
    const before = leftOnDisk();
    const error = await refusal(save('Bad', data));
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
    expect(leftOnDisk()).toEqual(before);
  });

  it('refuses a save whose review differs from what the server reads (409), keeping nothing', async () => {
    const before = leftOnDisk();
    const fingerprint = await shownFingerprint();
    const error = await refusal(save('Mismatch', bytes, { fingerprints: { '2022': { ...fingerprint, respondents: fingerprint.respondents + 1 } } }));
    expect(error.status).toBe(409);
    expect(leftOnDisk()).toEqual(before);
  });

  it.each([
    ['a wave named ../x', { waves: [{ id: '../x', file: 0 }] }],
    ['a wave name with a NUL byte', { waves: [{ id: 'a\u0000b', file: 0 }] }],
    ['an absolute wave name', { waves: [{ id: '/etc/passwd', file: 0 }] }],
    ['a file number out of range', { waves: [{ id: '2022', file: 99 }] }],
    ['a title with a NUL byte', { title: 'a\u0000b' }],
    ['an unknown codebook key', { codebook: { path: '/etc' } }],
  ])('refuses %s (400) and keeps nothing', async (_name, extra) => {
    const before = leftOnDisk();
    const error = await refusal(save('Tricks', bytes, extra));
    expect(error.status).toBe(400);
    expect(leftOnDisk()).toEqual(before);
  });

  it('never uses a client path: a title of ../../etc and a codebook naming ../../outside.csv land inside uploads, named by the server', async () => {
    const { id } = await save('../../etc', bytes, { codebook: { waves: [{ id: '2022', file: 'a/b.csv' }] } });
    expect(id).toBe('etc');
    const codebook = JSON.parse(readFileSync(path.join(uploadsFolder(), id, 'survey.json'), 'utf8'));
    expect(codebook.waves).toEqual([{ id: '2022', file: '2022.csv' }]);
    expect(slugOf('..')).toBe('survey');
    expect(slugOf('Ünïcödé Survey')).toBe('unicode-survey');
  });

  it('an upload id that is not one the server made is refused (404)', async () => {
    for (const id of ['../../etc', '', 'A'.repeat(32), `${'a'.repeat(31)}/`])
      expect((await refusal(receiveFile(id, 0, pieces(bytes), undefined))).status).toBe(404);
  });
});

describe('editing and deleting', () => {
  it('an edited codebook of an uploaded dataset is written beside its files, checked, and the data file is untouched', async () => {
    forgetListing();
    const dataset = findDataset('team-survey-engineers-2022')!;
    const codebook = { ...dataset.codebook, questions: { role: { kind: 'text' as const } } };
    const shown = fingerprintSurvey(await loadSurveyFile(dataset.waves[0].path, { codebook }));
    await expect(saveDatasetCodebook(dataset, { codebook, fingerprints: { '2022': shown } })).resolves.toEqual({ where: 'survey.json' });
    const saved = JSON.parse(readFileSync(path.join(dataset.dir, 'survey.json'), 'utf8'));
    expect(saved.questions.role.kind).toBe('text');
    expect(saved.waves).toEqual([{ id: '2022', file: '2022.csv' }]);
    expect(readFileSync(path.join(dataset.dir, '2022.csv')).equals(bytes)).toBe(true);
  });

  it('a dataset in a SURVEY_LENS_DATA folder gets an overlay under the uploads folder; its own folder is not written', async () => {
    const external = path.join(process.env.SURVEY_LENS_DATA!, 'outside');
    mkdirSync(external, { recursive: true });
    writeFileSync(path.join(external, 'results-2022.csv'), bytes);
    forgetListing();
    const dataset = findDataset('outside')!;
    const codebook = { questions: { region: { label: 'Where they work' } } };
    const shown = fingerprintSurvey(await loadSurveyFile(dataset.waves[0].path, { codebook }));
    await expect(saveDatasetCodebook(dataset, { codebook, fingerprints: { [dataset.waves[0].id]: shown } })).resolves.toEqual({ where: 'overlay' });
    expect(readdirSync(external)).toEqual(['results-2022.csv']);
    forgetListing();
    expect(findDataset('outside')!.codebook?.questions?.region.label).toBe('Where they work');
  });

  it('deletes an uploaded dataset, and refuses any other or a symlink', async () => {
    forgetListing();
    await deleteUploadedDataset(findDataset('twins-2')!);
    expect(existsSync(path.join(uploadsFolder(), 'twins-2'))).toBe(false);
    forgetListing();
    expect(findDataset('twins-2')).toBeUndefined();
    expect((await refusal(deleteUploadedDataset(findDataset('outside')!))).status).toBe(403);
    const twins = findDataset('twins')!;
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'survey-lens-elsewhere-'));
    symlinkSync(elsewhere, path.join(uploadsFolder(), 'linked'));
    expect((await refusal(deleteUploadedDataset({ ...twins, id: 'linked', dir: path.join(uploadsFolder(), 'linked') }))).status).toBe(403);
    expect(existsSync(elsewhere)).toBe(true);
    rmSync(elsewhere, { recursive: true });
  });
});

/** A full disk, for real: the uploads folder on a 64 KiB tmpfs (root can mount one; elsewhere the test says it cannot run). */
function mountTiny(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a full disk', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'survey-lens-full-'));
  const mounted = mountTiny(dir);
  if (!mounted) console.warn(`!!! cannot mount a tmpfs at ${dir} (not root?): the full-disk test is SKIPPED`);
  it.runIf(mounted || process.env.CI === 'true')('refuses the upload with 507 and a message saying so, leaving nothing', async () => {
    vi.stubEnv('SURVEY_LENS_UPLOADS', dir);
    try {
      const error = await refusal(save('Too big for the disk'));
      expect(error.status).toBe(507);
      expect(error.message).toMatch(/disk is full/);
      expect(readdirSync(dir, { recursive: true }).filter((name) => !String(name).startsWith('.staging'))).toEqual([]);
      expect(readdirSync(path.join(dir, '.staging'))).toEqual([]);
    } finally {
      vi.stubEnv('SURVEY_LENS_UPLOADS', '');
      if (mounted) execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
