import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Codebook } from '../../../lib/survey/codebook-schema';
import { linkWaves, type WaveLinks } from '../../../lib/survey/link-waves';
import { loadSurveyFile } from '../../../lib/store/load-survey-file';
import { readCodebookFile } from '../../../lib/store/read-codebook-file';
import type { Survey } from '../../../lib/survey/types';
import { requireShared, SHARED } from '../shared-data';

/**
 * The TODO Group's OSPO survey (../shared/data/todo-ospo, CC-BY-SA 4.0), seven yearly waves whose
 * question numbers change every year and whose ids are reused for other questions. The waves are
 * the files data/_codebooks/todo-ospo.json lists (the 2024 wave is the labelled export,
 * 2024/Raw_Data/raw-data-text.csv). What is and is not the same question comes from an analyst
 * who READ the questionnaires and the exports' headers, wave by wave — not from our linker.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DATASET = path.join(SHARED, 'todo-ospo');
const haveShared = requireShared('the todo-ospo wave-linking tests', DATASET);

type Ids = Partial<Record<'2018' | '2019' | '2020' | '2021' | '2022' | '2023' | '2024', string>>;

/**
 * Questions the analyst found to be the same question, with each wave's id and its text in the
 * export (read from the questionnaires; numbers are Survey Lens's ids for those columns).
 */
const SAME_QUESTIONS: { name: string; waves: Record<string, [id: string, text: string]> }[] = [
  {
    name: 'Open source journey (multi)',
    waves: {
      2018: ['q5', 'Where is your company or organization on its open source journey? (Check all that apply)'],
      2019: ['q4', 'Where is your company or organization on its open source journey? (Check all that apply)'],
      2020: ['q4', 'Where is your company or organization on its open source journey? (Check all that apply)'],
      2021: ['Q1', 'Where is your company or organization on its open source journey? (Check all that apply)'],
      2022: ['Q1', 'Where is your organization on its open source journey? (select all that apply)'],
      2023: ['q1', 'Where is your organization on its open source journey? (select all that apply)'],
      2024: ['q1', 'Where is your organization on its open source journey? (select all that apply)'],
    },
  },
  {
    name: 'Primary responsibilities of the program, 2018-2021 list (multi)',
    waves: {
      2018: ['q10', 'What are the primary responsibilities of the open source program? (Check all that apply)'],
      2019: ['q9', 'What are the primary responsibilities of the open source program? (Check all that apply)'],
      2020: ['q10', 'What are the primary responsibilities of the open source program? (Check all that apply)'],
      2021: ['Q7', 'What are the primary responsibilities of the open source program? (Check all that apply)'],
    },
  },
  {
    name: 'Your role in the program (single)',
    waves: {
      2018: ['q14', 'What is your role in the open source program?'],
      2019: ['q12_1', 'What is your role in the open source program?: Response5'],
      2020: ['q15', 'What is your role in the open source program?'],
      2021: ['Q12', 'What is your role in the open source program?'],
      2022: ['Q13', 'What is your role in the open source program or initiative? (select one)'],
      2023: ['q15', 'What is your role in the open source program or initiative? (select one)'],
    },
  },
  {
    name: 'Ways the program quantifies success (multi)',
    waves: {
      2018: ['q18', 'What are the ways your open source program quantifies success? (Check all that apply)'],
      2019: ['q15', 'What are the ways your open source program quantifies success? (Check all that apply)'],
      2020: ['q20', 'What are the ways your open source program quantifies success? (Check all that apply)'],
      2021: ['Q16', 'What are the ways your open source program quantifies success? (Check all that apply)'],
      2022: ['Q17', 'What are the ways your open source program or initiative quantifies success? (select all that apply)'],
      2023: ['q21', 'What are the ways your open source program or initiative quantifies success? (select all that apply)'],
    },
  },
  {
    name: 'Top three challenges the program faces (multi, pick 3)',
    waves: {
      2018: ['q19', 'What are the top three challenges your open source program faces? (Choose three)'],
      2019: ['q16', 'What are the top three challenges your open source program faces? (Choose three)'],
      2020: ['q21', 'What are the top three challenges your open source program faces? (Choose three)'],
      2021: ['Q17', 'What are the top three challenges your open source program faces? (Choose three)'],
      2022: ['Q18', 'What are the top three challenges your open source program or initiative faces? (select three)'],
      2023: ['q22', 'What are the top three challenges your open source program or initiative faces? (select up to three responses)'],
    },
  },
  {
    name: 'Biggest challenges in establishing a program (multi, pick 3)',
    waves: {
      2018: ['q30', 'What have been the top three biggest challenges in establishing an open source program? (Choose three)'],
      2019: ['q25', 'What have been the top three biggest challenges in establishing an open source program? (Choose three)'],
      2020: ['q32', 'What have been the top three biggest challenges in establishing an open source program? (Choose three)'],
      2021: ['Q26', 'What have been the top three biggest challenges in establishing an open source program? (Choose three)'],
      2022: ['Q26', 'What have been the top three biggest challenges in establishing an open source program or initiative? (select three)'],
      2023: ['q37', 'What have been the top three biggest challenges in establishing an open source program or initiative? (select up to three responses)'],
      2024: ['q45', 'What have been the top three challenges in establishing an OSPO or similar open source initiative? (select up to three responses)'],
    },
  },
  {
    name: 'Role category of respondent, 2018-2021 (single)',
    waves: {
      2018: ['q39', 'Which category most closely defines your role?'],
      2019: ['q46', 'Which category most closely defines your role?: Response84'],
      2020: ['q55', 'Which category most closely defines your role?'],
      2021: ['Q49', 'Which category most closely defines your role?'],
    },
  },
];

