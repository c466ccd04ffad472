import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDescription } from '../../../lib/survey/describe-survey';
import { requireShared } from '../shared-data';
import { check, EXPORTS, schema, type Expected } from '../helpers/analyst-labels';

/**
 * The exports whose layouts were misread before issue 24 (../shared/data/exports; licences and
 * attributions in each folder's README): one column per option with no common stem (SurveyMonkey
 * flattened and expanded, Typeform), LimeSurvey's German Ja/Nein arrays, and the two multi-wave
 * series. Every column the README labels is checked, by its 0-based index, against the
 * analyst's kind; respondent counts are the READMEs' (read there with Python's csv module).
 */
const haveExports = requireShared('the tool-export kind tests', EXPORTS);

const AGREE_5 = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];

const EXPECTED: { folder: string; file: string; respondents: number; columns: [number, Expected][] }[] = [
  {
    folder: 'aws_containersec2020_typeform',
    file: 'responses.csv',
    respondents: 156,
    columns: [
      [0, { kind: 'meta' }],
      // "one column per option, cell = label; col 8 Other, empty": seven options, then the list's Other.
      [1, { kind: 'multi-columns', to: 7, options: 7 }],
      [8, { kind: 'text' }],
      [9, { kind: 'multi-columns', to: 16, options: 8 }],
      [17, { kind: 'text' }],
      [24, { kind: 'multi-columns', to: 31, options: 8 }],
      [32, { kind: 'text' }],
      [40, { kind: 'multi-columns', to: 45, options: 6 }],
      [46, { kind: 'text' }],
      // "no Other column; labels with commas": right after the policy list, with nothing between.
      [62, { kind: 'multi-columns', to: 65, options: 4 }],
      [66, { kind: 'single' }],
      [67, { kind: 'single' }],
      [75, { kind: 'single' }],
      [83, { kind: 'text' }],
      [84, { kind: 'meta' }],
      [86, { kind: 'meta' }],
    ],
  },
  {
    folder: 'carpentries_longterm2017_surveymonkey_flat',
    file: 'longterm_October2017.csv',
    respondents: 476,
    columns: [
      [0, { kind: 'single' }],
      [1, { kind: 'single' }],
      [2, { kind: 'text' }],
      // "Field, Column2 … Column13": twelve options, col 15 the typed Other.
      [3, { kind: 'multi-columns', to: 14, options: 12 }],
      [15, { kind: 'text' }],
      [16, { kind: 'ordinal', order: ['1', '2', '3+'] }],
      // "col 28 `I don't remember.` is an option; col 29 other text".
      [18, { kind: 'multi-columns', to: 28, options: 11 }],
      [29, { kind: 'text' }],
      // "ordinal frequency + 'not using' level", levels as written (with their full stops).
      [
        40,
        {
          kind: 'ordinal',
          order: ['I had not been using tools like these.', 'Less than once per year.', 'Several times per year.', 'Monthly.', 'Weekly.', 'Daily.'],
        },
      ],
      [42, { kind: 'ordinal' }],
      // "grid row (likert agree 5-pt)": seven rows with unrelated names, one scale.
      [50, { kind: 'grid', to: 56, scale: AGREE_5 }],
      [57, { kind: 'multi-columns', to: 64, options: 8 }],
      [65, { kind: 'text' }],
      [73, { kind: 'single' }],
      [74, { kind: 'likert' }],
    ],
  },
  {
    folder: 'cncf_cloudnative2020_surveymonkey_expanded',
    file: 'Cloud_Native_Survey_1H_2020.csv',
    respondents: 1324,
    columns: [
      [0, { kind: 'single-columns', to: 5, options: 6 }],
      [6, { kind: 'single-columns', to: 8, options: 3 }],
      [9, { kind: 'single-columns', to: 15, options: 7 }],
      [16, { kind: 'single-columns', to: 39, options: 24 }],
      [40, { kind: 'text' }],
      [41, { kind: 'multi-columns', to: 59, options: 19 }],
      [60, { kind: 'text' }],
      [95, { kind: 'single-columns', to: 105, options: 11 }],
      [106, { kind: 'grid-row-columns', to: 108, levels: ['Evaluating', 'Using in production', "Not using or don't know"] }],
      [497, { kind: 'single-columns', to: 503, options: 7 }],
      [541, { kind: 'text' }],
      [896, { kind: 'single-columns', to: 902, options: 7 }],
      [903, { kind: 'grid-row-columns', to: 907, levels: ['1', '2', '3', '4', '5'] }],
    ],
  },
  {
    folder: 'coderefinery_prews2018_typeform',
    file: 'aalto-may.csv',
    respondents: 48,
    columns: [
      [0, { kind: 'single' }],
      [2, { kind: 'text' }],
      // Mercurial, CVS, Perforce and Bazaar were chosen by nobody: still options.
      [3, { kind: 'multi-columns', to: 11, options: 9 }],
      [13, { kind: 'multi-columns', to: 23, options: 11 }],
      [24, { kind: 'text' }],
      [25, { kind: 'ordinal' }],
      [28, { kind: 'single' }],
      [41, { kind: 'multi-columns', to: 46, options: 6 }],
      [54, { kind: 'ordinal' }],
      [57, { kind: 'single' }],
      [58, { kind: 'multi-columns', to: 66, options: 9 }],
      [67, { kind: 'meta' }],
      [68, { kind: 'meta' }],
    ],
  },
  {
    folder: 'digitaltwins2023_limesurvey_de',
    file: 'results_german.csv',
    respondents: 96,
    columns: [
      [0, { kind: 'meta' }],
      [1, { kind: 'multi-columns', to: 6, options: 6 }],
      [7, { kind: 'text' }],
      [8, { kind: 'grid', to: 19, scale: ['Stimme gar nicht zu', 'Stimme eher nicht zu', 'Stimme eher zu', 'Stimme vollständig zu'] }],
      [20, { kind: 'text' }],
      [21, { kind: 'grid', to: 27, scale: ['Nicht wichtig', 'Eher unwichtig', 'Eher wichtig', 'Sehr wichtig'] }],
      [34, { kind: 'multi-columns', to: 45, options: 12 }],
      [46, { kind: 'text' }],
      // "conditional; constant N/A": shown to nobody, still the list it is.
      [47, { kind: 'multi-columns', to: 58, options: 12 }],
      [218, { kind: 'grid', to: 222, scale: ['garnicht wichtig', 'eher unwichtig', 'eher wichtig', 'sehr wichtig'] }],
      [243, { kind: 'multi-columns', to: 246, options: 4 }],
      [247, { kind: 'text' }],
      [314, { kind: 'ordinal', order: ['Stimme garnicht zu', 'Stimme eher nicht zu', 'Stimme eher zu', 'Stimme vollständig zu'] }],
      [316, { kind: 'text' }],
    ],
  },
  {
    folder: 'cncf_maintainers_waves_surveymonkey',
    file: '2019.csv',
    respondents: 64,
    columns: [
      [0, { kind: 'meta' }],
      [2, { kind: 'meta' }],
      [4, { kind: 'single' }],
      [5, { kind: 'multi-columns', to: 35, options: 31 }],
      // "likert 1–5 (expanded, 2019 only)": nobody chose 1, still a point of the scale.
      [36, { kind: 'single-columns', to: 40, options: 5, scale: true }],
      [41, { kind: 'single-columns', to: 42, options: 2 }],
      [43, { kind: 'single-columns', to: 47, options: 5, scale: true }],
      [64, { kind: 'single-columns', to: 68, options: 5, scale: true }],
      [88, { kind: 'single-columns', to: 92, options: 5, scale: true }],
      [93, { kind: 'text' }],
      [94, { kind: 'text' }],
      [96, { kind: 'text' }],
    ],
  },
  {
    folder: 'cncf_maintainers_waves_surveymonkey',
    file: '2020.csv',
    respondents: 79,
    columns: [
      [0, { kind: 'meta' }],
      [2, { kind: 'meta' }],
      [4, { kind: 'multi-columns', to: 47, options: 44 }],
      [48, { kind: 'single' }],
      [50, { kind: 'likert' }],
      [56, { kind: 'likert' }],
      [65, { kind: 'likert' }],
      [66, { kind: 'text' }],
      [67, { kind: 'text' }],
      [70, { kind: 'text' }],
    ],
  },
  {
    folder: 'cncf_maintainers_waves_surveymonkey',
    file: '2021.csv',
    respondents: 93,
    columns: [
      // The README's "meta (id)" column is blank in the header and in all 93 rows: no question at all, as any nameless empty column.
      [0, { kind: 'unused' }],
      [12, { kind: 'multi-columns', to: 102, options: 91 }],
      [103, { kind: 'single' }],
      [105, { kind: 'likert' }],
      [112, { kind: 'likert' }],
      [121, { kind: 'likert' }],
      [122, { kind: 'text' }],
      [129, { kind: 'text' }],
      [132, { kind: 'text' }],
    ],
  },
  {
    folder: 'coderefinery_prews_waves_typeform',
    file: '2016.csv',
    respondents: 25,
    columns: [
      [0, { kind: 'single' }],
      [2, { kind: 'multi-columns', to: 10, options: 9 }],
      [12, { kind: 'multi-columns', to: 22, options: 11 }],
      [24, { kind: 'ordinal' }],
      [25, { kind: 'ordinal' }],
      [40, { kind: 'multi-columns', to: 44, options: 5 }],
      [52, { kind: 'ordinal' }],
      [53, { kind: 'single' }],
      [54, { kind: 'meta' }],
    ],
  },
  {
    folder: 'coderefinery_prews_waves_typeform',
    file: '2017.csv',
    respondents: 40,
    columns: [
      [0, { kind: 'single' }],
      [2, { kind: 'text' }],
      [3, { kind: 'multi-columns', to: 11, options: 9 }],
      [13, { kind: 'multi-columns', to: 23, options: 11 }],
      [25, { kind: 'ordinal' }],
      [26, { kind: 'ordinal' }],
      [41, { kind: 'multi-columns', to: 46, options: 6 }],
      [54, { kind: 'ordinal' }],
      [57, { kind: 'single' }],
      [58, { kind: 'multi-columns', to: 65, options: 8 }],
      [66, { kind: 'meta' }],
    ],
  },
];

