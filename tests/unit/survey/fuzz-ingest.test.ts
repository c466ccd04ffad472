import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvInputError } from '../../../lib/csv/csv-input-error';
import { decodeCsvStream } from '../../../lib/csv/decode-stream';
import { nodeGunzip } from '../../../lib/store/read-csv-file';
import { buildSurveyFromStream } from '../../../lib/survey/build-survey';
import { SurveyFileError } from '../../../lib/survey/survey-file-error';
import type { Survey } from '../../../lib/survey/types';
import { requireShared, SHARED } from '../shared-data';
import { mulberry32 } from '../../../scripts/generate-sample';

/**
 * A seeded fuzz of the ingest layer (bytes → decode → papaparse → record checks → survey), as a
 * file is read on the server: every case is either a broken file, which must be refused or must
 * carry an issue it did not have before it was broken, or a harmless change, which must read the
 * same respondents. Counted: crashes (anything thrown but our two file errors), slow cases (a
 * case over its time bound), silent successes (a broken file read without a new word). All three
 * must be 0. The bases are the first records of the real public files in ../shared/data plus
 * hand-made extremes; mutations are drawn from a fixed seed, so a failure replays.
 */

const SEED = 0x5eed16;
const CASES = 1200;
/** A case reads a few hundred records: anything near this is a hang, not work. */
const CASE_BOUND_MS = 3000;

interface Base {
  name: string;
  text: string;
  delimiter: string;
}

const HAND_MADE: Base[] = [
  {
    name: 'hand-small.csv',
    delimiter: ',',
    text:
      'id,role,years,comment\n' +
      Array.from({ length: 40 }, (_, i) => `${i + 1},${['Backend', 'Frontend', 'Data'][i % 3]},${i % 17},"said ""hi"", ok"\n`).join(''),
  },
  {
    name: 'hand-semicolon.csv',
    delimiter: ';',
    text: 'id;country;score\n' + Array.from({ length: 30 }, (_, i) => `${i + 1};${['DE', 'FR', 'NL'][i % 3]};${(i % 5) + 1}\n`).join(''),
  },
  {
    name: 'hand-two-rows.csv',
    delimiter: ',',
    text:
      'Q1,Q2,Q2,Q2\nWhich?,Pick all: A,Pick all: B,Pick all: C\n' +
      Array.from({ length: 30 }, (_, i) => `${['x', 'y'][i % 2]},${i % 2 ? 'A' : ''},${i % 3 ? 'B' : ''},C\n`).join(''),
  },
  {
    name: 'hand-quoted-newlines.csv',
    delimiter: ',',
    text: 'id,text\r\n' + Array.from({ length: 30 }, (_, i) => `${i},"line one\r\nline two ${i}"\r\n`).join(''),
  },
  {
    name: 'hand-wide.tsv',
    delimiter: '\t',
    text:
      Array.from({ length: 60 }, (_, c) => `c${c}`).join('\t') +
      '\n' +
      Array.from({ length: 25 }, (_, r) => Array.from({ length: 60 }, (_, c) => String((r * c) % 7)).join('\t')).join('\n') +
      '\n',
  },
];

