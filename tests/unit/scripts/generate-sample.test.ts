import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { buildCodebook, codebookText, generateWave } from '../../../scripts/generate-sample';
import { codebookSchema } from '../../../lib/survey/codebook-schema';

const dataDir = fileURLToPath(new URL('../../../data/state-of-engineers/', import.meta.url));
const committed = (file: string) => readFileSync(dataDir + file);
const EXPECTED_ROWS: Record<number, number> = { 2020: 5200, 2021: 5800, 2022: 6400 };

// Generated once and shared: each wave takes a few hundred milliseconds.
const waves = new Map([2020, 2021, 2022].map((y) => [y, generateWave(y)] as const));
const parse = (text: string) => Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data;

/** AI-first share among respondents who ranked anything, counted from the hot_trends[...] columns. */
function aiFirstShare(rows: string[][]): { ai: number; answered: number } {
  const [header, ...body] = rows;
  const trendCols = header.flatMap((h, i) => (h.startsWith('hot_trends[') ? [i] : []));
  const aiCol = header.indexOf('hot_trends[AI, Machine Learning, Big Data]');
  let ai = 0;
  let answered = 0;
  for (const row of body) {
    if (trendCols.every((c) => row[c] === '')) continue;
    answered++;
    if (row[aiCol] === '1') ai++;
  }
  return { ai, answered };
}

describe('scripts/generate-sample', () => {
  it('regenerates each committed wave byte for byte', () => {
    for (const [year, text] of waves) {
      expect(Buffer.from(text, 'utf8').equals(committed(`${year}.csv`)), `${year}.csv differs`).toBe(true);
    }
    expect(Buffer.from(codebookText(), 'utf8').equals(committed('survey.json'))).toBe(true);
  });

  it('writes LF line endings, no BOM and a single final newline', () => {
    for (const text of waves.values()) {
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.includes('\r')).toBe(false);
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
    }
  });

  it('has the expected rows and 22 columns in every wave', () => {
    for (const [year, text] of waves) {
      const rows = parse(text);
      expect(rows.length).toBe(EXPECTED_ROWS[year] + 1);
      for (const row of rows) expect(row.length).toBe(22);
      expect(rows[0][8]).toBe('hot_trends[AI, Machine Learning, Big Data]');
      expect(rows[0][21]).toBe('comment');
    }
  });

  it('names the renamed column work_setup in 2020 and work_arrangement later', () => {
    expect(parse(waves.get(2020)!)[0]).toContain('work_setup');
    expect(parse(waves.get(2020)!)[0]).not.toContain('work_arrangement');
    for (const year of [2021, 2022]) {
      expect(parse(waves.get(year)!)[0]).toContain('work_arrangement');
      expect(parse(waves.get(year)!)[0]).not.toContain('work_setup');
    }
  });

  it('gives every 2022 respondent who answered hot_trends exactly the ranks 1, 2, 3', () => {
    const [header, ...body] = parse(waves.get(2022)!);
    const trendCols = header.flatMap((h, i) => (h.startsWith('hot_trends[') ? [i] : []));
    expect(trendCols.length).toBe(10);
    let answered = 0;
    for (const row of body) {
      const ranks = trendCols.map((c) => row[c]).filter((v) => v !== '');
      if (ranks.length === 0) continue;
      answered++;
      expect(ranks.sort()).toEqual(['1', '2', '3']);
    }
    // About 4% skip the question (plus the rare all-blank respondents).
    expect(answered / body.length).toBeGreaterThan(0.94);
    expect(answered / body.length).toBeLessThan(0.98);
  });

  it('has AI ranked first by ~55% in 2022, rising across waves', () => {
    const shares = [2020, 2021, 2022].map((y) => {
      const { ai, answered } = aiFirstShare(parse(waves.get(y)!));
      return ai / answered;
    });
    expect(shares[2]).toBeGreaterThanOrEqual(0.53);
    expect(shares[2]).toBeLessThanOrEqual(0.57);
    expect(shares[0]).toBeLessThan(shares[1]);
    expect(shares[1]).toBeLessThan(shares[2]);
  });

  it('keeps weights positive with 4 decimals and mean close to 1', () => {
    for (const text of waves.values()) {
      const [header, ...body] = parse(text);
      const col = header.indexOf('weight');
      let sum = 0;
      for (const row of body) {
        expect(row[col]).toMatch(/^\d+\.\d{4}$/);
        expect(Number(row[col])).toBeGreaterThan(0);
        sum += Number(row[col]);
      }
      expect(Math.abs(sum / body.length - 1)).toBeLessThan(0.01);
    }
  });

  it('builds a codebook that validates against codebookSchema', () => {
    const result = codebookSchema.safeParse(buildCodebook());
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    const committedCodebook = codebookSchema.parse(JSON.parse(committed('survey.json').toString('utf8')));
    expect(committedCodebook.questions?.work_arrangement?.aliases).toEqual(['work_setup']);
    expect(committedCodebook.questions?.submitted_at).toBeUndefined();
  });
});