describe.skipIf(!haveExports)('exports with no common stem, German arrays and the two series read as an analyst reads them', () => {
  const described = new Map<string, SurveyDescription>();
  const keyOf = (folder: string, file: string) => path.join(folder, file);
  beforeAll(() => {
    for (const { folder, file } of EXPECTED) described.set(keyOf(folder, file), schema(keyOf(folder, file)));
  }, 180_000);

  describe.each(EXPECTED)('$folder/$file', ({ folder, file, respondents, columns }) => {
    it(`has ${respondents} respondents`, () => {
      expect(described.get(keyOf(folder, file))!.respondents).toBe(respondents);
    });
    it.each(columns)('column %i is what the analyst says', (index, expected) => {
      check(described.get(keyOf(folder, file))!, index, expected);
    });
  });

  it('every question names the reason for its kind, and a group found from the answers says what it saw', () => {
    for (const description of described.values()) for (const question of description.questions) expect(question.reason, question.id).toBeTruthy();
    const typeform = described.get(keyOf('aws_containersec2020_typeform', 'responses.csv'))!;
    const roles = typeform.questions.find((q) => q.id === typeform.columnKinds[1].question)!;
    expect(roles.reason).toMatch(/each column's answers are its own header/);
    const policies = typeform.questions.find((q) => q.id === typeform.columnKinds[55].question)!;
    // "Nope, not managing policies (yet)" ends its list: the network list (62–65) follows with no Other between.
    expect(policies.indexes).toEqual([55, 56, 57, 58, 59, 60, 61]);
    expect(policies.reason).toMatch(/cut after “Nope, not managing policies \(yet\)”/);
  });

  it('a Typeform list has no question text: its label lists its first options, and it is marked untitled', () => {
    const typeform = described.get(keyOf('aws_containersec2020_typeform', 'responses.csv'))!;
    const roles = typeform.questions.find((q) => q.id === typeform.columnKinds[1].question)!;
    expect(roles.label).toBe('Mainly operations / Mainly development / InfoSec / …');
  });

  it('HTML markup in Typeform headers is not in the labels', () => {
    const typeform = described.get(keyOf('coderefinery_prews2018_typeform', 'aalto-may.csv'))!;
    const os = typeform.questions.find((q) => q.id === typeform.columnKinds[0].question)!;
    expect(os.label).toBe('What is the operating system that you will use during the course (on your laptop)?');
  });
});
