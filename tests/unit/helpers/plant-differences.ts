import type { MultiQuestion, Question, SingleQuestion, LikertQuestion, Survey } from '../../../lib/survey/types';
import { hasBit } from '../../../lib/survey/bitset';
import type { Rng } from '../../../scripts/generate-sample';

/** Fisher–Yates on a copy: the same labels, dealt to respondents at random (no answer is a label like any other). */
export function shuffledCodes(codes: Uint16Array, rng: Rng): Uint16Array {
  const out = Uint16Array.from(codes);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The survey with some questions replaced (the others shared, never copied). */
export function withQuestions(survey: Survey, replaced: readonly Question[]): Survey {
  const byId = new Map(replaced.map((question) => [question.id, question]));
  return { ...survey, questions: survey.questions.map((question) => byId.get(question.id) ?? question) };
}

/** Members of `bits` (respondent indexes), in a random order. */
function shuffledMembers(bits: Uint32Array, size: number, rng: Rng, keep: (i: number) => boolean): number[] {
  const members: number[] = [];
  for (let i = 0; i < size; i++) if (hasBit(bits, i) && keep(i)) members.push(i);
  for (let i = members.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [members[i], members[j]] = [members[j], members[i]];
  }
  return members;
}

/**
 * The question with `points` more of the group's answering respondents choosing option `index`:
 * that many, drawn at random among the group's respondents who answered without choosing it, now
 * choose it (single choice and Likert: instead of their answer; multi-select: besides theirs, so
 * the base stays). Returns null when too few are left to move.
 */
export function plantDifference(question: Question, index: number, group: Uint32Array, size: number, points: number, rng: Rng): Question | null {
  if (question.kind === 'single' || question.kind === 'likert') {
    const code = index + 1;
    const answered = shuffledMembers(group, size, rng, (i) => question.codes[i] !== 0);
    const candidates = answered.filter((i) => question.codes[i] !== code);
    const moved = Math.ceil((points / 100) * answered.length);
    if (moved > candidates.length) return null;
    const codes = Uint16Array.from(question.codes);
    for (const i of candidates.slice(0, moved)) codes[i] = code;
    return { ...(question as SingleQuestion | LikertQuestion), codes };
  }
  if (question.kind === 'multi') {
    const chose = question.members[index];
    const answered = shuffledMembers(group, size, rng, (i) => hasBit(question.answered, i));
    const candidates = answered.filter((i) => !hasBit(chose, i));
    const moved = Math.ceil((points / 100) * answered.length);
    if (moved > candidates.length) return null;
    const members = Uint32Array.from(chose);
    for (const i of candidates.slice(0, moved)) members[i >>> 5] |= 1 << (i & 31);
    return { ...(question as MultiQuestion), members: question.members.map((bits, k) => (k === index ? members : bits)) };
  }
  throw new Error(`cannot plant a difference in a ${question.kind} question`);
}
