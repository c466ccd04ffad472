/**
 * The whole-process floor for `survey-lens schema`: a plain Node process (no TypeScript to
 * compile) that streams the file through papaparse in chunks, counts the rows and exits, as
 * scripts/bench/ingest-child.ts does in its papaparse engine. The parent times the process.
 *
 *   node scripts/bench/papaparse-child.mjs <file.csv>
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

const text = createReadStream(process.argv[2], { highWaterMark: 1024 * 1024 });
text.setEncoding('utf8');
let rows = 0;
Papa.parse(text, {
  delimiter: ',',
  chunk: (results) => {
    rows += results.data.length;
  },
  complete: () => process.stdout.write(`${rows}\n`),
  error: (error) => {
    console.error(error);
    process.exitCode = 1;
  },
});
