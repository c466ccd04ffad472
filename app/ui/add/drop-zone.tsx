'use client';

import { useState, type DragEvent } from 'react';

/** File names a survey export comes as: .csv, .tsv, .txt, each maybe gzipped. */
export const SURVEY_FILE_NAME = /\.(?:csv|tsv|txt)(?:\.gz)?$/i;

/**
 * Where files are dropped or picked: a real file input labelled "Survey files" (keyboard and
 * screen readers use it as any input), inside a box that also takes a drop.
 */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  };
  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label className="drop-zone__label" htmlFor="survey-files">
        Survey files
      </label>
      <p className="drop-zone__hint">
        Drop your export here, or pick it: <code>.csv</code>, <code>.tsv</code> or <code>.txt</code>, gzipped or not. Several files of one survey become its
        waves (one per year).
      </p>
      <input
        id="survey-files"
        className="drop-zone__input"
        type="file"
        multiple
        disabled={disabled}
        accept=".csv,.tsv,.txt,.gz,text/csv,text/tab-separated-values,text/plain,application/gzip"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <p className="drop-zone__private small muted">Your files are read here, in this browser tab. Nothing is sent to the server until you press Save.</p>
    </div>
  );
}
