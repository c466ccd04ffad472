import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInTwo, loadWhole, ReadWhole } from '../../../lib/store/load-survey-file';
import { planSplit, type PartReader } from '../../../lib/store/read-in-two';
import { readPart } from '../../../lib/store/read-part';
import { requireShared, SHARED } from '../shared-data';

/**
 * A large file is read on two threads: the first half here, the second in a worker from the
 * first line break past the middle, its columns appended (lib/store/load-survey-file.ts). What
 * comes out must be what one read gives, to the last code, line number, sample and issue, or
 * the cut must be refused (and the file read in one).
 */
const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'read-in-two-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The second part read on this thread, by the same function the worker runs. */
function partReaderHere(file: string, start: number, end: number): PartReader {
  let resolve: (outcome: Awaited<PartReader['outcome']>) => void = () => {};
  const outcome = new Promise<Awaited<PartReader['outcome']>>((done) => (resolve = done));
  return { layout: (layout) => void readPart(file, start, end, layout).then(resolve), outcome, stop: () => {} };
}

async function readBothWays(file: string) {
  const split = await planSplit(file, 0);
  if (!split) throw new Error(`${file}: no line break past its middle`);
  const whole = await loadWhole(file);
  const inTwo = await loadInTwo(file, split, partReaderHere(file, split.at, split.size));
  return { whole, inTwo, split };
}

const write = (name: string, text: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('reading a file in two parts gives what one read gives', () => {
  it('the bundled sample (data/state-of-engineers/2022.csv)', async () => {
    const { whole, inTwo } = await readBothWays(path.join(root, 'data/state-of-engineers/2022.csv'));
    expect(inTwo).toEqual(whole);
  });

  if (requireShared('the two-part read of real exports')) {
    const real: [string, string][] = [
      ['Stack Overflow 2019 (88,883 × 21, gzip unpacked)', 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz'],
      ['Kaggle 2022 (23,997 × 296, free text, gzip unpacked)', 'kaggle-2022/kaggle_survey_2022_responses.csv.gz'],
      ['Thai developers 2019', 'thai-developers-2019/rawdata.csv'],
      ['LimeSurvey, RSE 2017 UK (quoted line breaks in answers)', 'exports/rse2017uk_limesurvey/public_data.csv'],
      ['Google Forms, Dask 2019', 'exports/dask2019_gforms/results.csv'],
    ];
    for (const [what, relative] of real) {
      it(`${what}: cut near its middle, the same survey`, async () => {
        const source = path.join(SHARED, relative);
        const file = relative.endsWith('.gz') ? write(path.basename(relative, '.gz'), gunzipSync(readFileSync(source))) : source;
        const split = (await planSplit(file, 0))!;
        const whole = await loadWhole(file);
        // Each of these files is cut at a record boundary and its second half has nothing to report: the cut is kept.
        expect(await loadInTwo(file, split, partReaderHere(file, split.at, split.size))).toEqual(whole);
      });
    }
  }

  it('a ragged record and a blank line in the first part: the same issues, on the same lines', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => (i === 7 ? 'x,y,z,extra' : i === 12 ? '' : `r${i},${i % 5},"said ""${i % 7}""\nover two lines"`));
    const file = write('ragged-first.csv', `id,score,comment\n${rows.join('\n')}\n`);
    const { whole, inTwo } = await readBothWays(file);
    expect(whole.issues.map((issue) => issue.line)).toContain(16); // the header, then two lines a record
    expect(inTwo).toEqual(whole);
  });

  it('an answer with line breaks across the cut point: the cut is made after it (the quotes before it are even)', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n');
    const text = `id,comment\n1,short\n2,"${long}"\n3,short\n`;
    const file = write('quoted-middle.csv', text);
    const split = (await planSplit(file, 0))!;
    expect(split.at).toBe(Buffer.byteLength(text) - '3,short\n'.length);
    const { whole, inTwo } = await readBothWays(file);
    expect(inTwo).toEqual(whole);
  });

  it('a stray quote in an unquoted answer misleads the count: the first part ends inside a quote, and the cut is refused', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n');
    const file = write('stray-quote.csv', `id,comment\n1,a 5" screen\n2,"${long}"\n3,short\n`);
    const split = (await planSplit(file, 0))!;
    const error = await loadInTwo(file, split, partReaderHere(file, split.at, split.size)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadWhole);
    expect((error as Error).message).toBe('the first part did not end at a record boundary');
    const whole = await loadWhole(file);
    expect(whole.size).toBe(3);
    expect(whole.issues).toEqual([]);
  });

  it('a ragged record, a repeated header or a bad byte in the second part: the cut is refused, with the reason', async () => {
    const base = Array.from({ length: 4000 }, (_, i) => `r${i},${i % 5}`);
    // Three quarters into the file: well inside the second part.
    const at = (odd: string) => `id,score\n${[...base, ...base.slice(0, 2000), odd, ...base.slice(2000)].join('\n')}\n`;
    const cases: [string, string | Buffer, RegExp][] = [
      ['ragged', at('a,b,c'), /expected 2 fields, found 3/],
      ['repeated header', at('id,score'), /repeats the header/],
      ['bad byte', Buffer.concat([Buffer.from(`id,score\n${[...base, ...base].join('\n')}\n`), Buffer.from([0x61, 0xff, 0x0a])]), /undecodable/],
    ];
    for (const [name, text, reason] of cases) {
      const file = write(`${name.replace(' ', '-')}.csv`, text);
      const split = (await planSplit(file, 0))!;
      const error = await loadInTwo(file, split, partReaderHere(file, split.at, split.size)).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ReadWhole);
      expect((error as Error).message, name).toMatch(reason);
    }
  });

  it('gzip, small files and a file with no line break past its middle are not cut', async () => {
    expect(await planSplit(write('small.csv', 'a,b\n1,2\n'))).toBeUndefined();
    expect(await planSplit(path.join(root, 'data/state-of-engineers/2022.csv'))).toBeUndefined(); // 1 MB: below 48 MB
    expect(await planSplit(write('packed.csv.gz', Buffer.from([0x1f, 0x8b, 0, 0, 0, 0])), 0)).toBeUndefined();
    expect(await planSplit(write('one-line.csv', `a,b\n${'x'.repeat(100)}`), 0)).toBeUndefined();
  });
});

describe('survey-lens reads a large file on two threads (the compiled worker)', () => {
  if (!requireShared('the two-thread CLI read')) return;
  it('survey-lens schema on Stack Overflow 2019 (34 MB, cut from 1 MB on): read on two threads, the same schema as one thread', () => {
    const file = write('so2019.csv', gunzipSync(readFileSync(path.join(SHARED, 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz'))));
    const run = (env: Record<string, string>) => {
      const cache = mkdtempSync(path.join(dir, 'cache-'));
      const result = spawnSync(process.execPath, [path.join(root, 'bin/survey-lens.mjs'), 'schema', file], {
        encoding: 'utf8',
        env: { ...process.env, SURVEY_LENS_CLI: '', SURVEY_LENS_CACHE: cache, SURVEY_LENS_TRACE: 'read', SURVEY_LENS_SPLIT_FROM: '1000000', ...env },
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(result.status, result.stderr).toBe(0);
      return result;
    };
    const two = run({});
    const one = run({ SURVEY_LENS_SPLIT: '0' });
    expect(two.stderr).toMatch(/so2019\.csv: read on two threads, cut at byte \d+ of 3\d{7}/);
    expect(one.stderr).not.toMatch(/two threads/);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).respondents).toBe(88_883);
  });
});
