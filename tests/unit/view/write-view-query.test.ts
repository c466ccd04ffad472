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
    [[], 'csv', '/state-of-engineers/export?_question=role'],
    [[['_wave', '2021']], 'csv', '/state-of-engineers/export?_wave=2021&_question=role'],
    [[], 'json', '/state-of-engineers/export?_question=role&_format=json'],
    // filters, base and weight travel; paging and sorting do not
    [[['region', 'Europe'], ['region', 'Asia'], ['_base', 'all'], ['_page', '3'], ['_sort', 'role'], ['_weight', '0']], 'csv', '/state-of-engineers/export?region=Europe&region=Asia&_base=all&_weight=0&_question=role'],
  ] as const)('writeExportHref(state-of-engineers, role, %j, %s) is %s', (pairs, format, expected) => {
    expect(writeExportHref('state-of-engineers', 'role', pairs as unknown as [string, string][], format)).toBe(expected);
  });
});
