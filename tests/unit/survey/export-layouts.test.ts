import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import { hasBit } from '../../../lib/survey/bitset';
import { selectAll } from '../../../lib/analysis/selection';
import { likertExtras } from '../../../lib/analysis/question-extras';
import { DEFAULT_SETTINGS } from '../../../lib/analysis/figure';
import type { Question, Survey } from '../../../lib/survey/types';

/**
 * Hand-made exports, one per layout the survey tools write, small enough to count by hand: each
 * file is built from a list of (answer, how many respondents) so every expected figure below is
 * a sum of the numbers written next to it.
 */

/** A CSV from a header and rows given as [cells, times]. */
function csv(header: string[], rows: [string[], number][]): string {
  const records = [header, ...rows.flatMap(([cells, times]) => Array.from({ length: times }, () => cells))];
  return Papa.unparse(records, { newline: '\n' }) + '\n';
}

function question(survey: Survey, id: string): Question {
  const found = survey.questions.find((q) => q.id === id);
  if (!found) throw new Error(`no question ${id}: ${survey.questions.map((q) => q.id).join(', ')}`);
  return found;
}

function memberCounts(q: Question): Record<string, number> {
  if (q.kind !== 'multi') throw new Error(`${q.id} is ${q.kind}`);
  const out: Record<string, number> = {};
  q.options.forEach((option, k) => {
    let n = 0;
    for (let i = 0; i < q.answered.length * 32; i++) if (hasBit(q.members[k], i)) n++;
    out[option.value] = n;
  });
  return out;
}

function choiceCounts(q: Question): Record<string, number> {
  if (q.kind !== 'single' && q.kind !== 'likert') throw new Error(`${q.id} is ${q.kind}`);
  const out: Record<string, number> = Object.fromEntries(q.options.map((option) => [option.value, 0]));
  for (const code of q.codes) if (code > 0) out[q.options[code - 1].value]++;
  return out;
}

describe('Google Forms checkboxes joined with ", ", one label holding ", "', () => {
  const LABEL = 'Blogs, newsletters, or podcasts';
  // Books alone 10, the blogs label alone 8, Videos alone 6, Books + blogs 5, Books + Videos 4, blogs + Videos 3, blank 4: 36 answered, 12 combined.
  const survey = buildSurvey(
    csv(
      ['Timestamp', 'Where do you learn about new tools?'],
      [
        [['2024/01/15 9:14:02 AM GMT+1', 'Books'], 10],
        [['2024/01/15 9:15:02 AM GMT+1', LABEL], 8],
        [['2024/01/15 9:16:02 AM GMT+1', 'Videos'], 6],
        [['2024/01/15 9:17:02 AM GMT+1', `Books, ${LABEL}`], 5],
        [['2024/01/15 9:18:02 AM GMT+1', 'Books, Videos'], 4],
        [['2024/01/15 9:19:02 AM GMT+1', `${LABEL}, Videos`], 3],
        [['2024/01/15 9:20:02 AM GMT+1', ''], 4],
      ],
    ),
  );
  const learn = question(survey, 'where_do_you_learn_about_new_tools');

  it('is one multi-select of three options, the label with commas kept whole', () => {
    expect(learn.kind).toBe('multi');
    // Books 10 + 5 + 4 = 19; blogs 8 + 5 + 3 = 16; Videos 6 + 4 + 3 = 13.
    expect(memberCounts(learn)).toEqual({ Books: 19, [LABEL]: 16, Videos: 13 });
    expect(learn.answeredCount).toBe(36);
    expect(learn.kind === 'multi' && learn.separator).toBe(', ');
    expect(learn.reason).toBe("multi: 12 of 36 answers hold ', '-joined parts from a vocabulary of 3");
  });

  it('a single choice whose labels hold ", " ("Yes, definitely" / "Yes, probably" / "No") stays a single choice', () => {
    // Yes, definitely 12; Yes, probably 9; No 7: "definitely" and "probably" never stand alone.
    const single = buildSurvey(
      csv(
        ['Would you recommend it?'],
        [
          [['Yes, definitely'], 12],
          [['Yes, probably'], 9],
          [['No'], 7],
        ],
      ),
    );
    const q = single.questions[0];
    expect(q.kind).toBe('single');
    expect(choiceCounts(q)).toEqual({ 'Yes, definitely': 12, 'Yes, probably': 9, No: 7 });
  });
});