/** The first records of a real file, written back as clean CSV/TSV (so every base reads without issues of its own making). */
function firstRecords(file: string, records: number): Base | undefined {
  const full = path.join(SHARED, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch {
    return undefined;
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const head = bytes
    .subarray(0, 4 * 1024 * 1024)
    .toString('utf8')
    .replace(/^\ufeff/, '');
  const tab = file.endsWith('.tsv');
  const parsed = Papa.parse<string[]>(head, { preview: records, skipEmptyLines: true, ...(tab ? { delimiter: '\t', quoteChar: '\u0000' } : {}) });
  const delimiter = parsed.meta.delimiter;
  const width = parsed.data[0].length;
  const rows = parsed.data.filter((row) => row.length === width);
  const text = tab ? rows.map((row) => row.join('\t')).join('\n') + '\n' : Papa.unparse(rows, { delimiter, newline: '\n' }) + '\n';
  return { name: path.basename(file).replace(/\.gz$/, ''), text, delimiter };
}

const SHARED_FILES: [string, number][] = [
  ['stackoverflow-2019/survey_results_public_2019_subset21cols.csv.gz', 400],
  ['kaggle-2022/kaggle_survey_2022_responses.csv.gz', 120],
  ['thai-developers-2019/rawdata.csv', 150],
  ['serverless-2020/full-results.csv', 150],
  ['qualtrics/qualtRics_sample.csv', 200],
  ['exports/rcommunity2018_gforms_tsv/Learning R Internet Survey - Form Responses 1.tsv', 150],
  ['exports/rse2017uk_limesurvey/public_data.csv', 120],
  ['exports/dask2019_gforms/results.csv', 150],
];

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  if (bytes.length === 0) yield new Uint8Array(0);
}

type Outcome = { ok: true; survey: Survey } | { ok: false; message: string };

/** Bytes read as a file is read on the server (pieces of `chunk` bytes), with the re-read a TSV may need. */
async function ingest(bytes: Uint8Array, name: string, chunk: number): Promise<Outcome> {
  const open = () => decodeCsvStream(chunked(bytes, chunk), name, 64 * 1024 * 1024, { gunzip: nodeGunzip });
  const decoded = open();
  try {
    const survey = await buildSurveyFromStream(decoded.pieces, { name, reread: () => open().pieces });
    survey.issues.unshift(...decoded.issues);
    return { ok: true, survey };
  } catch (error) {
    if (error instanceof SurveyFileError || error instanceof CsvInputError) return { ok: false, message: error.message };
    throw error;
  }
}

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface Mutation {
  name: string;
  /** `broken`: must be refused or gain an issue; `harmless`: must read the same respondents. */
  expect: 'broken' | 'harmless';
  apply(base: Base, random: () => number): Uint8Array | undefined;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];
/** A record boundary after the header rows (record starts of the clean base: no quoted line breaks there). */
function dataLineStart(base: Base, random: () => number, skip = 3): number | undefined {
  const starts = recordStarts(base).slice(skip);
  return starts.length > 0 ? pick(starts, random) : undefined;
}
function recordStarts(base: Base): number[] {
  const starts: number[] = [];
  let inQuotes = false;
  for (let i = 0; i < base.text.length; i++) {
    const c = base.text[i];
    if (c === '"' && base.delimiter !== '\t') inQuotes = !inQuotes;
    else if (c === '\n' && !inQuotes && i + 1 < base.text.length) starts.push(i + 1);
  }
  return [0, ...starts];
}
function recordAt(base: Base, start: number): string {
  const starts = recordStarts(base);
  const next = starts.find((at) => at > start) ?? base.text.length;
  return base.text.slice(start, next);
}

const MUTATIONS: Mutation[] = [
  {
    name: 'cut off inside a record (no final line break)',
    expect: 'broken',
    apply: (base, random) => {
      const from = Math.floor(base.text.length * 0.3);
      let at = from + Math.floor(random() * (base.text.length - from - 2));
      while (at > 1 && /[\r\n]/.test(base.text[at - 1])) at--;
      return at > 1 && at < base.text.length - 1 ? utf8(base.text.slice(0, at)) : undefined;
    },
  },
  {
    name: 'invalid UTF-8 bytes in an answer',
    expect: 'broken',
    apply: (base, random) => {
      const bytes = utf8(base.text);
      const at = dataLineStart(base, random);
      if (at === undefined) return undefined;
      const offset = utf8(base.text.slice(0, at)).length;
      return concatBytes(bytes.subarray(0, offset), new Uint8Array(pick([[0xff], [0xc3], [0x8c, 0xe6], [0xed, 0xa0, 0x80]], random)), bytes.subarray(offset));
    },
  },
  {
    name: 'a NUL byte anywhere',
    expect: 'broken',
    apply: (base, random) => {
      const bytes = utf8(base.text);
      const at = Math.floor(random() * bytes.length);
      return concatBytes(bytes.subarray(0, at), new Uint8Array([0]), bytes.subarray(at));
    },
  },
  {
    name: 'the header row repeated inside the data (two exports joined)',
    expect: 'broken',
    apply: (base, random) => {
      const at = dataLineStart(base, random);
      if (at === undefined) return undefined;
      return utf8(base.text.slice(0, at) + recordAt(base, 0) + base.text.slice(at));
    },
  },
  {
    name: 'the file twice, end to end',
    expect: 'broken',
    apply: (base) => utf8(base.text + base.text),
  },
  {
    name: 'a delimiter dropped in one record',
    expect: 'broken',
    apply: (base, random) => {
      const at = dataLineStart(base, random);
      if (at === undefined) return undefined;
      const record = recordAt(base, at);
      const positions = [...record.matchAll(new RegExp(base.delimiter === '\t' ? '\t' : `\\${base.delimiter}`, 'g'))].map((match) => match.index!);
      if (positions.length === 0 || /"/.test(record)) return undefined;
      const cut = pick(positions, random);
      return utf8(base.text.slice(0, at) + record.slice(0, cut) + record.slice(cut + 1) + base.text.slice(at + record.length));
    },
  },
  {
    name: 'an extra filled field in one record',
    expect: 'broken',
    apply: (base, random) => {
      const at = dataLineStart(base, random);
      if (at === undefined) return undefined;
      const record = recordAt(base, at).replace(/\n$/, '');
      return utf8(`${base.text.slice(0, at)}${record}${base.delimiter}extra\n${base.text.slice(at + record.length + 1)}`);
    },
  },
  {
    name: 'an opening quote that never closes',
    expect: 'broken',
    apply: (base, random) => {
      if (base.delimiter === '\t') return undefined;
      const at = dataLineStart(base, random);
      if (at === undefined) return undefined;
      return utf8(`${base.text.slice(0, at)}"${base.text.slice(at)}`);
    },
  },
  {
    name: 'text after a closing quote',
    expect: 'broken',
    apply: (base, random) => {
      if (base.delimiter === '\t') return undefined;
      const at = dataLineStart(base, random);
      if (at === undefined) return undefined;
      return utf8(`${base.text.slice(0, at)}"quoted"tail${base.text.slice(at)}`);
    },
  },
  {
    name: 'random binary bytes',
    expect: 'broken',
    apply: (_, random) => Uint8Array.from({ length: 64 + Math.floor(random() * 4096) }, (_, i) => (i === 7 ? 0 : Math.floor(random() * 256))),
  },
  { name: 'empty', expect: 'broken', apply: () => new Uint8Array(0) },
  { name: 'only whitespace', expect: 'broken', apply: (_, random) => utf8(' \n\t\r\n'.repeat(1 + Math.floor(random() * 50))) },
  {
    name: 'UTF-16 with a BOM',
    expect: 'broken',
    apply: (base) => {
      const text = base.text.slice(0, 4000);
      const out = new Uint8Array(2 + text.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = text.charCodeAt(i) >> 8;
      }
      return out;
    },
  },
  {
    name: 'gzip cut short',
    expect: 'broken',
    apply: (base, random) => {
      const packed = gzipSync(utf8(base.text));
      return packed.subarray(0, 10 + Math.floor(random() * (packed.length - 20)));
    },
  },
  {
    name: 'a header name made the same as another',
    expect: 'broken',
    apply: (base, random) => {
      const header = recordAt(base, 0).replace(/\n$/, '');
      if (/"/.test(header)) return undefined;
      const names = header.split(base.delimiter);
      if (names.length < 3) return undefined;
      const i = 1 + Math.floor(random() * (names.length - 1));
      if (names[i] === names[i - 1] || names[i - 1].trim() === '') return undefined;
      names[i] = names[i - 1];
      return utf8(names.join(base.delimiter) + '\n' + base.text.slice(header.length + 1));
    },
  },
  {
    name: 'CRLF first, LF later (harmless)',
    expect: 'harmless',
    apply: (base, random) => {
      const at = dataLineStart(base, random, 1) ?? base.text.length;
      return utf8(base.text.slice(0, at).replace(/\r?\n/g, '\r\n') + base.text.slice(at));
    },
  },
  { name: 'a UTF-8 BOM (harmless)', expect: 'harmless', apply: (base) => utf8(`\ufeff${base.text}`) },
  { name: 'gzipped (harmless)', expect: 'harmless', apply: (base) => gzipSync(utf8(base.text)) },
];

describe('fuzzed files through the ingest layer', () => {
  const haveShared = requireShared('the fuzz suite over real files');
  const bases = [...HAND_MADE, ...(haveShared ? SHARED_FILES.flatMap(([file, records]) => firstRecords(file, records) ?? []) : [])];

  it(`${CASES} seeded cases (seed ${SEED.toString(16)}): 0 crashes, 0 over ${CASE_BOUND_MS} ms, 0 broken files read without a new issue, harmless changes read the same respondents`, async () => {
    const random = mulberry32(SEED);
    const clean = new Map<string, { size: number; messages: Set<string> }>();
    for (const base of bases) {
      const outcome = await ingest(utf8(base.text), base.name, 1 << 20);
      if (!outcome.ok) throw new Error(`base ${base.name} does not read: ${outcome.message}`);
      clean.set(base.name, { size: outcome.survey.size, messages: new Set(outcome.survey.issues.map((issue) => issue.message)) });
    }
    const counts = { cases: 0, refused: 0, flagged: 0, harmless: 0, crashes: 0, slow: 0, silent: 0, skippedDraws: 0 };
    const failures: string[] = [];
    while (counts.cases < CASES && counts.skippedDraws < 10 * CASES) {
      const base = pick(bases, random);
      const mutation = pick(MUTATIONS, random);
      const bytes = mutation.apply(base, random);
      if (!bytes) {
        counts.skippedDraws++;
        continue;
      }
      counts.cases++;
      const chunk = pick([1 << 20, 16 * 1024, 4096, 777], random);
      const label = `#${counts.cases} ${mutation.name} on ${base.name} (${bytes.length} bytes, pieces of ${chunk})`;
      const started = performance.now();
      let outcome: Outcome;
      try {
        outcome = await ingest(bytes, base.name, chunk);
      } catch (error) {
        counts.crashes++;
        failures.push(`${label}: crashed: ${(error as Error).stack ?? error}`);
        continue;
      }
      if (performance.now() - started > CASE_BOUND_MS) {
        counts.slow++;
        failures.push(`${label}: took ${Math.round(performance.now() - started)} ms`);
      }
      const before = clean.get(base.name)!;
      if (mutation.expect === 'harmless') {
        counts.harmless++;
        if (!outcome.ok || outcome.survey.size !== before.size || outcome.survey.issues.some((issue) => issue.severity === 'error'))
          failures.push(
            `${label}: a harmless change was not read the same: ${outcome.ok ? `${outcome.survey.size} of ${before.size} respondents, ${outcome.survey.issues.map((issue) => issue.message).join(' | ')}` : outcome.message}`,
          );
        continue;
      }
      if (!outcome.ok) {
        counts.refused++;
        if (/\/work\/|\/home\/|\/tmp\//.test(outcome.message)) failures.push(`${label}: the message names a server path: ${outcome.message}`);
        continue;
      }
      const fresh = outcome.survey.issues.filter((issue) => !before.messages.has(issue.message));
      if (fresh.length > 0) counts.flagged++;
      else {
        counts.silent++;
        failures.push(`${label}: read ${outcome.survey.size} respondents without a word`);
      }
    }
    console.log(
      `fuzz (seed ${SEED.toString(16)}, ${bases.length} bases): ${counts.cases} cases — ${counts.refused} refused, ${counts.flagged} read with a new issue, ${counts.harmless} harmless read alike; crashes ${counts.crashes}, over ${CASE_BOUND_MS} ms ${counts.slow}, silent successes ${counts.silent}`,
    );
    expect(failures.slice(0, 15)).toEqual([]);
    expect(counts.cases).toBeGreaterThanOrEqual(1000);
  });

  it('a sample of 12 broken files through `survey-lens schema`: each exits 1 with a message, or 0 with the new issue in its JSON; never a crash', () => {
    const random = mulberry32(SEED + 1);
    const dir = mkdtempSync(path.join(tmpdir(), 'survey-lens-fuzz-'));
    const root = path.resolve(__dirname, '../../..');
    const broken = MUTATIONS.filter((mutation) => mutation.expect === 'broken');
    const results: string[] = [];
    try {
      for (let n = 0, draw = 0; n < 12 && draw < 200; draw++) {
        const base = pick(HAND_MADE, random);
        const mutation = broken[n % broken.length];
        const bytes = mutation.apply(base, random);
        if (!bytes) continue;
        n++;
        const file = path.join(dir, `case-${n}${base.name.endsWith('.tsv') ? '.tsv' : '.csv'}`);
        writeFileSync(file, bytes);
        const run = spawnSync(process.execPath, ['bin/survey-lens.mjs', 'schema', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
        const label = `${mutation.name} on ${base.name}`;
        if (run.status === 1) {
          if (!/^survey-lens: \S/.test(run.stderr) || /at .*\.ts:\d+/.test(run.stderr))
            results.push(`${label}: exit 1 without a plain message: ${run.stderr.slice(0, 200)}`);
        } else if (run.status === 0) {
          const issues = (JSON.parse(run.stdout).issues ?? []) as { message: string }[];
          if (issues.length === 0) results.push(`${label}: exit 0 with no issue`);
        } else results.push(`${label}: exit ${run.status} ${run.signal ?? ''} ${run.stderr.slice(0, 300)}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(results).toEqual([]);
  });
});
