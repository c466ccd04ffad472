import Link from 'next/link';
import type { DatasetSource } from '@/lib/store/discover-datasets';
import { formatCounted, formatFigure } from '@/lib/view/words/format-figure';
import { viewDefaultsOf } from '@/lib/view/state/view-defaults';
import { makeViewHrefs } from '@/lib/view/state/write-view-query';
import { getWaveSummary, type WaveSummaryResult } from '../../lib/store/survey-store';
import { Notice } from '../ui/layout/notice';
import { DatasetBadges } from '../ui/survey/dataset-badges';

const formatCount = (value: number) => formatFigure(value, 'count');

function WaveRow({ result }: { result: WaveSummaryResult }) {
  const name = result.wave.label ?? result.wave.id;
  if (!result.ok) {
    return (
      <li className="wave-list__failed">
        <span>
          <span className="wave-list__id">{name}</span> — could not be loaded
        </span>
        <p className="small">{result.message}</p>
      </li>
    );
  }
  return (
    <li>
      <span className="wave-list__id">{name}</span>
      <span>{formatCounted(result.respondents, 'respondent')}</span>
      <span className="muted">{formatCounted(result.questions, 'question')}</span>
    </li>
  );
}

/** One dataset on the home page, from its waves' summaries (cached beside their parse), in its own Suspense boundary. */
export async function DatasetCard({ dataset }: { dataset: DatasetSource }) {
  const results = await Promise.all(dataset.waves.map((wave) => getWaveSummary(dataset, wave)));
  const latest = results.findLast((result) => result.ok);
  const href = makeViewHrefs(dataset.id, viewDefaultsOf(dataset)).paths.overview;
  return (
    <article className="card dataset-card" aria-labelledby={`dataset-${dataset.id}`}>
      <DatasetBadges synthetic={dataset.synthetic} origin={dataset.origin} inferredSchema={!dataset.codebook} />
      <h2 className="dataset-card__title" id={`dataset-${dataset.id}`}>
        <Link href={href}>{dataset.title}</Link>
      </h2>
      <p className="muted">{dataset.description ?? 'No codebook: question kinds and option order were inferred from the data.'}</p>
      {dataset.codebookError && (
        <Notice tone="error" title="The codebook could not be used">
          {dataset.codebookError}
        </Notice>
      )}
      {latest?.ok && (
        <dl className="dataset-card__facts">
          <div>
            <dt>Waves</dt>
            <dd>{results.length}</dd>
          </div>
          <div>
            <dt>Respondents, latest wave</dt>
            <dd>{formatCount(latest.respondents)}</dd>
          </div>
          <div>
            <dt>Questions</dt>
            <dd>{formatCount(latest.questions)}</dd>
          </div>
        </dl>
      )}
      {results.length > 0 && (
        <ul className="wave-list" aria-label={`Waves of ${dataset.title}`}>
          {results.map((result) => (
            <WaveRow key={result.wave.id} result={result} />
          ))}
        </ul>
      )}
    </article>
  );
}
