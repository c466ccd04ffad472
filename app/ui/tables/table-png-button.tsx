'use client';

import { useState } from 'react';
import { toPng } from 'html-to-image';
import { saveDownload } from '../charts/save-download';
import { InlineError } from '../layout/inline-error';

/** The crosstabs on screen as one PNG, drawn by html-to-image, with the filter sentence above them. */
export function TablePngButton({ targetId, fileName }: { targetId: string; fileName: string }) {
  const [error, setError] = useState<string>();
  const download = async () => {
    setError(undefined);
    try {
      const target = document.getElementById(targetId);
      if (!target) throw new Error('there is no table on the page yet');
      const background = getComputedStyle(document.body).backgroundColor;
      const url = await toPng(target, { pixelRatio: 2, backgroundColor: background, style: { padding: '16px' } });
      saveDownload(url, fileName);
    } catch (problem) {
      setError(`Could not make the PNG: ${(problem as Error).message}.`);
    }
  };
  return (
    <>
      <button type="button" className="button button--small" onClick={download}>
        PNG
      </button>
      <InlineError message={error} />
    </>
  );
}
