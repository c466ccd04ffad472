/** Placeholders while a wave is parsed (the big shared datasets take seconds the first time). */
export function CardSkeleton({ label }: { label: string }) {
  return (
    <div className="card" aria-busy="true" aria-label={label}>
      <div className="skeleton skeleton-line" style={{ width: '55%', height: 20 }} />
      <div className="skeleton skeleton-line" style={{ width: '30%' }} />
      <div className="skeleton skeleton-line" style={{ width: '90%' }} />
      <div className="skeleton skeleton-block" style={{ height: 72 }} />
      <p className="muted small">{label}</p>
    </div>
  );
}

export function SectionSkeleton({ label }: { label: string }) {
  return (
    <div className="section" aria-busy="true">
      <p className="muted">{label}</p>
      <div className="stat-list">
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className="skeleton" style={{ height: 74 }} />
        ))}
      </div>
      <div className="card-grid">
        {[0, 1, 2, 3].map((key) => (
          <CardSkeleton key={key} label="Loading…" />
        ))}
      </div>
    </div>
  );
}
