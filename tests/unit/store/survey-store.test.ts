import { copyFileSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Survey } from '../../../lib/survey/types';
import { ANALYSIS_TREND_CODEBOOK } from '../helpers/fixture-survey';
import { withTempProject } from '../helpers/temp-project';

vi.mock('server-only', () => ({}));

/**
 * Issue 16, finding 7: the store's cache is keyed by the content of every file a figure depends
 * on. A temporary copy of tests/fixtures/analysis-trend-2022.csv as dataset `mini` in an external
 * data folder (as ../shared/data is), whose codebook is an overlay in <project>/data/_codebooks
 * (as Stack Overflow's is); then the overlay is edited, and the wave's bytes are edited keeping
 * its size and modification time. 2022 by hand: arrangement Office 2, Hybrid 5, Remote 3 (10 answered).
 */
const fixtures = path.resolve(__dirname, '../../fixtures');
let csv: string;
let overlay: string;
let store: typeof import('../../../lib/store/survey-store');

async function latestWave(): Promise<Survey> {
  const dataset = store.findDataset('mini');
  if (!dataset) throw new Error('dataset mini not found');
  const [result] = await store.getWaves(dataset);
  if (!result.ok) throw new Error(result.message);
  return result.survey;
}

function arrangement(survey: Survey): { label: string; counts: Record<string, number> } {
  const question = survey.questions.find((q) => q.id === 'arrangement');
  if (!question || question.kind !== 'single') throw new Error('arrangement is not single choice');
  const counts: Record<string, number> = {};
  question.options.forEach((option, index) => (counts[option.value] = question.codes.filter((code) => code === index + 1).length));
  return { label: question.label, counts };
}

withTempProject('survey-lens-store-', async (tmp) => {
  mkdirSync(path.join(tmp, 'surveys', 'mini'));
  csv = path.join(tmp, 'surveys', 'mini', '2022.csv');
  copyFileSync(path.join(fixtures, 'analysis-trend-2022.csv'), csv);
  // A whole second, so that putting the time back after the edit gives the very same mtimeMs.
  utimesSync(csv, 1_700_000_000, 1_700_000_000);
  overlay = path.join(tmp, 'project', 'data', '_codebooks', 'mini.json');
  writeFileSync(overlay, JSON.stringify({ ...ANALYSIS_TREND_CODEBOOK, suppressBelow: 0 }));
  store = await import('../../../lib/store/survey-store');
});

describe('the survey store’s cache (issue 16, finding 7)', () => {
  it('getWaves twice → the same parsed wave, Office 2, Hybrid 5, Remote 3', async () => {
    const first = await latestWave();
    expect(await latestWave()).toBe(first);
    expect(arrangement(first).counts).toEqual({ Office: 2, Hybrid: 5, Remote: 3 });
  });

  it('getWaves after the overlay codebook data/_codebooks/mini.json is edited → the wave read again with the new label (once the 2 s listing expires)', async () => {
    const before = await latestWave();
    const edited = {
      ...ANALYSIS_TREND_CODEBOOK,
      suppressBelow: 0,
      questions: { ...ANALYSIS_TREND_CODEBOOK.questions, arrangement: { ...ANALYSIS_TREND_CODEBOOK.questions!.arrangement, label: 'Where do you work?' } },
    };
    writeFileSync(overlay, JSON.stringify(edited));
    vi.setSystemTime(Date.now() + 2_100);
    const after = await latestWave();
    expect(after).not.toBe(before);
    expect(arrangement(after).label).toBe('Where do you work?');
    expect(arrangement(before).label).not.toBe('Where do you work?');
  });

  it('getWaves after an edit that keeps the file’s size and modification time (two answers Hybrid → Remote: same length) → the new counts at once', async () => {
    const before = await latestWave();
    const { atime, mtime, size } = statSync(csv);
    // "Hybrid" and "Remote" have the same length: rows 1 and 3 become Remote, the size stays.
    const text = readFileSync(csv, 'utf8').replace('1,Dev,Hybrid,', '1,Dev,Remote,').replace('3,Ops,Hybrid,', '3,Ops,Remote,');
    writeFileSync(csv, text);
    utimesSync(csv, atime, mtime);
    expect([statSync(csv).size, statSync(csv).mtimeMs]).toEqual([size, mtime.getTime()]);
    const after = await latestWave();
    expect(after).not.toBe(before);
    expect(arrangement(after).counts).toEqual({ Office: 2, Hybrid: 3, Remote: 5 });
  });

  it('getWaves after the file is only touched (new time, same bytes) → the same parsed wave, not read again', async () => {
    const before = await latestWave();
    const later = new Date(statSync(csv).mtimeMs + 60_000);
    utimesSync(csv, later, later);
    expect(await latestWave()).toBe(before);
  });
});

describe('a dataset saved by another module instance or process opens at once', () => {
  it('findDataset(a folder made after the listing, no forgetListing) → undefined within 250 ms of the listing, found after (not 2 s later)', () => {
    expect(store.findDataset('mini')).toBeDefined();
    const at = Date.now();
    vi.setSystemTime(at);
    store.listDatasets();
    mkdirSync(path.join(csv, '..', '..', 'fresh'));
    copyFileSync(path.join(fixtures, 'analysis-trend-2022.csv'), path.join(csv, '..', '..', 'fresh', '2022.csv'));
    expect(store.findDataset('fresh')).toBeUndefined();
    vi.setSystemTime(at + 300);
    expect(store.findDataset('fresh')?.id).toBe('fresh');
  });
});

describe('one store per process, however many copies of the module a bundler makes (processWide)', () => {
  it('a second instance of survey-store (vi.resetModules, as Next bundles routes and pages apart) → the same parsed wave, and its forgetListing reaches the first', async () => {
    const first = await latestWave();
    vi.resetModules();
    const second: typeof store = await import('../../../lib/store/survey-store');
    expect(second).not.toBe(store);
    const dataset = second.findDataset('mini');
    if (!dataset) throw new Error('dataset mini not found by the second instance');
    const [result] = await second.getWaves(dataset);
    expect(result.ok && result.survey).toBe(first);

    // A codebook saved through the second instance: the first instance's very next listing reads it.
    const at = Date.now();
    vi.setSystemTime(at);
    const listed = store.listDatasets();
    writeFileSync(overlay, JSON.stringify({ ...ANALYSIS_TREND_CODEBOOK, suppressBelow: 0, title: 'Saved by the other copy' }));
    second.forgetListing();
    expect(store.listDatasets()).not.toBe(listed);
    expect(store.findDataset('mini')?.title).toBe('Saved by the other copy');
  });
});
