import 'server-only';
import type { DatasetSource } from '@/lib/store/discover-datasets';
import { findDataset } from '../../lib/store/survey-store';

/** Route params may arrive percent-encoded; a malformed escape is kept as written. */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The dataset a URL segment names, as written or decoded. */
export function findDatasetBySegment(segment: string): DatasetSource | undefined {
  return findDataset(segment) ?? findDataset(decodeSegment(segment));
}