/** Every question the analyst found the same across waves (the ones above among them): these may share a group. */
const ANALYST_SAME: Ids[] = [
  { 2018: 'q5', 2019: 'q4', 2020: 'q4', 2021: 'Q1', 2022: 'Q1', 2023: 'q1', 2024: 'q1' }, // Open source journey (multi)
  { 2018: 'q6', 2019: 'q5', 2020: 'q5', 2021: 'Q2' }, // Company size, 2018-2021 buckets (single)
  { 2022: 'Q2', 2023: 'q4', 2024: 'q4' }, // Company size, 2022-2024 buckets (single)
  { 2018: 'q9', 2019: 'q8', 2020: 'q9', 2021: 'Q6', 2022: 'Q6', 2023: 'q9', 2024: 'q12' }, // Has an open source program / OSPO (single)
  { 2018: 'q10', 2019: 'q9', 2020: 'q10', 2021: 'Q7' }, // Primary responsibilities of the program, 2018-2021 list (multi)
  { 2022: 'Q8', 2023: 'q11', 2024: 'q21' }, // Primary/top responsibilities of the OSPO, 2022+ list (multi)
  { 2018: 'q12', 2019: 'q11_1', 2020: 'q13', 2021: 'Q10', 2022: 'Q10', 2023: 'q13', 2024: 'q13' }, // Where the program is located (single)
  { 2018: 'q14', 2019: 'q12_1', 2020: 'q15', 2021: 'Q12', 2022: 'Q13', 2023: 'q15' }, // Your role in the program (single)
  { 2018: 'q16', 2019: 'q13', 2020: 'q18', 2021: 'Q14', 2022: 'Q15', 2023: 'q18', 2024: 'q15' }, // How long ago the program was established (single)
  { 2018: 'q17', 2019: 'q14', 2020: 'q19', 2021: 'Q15', 2022: 'Q16', 2023: 'q20' }, // Areas that benefited from the program (multi)
  { 2018: 'q18', 2019: 'q15', 2020: 'q20', 2021: 'Q16', 2022: 'Q17', 2023: 'q21' }, // Ways the program quantifies success (multi)
  { 2018: 'q19', 2019: 'q16', 2020: 'q21', 2021: 'Q17', 2022: 'Q18', 2023: 'q22' }, // Top three challenges the program faces (multi, pick 3)
  { 2018: 'q20', 2019: 'q17', 2020: 'q22', 2021: 'Q18', 2022: 'Q19' }, // How business-critical the program is, 1-5 (single/ordinal)
  { 2018: 'q23', 2019: 'q19', 2020: 'q25', 2021: 'Q22', 2022: 'Q22', 2023: 'q33', 2024: 'q41' }, // When the company plans to start a program (single)
  { 2020: 'q17', 2021: 'Q13', 2022: 'Q14', 2023: 'q17' }, // Funding likelihood in the coming fiscal year (single)
  { 2018: 'q31', 2019: 'q26', 2020: 'q33', 2021: 'Q27', 2022: 'Q27', 2023: 'q38', 2024: 'q46' }, // Why the organization doesn't have a program (multi)
  { 2018: 'q32', 2019: 'q27', 2020: 'q34', 2021: 'Q28', 2022: 'Q28', 2023: 'q39' }, // Would the company benefit from a program (single)
  { 2018: 'q33', 2019: 'q29', 2020: 'q36', 2021: 'Q30', 2022: 'Q30', 2023: 'q41', 2024: 'q47' }, // Top three ways the company would benefit (multi, pick 3)
  { 2018: 'q30', 2019: 'q25', 2020: 'q32', 2021: 'Q26', 2022: 'Q26', 2023: 'q37', 2024: 'q45' }, // Biggest challenges in establishing a program (multi, pick 3)
  { 2018: 'q28', 2019: 'q23', 2020: 'q30', 2021: 'Q25', 2022: 'Q25', 2023: 'q36' }, // What the company aims to accomplish by starting a program (multi)
  { 2018: 'why_not', 2019: 'why_not', 2020: 'why_not', 2021: 'Q31', 2022: 'Q31', 2023: 'q42' }, // Why the company would not benefit (multi)
  { 2018: 'q35', 2019: 'q37', 2020: 'q45', 2021: 'Q40', 2022: 'Q43', 2023: 'q44', 2024: 'q10' }, // Number of open source projects maintained (single)
  { 2018: 'q36', 2019: 'q38', 2020: 'q46', 2021: 'Q42', 2022: 'Q45', 2023: 'q49' }, // Release frequency of the average dev team (single)
  { 2019: 'q39', 2020: 'q47', 2021: 'Q41', 2022: 'Q44', 2023: 'q45', 2024: 'q11' }, // Developers contributing to depended-on projects (single)
  { 2020: 'q7', 2021: 'Q4', 2022: 'Q46', 2023: 'q46' }, // Share of products with open source components (single)
  { 2018: 'q39', 2019: 'q46', 2020: 'q55', 2021: 'Q49' }, // Role category of respondent, 2018-2021 (single)
  { 2019: 'q33', 2020: 'q40', 2021: 'Q35', 2022: 'Q37' }, // Influence of a company's OSS participation on buying decisions (single)
  { 2019: 'q35', 2020: 'q43', 2021: 'Q38', 2022: 'Q41' }, // Member/sponsor of an open source foundation (single)
  { 2019: 'q18_1', 2020: 'q23', 2021: 'Q20', 2022: 'Q20' }, // Positive impact on software practices (single)
  { 2020: 'q12', 2021: 'Q9', 2022: 'Q9', 2023: 'q12' }, // Employees in the open source program (single)
  { 2020: 'q26', 2021: 'Q23', 2022: 'Q23', 2023: 'q34' }, // Will the planned program be formally structured (single)
  { 2018: 'q25', 2019: 'q21_1', 2020: 'q27', 2021: 'Q24', 2022: 'Q24', 2023: 'q35' }, // Where the planned program will be located (single)
  { 2018: 'q8_2', 2019: 'q7_2', 2020: 'q8_3', 2021: 'Q5_3', 2022: 'Q5_3' }, // Formal policy grid, row 'Releasing open source code or projects' (Yes/No/Don't know)
  { 2018: 'q7_3', 2019: 'q6_3', 2020: 'q6_3', 2021: 'Q3_3', 2022: 'Q4_3' }, // Activities grid, row 'Use open source code in commercial products' (Never…Frequently)
  { 2019: 'q32_4', 2020: 'q39_4', 2021: 'Q32_4', 2022: 'Q32_1' }, // Company open source citizenship grid, row 'Google' (Excellent…Very Poor)
];

