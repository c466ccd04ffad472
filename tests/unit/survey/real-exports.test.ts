import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDescription } from '../../../lib/survey/describe-survey';
import { requireShared } from '../shared-data';
import { check, EXPORTS, schema, type Expected } from '../helpers/analyst-labels';

/**
 * One real export from each common survey tool (../shared/data/exports, each folder's README
 * gives its licence and the kind a careful analyst assigns to named columns). Every labelled
 * column is checked through `survey-lens schema`'s JSON, by its 0-based index, against the
 * analyst's word. Option vocabularies of the joined multi-selects were read off the files with
 * Python's csv module (a separate parser): options chosen by two respondents or more, the rest
 * typed-in "Other" answers; counts quoted beside them are from that reading.
 */
const haveExports = requireShared('the real-export kind tests', EXPORTS);

const WRITTEN_IN = 'Other (written in)';

const EXPECTED: { folder: string; file: string; respondents: number; columns: [number, Expected][] }[] = [
  {
    folder: 'dask2019_gforms',
    file: 'results.csv',
    respondents: 259,
    columns: [
      [0, { kind: 'meta' }],
      // "multi, sep ';'": DataFrame 189, Delayed 151, Array 140, Futures 85, Xarray 71, ML 60, Bag 49, Custom graphs 2; 4 parts typed once.
      [1, { kind: 'multi', separator: ';', vocabulary: ['DataFrame', 'Delayed', 'Array', 'Futures', 'Xarray', 'ML', 'Bag', 'Custom graphs', WRITTEN_IN] }],
      [4, { kind: 'ordinal' }],
      // Documentation 247 … GitHub issue trackers (raising a new issue) 59, YouTube 2, gitter 2; 15 parts typed once.
      [
        5,
        {
          kind: 'multi',
          separator: ';',
          vocabulary: [
            'Documentation',
            'GitHub issue trackers (reading past issues)',
            'Examples at examples.dask.org',
            'Tutorial',
            'Stack Overflow #Dask tag',
            'GitHub issue trackers (raising a new issue)',
            'YouTube',
            'gitter',
            WRITTEN_IN,
          ],
        },
      ],
      // "3-level importance": Critical to me 157, Somewhat useful 88, Not relevant for me 11 (first row), lowest first.
      [8, { kind: 'grid', to: 17, scale: ['Not relevant for me', 'Somewhat useful', 'Critical to me'] }],
      // "single (coded, float)": 3.0 251, 2.0 7 — codes in number order.
      [18, { kind: 'single', options: ['2.0', '3.0'] }],
      // Labels contain commas ("HPC resource manager (SLURM, PBS, SGE, LSF or similar)") but the separator is ';'.
      [
        19,
        {
          kind: 'multi',
          separator: ';',
          vocabulary: [
            'SSH',
            'Kubernetes',
            'HPC resource manager (SLURM, PBS, SGE, LSF or similar)',
            'My workplace has a custom solution for this',
            "I don't know, someone else does this for me",
            'Hadoop / Yarn / EMR',
            'Dask jobqueue',
            WRITTEN_IN,
          ],
        },
      ],
      [21, { kind: 'text' }],
      // "likert (1–4, float)": 4.0 144, 3.0 92, 2.0 15, 1.0 4.
      [22, { kind: 'likert', scores: [1, 2, 3, 4] }],
    ],
  },
  {
    folder: 'fte_starwars_surveymonkey',
    file: 'StarWars.csv',
    respondents: 1186,
    columns: [
      [0, { kind: 'meta' }],
      [1, { kind: 'single', options: ['Yes', 'No'] }],
      [3, { kind: 'multi-columns', to: 8, options: 6 }],
      [9, { kind: 'ranking-columns', to: 14 }],
      // Favourability: five points with a neutral middle, "Unfamiliar (N/A)" off the scale, last.
      [
        15,
        {
          kind: 'grid',
          to: 28,
          scale: [
            'Very unfavorably',
            'Somewhat unfavorably',
            'Neither favorably nor unfavorably (neutral)',
            'Somewhat favorably',
            'Very favorably',
            'Unfamiliar (N/A)',
          ],
        },
      ],
      [29, { kind: 'single' }],
      [34, { kind: 'ordinal', order: ['18-29', '30-44', '45-60', '> 60'] }],
      [35, { kind: 'ordinal', order: ['$0 - $24,999', '$25,000 - $49,999', '$50,000 - $99,999', '$100,000 - $149,999', '$150,000+'] }],
    ],
  },
  {
    folder: 'jupyter2015_surveygizmo',
    file: '20160115235816-SurveyExport.csv',
    respondents: 1706,
    columns: [
      [0, { kind: 'meta' }],
      [2, { kind: 'meta' }],
      [3, { kind: 'ordinal', order: ['Less often than monthly', 'Monthly', 'Weekly', 'Daily'] }],
      [6, { kind: 'text' }],
      [9, { kind: 'single' }],
      [10, { kind: 'text' }],
      // convenient 562, cool 417, … uncomfortable 29, and SurveyGizmo's own "Other word(s):" marker 68.
      [
        29,
        {
          kind: 'multi',
          separator: ';',
          vocabulary: [
            'convenient',
            'cool',
            'comfortable',
            'quick',
            'intuitive',
            'simple',
            'flexible',
            'accessible',
            'Other word(s):',
            'complicated',
            'confusing',
            'uncomfortable',
          ],
        },
      ],
      [32, { kind: 'ordinal', order: ['Less than 1 year', '1 year', '2-5 years', '5+ years'] }],
      [36, { kind: 'ordinal' }],
    ],
  },
  {
    folder: 'jupyter2016edu_gforms',
    file: 'responses.csv',
    respondents: 125,
    columns: [
      [0, { kind: 'meta' }],
      [5, { kind: 'text', personal: true }],
      [7, { kind: 'ordinal' }],
      // Computer science 49 … History 2; 19 parts typed once.
      [
        10,
        {
          kind: 'multi',
          separator: ', ',
          vocabulary: [
            'Computer science',
            'Data science',
            'Physics',
            'Biology',
            'Mathematics',
            'Statistics',
            'Machine learning',
            'Earth science',
            'Electrical engineering',
            'Chemistry',
            'Planetary/space science',
            'Mechanical engineering',
            'Psychology',
            'Economics',
            'Literature',
            'Geography',
            'Sociology',
            'History',
            WRITTEN_IN,
          ],
        },
      ],
      [11, { kind: 'text' }],
      // Jupyter notebook 123, nbconvert 32, JupyterHub 26, Interactive widgets 25, IPython terminal 24, nbgrader 13, IPython parallel 2.
      [
        12,
        {
          kind: 'multi',
          separator: ', ',
          vocabulary: ['Jupyter notebook', 'nbconvert', 'JupyterHub', 'Interactive widgets', 'IPython terminal', 'nbgrader', 'IPython parallel'],
        },
      ],
      // Python 3 88, Python 2 55, R 11, Bash 11, Matlab / Octave 6, Fortran 4, Javascript 2, Cython 2, Processing 2, Julia 2; 14 typed once.
      [
        15,
        {
          kind: 'multi',
          separator: ', ',
          vocabulary: ['Python 3', 'Python 2', 'R', 'Bash', 'Matlab / Octave', 'Fortran', 'Javascript', 'Cython', 'Processing', 'Julia', WRITTEN_IN],
        },
      ],
      [
        17,
        {
          kind: 'multi',
          separator: ', ',
          vocabulary: ['In-class exercises', 'Homeworks / problem sets', 'Lab exercises', 'Collaborative / group assignments', 'Exams', WRITTEN_IN],
        },
      ],
    ],
  },
  {
    folder: 'ohbm2022_surveymonkey_pandas',
    file: 'public_survey_data.csv',
    respondents: 311,
    columns: [
      [0, { kind: 'meta' }],
      [1, { kind: 'single', options: ['Yes', 'No'] }],
      [3, { kind: 'single' }],
      // pandas wrote the blank group cells of the first header row as "Unnamed: 13" … "Unnamed: 21".
      [4, { kind: 'multi-columns', to: 13, options: 10 }],
      [14, { kind: 'ordinal' }],
      [15, { kind: 'single' }],
      [32, { kind: 'multi-columns', to: 39, options: 8 }],
      [40, { kind: 'multi-columns', to: 47, options: 8 }],
    ],
  },
  {
    folder: 'rcommunity2018_gforms_tsv',
    file: 'Learning R Internet Survey - Form Responses 1.tsv',
    respondents: 3062,
    columns: [
      [0, { kind: 'meta' }],
      [6, { kind: 'ordinal' }],
      [16, { kind: 'likert', scores: [1, 2, 3, 4, 5] }],
      [24, { kind: 'likert', scores: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }],
      [25, { kind: 'multi', separator: ', ' }],
      [39, { kind: 'multi', separator: ', ' }],
      [32, { kind: 'numeric' }],
      [37, { kind: 'numeric' }],
      [22, { kind: 'text' }],
      [27, { kind: 'unused' }],
    ],
  },
  {
    folder: 'rse2017uk_limesurvey',
    file: 'public_data.csv',
    respondents: 253,
    columns: [
      [0, { kind: 'meta' }],
      [1, { kind: 'single', options: ['United Kingdom'] }],
      [6, { kind: 'likert', scores: [0, 1, 2, 3, 4, 5] }],
      [8, { kind: 'numeric' }],
      [9, { kind: 'grid', to: 14 }],
      [20, { kind: 'multi-columns', to: 84, options: 65 }],
      [86, { kind: 'ranking-columns', to: 93 }],
      [167, { kind: 'grid', to: 171, scale: ['Strongly disagree', 'Disagree', 'Neither agree or disagree', 'Agree', 'Strongly Agree'] }],
      [193, { kind: 'grid', to: 194 }],
      [102, { kind: 'text' }],
      [241, { kind: 'text' }],
    ],
  },
];

