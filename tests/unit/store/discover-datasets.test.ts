import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataRootsFromEnv, discoverDatasets, type DataRoot } from '../../../lib/store/discover-datasets';

let root = '';
let second = '';
const CSV = 'id,answer\n1,yes\n';

function write(relative: string, content = CSV): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'discover-'));
  second = mkdtempSync(path.join(tmpdir(), 'discover-second-'));
  // A codebook with waves: the waves come from it, in its order.
  write(
    'with-codebook/survey.json',
    JSON.stringify({
      title: 'Engineers',
      description: 'Made up',
      synthetic: true,
      waves: [
        { id: '2021', file: 'b.csv', label: 'Second' },
        { id: '2020', file: 'a.csv' },
      ],
    }),
  );
  write('with-codebook/a.csv');
  write('with-codebook/b.csv');
  // No codebook: waves by year; two files of 2021 are told apart by file stem; non-response CSVs skipped.
  write('no-codebook/survey_2019.csv');
  write('no-codebook/results-2020.csv.gz');
  write('no-codebook/2021/main.csv');
  write('no-codebook/2021/Follow Up.csv');
  write('no-codebook/survey_results_schema_2021.csv');
  write('no-codebook/README.csv');
  write('no-codebook/questions.csv');
  write('no-codebook/notes.txt');
  write('no-codebook/.hidden-2018.csv');
  // No year at all: the file stem names the wave.
  write('undated/export.csv');
  // Broken codebooks are listed with the error and no waves, not thrown.
  write('bad-json/survey.json', '{ "title": ');
  write('bad-json/2020.csv');
  write('bad-schema/survey.json', JSON.stringify({ title: 'x', colour: 'red' }));
  write('bad-wave/survey.json', JSON.stringify({ waves: [{ id: '2020', file: '../secret.csv' }] }));
  // Folders whose names cannot be URL segments, and folders with nothing to show.
  write('bad name/2020.csv');
  write('.hidden/2020.csv');
  write('_private/2020.csv');
  write('empty/notes.txt');
  // The second root repeats a dataset name (the first root wins) and adds one.
  writeFileSync(path.join(second, 'placeholder'), '');
  mkdirSync(path.join(second, 'no-codebook'));
  writeFileSync(path.join(second, 'no-codebook', '2030.csv'), CSV);
  mkdirSync(path.join(second, 'extra'));
  writeFileSync(path.join(second, 'extra', '2022.csv'), CSV);
  symlinkSync(path.join(root, 'with-codebook'), path.join(second, 'linked'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(second, { recursive: true, force: true });
});

const roots = (): DataRoot[] => [
  { dir: root, origin: 'bundled' },
  { dir: second, origin: 'external' },
];
const find = (id: string) => discoverDatasets(roots()).find((d) => d.id === id);

