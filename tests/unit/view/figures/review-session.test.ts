import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadSurveyFile } from '@/lib/store/load-survey-file';
import { setReviewKind, moveOption } from '@/lib/survey/edit-codebook';
import { fingerprintSurvey } from '@/lib/survey/survey-fingerprint';
import { ReviewSession, type ReadProgress, type ReviewSource } from '@/lib/view/figures/review-session';
import { requireShared, SHARED } from '../../shared-data';

const GiB = 1024 * 1024 * 1024;

/** A file as the worker gets a dropped one: its bytes in pieces, no Node gunzip (DecompressionStream, as in a browser). */
function fileSource(file: string, waveId: string): ReviewSource {
  return {
    waveId,
    name: path.basename(file),
    size: statSync(file).size,
    bytes: () => createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>,
  };
}

const SAMPLE = path.resolve(__dirname, '../../../../data/state-of-engineers');

describe('ReviewSession on the bundled sample', () => {
  it('read() of one wave gives what the server reads without a codebook, and its respondents equal papaparse rows', async () => {
    const file = path.join(SAMPLE, '2022.csv');
    const session = new ReviewSession();
    const progress: number[] = [];
    const model = await session.read([fileSource(file, '2022')], {}, { maxBytes: GiB, onProgress: (p) => progress.push(p.bytes) });
    const server = await loadSurveyFile(file);
    expect(model.fingerprints['2022']).toEqual(fingerprintSurvey(server));
    const rows = Papa.parse(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data.length - 1;
    expect(model.waves[0].respondents).toBe(rows);
    expect(progress.at(-1)).toBe(statSync(file).size);
    expect(model.questions.map((q) => [q.id, q.kind])).toEqual(server.questions.map((q) => [q.id, q.kind]));
  });

  it('apply() with a changed kind and option order reassembles without reading again; ignore keeps the row', async () => {
    const session = new ReviewSession();
    const model = await session.read([fileSource(path.join(SAMPLE, '2022.csv'), '2022')], {}, { maxBytes: GiB });
    const role = model.questions.find((q) => q.id === 'role')!;
    expect(role.kind).toBe('single');
    let codebook = setReviewKind(model.codebook, 'role', 'text');
    let next = session.apply(codebook);
    expect(next.questions.find((q) => q.id === 'role')!.kind).toBe('text');
    expect(session.draw('role')?.chart).toBeUndefined();
    codebook = setReviewKind(codebook, 'role', 'single');
    codebook = moveOption(codebook, 'role', role.options!, role.options!.length - 1, 0);
    next = session.apply(codebook);
    expect(next.questions.find((q) => q.id === 'role')!.options![0]).toBe(role.options!.at(-1));
    const drawn = session.draw('role')!;
    expect(drawn.chart?.categories.map((c) => c.key)).toContain(role.options!.at(-1));
    next = session.apply(setReviewKind(codebook, 'comment', 'ignore'));
    expect(next.questions.find((q) => q.id === 'comment')?.kind).toBe('ignore');
    expect(next.fingerprints['2022'].questions.some((q) => q.id === 'comment')).toBe(false);
  });

  it('three waves read together are linked: work_arrangement asks as work_setup in 2020', async () => {
    const session = new ReviewSession();
    const sources = ['2020', '2021', '2022'].map((year) => fileSource(path.join(SAMPLE, `${year}.csv`), year));
    const model = await session.read(sources, {}, { maxBytes: GiB });
    expect(model.waves.map((wave) => wave.id)).toEqual(['2020', '2021', '2022']);
    const work = model.questions.find((q) => q.id === 'work_arrangement');
    expect(work?.waves.map((w) => w.waveId)).toEqual(['2021', '2022']);
  });

  it('read() of a tab-separated file whose quotes break its records reports a second pass from its start, never past its size, ending once every byte is in', async () => {
    // Google Sheets writes quotes unescaped: read with quoting, line 2 swallows the rest of the file.
    const text = ['when\ttool', '2018-01-01\t"Native" graphics', '2018-01-02\tggplot2', '2018-01-03\tshiny', '2018-01-04\tplotly', '2018-01-05\tbase', ''].join(
      '\n',
    );
    const bytes = new TextEncoder().encode(text);
    const source: ReviewSource = {
      waveId: '2018',
      name: 'sheet.tsv',
      size: bytes.length,
      bytes: async function* () {
        yield bytes;
      },
    };
    const progress: ReadProgress[] = [];
    const model = await new ReviewSession().read([source], {}, { maxBytes: GiB, onProgress: (p) => progress.push(p) });
    expect(model.waves[0].respondents).toBe(5);
    expect(progress.some((p) => p.pass === 2 && p.bytes === 0)).toBe(true);
    expect(progress.every((p) => p.bytes <= p.totalBytes)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ bytes: bytes.length, stage: 'questions', pass: 2 });
  });

  it('refuses a file over the limit with the limit in words', async () => {
    const session = new ReviewSession();
    await expect(session.read([fileSource(path.join(SAMPLE, '2022.csv'), '2022')], {}, { maxBytes: 1000 })).rejects.toThrow(/larger than/);
  });
});

describe.runIf(requireShared('the review on Stack Overflow 2019'))('ReviewSession on Stack Overflow 2019 (gzip through DecompressionStream)', () => {
  it('finds the same questions and kinds as the server, and as many respondents as papaparse counts rows', async () => {
    const file = path.join(SHARED, 'stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz');
    const session = new ReviewSession();
    const model = await session.read([fileSource(file, '2019')], {}, { maxBytes: GiB });
    const server = await loadSurveyFile(file);
    expect(model.fingerprints['2019']).toEqual(fingerprintSurvey(server));
    const rows = Papa.parse(gunzipSync(readFileSync(file)).toString('utf8'), { skipEmptyLines: true }).data.length - 1;
    expect(model.waves[0].respondents).toBe(rows);
    const chart = session.draw('LanguageWorkedWith')?.chart;
    expect(chart?.categories.some((category) => category.key === 'JavaScript')).toBe(true);
  }, 120_000);
});
