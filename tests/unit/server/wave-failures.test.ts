import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { ANALYSIS_TREND_CODEBOOK } from '../helpers/fixture-survey';
import { withTempProject } from '../helpers/temp-project';

vi.mock('server-only', () => ({}));

/**
 * Issue 16, finding 6: an unknown or unreadable wave is never replaced by another. A temporary
 * copy of tests/fixtures/analysis-trend-20{20,21,22}.csv as two datasets — `inferred` (waves
 * named by their files) and `listed` (waves listed in its survey.json) — whose 2021 file is then
 * deleted or broken; the export route is called as a browser would call it. Counts by hand
 * (tests/unit/helpers/fixture-survey.ts): arrangement Office/Hybrid/Remote is 3/0/5 in 2020,
 * 4/2/6 in 2021 and 2/5/3 in 2022.
 */
const fixtures = path.resolve(__dirname, '../../fixtures');
const codebook = { ...ANALYSIS_TREND_CODEBOOK, suppressBelow: 0 };
let GET: (request: Request, context: { params: Promise<{ dataset: string }> }) => Promise<Response>;

function makeDataset(tmp: string, id: string, listed: boolean): string {
  const dir = path.join(tmp, 'surveys', id);
  mkdirSync(dir, { recursive: true });
  for (const year of ['2020', '2021', '2022']) copyFileSync(path.join(fixtures, `analysis-trend-${year}.csv`), path.join(dir, `${year}.csv`));
  const waves = listed ? { waves: ['2020', '2021', '2022'].map((year) => ({ id: year, file: `${year}.csv` })) } : {};
  writeFileSync(path.join(dir, 'survey.json'), JSON.stringify({ ...codebook, ...waves }));
  return dir;
}

/** Lets the server's 2-second listing of the data folders expire, so the next request lists them anew. */
function laterBy(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

async function exportOf(dataset: string, query: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await GET(new Request(`http://localhost/${dataset}/export?${query}`), { params: Promise.resolve({ dataset }) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const countsByWave = (csv: string) => {
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.filter(
    (row) => row.measure === 'share' && row.segment === '(all)',
  );
  const waves: Record<string, string> = {};
  for (const row of rows) waves[row.wave] = `${waves[row.wave] ? `${waves[row.wave]} ` : ''}${row.option}:${row.count}`;
  return { waves, flags: rows.map((row) => row.flags) };
};

const project = withTempProject('survey-lens-waves-', async (tmp) => {
  makeDataset(tmp, 'inferred', false);
  makeDataset(tmp, 'listed', true);
  ({ GET } = await import('../../../app/[dataset]/export/route'));
});

describe('the export route when a wave is unknown, deleted or unreadable (issue 16, finding 6)', () => {
  it('GET ?_wave=2021 while 2021.csv is there → 200 with 2021’s counts (what the later cases must not give)', async () => {
    const { status, text } = await exportOf('inferred', '_question=arrangement&_wave=2021');
    expect(status).toBe(200);
    expect(countsByWave(text).waves).toEqual({ '2021': 'Office:4 Hybrid:2 Remote:6' });
  });

  it('GET ?_wave=1999 → 404 naming the waves there are', async () => {
    const { status, text } = await exportOf('inferred', '_question=arrangement&_wave=1999');
    expect(status).toBe(404);
    expect(text).toContain('There is no wave "1999" in inferred; waves are 2020, 2021, 2022.');
  });

  it('GET ?_wave=2021 after 2021.csv is deleted → 404 naming the other waves, never 2022’s rows; still 404 once the folders are listed anew', async () => {
    rmSync(path.join(project.root(), 'surveys', 'inferred', '2021.csv'));
    const soon = await exportOf('inferred', '_question=arrangement&_wave=2021');
    expect(soon.status).toBe(404);
    expect(soon.text).toMatch(/^Wave 2021 has no file any more: .*2021\.csv/);
    expect(soon.text).toContain('Other waves: 2020, 2022');
    laterBy(2_100);
    const later = await exportOf('inferred', '_question=arrangement&_wave=2021');
    expect(later.status).toBe(404);
    expect(later.text).toContain('There is no wave "2021" in inferred; waves are 2020, 2022.');
    expect(later.text).not.toMatch(/Office|Hybrid/);
  });

  it('GET ?_wave=2021 of a codebook that lists 2021 after its file is deleted → 404 naming the other waves', async () => {
    rmSync(path.join(project.root(), 'surveys', 'listed', '2021.csv'));
    laterBy(2_100);
    const { status, text } = await exportOf('listed', '_question=arrangement&_wave=2021&_format=json');
    expect(status).toBe(404);
    expect(text).toMatch(/^Wave 2021 has no file any more/);
    expect(text).toContain('Other waves: 2020, 2022');
  });

  it('GET ?_wave=2021 when 2021.csv cannot be read (a NUL byte: binary) → 409 naming the other waves', async () => {
    writeFileSync(path.join(project.root(), 'surveys', 'listed', '2021.csv'), 'id,role\n1,\u0000Dev\n');
    const { status, text } = await exportOf('listed', '_question=arrangement&_wave=2021');
    expect(status).toBe(409);
    expect(text).toMatch(/^Wave 2021 could not be read: /);
    expect(text).toContain('Other waves: 2020, 2022');
  });

  it('GET ?_wave=all with 2021 unreadable → the trend of 2020 and 2022, every row flagged missing-wave, the reason in a header', async () => {
    const { status, text, headers } = await exportOf('listed', '_question=arrangement&_wave=all');
    expect(status).toBe(200);
    const { waves, flags } = countsByWave(text);
    expect(waves).toEqual({ '2020': 'Office:3 Hybrid:0 Remote:5', '2022': 'Office:2 Hybrid:5 Remote:3' });
    expect(flags.length).toBe(6);
    for (const flag of flags) expect(flag.split(';')).toContain('missing-wave');
    expect(headers.get('x-survey-lens-warning')).toMatch(/^wave 2021 could not be read \(.*\): the trend leaves it out$/);
  });

  it('GET ?_wave=all&_format=json with 2021 unreadable → the first note says wave 2021 is left out and why', async () => {
    const { status, text } = await exportOf('listed', '_question=arrangement&_wave=all&_format=json');
    expect(status).toBe(200);
    const body = JSON.parse(text) as { notes: string[]; rows: { wave: string; flags: string }[] };
    expect(body.notes[0]).toMatch(/^wave 2021 could not be read \(.+\): the trend leaves it out$/);
    expect([...new Set(body.rows.map((row) => row.wave))]).toEqual(['2020', '2022']);
    expect(body.rows.every((row) => row.flags.includes('missing-wave'))).toBe(true);
  });

  it('GET ?_wave=2021 when 2021.csv is a symlink loop → 409 whose message names the file, never the server’s folders', async () => {
    const file = path.join(project.root(), 'surveys', 'listed', '2021.csv');
    rmSync(file, { force: true });
    symlinkSync(file, file);
    const { status, text } = await exportOf('listed', '_question=arrangement&_wave=2021');
    expect(status).toBe(409);
    expect(text).toContain('2021.csv');
    expect(text).not.toContain(project.root());
    expect(text).not.toMatch(/\/tmp\//);
  });

  it('GET ?_wave=all with every wave readable → no row flagged missing-wave', async () => {
    const { status, text } = await exportOf('inferred', '_question=role&_wave=all');
    expect(status).toBe(200);
    expect(countsByWave(text).flags.some((flag) => flag.includes('missing-wave'))).toBe(false);
  });
});
