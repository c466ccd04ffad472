import type { IngestIssue } from '@/lib/csv/ingest-issue';
import type { Codebook } from '@/lib/survey/codebook-schema';
import type { PublisherQuestions } from '@/lib/survey/publisher-schema';
import type { ReadProgress, ReviewModel, ReviewSession } from '@/lib/view/figures/review-session';

/** A file for the worker: a picked File (read from disk in the worker), or a saved wave's address (fetched there). */
export interface WorkerFile {
  waveId: string;
  name: string;
  size: number;
  file?: Blob;
  url?: string;
  publisher?: PublisherQuestions;
}

export type WorkerRequest =
  { type: 'read'; files: WorkerFile[]; codebook: Codebook; maxBytes: number } | { type: 'apply'; codebook: Codebook } | { type: 'draw'; id: string };

export type WorkerReply =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'review'; model: ReviewModel; readMs?: number }
  | { type: 'chart'; id: string; drawn: ReturnType<ReviewSession['draw']> }
  | { type: 'error'; message: string; issues: IngestIssue[] };