describe('SurveyMonkey: single choice written one column per option (question over the group, option labels below)', () => {
  // 40 respondents, each fills exactly one column: Small 18, Medium 14, Large 8.
  const header = ['Respondent ID', 'What size is your team?', '', ''];
  const labels = ['', 'Small', 'Medium', 'Large'];
  const text =
    Papa.unparse([header, labels], { newline: '\n' }) +
    '\n' +
    csv(
      ['x', 'a', 'b', 'c'],
      [
        [['1', 'Small', '', ''], 18],
        [['2', '', 'Medium', ''], 14],
        [['3', '', '', 'Large'], 8],
      ],
    )
      .split('\n')
      .slice(1)
      .join('\n');
  const survey = buildSurvey(text);

  it('is one single-choice question of three options, not three one-option questions', () => {
    const size = survey.questions.find((q) => q.source.indexes.includes(1))!;
    expect(size.kind).toBe('single');
    expect(size.source.indexes).toEqual([1, 2, 3]);
    expect(choiceCounts(size)).toEqual({ Small: 18, Medium: 14, Large: 8 });
    expect(size.reason).toMatch(/^single \(expanded\): 3 columns, one per option/);
  });
});

describe('LimeSurvey: a multi-select ticked Yes/No per option, a ranking of items at rank positions, an end-labelled 0–10 scale', () => {
  const header = [
    'id',
    'tools[SQ001]. Which tools do you use? [Git]',
    'tools[SQ002]. Which tools do you use? [Docker]',
    'tools[SQ003]. Which tools do you use? [Make]',
    'rank[1]. Rank these factors [Rank 1]',
    'rank[2]. Rank these factors [Rank 2]',
    'rank[3]. Rank these factors [Rank 3]',
    'nps. How likely are you to recommend your team to a friend?',
  ];
  // tools: Yes/Yes/No ×6, Yes/No/No ×5, No/No/Yes ×4, No/No/No ×3, blank ×2 → answered 18; Git 11, Docker 6, Make 4.
  // rank: Pay/Team/Work ×7, Team/Pay/(none) ×5, Work/Team/Pay ×6, blank ×2 → answered 18.
  // nps: "10 - Extremely likely" ×5, "9" ×4, "8" ×3, "7" ×2, "5" ×2, "0 - Not at all likely" ×2, blank ×2.
  const rows: [string[], number][] = [
    [['1', 'Yes', 'Yes', 'No', 'Pay', 'Team', 'Work', '10 - Extremely likely'], 5],
    [['2', 'Yes', 'Yes', 'No', 'Pay', 'Team', 'Work', '9'], 1],
    [['3', 'Yes', 'No', 'No', 'Pay', 'Team', 'Work', '9'], 1],
    [['4', 'Yes', 'No', 'No', 'Team', 'Pay', '', '9'], 2],
    [['5', 'Yes', 'No', 'No', 'Team', 'Pay', '', '8'], 2],
    [['6', 'No', 'No', 'Yes', 'Team', 'Pay', '', '8'], 1],
    [['7', 'No', 'No', 'Yes', 'Work', 'Team', 'Pay', '7'], 2],
    [['8', 'No', 'No', 'Yes', 'Work', 'Team', 'Pay', '5'], 1],
    [['9', 'No', 'No', 'No', 'Work', 'Team', 'Pay', '5'], 1],
    [['10', 'No', 'No', 'No', 'Work', 'Team', 'Pay', '0 - Not at all likely'], 2],
    [['11', '', '', '', '', '', '', ''], 2],
  ];
  // Row ids repeat, so they are not an identifier; only "id" as a name makes the column meta.
  const survey = buildSurvey(csv(header, rows));

  it('the Yes/No columns are one multi-select: "No" is "not chosen", and a respondent who said No to all answered', () => {
    const tools = question(survey, 'tools');
    expect(tools.kind).toBe('multi');
    expect(memberCounts(tools)).toEqual({ Git: 11, Docker: 6, Make: 4 });
    expect(tools.answeredCount).toBe(18);
  });

  it('the rank columns are one ranking: Pay first for 7, Team first for 5, Work first for 6', () => {
    const rank = question(survey, 'rank');
    expect(rank.kind).toBe('ranking');
    if (rank.kind !== 'ranking') return;
    expect(rank.layout).toBe('rank-columns');
    expect(rank.answeredCount).toBe(18);
    const firsts = Object.fromEntries(rank.options.map((option, k) => [option.value, rank.ranks[k].filter((r) => r === 1).length]));
    expect(firsts).toEqual({ Pay: 7, Team: 5, Work: 6 });
    const payIndex = rank.options.findIndex((option) => option.value === 'Pay');
    // Pay: rank 1 ×7, rank 2 ×5, rank 3 ×6.
    expect([1, 2, 3].map((r) => rank.ranks[payIndex].filter((x) => x === r).length)).toEqual([7, 5, 6]);
  });

  it('the 0–10 scale is likert in its own numbers, with a Net Promoter Score of (9 − 4) / 18 = +27.8', () => {
    const nps = question(survey, 'nps');
    expect(nps.kind).toBe('likert');
    if (nps.kind !== 'likert') return;
    expect(nps.scores).toEqual([0, 5, 7, 8, 9, 10]);
    expect(nps.options.map((option) => option.label)).toEqual(['0 - Not at all likely', '5', '7', '8', '9', '10 - Extremely likely']);
    expect(nps.netPromoter).toBe(true);
    const extras = likertExtras(nps, selectAll(survey.size), DEFAULT_SETTINGS);
    const score = extras.find((extra) => extra.measure === 'nps');
    // Promoters (9–10): 5 + 4 = 9; detractors (0–6): 2 + 2 = 4; of 18.
    expect(score && 'estimate' in score ? score.estimate.estimate : NaN).toBeCloseTo(((9 - 4) / 18) * 100, 10);
    const mean = extras.find((extra) => extra.measure === 'mean');
    // (10×5 + 9×4 + 8×3 + 7×2 + 5×2 + 0×2) / 18 = 134 / 18.
    expect(mean && 'estimate' in mean ? mean.estimate.estimate : NaN).toBeCloseTo(134 / 18, 10);
  });
});

