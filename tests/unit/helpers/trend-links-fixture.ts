import type { DatasetWaves } from '../../../lib/analysis/aggregate-query';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import type { Survey } from '../../../lib/survey/types';
import { fixtureSurvey } from './fixture-survey';

/**
 * Three waves of one small survey (tests/fixtures/trend-links-<year>.csv), two header rows (ids,
 * then question text), with what tools do to questions between years:
 *
 *   question                                   2020         2021         2022
 *   What is your primary role?                 Q1           Q1           Q1
 *   Where do you work most days?               setup        arrangement  arrangement   (codebook alias)
 *   Which editor do you use most?              Q2           Q2           Q3            (renumbered)
 *   How many people are on your team?          –            –            Q2            (Q2 reused)
 *   How often … tools at work? – Git           –            Q5_1         Q5_2          (grid rows
 *   How often … tools at work? – Jira          –            Q5_2         Q5_1           swapped)
 *   Do you mentor junior engineers?            Q6           –            Q6            (not in 2021)
 *   How many years have you coded …?           Q7           Q7           –
 *   How many hours a week do you work?         –            –            Q7            (Q7 reused)
 *
 * The codebook names only `arrangement` (its 2020 column was `setup`), whose option `Remote` was
 * worded `Fully remote` in 2020. Answers, counted by hand:
 *
 *   2020 (6)  id role arr.          editor  mentor years
 *             1  Dev  Office        VS Code Yes    1
 *             2  Dev  Fully remote  Vim     No     2
 *             3  Ops  Fully remote  VS Code Yes    3
 *             4  Ops  Office        Emacs   No     4
 *             5  Dev  Fully remote  VS Code No     5
 *             6  Dev  Hybrid        Vim     Yes    6
 *     arrangement Office {1,4} 2, Hybrid {6} 1, Fully remote {2,3,5} 3      base 6
 *     editor      VS Code {1,3,5} 3, Vim {2,6} 2, Emacs {4} 1
 *     mentor      Yes {1,3,6}, No {2,4,5};  role Dev {1,2,5,6}, Ops {3,4}
 *
 *   2021 (6)  id role arr.    editor  Git    Jira   years
 *             1  Dev  Remote  VS Code Daily  Never  2
 *             2  Ops  Office  VS Code Daily  Weekly 3
 *             3  Dev  Hybrid  Vim     Weekly Daily  4
 *             4  Dev  Remote  VS Code Never  Daily  5
 *             5  Ops  Office  Emacs   Daily  Never  6
 *             6  Dev  Hybrid  Vim     Weekly Weekly 1
 *     arrangement Office {2,5} 2, Hybrid {3,6} 2, Remote {1,4} 2            base 6
 *     editor      VS Code {1,2,4} 3, Vim {3,6} 2, Emacs {5} 1
 *     Git         Daily {1,2,5} 3, Weekly {3,6} 2, Never {4} 1
 *     Jira        Never {1,5} 2, Weekly {2,6} 2, Daily {3,4} 2;  role Dev {1,3,4,6}, Ops {2,5}
 *
 *   2022 (8)  id role arr.    team  editor  Jira   Git    mentor hours
 *             1  Dev  Remote  1-5   VS Code Never  Daily  Yes    40
 *             2  Dev  Hybrid  6-20  VS Code Weekly Daily  No     45
 *             3  Ops  Office  1-5   Vim     Daily  Weekly Yes    38
 *             4  Dev  Remote  21+   VS Code Daily  Never  No     50
 *             5  Ops  Remote  6-20  Emacs   Never  Daily  Yes    40
 *             6  Dev  Hybrid  1-5   VS Code Weekly Weekly No     42
 *             7  Dev  Remote  6-20  Vim     Daily  Daily  Yes    35
 *             8  Ops  Office  21+   VS Code Weekly Never  No     40
 *     arrangement Office {3,8} 2, Hybrid {2,6} 2, Remote {1,4,5,7} 4         base 8
 *     editor      VS Code {1,2,4,6,8} 5, Vim {3,7} 2, Emacs {5} 1
 *     Jira        Never {1,5} 2, Weekly {2,6,8} 3, Daily {3,4,7} 3
 *     Git         Daily {1,2,5,7} 4, Weekly {3,6} 2, Never {4,8} 2
 *     team        1-5 {1,3,6} 3, 6-20 {2,5,7} 3, 21+ {4,8} 2
 *     mentor      Yes {1,3,5,7}, No {2,4,6,8};  role Dev {1,2,4,6,7}, Ops {3,5,8}
 */
export const TREND_LINKS_CODEBOOK: Codebook = {
  header: { layout: 'ids-and-text', rows: 2 },
  questions: {
    arrangement: { kind: 'single', aliases: ['setup'], options: ['Office', 'Hybrid', { value: 'Remote', aliases: ['Fully remote'] }] },
  },
};

export const TREND_LINK_WAVES = ['2020', '2021', '2022'] as const;

export function trendLinkWaves(ids: readonly string[] = TREND_LINK_WAVES, codebook: Codebook = TREND_LINKS_CODEBOOK): { id: string; survey: Survey }[] {
  return ids.map((id) => ({ id, survey: fixtureSurvey(`trend-links-${id}.csv`, codebook) }));
}

export const trendLinkDataset = (ids: readonly string[] = TREND_LINK_WAVES): DatasetWaves => ({ id: 'links', waves: trendLinkWaves(ids) });
