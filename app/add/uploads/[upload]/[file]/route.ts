import { receiveFile } from '@/lib/store/stage-upload';
import { WriteError } from '@/lib/store/write-error';
import { answerWrite, guardWrite } from '../../../../_server/write-guard';

interface Props {
  params: Promise<{ upload: string; file: string }>;
}

/** One file's bytes, exactly as picked, streamed to staging under the size limit (never read whole into memory). */
export async function PUT(request: Request, { params }: Props): Promise<Response> {
  const refused = guardWrite(request);
  if (refused) return refused;
  const { upload, file } = await params;
  return answerWrite(async () => {
    if (!/^\d{1,2}$/.test(file)) throw new WriteError(400, 'Files are numbered from 0.');
    if (!request.body) throw new WriteError(400, `File ${Number(file) + 1} is empty: there is nothing to read.`);
    const declared = request.headers.get('content-length');
    const bytes = await receiveFile(upload, Number(file), request.body as unknown as AsyncIterable<Uint8Array>, declared ? Number(declared) : undefined);
    return { bytes };
  });
}
