import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { hasBit } from '../../../lib/survey/bitset';
import type { Question, Survey } from '../../../lib/survey/types';

/**
 * The layouts issue 24 found misread, each as a hand-made export small enough to count by hand:
 * rows are given as [cells, how many respondents], so every expected figure is a sum of the
 * numbers written beside it.
 */
function csv(header: string[], rows: [string[], number][]): string {
  const records = [header, ...rows.flatMap(([cells, times]) => Array.from({ length: times }, () => cells))];
  return Papa.unparse(records, { newline: '\n' }) + '\n';
}

function at(survey: Survey, column: number): Question {
  const found = survey.questions.find((q) => q.source.indexes.includes(column));
  if (!found) throw new Error(`no question over column ${column}`);
  return found;
}

function counts(q: Question): Record<string, number> {
  const out: Record<string, number> = {};
  if (q.kind === 'multi')
    q.options.forEach(
      (option, k) => (out[option.label] = Array.from({ length: q.answered.length * 32 }, (_, i) => hasBit(q.members[k], i)).filter(Boolean).length),
    );
  else if (q.kind === 'single' || q.kind === 'likert') {
    for (const option of q.options) out[option.label] = 0;
    for (const code of q.codes) if (code > 0) out[q.options[code - 1].label]++;
  } else throw new Error(`${q.id} is ${q.kind}`);
  return out;
}

describe('Typeform: columns named by the option alone, an Other column closing each list, no question text', () => {
  // Role: Dev alone 10, Ops alone 8, Dev + Ops 4, Other typed 3 (one with Dev). Policies: OPA 12, "Nope, not managing policies (yet)" 14.
  // Network (right after the policy list, no Other between): Ingress 20, Security groups 15 — everyone answered both lists.
  const header = ['#', 'Dev', 'Ops', 'Other', 'OPA', 'Nope, not managing policies (yet)', 'Ingress', 'Security groups', 'Start Date (UTC)'];
  const rows: [string[], number][] = [
    [['t1', 'Dev', '', '', 'OPA', '', 'Ingress', '', '2020-07-31 09:26:19'], 10],
    [['t2', '', 'Ops', '', '', 'Nope, not managing policies (yet)', 'Ingress', 'Security groups', '2020-07-31 09:27:19'], 8],
    [['t3', 'Dev', 'Ops', '', 'OPA', '', '', 'Security groups', '2020-07-31 09:28:19'], 2],
    [['t4', 'Dev', 'Ops', '', '', 'Nope, not managing policies (yet)', '', 'Security groups', '2020-07-31 09:29:19'], 2],
    [['t5', 'Dev', '', 'Rancher admin', '', 'Nope, not managing policies (yet)', 'Ingress', 'Security groups', '2020-07-31 09:30:19'], 1],
    [['t6', '', '', 'Student', '', 'Nope, not managing policies (yet)', 'Ingress', 'Security groups', '2020-07-31 09:31:19'], 2],
  ].map(([cells, times]) => [(cells as string[]).map((cell, c) => (c === 0 ? `${cell}` : cell)), times as number]);
  // Tokens must differ per respondent for `#` to read as an identifier: number them.
  let n = 0;
  const numbered = rows.flatMap(([cells, times]) => Array.from({ length: times }, () => [`${cells[0]}-${n++}`, ...cells.slice(1)] as string[]));
  const survey = buildSurvey(
    csv(
      header,
      numbered.map((cells) => [cells, 1]),
    ),
  );

  it('reads 25 respondents under one header row (the first respondent repeats option names, but so do the rest)', () => {
    expect(survey.size).toBe(25);
    expect(survey.layout.rows).toBe(1);
  });

  it('Dev, Ops is one multi-select (Dev 10 + 2 + 2 + 1 = 15, Ops 8 + 2 + 2 = 12), and Other is its typed text', () => {
    const role = at(survey, 1);
    expect(role.kind).toBe('multi');
    expect(role.source.indexes).toEqual([1, 2]);
    expect(counts(role)).toEqual({ Dev: 15, Ops: 12 });
    expect(role.untitled).toBe(true);
    expect(role.label).toBe('Dev / Ops');
    const other = at(survey, 3);
    expect(other.kind).toBe('text');
    expect(other.kind === 'text' && other.values.filter(Boolean).sort()).toEqual(['Rancher admin', 'Student', 'Student']);
  });

  it('the policy list ends at its "none" answer: OPA 12, Nope 13; the network list after it is its own question (Ingress 21, Security groups 15)', () => {
    const policies = at(survey, 4);
    expect(policies.source.indexes).toEqual([4, 5]);
    expect(counts(policies)).toEqual({ OPA: 12, 'Nope, not managing policies (yet)': 13 });
    const network = at(survey, 6);
    expect(network.source.indexes).toEqual([6, 7]);
    expect(counts(network)).toEqual({ Ingress: 21, 'Security groups': 15 });
    expect(policies.reason).toMatch(/cut after “Nope, not managing policies \(yet\)”: .* 25 of 25 respondents ticked something on both sides/);
  });
});

