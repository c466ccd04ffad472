/// <reference lib="webworker" />
/**
 * The Web Worker of /add and "Edit questions": reads the survey's files with the server's own
 * streaming core and inference (lib/view/figures/review-session, one code path), assembles it
 * again under each edit of the codebook, and draws a question through the dashboard's assembler.
 * Nothing here sends a byte anywhere: a dropped file is read from the disk by the browser, a
 * saved wave is fetched from this server.
 */
import type { Codebook } from '@/lib/survey/codebook-schema';
import type { PublisherQuestions } from '@/lib/survey/publisher-schema';
import { ReviewSession, type ReviewSource } from '@/lib/view/figures/review-session';
import type { WorkerReply, WorkerRequest } from './worker-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new ReviewSession();

/**
 * Pieces of at most this many bytes go to the core: Chromium hands a file's stream over in chunks
 * of a megabyte or more, and parsing one is a long stretch with no progress report in between.
 */
const PIECE_BYTES = 64 * 1024;

async function* inPieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) for (let at = 0; at < chunk.length; at += PIECE_BYTES) yield chunk.subarray(at, at + PIECE_BYTES);
}

/**
 * How far reading runs ahead of parsing. A Blob's stream reads the next chunk from the disk only
 * when asked, a round trip to the browser process each time: without a queue the worker sat idle
 * for a fifth of Kaggle 2022's read (556 of 2,646 ms in a CPU profile). Bounded, so memory
 * stays that of the model, not the file.
 */
const READ_AHEAD_BYTES = 4 * 1024 * 1024;

/** The stream with up to READ_AHEAD_BYTES read before they are asked for. */
function readAhead(stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(undefined, new ByteLengthQueuingStrategy({ highWaterMark: READ_AHEAD_BYTES })));
}

async function* fileBytes(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = readAhead(file.stream()).getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    // A read stopped early (an error, Cancel) also stops the reading ahead.
    await reader.cancel().catch(() => {});
  }
}

async function* fetchedBytes(url: string): AsyncGenerator<Uint8Array> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok || !response.body) throw new Error(`the file could not be fetched (${response.status})`);
  const reader = readAhead(response.body).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
}

function sourceOf(input: { waveId: string; name: string; size: number; file?: Blob; url?: string; publisher?: PublisherQuestions }): ReviewSource {
  return {
    waveId: input.waveId,
    name: input.name,
    size: input.size,
    bytes: () => inPieces(input.file ? fileBytes(input.file) : fetchedBytes(input.url!)),
    ...(input.publisher ? { publisher: input.publisher } : {}),
  };
}

const reply = (message: WorkerReply) => scope.postMessage(message);

function fail(error: unknown): void {
  const issues = (error as { issues?: unknown[] }).issues;
  reply({ type: 'error', message: (error as Error).message ?? String(error), issues: Array.isArray(issues) ? (issues as never[]).slice(0, 20) : [] });
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'read') {
      const started = performance.now();
      const model = await session.read(request.files.map(sourceOf), request.codebook as Codebook, {
        maxBytes: request.maxBytes,
        onProgress: (progress) => reply({ type: 'progress', progress }),
      });
      reply({ type: 'review', model, readMs: performance.now() - started });
    } else if (request.type === 'apply') {
      reply({ type: 'review', model: session.apply(request.codebook as Codebook) });
    } else if (request.type === 'draw') {
      reply({ type: 'chart', id: request.id, drawn: session.draw(request.id) });
    }
  } catch (error) {
    fail(error);
  }
};
