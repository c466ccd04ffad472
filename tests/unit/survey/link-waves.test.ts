import { describe, expect, it } from 'vitest';
import { buildSurvey } from '../../../lib/survey/build-survey';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import { findLinkedQuestion, linkWaves, type LinkedQuestion, type WaveLinks } from '../../../lib/survey/link-waves';
import { TREND_LINK_WAVES, TREND_LINKS_CODEBOOK, trendLinkWaves } from '../helpers/trend-links-fixture';

/** A group as `wave:id[reason]`, oldest first: short enough to read a whole linking at a glance. */
const chain = (linked: LinkedQuestion | undefined) => linked?.waves.map((link) => `${link.waveId}:${link.questionId}[${link.reason}]`).join(' ');
const chains = (links: WaveLinks) => links.questions.map((linked) => [linked.id, linked.kind, chain(linked)]);

const EDITOR = 'Which editor do you use most?';
const GIT = 'How often do you use each of these tools at work?: Git';
const YEARS = 'How many years have you coded professionally?';

describe('linkWaves on three waves (tests/fixtures/trend-links-*.csv, table in helpers/trend-links-fixture.ts)', () => {
  const links = linkWaves(trendLinkWaves(), TREND_LINKS_CODEBOOK);

  it('linkWaves → ten questions, the latest wave’s first in file order, each linked only where it is the same question', () => {
    // From 2022 back, in 2022's column order; then 2021's one question left unlinked (years, Q7).
    expect(chains(links)).toEqual([
      ['id', 'meta', '2020:id[id and text] 2021:id[id and text] 2022:id[anchor]'],
      ['Q1', 'single', '2020:Q1[id and text] 2021:Q1[id and text] 2022:Q1[anchor]'],
      // (a) the 2020 column `setup` was read as `arrangement` (codebook alias): linked by the codebook
      ['arrangement', 'single', '2020:arrangement[codebook] 2021:arrangement[codebook] 2022:arrangement[anchor]'],
      // (c) team size: Q2 in 2021 and 2020 is the editor question, so 2022's Q2 stands alone
      ['Q2', 'single', '2022:Q2[anchor]'],
      // (b) the editor, renumbered Q2 → Q3 in 2022: found by its text in 2021, then by id and text in 2020
      ['Q3', 'single', '2020:Q2[id and text] 2021:Q2[text only] 2022:Q3[anchor]'],
      // (e) grid rows swapped in 2022: each row follows its own words, never its number
      ['Q5_1', 'likert', '2021:Q5_2[text only] 2022:Q5_1[anchor]'],
      ['Q5_2', 'likert', '2021:Q5_1[text only] 2022:Q5_2[anchor]'],
      // (f) mentoring, asked in 2020 and 2022 only: 2021 is skipped, not a break in the chain
      ['Q6', 'single', '2020:Q6[id and text] 2022:Q6[anchor]'],
      // hours a week (2022) is not years of coding (2020, 2021), though both are Q7
      ['Q7', 'numeric', '2022:Q7[anchor]'],
      ['Q7', 'numeric', '2020:Q7[id and text] 2021:Q7[anchor]'],
    ]);
  });

  it('linkWaves → refused: each wave whose same-id question asks something else, with that question’s id, label and why', () => {
    expect(links.refused).toEqual([
      // (c) 2022 Q2 (team size) against Q2 in 2021 and in 2020: no words in common
      { id: 'Q2', anchorWave: '2022', waveId: '2021', questionId: 'Q2', label: EDITOR, why: 'the question is worded differently' },
      { id: 'Q2', anchorWave: '2022', waveId: '2020', questionId: 'Q2', label: EDITOR, why: 'the question is worded differently' },
      // (e) 2022 Q5_1 (Jira) against 2021 Q5_1 (Git): 11 of 13 words shared (0.85), but another row
      { id: 'Q5_1', anchorWave: '2022', waveId: '2021', questionId: 'Q5_1', label: GIT, why: 'another row of the grid' },
      // 2022 Q5_2 (Git) meets no refusal: 2021's Q5_2 was already taken by Jira, and Git is found by text.
      // hours vs years: {how, many, you} of 12 words (0.25)
      { id: 'Q7', anchorWave: '2022', waveId: '2021', questionId: 'Q7', label: YEARS, why: 'the question is worded differently' },
      { id: 'Q7', anchorWave: '2022', waveId: '2020', questionId: 'Q7', label: YEARS, why: 'the question is worded differently' },
    ]);
  });

  it('linkWaves → every question of every wave is in exactly one group (6 + 7 + 9 columns = 22 links)', () => {
    const linked = links.questions.flatMap((question) => question.waves.map((link) => `${link.waveId}:${link.questionId}`));
    expect(linked).toHaveLength(22);
    expect(new Set(linked).size).toBe(22);
  });

  it.each<[string, string, string | undefined]>([
    // a wave's own id finds the group it is in, whatever the group is called
    ['2021', 'Q2', 'Q3'],
    ['2020', 'Q2', 'Q3'],
    ['2022', 'Q2', 'Q2'],
    ['2021', 'Q5_1', 'Q5_2'],
    ['2021', 'Q7', 'Q7'],
    ['2020', 'setup', undefined],
    ['2021', 'Q6', undefined],
  ])('findLinkedQuestion(links, %s, %s) → the group called %s', (waveId, questionId, groupId) => {
    expect(findLinkedQuestion(links, waveId, questionId)?.id).toBe(groupId);
  });

  it('findLinkedQuestion(links, 2021, Q7) → the years group (2020, 2021), not 2022’s hours', () => {
    expect(chain(findLinkedQuestion(links, '2021', 'Q7'))).toBe('2020:Q7[id and text] 2021:Q7[anchor]');
  });
});

