import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../../lib/analysis/filters';
import { writeDownloadName } from '../../../../lib/view/words/download-name';
import type { ViewState } from '../../../../lib/view/state/view-state';
import { f, viewState } from '../../helpers/view-fixtures';

const STATE = viewState({ weighted: true });
const WAVES = { waveIds: ['2020', '2021', '2022'] };
/** What a file system and a Content-Disposition token take without quoting. */
const SAFE = /^[A-Za-z0-9._+-]+$/;

describe('writeDownloadName', () => {
  it.each<[string, Partial<ViewState>, string]>([
    ['no filters, the latest wave', {}, 'state-of-engineers_2022_hot_trends.csv'],
    ['an earlier wave', { wave: '2021' }, 'state-of-engineers_2021_hot_trends.csv'],
    ['every wave', { wave: 'all' }, 'state-of-engineers_2020-2022_hot_trends.csv'],
    [
      'a filter and a comparison',
      { filters: [f('region', 'in', 'Europe')], by: 'company_size' },
      'state-of-engineers_2022_hot_trends_region-Europe_by-company_size.csv',
    ],
    ['an operator', { filters: [f('years_experience', 'gte', '5')] }, 'state-of-engineers_2022_hot_trends_years_experience-gte-5.csv'],
    // commas, spaces and "/" become dashes, one dash per run
    [
      'values with punctuation',
      { filters: [f('company_size', 'in', '1,001-5,000'), f('role', 'in', 'Data / ML')] },
      'state-of-engineers_2022_hot_trends_company_size-1-001-5-000_role-Data-ML.csv',
    ],
    // accents are dropped, not the letters they sit on
    ['accented values', { filters: [f('country', 'in', 'Côte d’Ivoire')] }, 'state-of-engineers_2022_hot_trends_country-Cote-d-Ivoire.csv'],
  ])('writeDownloadName(state-of-engineers, hot_trends, %s) → %s', (_, change, name) => {
    expect(writeDownloadName('state-of-engineers', 'hot_trends', { ...STATE, ...change }, WAVES, 'csv')).toBe(name);
  });

  it.each<[string, string, Filter[]]>([
    ['a path in the subject', '../../etc/passwd', []],
    ['a Windows path in the dataset id', '..\\..\\windows\\system32', []],
    ['quotes and a header break in a filter value', 'role', [f('role', 'in', 'x"; filename="evil.exe\r\nSet-Cookie: a=b')]],
    ['a NUL byte and HTML', 'role\u0000<script>', [f('q<b>', 'in', '<img src=x>')]],
    ['a leading dot (a hidden file)', '.bashrc', []],
  ])('writeDownloadName(%s) → letters, digits and . _ - + only; no "/", no leading dot', (_, subject, filters) => {
    const name = writeDownloadName(subject.includes('\\') ? subject : 'data', subject, { ...STATE, filters }, WAVES, 'csv');
    expect(name).toMatch(SAFE);
    expect(name.startsWith('.')).toBe(false);
    expect(name).not.toMatch(/[/\\"\r\n\u0000<>]/);
    expect(name.endsWith('.csv')).toBe(true);
  });

  it('writeDownloadName(../../etc/passwd as the subject) → the path separators gone, the leading dots stripped', () => {
    expect(writeDownloadName('data', '../../etc/passwd', STATE, WAVES, 'csv')).toBe('data_2022_etc-passwd.csv');
  });

  it('writeDownloadName(a quoted filter value) → the quotes and header break become dashes', () => {
    expect(writeDownloadName('data', 'role', { ...STATE, filters: [f('role', 'in', 'x"; filename="evil.exe\r\n')] }, WAVES, 'csv')).toBe(
      'data_2022_role_role-x-filename-evil.exe.csv',
    );
  });

  it('writeDownloadName(nothing usable: non-Latin names, no waves) → "survey-lens.<ext>"', () => {
    expect(writeDownloadName('日本', '調査', STATE, { waveIds: [] }, 'json')).toBe('survey-lens.json');
  });

  it('writeDownloadName(200 filter values) → at most 150 characters before the extension, not ending in "-", "." or "_"', () => {
    const values = Array.from({ length: 200 }, (_, i) => `value${i}`);
    const name = writeDownloadName('state-of-engineers', 'role', { ...STATE, filters: [f('region', 'in', ...values)] }, WAVES, 'csv');
    const stem = name.slice(0, -'.csv'.length);
    expect(stem.length).toBeLessThanOrEqual(150);
    expect(stem).not.toMatch(/[-._]$/);
    expect(name).toMatch(SAFE);
  });
});