/** Ids the analyst found reused for different questions in the waves listed (unless listed as the same above). */
const SAME_ID_DIFFERENT: Ids[] = [
  { 2018: 'q12', 2020: 'q12', 2021: 'Q12', 2023: 'q12', 2024: 'q12' }, // location; employees; role; employees again (2020's); has an OSPO
  { 2018: 'q9', 2019: 'q9', 2021: 'Q9', 2023: 'q9', 2024: 'q9' }, // has a program; responsibilities; employees; has a program again (2018's); upstream policy
  { 2018: 'q5', 2019: 'q5', 2023: 'q5' }, // journey; company size; headquarters region
  { 2020: 'q7', 2021: 'Q7', 2022: 'Q7', 2023: 'q7', 2024: 'q7' }, // five different questions
  { 2019: 'q13', 2020: 'q13', 2021: 'Q13', 2022: 'Q13' }, // established; location; funding; role
  { 2018: 'q17', 2019: 'q17', 2020: 'q17', 2021: 'Q17', 2022: 'Q17', 2024: 'q17' }, // benefits; criticality; funding; challenges; success; security
  { 2018: 'q20', 2019: 'q20', 2020: 'q20', 2021: 'Q20', 2023: 'q20', 2024: 'q20' }, // six different questions
  { 2018: 'q23', 2019: 'q23', 2020: 'q23', 2021: 'Q23', 2023: 'q23' }, // five different questions
  { 2018: 'q35', 2019: 'q35', 2020: 'q35', 2021: 'Q35', 2023: 'q35', 2024: 'q35' }, // six different questions
  { 2019: 'q32_1', 2021: 'Q32_1', 2022: 'Q32_1' }, // one grid, another row: AWS (2019, 2021), Google (2022)
  { 2018: 'q7_2', 2019: 'q7_2' }, // activities grid row (2018), policy grid row (2019)
  { 2018: 'q8_2', 2020: 'q8_2' }, // two different rows of the policy grid
  { 2019: 'q8', 2021: 'Q8', 2022: 'Q8', 2023: 'q8', 2024: 'q8' }, // has a program; structure; responsibilities; policy grid; policy frequency grid
];

