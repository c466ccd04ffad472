export interface Stat {
  label: string;
  value: string;
  /** An interval or a caveat, in small print under the value. */
  detail?: string;
  /** The figure the question is read by (a Net Promoter Score): drawn larger, in the accent. */
  headline?: boolean;
}

export function StatList({ stats, label }: { stats: readonly Stat[]; label: string }) {
  return (
    <dl className="stat-list" aria-label={label}>
      {stats.map((stat) => (
        <div className={stat.headline ? 'stat stat--headline' : 'stat'} key={stat.label}>
          <dt>{stat.label}</dt>
          <dd>
            {stat.value}
            {stat.detail && <span className="stat__detail">{stat.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
