import type { QuestionKind } from '@/lib/survey/types';

export const KIND_NAMES: Record<QuestionKind, string> = {
  single: 'Single choice',
  multi: 'Multiple choice',
  ranking: 'Ranking',
  likert: 'Rating scale',
  numeric: 'Number',
  text: 'Free text',
  meta: 'Metadata',
};

export function KindBadge({ kind }: { kind: QuestionKind }) {
  return (
    <span className="badge badge--kind" title={`Question kind: ${KIND_NAMES[kind].toLowerCase()}`}>
      {KIND_NAMES[kind]}
    </span>
  );
}
