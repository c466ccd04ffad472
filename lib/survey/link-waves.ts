import type { Codebook } from './codebook-schema';
import { compareQuestions, questionWording, SAME_WORDING, wordOverlap, type Likeness } from './question-likeness';
import type { Question, QuestionKind, Survey } from './types';
import { describeOptionChanges, type OptionChange } from './option-changes';
import { alignWriteIns, type WriteInOptions } from './align-write-ins';

/** Why two waves' questions are one: the codebook says so, or the same id asks the same, or the same wording under another id. */
export type LinkReason = 'codebook' | 'id and text' | 'text only';

export interface WaveLink {
  waveId: string;
  questionId: string;
  /** How this wave was linked to the next one linked after it; 'anchor' for the latest. */
  reason: LinkReason | 'anchor';
}

/** One question through the waves it was asked in, oldest first; its id is the latest wave's. */
export interface LinkedQuestion {
  id: string;
  label: string;
  kind: QuestionKind;
  waves: WaveLink[];
  /** Options added and dropped between linked waves (only waves with a change; absent when none changed). */
  optionChanges?: OptionChange[];
  /** Per wave, typed answers that are options in another linked wave: counted as those options in a trend. */
  writeIns?: Record<string, WriteInOptions>;
}

/** A wave whose question of the same id is a different question: never trended with it. */
export interface RefusedLink {
  /** The linked question's id and the latest wave it is asked in (ids repeat across groups). */
  id: string;
  anchorWave: string;
  waveId: string;
  /** The other question's id in that wave (the same id, a different question). */
  questionId: string;
  label: string;
  why: string;
  /** How a codebook joins them, when it can (the kind changed, the options barely overlap). */
  join?: string;
}

export interface WaveLinks {
  questions: LinkedQuestion[];
  refused: RefusedLink[];
}

interface WaveInput {
  id: string;
  survey: Survey;
}

