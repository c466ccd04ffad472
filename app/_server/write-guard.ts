import 'server-only';
import { headers } from 'next/headers';
import { checkOrigin, writeAccess, type WriteAccess } from '@/lib/store/write-access';
import { WriteError } from '@/lib/store/write-error';

/** Whether the reader of this page may add and edit surveys (lib/store/write-access). */
export async function readWriteAccess(): Promise<WriteAccess> {
  return writeAccess(await headers());
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });

/** A refusal as every write endpoint answers it: `{ error }`, read by the page into its alert. Public mode: a plain 404. */
export function refuse(status: number, message: string): Response {
  if (status === 404) return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return json(status, { error: message });
}

/** The refusal for a write this request may not make (mode, token or loopback, origin), or undefined. */
export function guardWrite(request: Request): Response | undefined {
  const access = writeAccess(request.headers);
  if (!access.allowed) return refuse(access.status, access.reason);
  const origin = checkOrigin(request.headers);
  return origin ? refuse(403, `Refused: ${origin}.`) : undefined;
}

/** Runs a write, answering its result as JSON and a WriteError as `{ error }` with its status. */
export async function answerWrite(work: () => Promise<unknown>): Promise<Response> {
  try {
    return json(200, await work());
  } catch (error) {
    if (error instanceof WriteError) return refuse(error.status, error.message);
    console.error('survey-lens: a write failed:', error);
    return refuse(500, 'The server could not save this. Nothing was changed.');
  }
}
