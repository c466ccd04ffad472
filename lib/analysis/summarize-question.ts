import type { Question, QuestionKind, Selection } from '../survey/types';
import type { Bucket } from './bucket';
import { countChoiceOptions, countMultiOptions } from './count-options';
import { rankShares } from './rank-shares';
import { describeNumeric, type NumericSummary } from './describe-numeric';
import { roundPercent, roundSharesToHundred } from './round-shares';

/** A bucket with its display percentage (one decimal, the one rounding rule). */
export interface ShownBucket extends Bucket {
  percent: number;
}

export type QuestionSummary =
  | { type: 'choice'; questionKind: Extract<QuestionKind, 'single' | 'likert' | 'multi'>; base: number; buckets: ShownBucket[]; canExceed100: boolean }
  | { type: 'ranking'; base: number; buckets: ShownBucket[]; meanRank: number[]; ranked: number[]; maxRank: number }
  | { type: 'numeric'; base: number; stats: Omit<NumericSummary, 'bins'>; buckets: ShownBucket[] }
  | { type: 'not-charted'; base: number; reason: string };

function withPercents(buckets: Bucket[], sumTo100: boolean): ShownBucket[] {
  const percents = sumTo100 ? roundSharesToHundred(buckets.map((b) => b.share)) : buckets.map((b) => roundPercent(b.share));
  return buckets.map((bucket, index) => ({ ...bucket, percent: percents[index] }));
}

/**
 * What the dashboard charts for one question and selection; plain data, safe to hand to a
 * client component. Percentages are of respondents who answered the question.
 */
export function summarizeQuestion(question: Question, selection: Selection): QuestionSummary {
  switch (question.kind) {
    case 'single':
    case 'likert': {
      const { buckets, base } = countChoiceOptions(question, selection);
      return { type: 'choice', questionKind: question.kind, base, buckets: withPercents(buckets, true), canExceed100: false };
    }
    case 'multi': {
      const { buckets, base } = countMultiOptions(question, selection);
      return { type: 'choice', questionKind: 'multi', base, buckets: withPercents(buckets, false), canExceed100: true };
    }
    case 'ranking': {
      const shares = rankShares(question, selection);
      return { type: 'ranking', base: shares.base, buckets: withPercents(shares.first, false), meanRank: shares.meanRank, ranked: shares.ranked, maxRank: question.maxRank };
    }
    case 'numeric': {
      const { bins, ...stats } = describeNumeric(question, selection);
      return { type: 'numeric', base: stats.count, stats, buckets: withPercents(bins, false) };
    }
    case 'text':
      return { type: 'not-charted', base: question.answeredCount, reason: 'Free-text answers are not charted or aggregated; read them in the responses table.' };
    case 'meta':
      return { type: 'not-charted', base: question.answeredCount, reason: 'Identifiers, timestamps and other response metadata are not charted.' };
  }
}
