import type { Question, QuestionKind } from './types';

/**
 * Question text as it compares across waves: case, spacing, NBSP and punctuation folded, the
 * numbering tools put in front dropped (`Q3 01—`, `12.`, `q5)`), and answering instructions
 * that change from year to year ("(check all that apply)" / "(select all that apply)") left out.
 */
export function normaliseQuestionText(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(/\u00a0/g, ' ')
      .toLowerCase()
      .replace(/^\s*q?\d+[a-z]?\s*(?:[.):]\s*|\s+\d+\s*[—–-]\s*|[—–-]\s*)/, '')
      .replace(/\((?:please\s+)?(?:check|select|choose|mark|tick|pick)\b[^)]*\)/g, ' ')
      // A scale legend added after the question one year ("…requests?10 - strongly agree, 1 - strongly disagree.").
      .replace(/\d{1,2}\s*[-–=:]\s*[a-z][a-z ]*[,;]\s*\d{1,2}\s*[-–=:]\s*[a-z][a-z ]*\.?/, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
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
/**
 * Lists sharing this much of the shorter one are the same list, grown or trimmed between years
 * (a project list growing 31 → 44 → 91 keeps nearly all of its 31): options added or dropped are
 * said on the trend, not a reason to refuse it.
 */
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

/** Options two questions share (normalised labels), and the size of the shorter list; both 0 when neither has options. */
export function sharedOptions(a: Question, b: Question): { shared: number; shorter: number } {
  const left = optionSet(a);
  const right = optionSet(b);
  let shared = 0;
  for (const option of left) if (right.has(option)) shared++;
  return { shared, shorter: Math.min(left.size, right.size) };
}

export type Likeness = { same: true; wording: number; options: number } | { same: false; why: string; joinable?: 'kind' | 'options' };

/**
 * Whether two questions from different waves are the same question: compatible kinds, the same
 * wording (or nearly), and options that overlap substantially (most of the shorter list). A
 * question with no text in the export (Typeform's option-named columns) is recognised by its
 * options alone, and needs two in common. Says why not, in words, when they are not; `joinable`
 * marks refusals a codebook can overrule (the kind changed, the options barely overlap).
 */
export function compareQuestions(a: Question, b: Question): Likeness {
  const compatible = COMPATIBLE[a.kind].includes(b.kind);
  const kinds = `${a.kind} in one wave, ${b.kind} in the other`;
  // No text to compare: the options are all there is, and a list unlike this one is another question.
  const untitled = (a.untitled === true || b.untitled === true) && 'options' in a && 'options' in b;
  if (untitled && !compatible) return { same: false, why: kinds };
  const wording = untitled ? 1 : wordOverlap(questionWording(a), questionWording(b));
  // Typed text beside a question words itself as that question plus "Other (please specify)": only a near-identical text vs choice is one question asked two ways.
  const typedSide = a.kind === 'text' || b.kind === 'text';
  if (!compatible) return wording < (typedSide ? 0.95 : SAME_WORDING) ? { same: false, why: kinds } : { same: false, why: kinds, joinable: 'kind' };
  if (wording < SAME_WORDING) return { same: false, why: 'the question is worded differently' };
  // Rows of a grid share a long stem: the rows themselves must agree, or every row would match every other.
  const [rowA, rowB] = [gridRow(a), gridRow(b)];
  if (rowA !== undefined && rowB !== undefined && wordOverlap(rowA, rowB) < SAME_WORDING) return { same: false, why: 'another row of the grid' };
  // The same numbers on another scale are other answers: 4 of 5 is not 4 of 10.
  const [rangeA, rangeB] = [a.kind === 'likert' ? a.range : undefined, b.kind === 'likert' ? b.range : undefined];
  if (rangeA && rangeB && (rangeA.min !== rangeB.min || rangeA.max !== rangeB.max))
    return {
      same: false,
      why: `the rating scale changed (${rangeA.min}–${rangeA.max} in one wave, ${rangeB.min}–${rangeB.max} in the other)`,
      joinable: 'options',
    };
  const { shared, shorter } = sharedOptions(a, b);
  const options = shorter === 0 ? (optionSet(a).size === optionSet(b).size ? 1 : 0) : shared / shorter;
  if (options < SAME_OPTIONS || (untitled && shared < 2))
    return {
      same: false,
      why: `the answer options barely overlap (${shared} of ${shorter} in common)`,
      ...(untitled || shorter === 0 ? {} : { joinable: 'options' as const }),
    };
  return { same: true, wording, options };
}
