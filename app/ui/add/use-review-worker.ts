'use client';

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { IngestIssue } from '@/lib/csv/ingest-issue';
import type { Codebook } from '@/lib/survey/codebook-schema';
import type { ReadProgress, ReviewModel } from '@/lib/view/figures/review-session';
import type { WorkerFile, WorkerReply, WorkerRequest } from './worker-messages';

export interface ReviewState {
  phase: 'idle' | 'reading' | 'review';
  progress?: ReadProgress;
  model?: ReviewModel;
  chart?: Extract<WorkerReply, { type: 'chart' }>;
  error?: { message: string; issues: IngestIssue[] };
  /** How long the worker took from the first byte to the review (ms). */
  readMs?: number;
}

/**
 * The review's worker: one per survey being read. Cancel ends it at once (terminate) and the
 * next read starts a new one, so a cancelled read can never post late.
 */
export function useReviewWorker() {
  const worker = useRef<Worker | undefined>(undefined);
  const [state, setState] = useState<ReviewState>({ phase: 'idle' });

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = undefined;
  }, []);
  useEffect(() => stop, [stop]);

  const send = (request: WorkerRequest) => worker.current?.postMessage(request);

  const read = useCallback(
    (files: WorkerFile[], codebook: Codebook, maxBytes: number) => {
      stop();
      const created = new Worker(new URL('./read-survey.worker.ts', import.meta.url), { type: 'module' });
      worker.current = created;
      created.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (worker.current !== created) return;
        if (reply.type === 'progress') setState((current) => ({ ...current, progress: reply.progress }));
        // The review and a chart are rendered as transitions: React renders them in slices, so no main-thread task runs long.
        else if (reply.type === 'review')
          startTransition(() =>
            setState((current) => ({ ...current, phase: 'review', model: reply.model, error: undefined, ...(reply.readMs ? { readMs: reply.readMs } : {}) })),
          );
        else if (reply.type === 'chart') startTransition(() => setState((current) => ({ ...current, chart: reply })));
        else setState((current) => ({ ...current, phase: current.model ? 'review' : 'idle', error: { message: reply.message, issues: reply.issues } }));
      };
      created.onerror = (event) => setState({ phase: 'idle', error: { message: `The reader stopped: ${event.message || 'unknown error'}`, issues: [] } });
      setState({
        phase: 'reading',
        progress: { file: 0, files: files.length, bytes: 0, totalBytes: files.reduce((sum, file) => sum + file.size, 0), rows: 0, pass: 1, stage: 'reading' },
      });
      created.postMessage({ type: 'read', files, codebook, maxBytes } satisfies WorkerRequest);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ phase: 'idle' });
  }, [stop]);

  const apply = useCallback((codebook: Codebook) => send({ type: 'apply', codebook }), []);
  const draw = useCallback((id: string) => send({ type: 'draw', id }), []);
  const fail = useCallback((message: string) => setState((current) => ({ ...current, error: { message, issues: [] } })), []);

  return { state, read, cancel, apply, draw, fail };
}
