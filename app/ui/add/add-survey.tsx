'use client';

import { useState } from 'react';
import { formatBytes } from '@/lib/csv/csv-input-error';
import { nameWaves } from '@/lib/survey/name-waves';
import { DropZone, SURVEY_FILE_NAME } from './drop-zone';
import { ReadProgress } from './read-progress';
import { ReadError } from './read-error';
import { ReviewPanel } from './review-panel';
import { SaveSurvey } from './save-survey';
import { useReviewWorker } from './use-review-worker';
import { WaveNames, type PickedFile } from './wave-names';

interface AddSurveyProps {
  /** The most the core reads of one file, decompressed (the server's own cap). */
  maxReadBytes: number;
  /** The most the server accepts of one file as sent. */
  maxUploadBytes: number;
  maxFiles: number;
}

/** What is wrong with the picked files before any is read, in words, or undefined. */
function checkPicked(files: readonly File[], { maxUploadBytes, maxFiles }: AddSurveyProps): string | undefined {
  if (files.length > maxFiles) return `A survey brings at most ${maxFiles} files (one per wave); ${files.length} were picked.`;
  const strange = files.find((file) => !SURVEY_FILE_NAME.test(file.name));
  if (strange) return `“${strange.name}” is not a survey export this page reads: pick .csv, .tsv or .txt files, gzipped (.gz) or not.`;
  const empty = files.find((file) => file.size === 0);
  if (empty) return `“${empty.name}” is empty: there is nothing to read.`;
  const big = files.find((file) => file.size > maxUploadBytes);
  if (big) return `“${big.name}” is ${formatBytes(big.size)}, more than ${formatBytes(maxUploadBytes)}, the most this server accepts per file.`;
  return undefined;
}

/**
 * /add: files dropped or picked, read in a Web Worker by the server's own core (nothing is
 * sent), reviewed and corrected, then saved. Several files are the survey's waves, in the order
 * of their names (years).
 */
export function AddSurvey(props: AddSurveyProps) {
  const review = useReviewWorker();
  const [picked, setPicked] = useState<PickedFile[]>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const { state } = review;

  const read = (files: PickedFile[]) => {
    const ordered = [...files].sort((a, b) => a.wave.localeCompare(b.wave, 'en', { numeric: true }));
    setPicked(ordered);
    review.read(
      ordered.map(({ file, wave }) => ({ waveId: wave, name: file.name, size: file.size, file })),
      {},
      props.maxReadBytes,
    );
  };

  const onFiles = (files: File[]) => {
    const wrong = checkPicked(files, props);
    setProblem(wrong);
    review.cancel();
    if (wrong) return setPicked(undefined);
    const waves = nameWaves(files.map((file) => file.name));
    const named = files.map((file, index) => ({ file, wave: waves[index] ?? '' }));
    if (waves.every(Boolean)) read(named);
    else setPicked(named);
  };

  const startOver = () => {
    review.cancel();
    setPicked(undefined);
    setProblem(undefined);
  };

  const naming = picked && state.phase === 'idle' && !state.error && picked.some((entry) => !entry.wave);
  return (
    <div className="add-survey">
      {problem && <ReadError message={problem} />}
      {state.error && <ReadError message={state.error.message} issues={state.error.issues} />}
      {state.phase === 'idle' && !naming && <DropZone onFiles={onFiles} />}
      {naming && <WaveNames files={picked} onRead={read} onCancel={startOver} />}
      {state.phase === 'reading' && state.progress && <ReadProgress progress={state.progress} label="Reading your files in this tab" onCancel={startOver} />}
      {state.phase === 'review' && state.model && picked && (
        <>
          <ReviewPanel
            model={state.model}
            chart={state.chart}
            onChange={review.apply}
            onDraw={review.draw}
            downloadName={`${picked[0].file.name.replace(/\.(?:csv|tsv|txt)(?:\.gz)?$/i, '')}.survey.json`}
          />
          <SaveSurvey files={picked} model={state.model} onSaving={setSaving} />
          {!saving && (
            <p>
              <button type="button" className="link-button" onClick={startOver}>
                Read other files instead
              </button>
            </p>
          )}
        </>
      )}
      {state.readMs !== undefined && state.phase === 'review' && (
        <p className="small muted" data-testid="read-time" data-ms={Math.round(state.readMs)}>
          Read in {(state.readMs / 1000).toFixed(1)} s, in this tab.
        </p>
      )}
    </div>
  );
}