describe('SurveyMonkey flattened to one header row: a named column, then Excel’s Column2…', () => {
  // Field: Biology alone 12, Physics alone 9, Biology + Chemistry 5, Chemistry alone 4, typed Other 3; Country typed.
  const survey = buildSurvey(
    csv(
      ['Field', 'Column2', 'Column3', 'Column4'],
      [
        [['Biology', '', '', ''], 12],
        [['', 'Physics', '', ''], 9],
        [['Biology', '', 'Chemistry', ''], 5],
        [['', '', 'Chemistry', ''], 4],
        [['', '', '', 'Neuroscience'], 1],
        [['', '', '', 'Public Health'], 1],
        [['Biology', '', '', 'Education'], 1],
      ],
    ),
  );

  it('Field + Column2 + Column3 are one multi-select labelled “Field” (Biology 18, Physics 9, Chemistry 9); Column4 is its typed Other', () => {
    const field = at(survey, 0);
    expect([field.kind, field.label, field.source.indexes]).toEqual(['multi', 'Field', [0, 1, 2]]);
    expect(counts(field)).toEqual({ Biology: 18, Physics: 9, Chemistry: 9 });
    expect(at(survey, 3).kind).toBe('text');
  });
});

describe('LimeSurvey in German: Ja/Nein/N/A per option, a [Sonstiges] text, a list shown to nobody', () => {
  const stem = 'Welchen fachlichen Hintergrund haben Sie?';
  const unshown = 'Mit welchen Modellen realisieren Sie den Aspekt Aerodynamik?';
  // Informatik Ja 9 (4 with Maschinenbau), Maschinenbau Ja 6, both Nein 5, not shown (N/A) 3; Sonstiges "Physik" 2.
  const survey = buildSurvey(
    [
      `${stem} [Maschinenbau];${stem} [Informatik];${stem} [Sonstiges];${unshown} [CAD];${unshown} [Quellcode]`,
      ...Array(4).fill('Ja;Ja;;N/A;N/A'),
      ...Array(2).fill('Ja;Nein;Physik;N/A;N/A'),
      ...Array(5).fill('Nein;Ja;;N/A;N/A'),
      ...Array(5).fill('Nein;Nein;;N/A;N/A'),
      ...Array(3).fill('N/A;N/A;;N/A;N/A'),
    ].join('\n'),
  );

  it('Maschinenbau, Informatik are one multi-select: “Nein” not chosen, “N/A” not shown (answered 16 of 19; Maschinenbau 6, Informatik 9)', () => {
    const background = at(survey, 0);
    expect([background.kind, background.source.indexes]).toEqual(['multi', [0, 1]]);
    expect(counts(background)).toEqual({ Maschinenbau: 6, Informatik: 9 });
    expect(background.answeredCount).toBe(16);
    expect(at(survey, 2).kind).toBe('text');
  });

  it('a list whose every cell is “N/A” is still a multi-select of its options, answered by nobody', () => {
    const models = at(survey, 3);
    expect([models.kind, models.source.indexes, models.answeredCount]).toEqual(['multi', [3, 4], 0]);
    expect(models.reason).toMatch(/every cell "N\/A"/);
  });
});

describe('Google Forms checkboxes joined with ", " whose options rarely stand alone', () => {
  // Most respondents tick several; the form writes ticked boxes in its own order (Stats, Viz, Models, Text).
  const survey = buildSurvey(
    csv(
      ['If you were to learn R, what would you use it for?'],
      [
        [['Stats, Viz'], 6],
        [['Stats, Viz, Models'], 5],
        [['Stats, Models, Text'], 4],
        [['Viz, Models'], 3],
        [['Stats, Viz, Models, Text'], 3],
        [['Viz, Text'], 2],
        [['Stats'], 1],
      ],
    ),
  );

  it('is one multi-select (Stats 19, Viz 19, Models 15, Text 9), not free text', () => {
    const q = survey.questions[0];
    expect(q.kind).toBe('multi');
    expect(counts(q)).toEqual({ Stats: 19, Viz: 19, Models: 15, Text: 9 });
    expect(q.reason).toMatch(/always come in one order, as a form lists its boxes/);
  });
});

describe('an option label with a thousands separator', () => {
  // Team sizes as ","-joined ranges: "> 1,000" is one option, never "> 1" and "000"; "1-10,11-100" still two.
  const survey = buildSurvey(
    csv(
      ['Which team sizes have you worked in?'],
      [
        [['1-10,11-100'], 6],
        [['11-100,> 1,000'], 5],
        [['> 1,000'], 4],
        [['1-10'], 7],
        [['11-100'], 3],
      ],
    ),
  );

  it('"> 1,000" stays whole, "1-10,11-100" splits: 1-10 13, 11-100 14, > 1,000 9', () => {
    const q = survey.questions[0];
    expect(q.kind).toBe('multi');
    expect(counts(q)).toEqual({ '1-10': 13, '11-100': 14, '> 1,000': 9 });
  });
});

