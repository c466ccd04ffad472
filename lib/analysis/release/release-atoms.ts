import type { LikertQuestion, Question, SingleQuestion, Survey } from '../../survey/types';
import { createBitset, fullBitset } from '../../survey/bitset';
import type { Filter } from '../filters';
import { andBits } from '../tally';

type Breakdown = SingleQuestion | LikertQuestion;

/** A breakdown splits respondents into disjoint groups: single choice and scales only (a multi-select's groups overlap). */
export function isBreakdownKind(question: Question): question is Breakdown {
  return question.kind === 'single' || question.kind === 'likert';
}

const codeBits = new WeakMap<Question, Uint32Array[]>();

/** Respondents per answer code of a single-choice question (index 0: no answer), built once per question. */
export function bitsByCode(question: Breakdown): Uint32Array[] {
  let bits = codeBits.get(question);
  if (!bits) {
    bits = Array.from({ length: question.options.length + 1 }, () => createBitset(question.codes.length));
    question.codes.forEach((code, i) => (bits![code][i >>> 5] |= 1 << (i & 31)));
    codeBits.set(question, bits);
  }
  return bits;
}

/** The option codes a breakdown filter keeps: its values (“is one of”), or every other answer (“is not”: never the unanswered). */
function keptCodes(question: Breakdown, filter: Filter): number[] {
  const named = new Set(filter.values);
  return question.options.flatMap((option, index) => (named.has(option.value) === (filter.op === 'in') ? [index + 1] : []));
}

/**
 * The atoms of a public selection: the disjoint groups of the release it is made of — everyone
 * when nothing is filtered, else one group per kept value of the breakdown filtered (per pair of
 * values with two breakdowns). A selection's figures are sums of cells over its atoms, so
 * “Region is Europe or Asia” is Europe's cells plus Asia's, never a count of its own that the
 * noise of its parts could be averaged against (issue 21, attack 7). Filters were checked against
 * the release beforehand (lib/view/state/check-release); one that is not a breakdown's is an error here.
 */
export function releaseAtoms(survey: Survey, filters: readonly Filter[]): Uint32Array[] {
  let atoms = [fullBitset(survey.size)];
  const byQuestion = new Map<string, Filter[]>();
  for (const filter of filters) byQuestion.set(filter.question, [...(byQuestion.get(filter.question) ?? []), filter]);
  for (const [id, own] of byQuestion) {
    const question = survey.questions.find((candidate) => candidate.id === id);
    if (!question || !isBreakdownKind(question) || own.some((filter) => filter.op !== 'in' && filter.op !== 'not'))
      throw new Error(`"${id}" is not a breakdown of this release: a public view filters only breakdowns, with “is” or “is not”`);
    // Several filters on one breakdown keep the codes every one of them keeps.
    const codes = own.map((filter) => keptCodes(question, filter)).reduce((kept, next) => kept.filter((code) => next.includes(code)));
    const groups = bitsByCode(question);
    atoms = atoms.flatMap((atom) => codes.map((code) => andBits(atom, groups[code])));
  }
  return atoms;
}

/** The atoms of one segment of a comparison: each atom of the selection, within the segment's group. */
export function segmentAtoms(atoms: readonly Uint32Array[], segment: Uint32Array): Uint32Array[] {
  return atoms.map((atom) => andBits(atom, segment));
}
