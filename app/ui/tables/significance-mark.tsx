import type { Significance } from '@/lib/analysis/segment-significance';

const MARK = { higher: '▲', lower: '▼' } as const;

/** ▲ or ▼ after a figure that differs significantly from the rest of the selection, said in words to screen readers. */
export function SignificanceMark({ significance, title }: { significance: Significance; title?: string }) {
  if (!significance) return null;
  return (
    <span className={`sig sig--${significance}`} title={title}>
      {' '}
      {MARK[significance]}
      <span className="visually-hidden"> significantly {significance}</span>
    </span>
  );
}
