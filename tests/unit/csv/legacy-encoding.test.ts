import { describe, expect, it } from 'vitest';
import { decodeCsvStream } from '../../../lib/csv/decode-stream';

/** Bytes as Excel saves "CSV": Mac Roman on a Mac (CNCF's 2020 survey), Windows-1252 on Windows. Written here byte by byte. */
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

async function decode(bytes: number[]): Promise<{ text: string; issues: { message: string }[] }> {
  async function* source() {
    yield Uint8Array.from(bytes);
  }
  const decoded = decodeCsvStream(source(), 'legacy.csv', 1024 * 1024);
  let text = '';
  for await (const piece of decoded.pieces) text += piece;
  return { text, issues: decoded.issues };
}

describe('a file that is not UTF-8', () => {
  it('decodeCsvStream(Mac Roman: NBSP 0xCA, en dash 0xD0, ’ 0xD5 in ten rows) → read as Mac Roman, and said so', async () => {
    // "How often do you check in code?" over ten rows of "South and Central America" with an NBSP, "10–49" with an en dash, "don’t".
    const row = [...ascii('South and Central'), 0xca, ...ascii('America,10'), 0xd0, ...ascii('49,don'), 0xd5, ...ascii('t know\n')];
    const { text, issues } = await decode([...ascii('Region,Size,Answer\n'), ...Array.from({ length: 10 }, () => row).flat()]);
    expect(text.split('\n')[1]).toBe('South and Central\u00a0America,10–49,don’t know');
    expect(issues.map((issue) => issue.message)).toEqual([
      'the file is not UTF-8 text: it was read as Mac Roman (as Excel for Mac saves CSV); re-save it as UTF-8 if any character looks wrong',
    ]);
  });

  it('decodeCsvStream(Windows-1252: é 0xE9 in ten rows) → read as Windows-1252', async () => {
    const row = [...ascii('r'), 0xe9, ...ascii('sum'), 0xe9, ...ascii(',caf'), 0xe9, ...ascii('\n')];
    const { text } = await decode([...ascii('Word,Place\n'), ...Array.from({ length: 10 }, () => row).flat()]);
    expect(text.split('\n')[1]).toBe('résumé,café');
  });

  it('decodeCsvStream(UTF-8 with two stray bytes) → still UTF-8, the two read as “�” and said (as Star Wars’ header)', async () => {
    const { text, issues } = await decode([...ascii('Answer'), 0x8c, 0xe6, ...ascii('\n'), ...ascii('Yes\n'.repeat(100))]);
    expect(text).toBe(`Answer\ufffd\ufffd\n${'Yes\n'.repeat(100)}`);
    expect(issues[0].message).toMatch(/^2 byte sequences are not valid UTF-8 \(line 1\)/);
  });
});
