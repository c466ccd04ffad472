import type { ReactNode } from 'react';
import type { DatasetSource } from '@/lib/store/discover-datasets';
import { Breadcrumbs, type Crumb } from '../ui/layout/breadcrumbs';
import { DatasetBadges } from '../ui/survey/dataset-badges';
import { SyntheticBanner } from '../ui/survey/synthetic-banner';
import type { WavePill } from '@/lib/view/figures/question-waves';
import { WaveSwitcher } from '../ui/survey/wave-switcher';

interface DatasetHeadingProps {
  dataset: DatasetSource;
  waves: readonly WavePill[];
  crumbs: readonly Crumb[];
  /** The page's own title; the dataset's title and description when omitted. */
  title?: ReactNode;
  children?: ReactNode;
}

/** The top of every dataset page: where you are, what the data is, which wave, and the synthetic warning. */
export function DatasetHeading({ dataset, waves, crumbs, title, children }: DatasetHeadingProps) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <header className="page-header">
        {title ?? (
          <>
            <DatasetBadges synthetic={dataset.synthetic} origin={dataset.origin} inferredSchema={!dataset.codebook} />
            <h1>{dataset.title}</h1>
            {dataset.description && <p className="lead">{dataset.description}</p>}
          </>
        )}
        {children}
      </header>
      {dataset.synthetic && <SyntheticBanner source={dataset.codebook?.source} />}
      <WaveSwitcher waves={waves} />
    </>
  );
}
