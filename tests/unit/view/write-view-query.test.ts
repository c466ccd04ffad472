import { describe, expect, it } from 'vitest';
import { writeExportHref, writeViewQuery } from '../../../lib/view/write-view-query';

describe('writeViewQuery', () => {
  it.each([
    [{}, undefined, ''],
    [{ wave: '2022' }, '2022', ''],
    [{ wave: '2021' }, '2022', '?_wave=2021'],
    [{ wave: '2022', sort: 'role', desc: false, page: 1 }, '2022', '?_sort=role'],
    [{ wave: '2020', sort: 'role', desc: true, page: 2 }, '2022', '?_wave=2020&_sort=role&_desc=1&_page=2'],
    [{ desc: true }, undefined, ''],
    [{ sort: 'a b&c' }, undefined, '?_sort=a+b%26c'],
  ])('writeViewQuery(%j, latest %s) is "%s"', (view, latest, expected) => {
    expect(writeViewQuery(view, latest)).toBe(expected);
  });
});

describe('writeExportHref', () => {
  it.each([
    ['2022', 'csv', '/state-of-engineers/export?_question=role&_weight=0'],
    ['2021', 'csv', '/state-of-engineers/export?_wave=2021&_question=role&_weight=0'],
    ['2022', 'json', '/state-of-engineers/export?_question=role&_weight=0&_format=json'],
  ] as const)('writeExportHref(state-of-engineers, role, wave %s, %s) is %s', (wave, format, expected) => {
    expect(writeExportHref('state-of-engineers', 'role', { wave }, '2022', format)).toBe(expected);
  });
});
