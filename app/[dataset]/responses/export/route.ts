import { writeSafeCsvLines } from '@/lib/csv/write-safe-csv';
import { readExportKeys } from '@/lib/view/state/view-keys';
import { writeDownloadName } from '@/lib/view/words/download-name';
import { formatAnswer } from '@/lib/view/words/format-answer';
import { buildResponsesView } from '@/lib/view/responses/responses-view';
import { sortRespondents } from '@/lib/view/responses/sort-respondents';
import { hasBit } from '@/lib/survey/bitset';
import { downloadHeaders, openExportView, problem } from '@/app/_server/open-export-view';
import { describePartialRead } from '@/lib/analysis/partial-read';

/** Rows written per chunk of the stream: small enough to start at once, large enough to be quick. */
const CHUNK = 2000;

/**
 * The responses the page lists — its filters, searches and sort — as CSV, streamed a chunk at a
 * time (88,883 rows never sit in memory as one string). The shown columns, or all with `_all=1`;
 * private columns never. Cells a spreadsheet would run as a formula are neutralised, and cells with `;` or tab quoted.
 */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }): Promise<Response> {
  const opened = await openExportView(request, params);
  if (opened instanceof Response) return opened;
  const { url, view } = opened;
  const { dataset, state, defaults, reference } = view;
  const { survey } = reference;
  const { all } = readExportKeys(url.searchParams);
  const responses = buildResponsesView(survey, all ? { ...state, columns: undefined } : state, dataset.codebook, { mode: defaults.disclosure });
  if (responses.refused) return problem(403, responses.refused);
  const columns = all ? responses.available : survey.questions.filter((question) => responses.shown.includes(question.id));
  const sortQuestion = state.sort ? survey.questions.find((question) => question.id === state.sort) : undefined;
  const order = sortQuestion ? sortRespondents(survey, sortQuestion, state.desc) : Uint32Array.from({ length: survey.size }, (_, i) => i);
  const respondents = order.filter((i) => hasBit(responses.selection.bits, i));
  const encoder = new TextEncoder();
  const header = ['respondent', 'line', ...columns.map((question) => question.id)];
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${writeSafeCsvLines([header])}\r\n`));
    },
    pull(controller) {
      if (next >= respondents.length) return controller.close();
      const rows = Array.from(respondents.subarray(next, next + CHUNK), (i) => [
        i + 1,
        survey.lines[i],
        ...columns.map((question) => formatAnswer(question, i, 'file')),
      ]);
      next += CHUNK;
      controller.enqueue(encoder.encode(`${writeSafeCsvLines(rows)}\r\n`));
    },
  });
  const name = writeDownloadName(dataset.id, 'responses', state, defaults, 'csv');
  const partial = describePartialRead(survey);
  return new Response(stream, {
    headers: {
      ...downloadHeaders(name, 'text/csv; charset=utf-8'),
      'x-respondents': String(respondents.length),
      ...(partial ? { 'x-survey-lens-warning': partial.replace(/[^\x20-\x7e]/g, '.') } : {}),
    },
  });
}
