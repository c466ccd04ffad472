'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Codebook } from '@/lib/survey/codebook-schema';
import { ReadError } from './read-error';
import { ReadProgress } from './read-progress';
import { ReviewPanel } from './review-panel';
import { postJson } from './upload-files';
import { useReviewWorker } from './use-review-worker';
import type { WorkerFile } from './worker-messages';

interface EditQuestionsProps {
  id: string;
  waves: WorkerFile[];
  codebook: Codebook;
  /** Added in the browser: it can be deleted here. */
  uploaded: boolean;
  maxReadBytes: number;
}

/** "Edit questions": the review of /add over a saved dataset's waves (fetched from this server), saving its codebook only. */
export function EditQuestions({ id, waves, codebook, uploaded, maxReadBytes }: EditQuestionsProps) {
  const router = useRouter();
  const review = useReviewWorker();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { state, read } = review;
  useEffect(() => read(waves, codebook, maxReadBytes), [read, waves, codebook, maxReadBytes]);
  const home = `/${encodeURIComponent(id)}`;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      router.push(await work());
    } catch (error) {
      setBusy(false);
      setProblem((error as Error).message);
    }
  };
  const save = () =>
    run(async () => {
      await postJson(`${home}/edit/codebook`, 'PUT', { codebook: state.model!.codebook, fingerprints: state.model!.fingerprints });
      return home;
    });
  const remove = () => {
    if (!window.confirm('Delete this survey and its files from the server? This cannot be undone.')) return;
    void run(async () => {
      await postJson(`${home}/edit/delete`, 'POST');
      return '/';
    });
  };

  return (
    <div className="add-survey">
      {state.error && <ReadError message={state.error.message} issues={state.error.issues} />}
      {problem && <ReadError message={`Nothing was changed: ${problem}`} />}
      {state.phase === 'reading' && state.progress && <ReadProgress progress={state.progress} label="Reading the dataset's files in this tab" />}
      {state.phase === 'review' && state.model && (
        <>
          <ReviewPanel model={state.model} chart={state.chart} onChange={review.apply} onDraw={review.draw} downloadName={`${id}.survey.json`} />
          <div className="toolbar">
            <button type="button" className="button button--primary" disabled={busy} onClick={save}>
              Save questions
            </button>
            {uploaded && (
              <button type="button" className="button" disabled={busy} onClick={remove}>
                Delete this survey
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