describe('linkWaves on two waves (2021, 2022)', () => {
  const links = linkWaves(trendLinkWaves(['2021', '2022']), TREND_LINKS_CODEBOOK);

  it('linkWaves → the same links as in three waves, less 2020; 2022’s mentoring question on its own', () => {
    expect(chains(links)).toEqual([
      ['id', 'meta', '2021:id[id and text] 2022:id[anchor]'],
      ['Q1', 'single', '2021:Q1[id and text] 2022:Q1[anchor]'],
      ['arrangement', 'single', '2021:arrangement[codebook] 2022:arrangement[anchor]'],
      ['Q2', 'single', '2022:Q2[anchor]'],
      ['Q3', 'single', '2021:Q2[text only] 2022:Q3[anchor]'],
      ['Q5_1', 'likert', '2021:Q5_2[text only] 2022:Q5_1[anchor]'],
      ['Q5_2', 'likert', '2021:Q5_1[text only] 2022:Q5_2[anchor]'],
      ['Q6', 'single', '2022:Q6[anchor]'],
      ['Q7', 'numeric', '2022:Q7[anchor]'],
      ['Q7', 'numeric', '2021:Q7[anchor]'],
    ]);
    expect(links.refused.map((refusal) => `${refusal.id}→${refusal.waveId}:${refusal.questionId}`)).toEqual(['Q2→2021:Q2', 'Q5_1→2021:Q5_1', 'Q7→2021:Q7']);
  });
});