/** The unlinked question of a wave worded most like this one (and alike enough to be the same), if exactly one is best. */
function findByWording(question: Question, candidates: readonly Question[], used: ReadonlySet<string>): Question | undefined {
  const wording = questionWording(question);
  let best: Question | undefined;
  let bestScore = 0;
  let tie = false;
  for (const candidate of candidates) {
    if (used.has(candidate.id)) continue;
    const likeness = compareQuestions(question, candidate);
    if (!likeness.same) continue;
    const score = wordOverlap(wording, questionWording(candidate)) + likeness.options / 100;
    if (score > bestScore) [best, bestScore, tie] = [candidate, score, false];
    else if (score === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

/** The survey.json lines that make two waves' questions one, for a refusal a codebook can overrule. */
function howToJoin(likeness: Likeness, anchorId: string, otherId: string, other: Question): string | undefined {
  if (likeness.same || !likeness.joinable) return undefined;
  const aliases = otherId === anchorId ? '' : `"aliases": ["${otherId}"]`;
  const entry = likeness.joinable === 'kind' ? `{ "kind": "${other.kind}"${aliases ? `, ${aliases}` : ''} }` : `{ ${aliases} }`;
  const options =
    likeness.joinable === 'options' && 'options' in other && other.options.length > 0
      ? `, and join renamed answers with option aliases ({ "value": "<this wave's wording>", "aliases": ["${other.options[0].value}"] })`
      : '';
  return `if it is the same question, join them in survey.json: "questions": { "${anchorId}": ${entry.replace('{  }', '{}')} }${options}`;
}

/** A question of another id worded the same (a refusal worth saying: tools renumber questions), if any. */
function sameWording(question: Question, candidates: readonly Question[], used: ReadonlySet<string>): Question | undefined {
  const wording = questionWording(question);
  return candidates.find(
    (candidate) =>
      !used.has(candidate.id) &&
      candidate.id !== question.id &&
      wordOverlap(wording, questionWording(candidate)) >= SAME_WORDING &&
      candidate.kind !== 'text' &&
      candidate.kind !== 'meta',
  );
}

/**
 * Which questions of a survey's waves are the same question, so that a trend never joins two
 * different ones. From the latest wave back: the codebook's questions (and its aliases, applied
 * when a wave is read) link by id; otherwise the same id must ask the same (wording and
 * options), or the same wording is found under another id (tools renumber questions between
 * years). A same-id question that asks something else is refused, and said so.
 */
export function linkWaves(waves: readonly WaveInput[], codebook?: Codebook): WaveLinks {
  const used = waves.map(() => new Set<string>());
  const questions: LinkedQuestion[] = [];
  const refused: RefusedLink[] = [];
  for (let a = waves.length - 1; a >= 0; a--) {
    for (const question of waves[a].survey.questions) {
      if (used[a].has(question.id)) continue;
      used[a].add(question.id);
      const links: WaveLink[] = [{ waveId: waves[a].id, questionId: question.id, reason: 'anchor' }];
      let latest = question;
      for (let b = a - 1; b >= 0; b--) {
        const others = waves[b].survey.questions;
        // Ids are followed from the wave linked last: a question renumbered once keeps its new number.
        const sameId = used[b].has(latest.id) ? undefined : others.find((other) => other.id === latest.id);
        let match: Question | undefined;
        let reason: LinkReason | undefined;
        const refuse = (other: Question, likeness: Likeness & { same: false }) => {
          const join = howToJoin(likeness, question.id, other.id, other);
          refused.push({
            id: question.id,
            anchorWave: waves[a].id,
            waveId: waves[b].id,
            questionId: other.id,
            label: other.label,
            why: likeness.why,
            ...(join ? { join } : {}),
          });
        };
        if (sameId && codebook?.questions?.[latest.id]) [match, reason] = [sameId, 'codebook'];
        else if (sameId) {
          const likeness = compareQuestions(latest, sameId);
          if (likeness.same) [match, reason] = [sameId, 'id and text'];
          else refuse(sameId, likeness);
        }
        if (!match) {
          match = findByWording(latest, others, used[b]);
          reason = 'text only';
        }
        if (!match) {
          // The same words under another id, refused for its kind or its options: said, with how a codebook joins them.
          const worded = sameWording(
            latest,
            others.filter((other) => other !== sameId),
            used[b],
          );
          const likeness = worded ? compareQuestions(latest, worded) : undefined;
          if (worded && likeness && !likeness.same && likeness.joinable) refuse(worded, likeness);
        }
        if (!match || !reason) continue;
        used[b].add(match.id);
        links.unshift({ waveId: waves[b].id, questionId: match.id, reason });
        latest = match;
      }
      questions.push(describeLinked(question, links, waves));
    }
  }
  return { questions, refused };
}

/** A linked question with what changed in its options between waves and the write-ins other waves list. */
function describeLinked(question: Question, links: WaveLink[], waves: readonly WaveInput[]): LinkedQuestion {
  const chain = links.map((link) => {
    const survey = waves.find((wave) => wave.id === link.waveId)!.survey;
    return { waveId: link.waveId, survey, question: survey.questions.find((candidate) => candidate.id === link.questionId)! };
  });
  const writeIns = chain.length > 1 ? alignWriteIns(chain) : {};
  const optionChanges = describeOptionChanges(chain);
  return {
    id: question.id,
    label: question.label,
    kind: question.kind,
    waves: links,
    ...(optionChanges.length > 0 ? { optionChanges } : {}),
    ...(Object.keys(writeIns).length > 0 ? { writeIns } : {}),
  };
}

/** The linked question a question id names in a wave (its own id there may differ). */
export function findLinkedQuestion(links: WaveLinks, waveId: string, questionId: string): LinkedQuestion | undefined {
  return links.questions.find((linked) => linked.waves.some((link) => link.waveId === waveId && link.questionId === questionId));
}