describe('discoverDatasets', () => {
  it('lists plain-named folders that have waves or a codebook error, sorted, first root first', () => {
    expect(discoverDatasets(roots()).map((d) => [d.id, d.origin])).toEqual([
      ['bad-json', 'bundled'],
      ['bad-schema', 'bundled'],
      ['bad-wave', 'bundled'],
      ['no-codebook', 'bundled'],
      ['undated', 'bundled'],
      ['with-codebook', 'bundled'],
      ['extra', 'external'],
    ]);
  });

  it('takes title, description, synthetic flag and waves from survey.json, in its order', () => {
    const dataset = find('with-codebook')!;
    expect(dataset).toMatchObject({ title: 'Engineers', description: 'Made up', synthetic: true, dir: path.join(root, 'with-codebook'), origin: 'bundled' });
    expect(dataset.codebook?.title).toBe('Engineers');
    expect(dataset.codebookError).toBeUndefined();
    expect(dataset.waves).toEqual([
      { id: '2021', path: path.join(root, 'with-codebook', 'b.csv'), label: 'Second' },
      { id: '2020', path: path.join(root, 'with-codebook', 'a.csv') },
    ]);
  });

  it('without survey.json names waves by year, telling two 2021 files apart by their stem, and skips schema/README/questions CSVs', () => {
    const dataset = find('no-codebook')!;
    expect(dataset.title).toBe('no-codebook');
    expect(dataset.synthetic).toBe(false);
    expect(dataset.codebook).toBeUndefined();
    expect(dataset.waves).toEqual([
      { id: '2019', path: path.join(root, 'no-codebook', 'survey_2019.csv') },
      { id: '2020', path: path.join(root, 'no-codebook', 'results-2020.csv.gz') },
      { id: '2021-follow-up', path: path.join(root, 'no-codebook', '2021', 'Follow Up.csv') },
      { id: '2021-main', path: path.join(root, 'no-codebook', '2021', 'main.csv') },
    ]);
  });

  it('names a wave without a year by its file stem', () => {
    expect(find('undated')!.waves).toEqual([{ id: 'export', path: path.join(root, 'undated', 'export.csv') }]);
  });

  it('lists a folder whose survey.json is not JSON with the error and no waves', () => {
    const dataset = find('bad-json')!;
    expect(dataset.codebookError).toMatch(/^survey\.json cannot be read: /);
    expect(dataset.waves).toEqual([]);
    expect(dataset.codebook).toBeUndefined();
  });

  it('lists a folder whose survey.json breaks the schema with the place of the first error', () => {
    expect(find('bad-schema')!.codebookError).toMatch(/^survey\.json is invalid at "\(top\)": /);
    expect(find('bad-wave')!.codebookError).toMatch(/^survey\.json is invalid at "waves\.0\.file": /);
    expect(find('bad-wave')!.waves).toEqual([]);
  });

  it('skips folder names with spaces, leading dots or underscores, folders with nothing to show, and symlinks', () => {
    const ids = discoverDatasets(roots()).map((d) => d.id);
    for (const skipped of ['bad name', '.hidden', '_private', 'empty', 'linked']) expect(ids).not.toContain(skipped);
  });

  it('skips a root that does not exist and reads the others', () => {
    const datasets = discoverDatasets([
      { dir: path.join(root, 'nope'), origin: 'external' },
      { dir: second, origin: 'external' },
    ]);
    expect(datasets.map((d) => d.id)).toEqual(['extra', 'no-codebook']);
  });
});

describe('discoverDatasets: a folder whose subfolders each hold a survey is a group of datasets (defect 9)', () => {
  let group = '';
  const put = (relative: string) => {
    mkdirSync(path.dirname(path.join(group, relative)), { recursive: true });
    writeFileSync(path.join(group, relative), CSV);
  };
  beforeAll(() => {
    group = mkdtempSync(path.join(tmpdir(), 'discover-group-'));
    // Like ../shared/data/exports: unrelated surveys, one folder each, and a series of yearly files.
    put('exports/starwars_surveymonkey/StarWars.csv');
    put('exports/rcommunity2018_gforms/responses.tsv');
    put('exports/maintainers_waves/2019.csv');
    put('exports/maintainers_waves/2020.csv');
    put('exports/README.md');
    // Like todo-ospo: year folders are the waves of one survey.
    put('ospo/2018/results.csv');
    put('ospo/2019/Raw_Data/results.csv');
    // One survey folder inside a folder of its own is that survey, not a group of one.
    put('lonely/only_survey/results.csv');
  });
  afterAll(() => rmSync(group, { recursive: true, force: true }));

  it('discoverDatasets(a root with exports/<survey>/ folders) → one dataset per survey folder, named by it and grouped under exports; year folders stay waves of one', () => {
    const found = discoverDatasets([{ dir: group, origin: 'external' }]);
    expect(found.map((d) => [d.id, d.group, d.waves.map((w) => w.id)])).toEqual([
      ['maintainers_waves', 'exports', ['2019', '2020']],
      ['rcommunity2018_gforms', 'exports', ['responses']],
      ['starwars_surveymonkey', 'exports', ['starwars']],
      ['lonely', undefined, ['results']],
      ['ospo', undefined, ['2018', '2019']],
    ]);
    expect(found[0].dir).toBe(path.join(group, 'exports', 'maintainers_waves'));
  });
});

