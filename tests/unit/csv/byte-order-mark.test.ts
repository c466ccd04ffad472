import { describe, expect, it } from 'vitest';
import { decodeCsvStream } from '../../../lib/csv/decode-stream';
import { buildSurveyFromStream } from '../../../lib/survey/build-survey';

/** Defect 8 of issue 24: a byte-order mark in the middle of a file was accepted silently. */
const BOM = '\ufeff';
const first = `${BOM}id,answer\n1,yes\n2,no\n`;
// A second export appended to the first: its BOM and header land on line 4.
const joined = `${first}${BOM}id,answer\n3,yes\n`;

async function* bytes(text: string, size = 7): AsyncGenerator<Uint8Array> {
  const all = new TextEncoder().encode(text);
  for (let at = 0; at < all.length; at += size) yield all.subarray(at, at + size);
}

async function decode(text: string): Promise<{ text: string; issues: { line?: number; message: string }[] }> {
  const decoded = decodeCsvStream(bytes(text), 'joined.csv', 1024 * 1024);
  let out = '';
  for await (const piece of decoded.pieces) out += piece;
  return { text: out, issues: decoded.issues };
}

describe('a byte-order mark past the start of a file', () => {
  it('decodeCsvStream(BOM at the start only) → no warning: the leading mark is the file’s own', async () => {
    const { text, issues } = await decode(first);
    expect(text).toBe('id,answer\n1,yes\n2,no\n');
    expect(issues).toEqual([]);
  });

  it('decodeCsvStream(a second BOM on line 4) → a warning naming line 4, and the mark taken out', async () => {
    const { text, issues } = await decode(joined);
    expect(text).toBe('id,answer\n1,yes\n2,no\nid,answer\n3,yes\n');
    expect(issues).toEqual([
      {
        severity: 'warning',
        line: 4,
        message: '1 byte-order mark (U+FEFF) is inside the file, not at its start (line 4): files joined end to end? Each mark was taken out',
      },
    ]);
  });

  it('buildSurveyFromStream(the joined file) → the warning reaches the survey, and the second header is not a respondent', async () => {
    const decoded = decodeCsvStream(bytes(joined), 'joined.csv', 1024 * 1024);
    const survey = await buildSurveyFromStream(decoded.pieces, { name: 'joined.csv' });
    const issues = [...decoded.issues, ...survey.issues];
    expect(issues.some((issue) => issue.line === 4 && /byte-order mark/.test(issue.message))).toBe(true);
    expect(issues.some((issue) => /repeats the header \(line 4\)/.test(issue.message))).toBe(true);
    expect(survey.size).toBe(3);
  });
});
