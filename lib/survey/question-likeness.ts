import type { Question, QuestionKind } from './types';

/**
 * Question text as it compares across waves: case, spacing, NBSP and punctuation folded, the
 * numbering tools put in front dropped (`Q3 01—`, `12.`, `q5)`), and answering instructions
 * that change from year to year ("(check all that apply)" / "(select all that apply)") left out.
 */
export function normaliseQuestionText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00a0/g, ' ')
    .toLowerCase()
    .replace(/^\s*q?\d+[a-z]?\s*(?:[.):]\s*|\s+\d+\s*[—–-]\s*|[—–-]\s*)/, '')
    .replace(/\((?:please\s+)?(?:check|select|choose|mark|tick|pick)\b[^)]*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Word-set overlap (Jaccard): 1 for the same words, 0 for none in common. */
export function wordOverlap(a: string, b: string): number {
  const left = new Set(a.split(' ').filter(Boolean));
  const right = new Set(b.split(' ').filter(Boolean));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** The words a question is asked in: its label, or its longer text when the label is only its id. */
export function questionWording(question: Question): string {
  const label = question.label.trim();
  return normaliseQuestionText(label === question.id && question.text ? question.text : label);
}

/** A grid row's own words (the label after its stem), normalised; undefined for a question on its own. */
function gridRow(question: Question): string | undefined {
  if (!question.group || !question.label.startsWith(question.group)) return undefined;
  return normaliseQuestionText(question.label.slice(question.group.length));
}

const COMPATIBLE: Record<QuestionKind, readonly QuestionKind[]> = {
  single: ['single', 'likert'],
  likert: ['single', 'likert'],
  multi: ['multi'],
  ranking: ['ranking'],
  numeric: ['numeric'],
  text: ['text'],
  meta: ['meta'],
};

/** Text this close (word overlap) is the same question reworded: "your company" → "your company or organization". */
export const SAME_WORDING = 0.8;
/** Options this close are the same list, give or take an option added or dropped between years. */
export const SAME_OPTIONS = 0.5;

function optionSet(question: Question): Set<string> {
  return new Set('options' in question ? question.options.map((option) => normaliseQuestionText(option.label)) : []);
}

/** How alike two questions' answer lists are (Jaccard of normalised option labels); 1 when neither has options. */
export function optionOverlap(a: Question, b: Question): number {
  const left = optionSet(a);
  const right = optionSet(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const option of left) if (right.has(option)) shared++;
  return shared / (left.size + right.size - shared);
}

export type Likeness = { same: true; wording: number; options: number } | { same: false; why: string };

/**
 * Whether two questions from different waves are the same question: compatible kinds, the same
 * wording (or nearly), and mostly the same options. Says why not, in words, when they are not.
 */
export function compareQuestions(a: Question, b: Question): Likeness {
  if (!COMPATIBLE[a.kind].includes(b.kind)) return { same: false, why: `${a.kind} in one wave, ${b.kind} in the other` };
  const wording = wordOverlap(questionWording(a), questionWording(b));
  if (wording < SAME_WORDING) return { same: false, why: 'the question is worded differently' };
  // Rows of a grid share a long stem: the rows themselves must agree, or every row would match every other.
  const [rowA, rowB] = [gridRow(a), gridRow(b)];
  if (rowA !== undefined && rowB !== undefined && wordOverlap(rowA, rowB) < SAME_WORDING) return { same: false, why: 'another row of the grid' };
  const options = optionOverlap(a, b);
  if (options < SAME_OPTIONS) return { same: false, why: 'the answer options differ' };
  return { same: true, wording, options };
}
