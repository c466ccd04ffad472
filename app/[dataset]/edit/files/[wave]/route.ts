import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { writeAccess } from '@/lib/store/write-access';
import { findDatasetBySegment } from '../../../../_server/resolve-dataset';
import { refuse } from '../../../../_server/write-guard';

interface Props {
  params: Promise<{ dataset: string; wave: string }>;
}

/**
 * A wave's file as stored, for "Edit questions": the browser reads it again in its worker, with
 * the same core, to show the review. Only to a reader who may write (it is the raw microdata).
 */
export async function GET(request: Request, { params }: Props): Promise<Response> {
  const access = writeAccess(request.headers);
  if (!access.allowed) return refuse(access.status, access.reason);
  const { dataset: segment, wave: waveId } = await params;
  const dataset = findDatasetBySegment(segment);
  const wave = dataset?.waves.find((candidate) => candidate.id === decodeURIComponent(waveId));
  if (!wave) return refuse(404, 'Not found.');
  const info = await stat(wave.path).catch(() => undefined);
  if (!info?.isFile()) return refuse(404, 'Not found.');
  return new Response(Readable.toWeb(createReadStream(wave.path)) as ReadableStream, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
