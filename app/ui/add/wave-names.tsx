'use client';

import { useState, type FormEvent } from 'react';
import { isWaveId } from '@/lib/survey/name-waves';

/** A picked file and the wave it is read as. */
export interface PickedFile {
  file: File;
  wave: string;
}

/** Several files, some without a year of their own in their names: the page asks what each wave is called before reading. */
export function WaveNames({ files, onRead, onCancel }: { files: readonly PickedFile[]; onRead: (files: PickedFile[]) => void; onCancel: () => void }) {
  const [names, setNames] = useState(() => files.map((entry) => entry.wave));
  const bad = names.findIndex((name) => !isWaveId(name));
  const repeated = names.findIndex((name, index) => names.indexOf(name) !== index);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (bad < 0 && repeated < 0) onRead(files.map((entry, index) => ({ ...entry, wave: names[index] })));
  };
  return (
    <form className="card wave-names" onSubmit={submit}>
      <h2>Name the waves</h2>
      <p>
        These {files.length} files are read as waves of one survey. Not every file name holds a year of its own: give each wave a short name (a year, or
        letters, digits, dots and dashes).
      </p>
      <ol>
        {files.map((entry, index) => (
          <li key={entry.file.name}>
            <label>
              Wave name for {entry.file.name}{' '}
              <input
                value={names[index]}
                required
                maxLength={40}
                pattern="[\w.\-]{1,40}"
                onChange={(event) => setNames((current) => current.map((name, at) => (at === index ? event.target.value.trim() : name)))}
              />
            </label>
          </li>
        ))}
      </ol>
      {repeated >= 0 && names[repeated] !== '' && <p className="error-text">Two files are named “{names[repeated]}”: each wave needs a name of its own.</p>}
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={bad >= 0 || repeated >= 0}>
          Read the files
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
