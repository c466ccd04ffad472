export interface Stat {
  label: string;
  value: string;
}

export function StatList({ stats, label }: { stats: readonly Stat[]; label: string }) {
  return (
    <dl className="stat-list" aria-label={label}>
      {stats.map((stat) => (
        <div className="stat" key={stat.label}>
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
