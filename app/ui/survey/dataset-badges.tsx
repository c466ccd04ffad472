/** Where a dataset was found: in the project's data/ folder, in a folder listed in SURVEY_LENS_DATA, or saved from the browser. */
export type DatasetOrigin = 'bundled' | 'external' | 'uploaded';

const ORIGIN: Record<DatasetOrigin, { label: string; title: string }> = {
  bundled: { label: 'Bundled', title: 'Ships with Survey Lens in data/' },
  external: { label: 'External folder', title: 'Read from a folder listed in SURVEY_LENS_DATA' },
  uploaded: { label: 'Added in the browser', title: 'Saved from “Add a survey” into SURVEY_LENS_UPLOADS (default data/uploads/)' },
};

export function DatasetBadges({ synthetic, origin, inferredSchema }: { synthetic?: boolean; origin: DatasetOrigin; inferredSchema: boolean }) {
  return (
    <div className="dataset-card__badges">
      {synthetic && <span className="badge badge--synthetic">Synthetic sample</span>}
      <span className="badge" title={ORIGIN[origin].title}>
        {ORIGIN[origin].label}
      </span>
      {inferredSchema && (
        <span className="badge" title="No survey.json: question kinds and option order were inferred from the data">
          Inferred schema
        </span>
      )}
    </div>
  );
}
