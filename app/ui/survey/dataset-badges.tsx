import type { DatasetSource } from '@/lib/store/discover-datasets';

const ORIGIN: Record<DatasetSource['origin'], { label: string; title: string }> = {
  bundled: { label: 'Bundled', title: 'Ships with Survey Lens in data/' },
  external: { label: 'External folder', title: 'Read from a folder listed in SURVEY_LENS_DATA' },
};

export function DatasetBadges({ dataset }: { dataset: Pick<DatasetSource, 'synthetic' | 'origin' | 'codebook'> }) {
  return (
    <div className="dataset-card__badges">
      {dataset.synthetic && <span className="badge badge--synthetic">Synthetic sample</span>}
      <span className="badge" title={ORIGIN[dataset.origin].title}>
        {ORIGIN[dataset.origin].label}
      </span>
      {!dataset.codebook && (
        <span className="badge" title="No survey.json: question kinds and option order were inferred from the data">
          Inferred schema
        </span>
      )}
    </div>
  );
}