describe('dataRootsFromEnv', () => {
  const edited = path.join('/srv/app', 'data', 'uploads', '_codebooks');

  it('dataRootsFromEnv(project, undefined, undefined) is the bundled data folder and data/uploads', () => {
    expect(dataRootsFromEnv('/srv/app', undefined, undefined)).toEqual([
      { dir: path.join('/srv/app', 'data'), origin: 'bundled', edited },
      { dir: path.join('/srv/app', 'data', 'uploads'), origin: 'uploaded' },
    ]);
  });

  it('SURVEY_LENS_UPLOADS moves the uploads root, and the edited codebooks with it', () => {
    expect(dataRootsFromEnv('/srv/app', undefined, '../saved')).toEqual([
      { dir: path.join('/srv/app', 'data'), origin: 'bundled', edited: path.resolve('/srv/saved/_codebooks') },
      { dir: path.resolve('/srv/saved'), origin: 'uploaded' },
    ]);
  });

  it('a codebook saved by "Edit questions" (uploads/_codebooks/<id>.json) wins over the folder\'s own and the overlay', () => {
    const external = mkdtempSync(path.join(tmpdir(), 'survey-lens-ext-'));
    const overlays = mkdtempSync(path.join(tmpdir(), 'survey-lens-cb-'));
    const saved = mkdtempSync(path.join(tmpdir(), 'survey-lens-edited-'));
    mkdirSync(path.join(external, 'own'));
    writeFileSync(path.join(external, 'own', '2020.csv'), 'a\n1\n');
    writeFileSync(path.join(external, 'own', 'survey.json'), JSON.stringify({ title: 'Its own codebook' }));
    writeFileSync(path.join(saved, 'own.json'), JSON.stringify({ title: 'Edited in the browser' }));
    const found = discoverDatasets([{ dir: external, origin: 'external', codebooks: overlays, edited: saved }]);
    expect(found.map((d) => [d.id, d.title, d.codebookFile])).toEqual([['own', 'Edited in the browser', path.join(saved, 'own.json')]]);
  });

  it('a root inside another (data/uploads in data/) is not listed as a dataset of the outer one', () => {
    const data = mkdtempSync(path.join(tmpdir(), 'survey-lens-data-'));
    mkdirSync(path.join(data, 'uploads', 'mine'), { recursive: true });
    writeFileSync(path.join(data, 'uploads', 'mine', '2020.csv'), 'a\n1\n');
    mkdirSync(path.join(data, 'uploads', 'other'), { recursive: true });
    writeFileSync(path.join(data, 'uploads', 'other', '2020.csv'), 'a\n1\n');
    const found = discoverDatasets([
      { dir: data, origin: 'bundled' },
      { dir: path.join(data, 'uploads'), origin: 'uploaded' },
    ]);
    expect(found.map((d) => [d.id, d.origin])).toEqual([
      ['mine', 'uploaded'],
      ['other', 'uploaded'],
    ]);
  });

  it('splits SURVEY_LENS_DATA like PATH, trims entries, drops empty ones and resolves relative paths from the project', () => {
    const value = ['surveys', ' /abs/more ', '', '  '].join(path.delimiter);
    expect(dataRootsFromEnv('/srv/app', value, undefined)).toEqual([
      { dir: path.join('/srv/app', 'data'), origin: 'bundled', edited },
      { dir: path.join('/srv/app', 'data', 'uploads'), origin: 'uploaded' },
      { dir: path.resolve('/srv/app', 'surveys'), origin: 'external', codebooks: path.join('/srv/app', 'data', '_codebooks'), edited },
      { dir: path.resolve('/abs/more'), origin: 'external', codebooks: path.join('/srv/app', 'data', '_codebooks'), edited },
    ]);
  });

  it('an external dataset without survey.json takes <id>.json from the codebooks folder; its own survey.json wins', () => {
    const external = mkdtempSync(path.join(tmpdir(), 'survey-lens-ext-'));
    const overlays = mkdtempSync(path.join(tmpdir(), 'survey-lens-cb-'));
    for (const id of ['plain', 'own']) {
      mkdirSync(path.join(external, id));
      writeFileSync(path.join(external, id, '2020.csv'), 'a\n1\n');
      writeFileSync(path.join(overlays, `${id}.json`), JSON.stringify({ title: `Overlay for ${id}` }));
    }
    writeFileSync(path.join(external, 'own', 'survey.json'), JSON.stringify({ title: 'Its own codebook' }));
    const found = discoverDatasets([{ dir: external, origin: 'external', codebooks: overlays }]);
    expect(found.map((d) => [d.id, d.title])).toEqual([
      ['own', 'Its own codebook'],
      ['plain', 'Overlay for plain'],
    ]);
  });
});