describe('Google Forms single choice with typed-in "Other" answers, free text with a long tail, personal data', () => {
  // Role: Developer 25, Manager 20, Designer 8, and 7 different typed answers once each → 60 answered.
  const typed = ['Chief tinkerer', 'I do a bit of everything', 'Student (PhD)', 'Researcher', 'Consultant, freelance', 'DevRel', 'Data wrangler'];
  // Comment: 35 different sentences, 5 of them twice → 40 answered, 35 distinct.
  const comments = Array.from({ length: 35 }, (_, k) => `Comment number ${k + 1} about the tool`);
  const rows: [string[], number][] = [
    [['Developer', comments[0], 'ana@example.org'], 25],
    [['Manager', comments[1], 'ben@example.com'], 20],
    [['Designer', comments[2], 'cho@example.net'], 8],
    ...typed.map((role, k): [string[], number] => [[role, comments[3 + k], ''], 1]),
  ];
  // Make 35 distinct comments over 60 rows: rewrite comments so rows 1–40 carry them (35 distinct, 5 repeated) and 41–60 are blank.
  const flat = rows.flatMap(([cells, times]) => Array.from({ length: times }, () => [...cells]));
  flat.forEach((cells, i) => (cells[1] = i < 35 ? comments[i] : i < 40 ? comments[i - 35] : ''));
  const survey = buildSurvey(
    csv(
      ['What is your role?', 'Anything else?', 'Contact (optional)'],
      flat.map((cells) => [cells, 1]),
    ),
  );

  it('the role is a single choice of three options plus "Other (written in)" for 7, and the typed answers stay readable as text', () => {
    const role = survey.questions[0];
    expect(role.kind).toBe('single');
    expect(choiceCounts(role)).toEqual({ Developer: 25, Manager: 20, Designer: 8, 'Other (written in)': 7 });
    const writtenIn = question(survey, `${role.id}_written_in`);
    expect(writtenIn.kind).toBe('text');
    expect(writtenIn.kind === 'text' && writtenIn.values.filter(Boolean).sort()).toEqual([...typed].sort());
  });

  it('the comments (35 distinct of 40) are text, not a chart of 35 bars', () => {
    expect(survey.questions.find((q) => q.label === 'Anything else?')!.kind).toBe('text');
  });

  it('a column of e-mail addresses is marked personal, with the reason', () => {
    const contact = survey.questions.find((q) => q.label === 'Contact (optional)')!;
    expect(contact.personal).toBe('53 of 53 answers are e-mail addresses');
  });
});

describe('Typeform: one respondent under a one-row header whose option columns repeat their header', () => {
  const text = readFileSync(path.resolve(__dirname, '../../fixtures/typeform-one-row.csv'), 'utf8');
  const survey = buildSurvey(text);

  it('keeps the respondent (the row holds a timestamp, an id and a score: answers, not labels) and says why', () => {
    expect(survey.size).toBe(1);
    expect(survey.layout).toMatchObject({ kind: 'single-row', rows: 1 });
    expect(survey.layout.reason).toMatch(/line 2 holds 3 answers/);
    expect(
      ['#', 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'].map((name) => survey.questions.find((q) => q.source.columns[0] === name)!.kind),
    ).toEqual(['meta', 'meta', 'meta', 'meta']);
  });
});

describe('pandas: a file written back with its index', () => {
  // The index column has no header; its values are the kept rows' numbers, each once.
  const survey = buildSurvey(
    csv(
      ['', 'Do you use R?'],
      [
        [['0', 'Yes'], 1],
        [['1', 'No'], 1],
        [['3', 'Yes'], 1],
        [['7', 'Yes'], 1],
      ],
    ),
  );

  it('keeps the nameless first column as meta "Row number" instead of dropping it', () => {
    expect(survey.questions.map((q) => [q.label, q.kind])).toEqual([
      ['Row number', 'meta'],
      ['Do you use R?', 'single'],
    ]);
  });
});