const linkOf = (waveId: string, questionId: string) => `${waveId}:${questionId}`;
const membersOf = (links: WaveLinks) => links.questions.map((linked) => new Set(linked.waves.map((link) => linkOf(link.waveId, link.questionId))));
const analystSays = (a: string, b: string) =>
  ANALYST_SAME.some((ids) => Object.entries(ids).some(([w, id]) => linkOf(w, id) === a) && Object.entries(ids).some(([w, id]) => linkOf(w, id) === b));
/** Case, spacing and NBSP folded: enough to tell the analyst's text from another question's. */
const fold = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

describe.skipIf(!haveShared)('linkWaves on the seven TODO OSPO waves (2018–2024)', () => {
  const waves: { id: string; survey: Survey }[] = [];
  let links: WaveLinks = { questions: [], refused: [] };
  let files: string[] = [];
  let groups: Set<string>[] = [];

  beforeAll(async () => {
    const read = readCodebookFile(path.join(root, 'data/_codebooks/todo-ospo.json'));
    if ('error' in read) throw new Error(read.error);
    const codebook: Codebook = read.codebook;
    files = (codebook.waves ?? []).map((wave) => wave.file);
    for (const wave of codebook.waves ?? []) waves.push({ id: wave.id, survey: await loadSurveyFile(path.join(DATASET, wave.file), { codebook }) });
    links = linkWaves(waves, codebook);
    groups = membersOf(links);
  }, 120_000);

  it('the codebook lists the seven waves, 2024 as the labelled export raw-data-text.csv', () => {
    expect(waves.map((wave) => wave.id)).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(files.at(-1)).toBe('2024/Raw_Data/raw-data-text.csv');
  });

  const cases = SAME_QUESTIONS.map(({ name, waves: expected }) => [name, expected] as const);

  it.each(cases)('the analyst’s ids of “%s” name the questions of that text in each wave', (_, expected) => {
    // A check on the test itself: ids of 2018–2020 are Survey Lens's running numbers, which a change to reading could shift.
    for (const [waveId, [id, text]] of Object.entries(expected)) {
      const question = waves.find((wave) => wave.id === waveId)!.survey.questions.find((q) => q.id === id);
      expect(question && fold(question.label), `${waveId}:${id}`).toBe(fold(text));
    }
  });

  it.each(cases)(
    'linkWaves → “%s”: every wave in its groups is one the analyst lists, with the same id, and one group spans 3 waves or more',
    (_, expected) => {
      const listed = new Set(Object.entries(expected).map(([waveId, [id]]) => linkOf(waveId, id)));
      const touched = groups.filter((group) => [...group].some((member) => listed.has(member)));
      for (const group of touched)
        expect(
          [...group].filter((member) => !listed.has(member)),
          'links the analyst does not list',
        ).toEqual([]);
      expect(Math.max(...touched.map((group) => group.size))).toBeGreaterThanOrEqual(3);
    },
  );

  it('linkWaves → q12 is never one question across 2018, 2023 and 2024 (program location; employees; has an OSPO)', () => {
    const q12 = ['2018', '2023', '2024'].map((waveId) => linkOf(waveId, 'q12'));
    for (const group of groups) expect(q12.filter((member) => group.has(member)).length, [...group].join(' ')).toBeLessThanOrEqual(1);
  });

  it('linkWaves → 2024’s q12 is refused against 2018’s q12, which the analyst’s location question (2018 q12 … 2024 q13) takes instead', () => {
    const refusedAgainst2018 = links.refused
      .filter((refusal) => refusal.waveId === '2018' && refusal.questionId === 'q12')
      .map((refusal) => refusal.anchorWave);
    expect(refusedAgainst2018).toEqual(expect.arrayContaining(['2024']));
    const location = links.questions.find((linked) => linked.waves.some((link) => link.waveId === '2024' && link.questionId === 'q13'));
    expect(location?.waves.find((link) => link.waveId === '2018')?.questionId).toBe('q12');
  });

  it('linkWaves → no group joins two questions the analyst found to be different under one reused id', () => {
    const wrong: string[] = [];
    for (const ids of SAME_ID_DIFFERENT) {
      const members = Object.entries(ids).map(([waveId, id]) => linkOf(waveId, id));
      for (const [k, a] of members.entries()) {
        for (const b of members.slice(k + 1)) {
          if (!analystSays(a, b) && groups.some((group) => group.has(a) && group.has(b))) wrong.push(`${a} + ${b}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
