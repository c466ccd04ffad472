import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isSelected } from '../../../lib/analysis/selection';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { Question, Survey } from '../../../lib/survey/types';
import type { Selection } from '../../../lib/analysis/selection';

/** The text of tests/fixtures/<name>. */
export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8');
}

export function fixtureSurvey(name: string, codebook: Codebook): Survey {
  return buildSurvey(readFixture(name), { codebook });
}

export function questionOf(survey: Survey, id: string): Question {
  const question = survey.questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

/** Selected respondents as 1-based ids (the fixtures' `id` column), to compare with sets counted by hand. */
export function idsOf(selection: Selection): number[] {
  const out: number[] = [];
  for (let i = 0; i < selection.size; i++) if (isSelected(selection, i)) out.push(i + 1);
  return out;
}

/**
 * tests/fixtures/analysis-select.csv with labels, for the view layer (filters, facets, sentences):
 *
 *   id role     languages           trends AI/Cloud/Security  years  country
 *    1 Backend  Go;Rust             1 2 .                     5      Côte d’Ivoire
 *    2 Frontend TypeScript          2 1 .                     2      日本
 *    3 Backend  Go                  . . .                     10     日本
 *    4 Data     Python;Go           1 . 2                     .      Germany
 *    5 .        Rust                . 1 .                     3      Germany
 *    6 Backend  Python              3 2 1                     7.5    Côte d’Ivoire
 *    7 Frontend TypeScript;Go;Rust  1 3 2                     0      Germany
 *    8 Data     .                   . . .                     12     日本
 *    9 Backend  Rust;Python         2 . 1                     5      Germany
 *   10 Frontend Go                  . . .                     .      .
 *   11 Data     Python              1 2 3                     1      Germany
 *   12 Backend  .                   . . .                     20     日本
 *   comment (free text) answered by 2, 6 and 12 only.
 *
 *   role      Backend {1,3,6,9,12}  Frontend {2,7,10}  Data {4,8,11}  no answer {5}
 *   languages Go {1,3,4,7,10}  Rust {1,5,7,9}  TypeScript {2,7}  Python {4,6,9,11}  no answer {8,12}
 *   trends    ranked first: AI {1,4,7,11}  Cloud {2,5}  Security {6,9}; no answer {3,8,10,12}
 *   country   Côte d’Ivoire {1,6}  日本 {2,3,8,12}  Germany {4,5,7,9,11}  no answer {10}
 */
export const SELECT_CODEBOOK: Codebook = {
  questions: {
    id: { kind: 'meta' },
    role: { kind: 'single', label: 'Primary role', options: [{ value: 'Backend', label: 'Backend engineer' }, 'Frontend', 'Data'] },
    languages: { kind: 'multi', label: 'Languages used', separator: ';', options: ['Go', 'Rust', 'TypeScript', 'Python'] },
    trends: { kind: 'ranking', label: 'Hot trends' },
    years: { kind: 'numeric', label: 'Years of experience' },
    country: { kind: 'single', label: 'Country', options: ['Côte d’Ivoire', '日本', 'Germany'] },
    comment: { kind: 'text', label: 'Comment' },
  },
};

export const selectSurvey = (): Survey => fixtureSurvey('analysis-select.csv', SELECT_CODEBOOK);

/**
 * tests/fixtures/analysis-trend-2020.csv, -2021.csv, -2022.csv as three waves (counted by hand in
 * tests/unit/analysis/trends.test.ts): `setup` in 2020 is `arrangement` by its codebook alias;
 * `editor` was first asked in 2021.
 *   arrangement  2020 Office 3, Hybrid 0, Remote 5 of 8;  2021 4, 2, 6 of 12;  2022 2, 5, 3 of 10
 *   years        2020 0.5 1 3 3 3 12 15 20;  2021 1…12;  2022 1…10 (one blank)
 */
export const ANALYSIS_TREND_CODEBOOK: Codebook = {
  questions: {
    id: { kind: 'meta' },
    role: { kind: 'single' },
    arrangement: { kind: 'single', aliases: ['setup'], options: ['Office', 'Hybrid', 'Remote'] },
    editor: { kind: 'single' },
    years: { kind: 'numeric' },
  },
};

export const analysisTrendWaves = (): { id: string; survey: Survey }[] =>
  ['2020', '2021', '2022'].map((id) => ({ id, survey: fixtureSurvey(`analysis-trend-${id}.csv`, ANALYSIS_TREND_CODEBOOK) }));