describe('linkWaves and the codebook', () => {
  it('linkWaves(no codebook) → 2020’s `setup` is found by its wording; options Office, Hybrid shared of four (0.5) is enough', () => {
    // Without the alias 2020 keeps the id `setup`; its options {Office, Fully remote, Hybrid} and
    // 2021's {Remote, Office, Hybrid} share 2 of 4.
    const plain: Codebook = { header: TREND_LINKS_CODEBOOK.header };
    const links = linkWaves(trendLinkWaves(TREND_LINK_WAVES, plain), plain);
    expect(chain(findLinkedQuestion(links, '2022', 'arrangement'))).toBe('2020:setup[text only] 2021:arrangement[id and text] 2022:arrangement[anchor]');
  });

  it('linkWaves(a codebook naming Q2) → the codebook’s word is final: Q2 is one question in every wave, reason "codebook"', () => {
    const naming: Codebook = { ...TREND_LINKS_CODEBOOK, questions: { ...TREND_LINKS_CODEBOOK.questions, Q2: { label: 'Named by the codebook' } } };
    const links = linkWaves(trendLinkWaves(TREND_LINK_WAVES, naming), naming);
    expect(chain(findLinkedQuestion(links, '2022', 'Q2'))).toBe('2020:Q2[codebook] 2021:Q2[codebook] 2022:Q2[anchor]');
    expect(links.refused.filter((refusal) => refusal.id === 'Q2')).toEqual([]);
  });
});

describe('linkWaves by wording', () => {
  const wave = (id: string, csv: string) => ({ id, survey: buildSurvey(csv, { codebook: { header: { layout: 'ids-and-text', rows: 2 } } }) });
  const answers = 'VS Code\nVim\nEmacs\nVS Code'.split('\n');
  const csvOf = (ids: string[], texts: string[]) => [ids.join(','), texts.join(','), ...answers.map((answer) => ids.map(() => answer).join(','))].join('\n');

  it('linkWaves(two equally good candidates in the older wave) → neither: a tie is not a link', () => {
    const older = wave('2021', csvOf(['A', 'B'], [EDITOR, EDITOR]));
    const newer = wave('2022', csvOf(['C'], [EDITOR]));
    const links = linkWaves([older, newer]);
    expect(chains(links)).toEqual([
      ['C', 'single', '2022:C[anchor]'],
      ['A', 'single', '2021:A[anchor]'],
      ['B', 'single', '2021:B[anchor]'],
    ]);
  });

  it('linkWaves(the same words with "(select one)" and a different number in front) → linked by text only', () => {
    const older = wave('2021', csvOf(['Q4'], ['Q4. Which editor do you use most? (Check one)']));
    const newer = wave('2022', csvOf(['Q9'], ['9) Which editor do you use most? (select one)']));
    expect(chains(linkWaves([older, newer]))).toEqual([['Q9', 'single', '2021:Q4[text only] 2022:Q9[anchor]']]);
  });
});

describe('linkWaves: the same words under another id, with other answers (issue 24, defect 7)', () => {
  // 2020 asks "How satisfied are you with the support?" as q3 in words; 2021 as q5 on 1–10: another list of answers.
  const words = buildSurvey(
    ['id,q1,q2,q3', ...Array.from({ length: 12 }, (_, k) => `${k},a,b,${['Satisfied', 'Neutral', 'Dissatisfied'][k % 3]}`)].join('\n'),
    {
      codebook: { header: { layout: 'single-row' }, questions: { q3: { label: 'How satisfied are you with the support?' } } },
    },
  );
  const numbers = buildSurvey(['id,q5', ...Array.from({ length: 12 }, (_, k) => `${k},${(k % 5) + 6}`)].join('\n'), {
    codebook: { questions: { q5: { label: 'How satisfied are you with the support?', kind: 'likert' } } },
  });
  const links = linkWaves([
    { id: '2020', survey: words },
    { id: '2021', survey: numbers },
  ]);

  it('linkWaves → not linked, but refused with why and the survey.json that joins them, so the wave reads “asked differently”, not “not asked”', () => {
    const refusal = links.refused.find((entry) => entry.id === 'q5' && entry.waveId === '2020');
    expect(refusal).toMatchObject({ anchorWave: '2021', questionId: 'q3', why: 'the answer options barely overlap (0 of 3 in common)' });
    expect(refusal?.join).toBe(
      'if it is the same question, join them in survey.json: "questions": { "q5": { "aliases": ["q3"] } }, and join renamed answers with option aliases ({ "value": "<this wave\'s wording>", "aliases": ["Dissatisfied"] })',
    );
  });
});
