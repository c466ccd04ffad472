'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ReviewModel } from '@/lib/view/figures/review-session';
import { ReadError } from './read-error';
import { ReadProgress } from './read-progress';
import { postJson, uploadFiles, type UploadProgress } from './upload-files';
import type { PickedFile } from './wave-names';

/** A title from the file names: `Learning R Internet Survey - Form Responses 1.tsv` → `Learning R Internet Survey - Form Responses 1`; a year alone (`2020.csv`) gives none. */
function titleOf(names: readonly string[]): string {
  const stems = names.map((name) =>
    name
      .replace(/\.(?:csv|tsv|txt)(?:\.gz)?$/i, '')
      .replace(/(?:^|[^0-9])(?:19|20)\d\d(?![0-9])/g, ' ')
      .replace(/[_]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[-.\s]+|[-.\s]+$/g, ''),
  );
  return stems.find((stem) => stem !== '') ?? '';
}

type Phase = { step: 'ready' } | { step: 'sending'; progress: UploadProgress } | { step: 'checking' } | { step: 'failed'; message: string };

/**
 * Step 4: the original files sent byte for byte with upload progress, then the reviewed codebook
 * and what the review showed; the server reads the files again, checks them against the review,
 * and the dataset's overview opens.
 */
export function SaveSurvey({ files, model, onSaving }: { files: readonly PickedFile[]; model: ReviewModel; onSaving: (saving: boolean) => void }) {
  const router = useRouter();
  const [title, setTitle] = useState(() => titleOf(files.map((entry) => entry.file.name)));
  const [phase, setPhase] = useState<Phase>({ step: 'ready' });
  const busy = phase.step === 'sending' || phase.step === 'checking';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    onSaving(true);
    setPhase({ step: 'sending', progress: { bytes: 0, totalBytes: files.reduce((sum, entry) => sum + entry.file.size, 0) } });
    try {
      const upload = await uploadFiles(
        files.map((entry) => entry.file),
        (progress) => setPhase({ step: 'sending', progress }),
      );
      setPhase({ step: 'checking' });
      const { id } = await postJson<{ id: string }>(`/add/uploads/${upload}`, 'POST', {
        title,
        waves: files.map((entry, index) => ({ id: entry.wave, file: index })),
        codebook: model.codebook,
        fingerprints: model.fingerprints,
      });
      router.push(`/${encodeURIComponent(id)}`);
    } catch (error) {
      onSaving(false);
      setPhase({ step: 'failed', message: `The survey was not saved: ${(error as Error).message}` });
    }
  };

  return (
    <form className="card save-survey" onSubmit={save} aria-labelledby="save-survey-title">
      <h2 id="save-survey-title">Save it as a dataset</h2>
      <label className="save-survey__title">
        Survey title{' '}
        <input
          value={title}
          placeholder="The survey's name on the dashboard"
          required
          maxLength={200}
          disabled={busy}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <p className="small muted">
        The {files.length === 1 ? 'file is' : `${files.length} files are`} sent as {files.length === 1 ? 'it is' : 'they are'}, with the questions as reviewed
        above. The server reads {files.length === 1 ? 'it' : 'them'} again and saves only if it finds what this review shows.
      </p>
      {phase.step === 'failed' && <ReadError message={phase.message} />}
      {phase.step === 'sending' && (
        <ReadProgress
          label="Sending your files to the server"
          progress={{ file: 0, files: 1, bytes: phase.progress.bytes, totalBytes: phase.progress.totalBytes, rows: 0, pass: 1, stage: 'reading' }}
        />
      )}
      {phase.step === 'checking' && (
        <p role="status" className="save-survey__checking">
          Files sent. The server is reading them again to check them against the review…
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy || title.trim() === ''}>
        Save survey
      </button>
    </form>
  );
}
