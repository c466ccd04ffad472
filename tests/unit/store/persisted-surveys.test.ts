import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStamp, hashFile, readPersistedSurvey, readRecordedHash, recordHash, writePersistedSurvey } from '../../../lib/store/persisted-surveys';
import { buildSurvey } from '../../../lib/survey/build-survey';

describe('writePersistedSurvey then readPersistedSurvey', () => {
  let folder: string;
  const saved = process.env.SURVEY_LENS_CACHE;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'survey-lens-cache-'));
    process.env.SURVEY_LENS_CACHE = folder;
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SURVEY_LENS_CACHE;
    else process.env.SURVEY_LENS_CACHE = saved;
  });

  const survey = buildSurvey(
    'id,role,langs,years,comment\n' +
      Array.from({ length: 60 }, (_, i) => `${i + 1},${['Dev', 'Ops', 'Data'][i % 3]},${i % 2 ? 'Go;Rust' : 'Go'},${i % 7},"note ${i}, mine"`).join('\n') +
      '\n',
    { name: 'small.csv' },
  );
  const key = { fileHash: 'a'.repeat(64), codebookHash: 'b'.repeat(64) };

  it('reads back the survey written a question at a time: every question, its arrays and the survey fields', async () => {
    await writePersistedSurvey(key, survey);
    const read = await readPersistedSurvey(key);
    expect(read).toEqual(survey);
    expect(read!.questions.map((question) => question.kind)).toEqual(survey.questions.map((question) => question.kind));
  });

  it('reads nothing for another key, and removes a damaged file instead of returning half a survey', async () => {
    await writePersistedSurvey(key, survey);
    expect(await readPersistedSurvey({ ...key, fileHash: 'c'.repeat(64) })).toBeUndefined();
    const file = readdirSync(folder).find((name) => name.endsWith('.survey'))!;
    const { truncateSync, statSync } = await import('node:fs');
    truncateSync(path.join(folder, file), statSync(path.join(folder, file)).size - 10);
    expect(await readPersistedSurvey(key)).toBeUndefined();
    expect(readdirSync(folder).some((name) => name.endsWith('.survey'))).toBe(false);
  });

  it('reads nothing from a file cut exactly after a question (no error to trip on: the header counts the questions)', async () => {
    await writePersistedSurvey(key, survey);
    const file = path.join(
      folder,
      readdirSync(folder).find((name) => name.endsWith('.survey'))!,
    );
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { serialize } = await import('node:v8');
    const last = serialize(survey.questions.at(-1));
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - last.length - 4));
    expect(await readPersistedSurvey(key)).toBeUndefined();
  });
});

describe('recordHash then readRecordedHash (a new process skips hashing an unchanged file)', () => {
  let folder: string;
  const saved = process.env.SURVEY_LENS_CACHE;
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'survey-lens-hashes-'));
    process.env.SURVEY_LENS_CACHE = path.join(folder, 'cache');
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SURVEY_LENS_CACHE;
    else process.env.SURVEY_LENS_CACHE = saved;
  });

  it('a settled file: its hash is read back while its stamp stands, and not once a byte is written (same size, time put back)', async () => {
    const file = path.join(folder, 'answers.csv');
    writeFileSync(file, 'id,answer\n1,Yes\n');
    const stamp = await fileStamp(file);
    const hash = await hashFile(file);
    expect(hash).toBe(createHash('sha256').update('id,answer\n1,Yes\n').digest('hex'));
    // Stamped three seconds after the file last changed: settled.
    await recordHash(file, stamp, hash, Number(stamp.split(':')[2]) + 3_000);
    expect(await readRecordedHash(file, stamp)).toBe(hash);
    const { mtime } = statSync(file);
    writeFileSync(file, 'id,answer\n1,No!\n');
    utimesSync(file, mtime, mtime);
    const after = await fileStamp(file);
    expect(after).not.toBe(stamp);
    expect(await readRecordedHash(file, after)).toBeUndefined();
  });

  it('a file stamped within 2 s of its last change is not recorded (a write in the same clock tick could hide)', async () => {
    const file = path.join(folder, 'fresh.csv');
    writeFileSync(file, 'id\n1\n');
    const stamp = await fileStamp(file);
    await recordHash(file, stamp, await hashFile(file), Number(stamp.split(':')[2]) + 500);
    expect(await readRecordedHash(file, stamp)).toBeUndefined();
  });

  it('a damaged or foreign record is ignored', async () => {
    const file = path.join(folder, 'x.csv');
    writeFileSync(file, 'id\n1\n');
    const stamp = await fileStamp(file);
    await recordHash(file, stamp, 'not a hash', Number(stamp.split(':')[2]) + 3_000);
    expect(await readRecordedHash(file, stamp)).toBeUndefined();
  });
});
