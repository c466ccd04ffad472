import { createUpload, uploadLimit } from '@/lib/store/stage-upload';
import { answerWrite, guardWrite } from '../../_server/write-guard';

/** Starts an upload: a staging folder on the server, named by an id it chose. */
export async function POST(request: Request): Promise<Response> {
  return guardWrite(request) ?? answerWrite(async () => ({ upload: await createUpload(), limit: uploadLimit() }));
}