describe.skipIf(!haveExports)('real exports read as an analyst reads them (survey-lens schema, column by column)', () => {
  const described = new Map<string, SurveyDescription>();
  beforeAll(() => {
    for (const { folder, file } of EXPECTED) described.set(folder, schema(path.join(folder, file)));
  }, 120_000);

  describe.each(EXPECTED)('$folder', ({ folder, respondents, columns }) => {
    it(`has ${respondents} respondents`, () => {
      expect(described.get(folder)!.respondents).toBe(respondents);
    });
    it.each(columns)('column %i is what the analyst says', (index, expected) => {
      check(described.get(folder)!, index, expected);
    });
  });

  it('rcommunity 2018: "R Command Line (i.e., the native R terminal interface)" is one option of the ", "-joined tools question, chosen by 887', () => {
    const description = described.get('rcommunity2018_gforms_tsv')!;
    const tools = description.questions.find((q) => q.id === description.columnKinds[39].question)!;
    expect(tools.options).toContain('R Command Line (i.e., the native R terminal interface)');
    expect(tools.options!.filter((option) => option.startsWith('R Command Line') || option.startsWith('the native R'))).toEqual([
      'R Command Line (i.e., the native R terminal interface)',
    ]);
  });

  it('star wars: the 14 character rows are one grid of 14 named rows with its neutral point in the middle of five', () => {
    const grid = described.get('fte_starwars_surveymonkey')!.grids[0];
    expect(grid.rowLabels).toHaveLength(14);
    expect(grid.rowLabels[0]).toBe('Han Solo');
    expect(grid.neutralIndex).toBe(2);
    expect(grid.offScale).toEqual(['Unfamiliar (N/A)']);
  });

  it('every question names the reason for its kind', () => {
    for (const description of described.values()) for (const question of description.questions) expect(question.reason, question.id).toBeTruthy();
  });
});
