import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCodebookFile } from '../../../lib/store/read-codebook-file';

const dir = mkdtempSync(path.join(tmpdir(), 'survey-lens-codebook-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('readCodebookFile', () => {
  it('readCodebookFile(valid) → the parsed codebook', () => {
    expect(readCodebookFile(write('ok.json', '{"title":"T","weight":"w"}'))).toEqual({ codebook: { title: 'T', weight: 'w' } });
  });

  it.each([
    ['bad.json', '{"title":', /^bad\.json cannot be read: /],
    ['extra.json', '{"titel":"T"}', /^extra\.json is invalid at "\(top\)": /],
    ['wave.json', '{"waves":[{"id":"2020","file":"../x.csv"}]}', /^wave\.json is invalid at "waves\.0\.file": /],
  ])('readCodebookFile(%s) → an error naming the file and the first problem, never a throw', (name, text, message) => {
    const read = readCodebookFile(write(name, text));
    expect('error' in read && read.error).toMatch(message);
  });

  it('readCodebookFile(missing, "given/path.json") names the file as the caller gave it', () => {
    const read = readCodebookFile(path.join(dir, 'nope.json'), 'given/path.json');
    expect('error' in read && read.error).toMatch(/^given\/path\.json cannot be read: ENOENT/);
  });
});