describe('rating words in their order, free-typed short lists, case variants', () => {
  const quality = ['Excellent', 'Good', 'OK', 'Bad', 'Horrible'];
  // A grid of two rows rated on everyday quality words; the counts are chosen so frequency order would differ.
  const grid = buildSurvey(
    csv(
      ['Rate the docs [Tutorials]', 'Rate the docs [Reference]'],
      [
        [['Good', 'OK'], 9],
        [['OK', 'Good'], 7],
        [['Excellent', 'Bad'], 5],
        [['Bad', 'Horrible'], 3],
        [['Horrible', 'Excellent'], 2],
      ],
    ),
  );

  it('the grid’s scale is Horrible, Bad, OK, Good, Excellent (lowest first), whatever the counts', () => {
    expect(grid.grids[0].scale.map((option) => option.value)).toEqual([...quality].reverse());
    expect(grid.grids[0].ordered).toBe(true);
  });

  it('an OS version typed by hand (most answers given once) is text; a short list chosen by many stays a single choice', () => {
    const typed = [
      'Windows 10',
      'Win10',
      'Ubuntu 16.04',
      'macOS Sierra 10.12.6',
      'Mac OS 10.11',
      'Fedora 27',
      'Arch linux',
      'Debian',
      '16.04',
      'Windows 7 x86',
      'Sierra',
    ];
    const survey = buildSurvey(
      csv(
        ['Which version of your operating system?', 'Which operating system?'],
        [
          ...typed.map((value, k): [string[], number] => [[value, ['Linux', 'Windows', 'Mac OS X'][k % 3]], 1]),
          [['Windows 10', 'Windows'], 5],
          [['Ubuntu 16.04', 'Linux'], 4],
        ],
      ),
    );
    expect(survey.questions[0].kind).toBe('text');
    expect(survey.questions[0].reason).toMatch(/^text: 9 of 11 different answers were each given by one respondent/);
    expect(survey.questions[1].kind).toBe('single');
  });

  it('"Male" and "male" are one option, spelt as most wrote it (Male 12 + male 3 = 15, Female 10)', () => {
    const survey = buildSurvey(
      csv(
        ['Gender'],
        [
          [['Male'], 12],
          [['male'], 3],
          [['Female'], 10],
        ],
      ),
    );
    expect(counts(survey.questions[0])).toEqual({ Male: 15, Female: 10 });
  });
});

describe('SurveyMonkey expanded: a grid spread one column per row and level, a rating one column per point', () => {
  const stem = 'Is your company evaluating or using these in production?';
  const rating = 'How would you rate the docs?';
  const header = [stem, '', '', '', '', '', rating, '', '', '', ''];
  const items = [
    'Kubernetes - Evaluating',
    'Kubernetes - Using in production',
    "Kubernetes - Not using or don't know",
    'Helm - Evaluating',
    'Helm - Using in production',
    "Helm - Not using or don't know",
    ' - 1',
    ' - 2',
    ' - 3',
    ' - 4',
    ' - 5',
  ];
  // Kubernetes: production 20, evaluating 10; Helm: production 12, evaluating 10, not using 8; rating: 2 ×4, 3 ×8, 4 ×12, 5 ×6 (nobody chose 1).
  const body: [string[], number][] = [
    [['', 'Using in production', '', '', 'Using in production', '', '', '', '', '4', ''], 12],
    [['', 'Using in production', '', 'Evaluating', '', '', '', '', '3', '', ''], 8],
    [['Evaluating', '', '', 'Evaluating', '', '', '', '2', '', '', ''], 2],
    [['Evaluating', '', '', '', '', "Not using or don't know", '', '2', '', '', ''], 2],
    [['Evaluating', '', '', '', '', "Not using or don't know", '', '', '', '', '5'], 6],
  ];
  const text = Papa.unparse([header, items], { newline: '\n' }) + '\n' + csv(header, body).split('\n').slice(1).join('\n');
  const survey = buildSurvey(text);

  it('each row is a single choice over its three level columns, in the survey’s order, and the rows are one grid', () => {
    const kubernetes = at(survey, 0);
    const helm = at(survey, 3);
    expect([kubernetes.kind, kubernetes.source.indexes, helm.source.indexes]).toEqual(['single', [0, 1, 2], [3, 4, 5]]);
    expect(counts(kubernetes)).toEqual({ Evaluating: 10, 'Using in production': 20, "Not using or don't know": 0 });
    expect(counts(helm)).toEqual({ Evaluating: 10, 'Using in production': 12, "Not using or don't know": 8 });
    expect(survey.grids.map((grid) => grid.rowLabels)).toEqual([['Kubernetes', 'Helm']]);
  });

  it('the rating written " - 1" … " - 5" is a likert scale 1–5 with its unchosen 1 (2: 4, 3: 8, 4: 12, 5: 6)', () => {
    const docs = at(survey, 6);
    expect(docs.kind).toBe('likert');
    expect(counts(docs)).toEqual({ '1': 0, '2': 4, '3': 8, '4': 12, '5': 6 });
    expect(docs.kind === 'likert' && docs.scores).toEqual([1, 2, 3, 4, 5]);
  });
});
