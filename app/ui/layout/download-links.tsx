import type { ReactNode } from 'react';

interface DownloadLinksProps {
  /** The export route's CSV and JSON of this view (the page's own query). */
  csvHref: string;
  jsonHref: string;
  /** File name without its extension. */
  fileBase: string;
  /** More downloads after them (the chart's PNG and SVG). */
  children?: ReactNode;
}

/** “Download: CSV JSON …” in a page's toolbar: the figures on screen, as files named for the view. */
export function DownloadLinks({ csvHref, jsonHref, fileBase, children }: DownloadLinksProps) {
  return (
    <span className="toolbar__downloads">
      <span className="muted small">Download:</span>
      <a className="button button--small" href={csvHref} download={`${fileBase}.csv`}>
        CSV
      </a>
      <a className="button button--small" href={jsonHref} download={`${fileBase}.json`}>
        JSON
      </a>
      {children}
    </span>
  );
}
