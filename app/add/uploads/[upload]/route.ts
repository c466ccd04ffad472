import { commitUpload } from '@/lib/store/commit-upload';
import { discardUpload, stagedDir } from '@/lib/store/stage-upload';
import { WriteError } from '@/lib/store/write-error';
import { answerWrite, guardWrite } from '../../../_server/write-guard';

interface Props {
  params: Promise<{ upload: string }>;
}

/** Saves the upload as a dataset: the reviewed codebook, which file is which wave, and what the review showed. */
export async function POST(request: Request, { params }: Props): Promise<Response> {
  const refused = guardWrite(request);
  if (refused) return refused;
  const { upload } = await params;
  return answerWrite(async () => {
    const body = await request.json().catch(() => {
      throw new WriteError(400, 'The save request is not JSON.');
    });
    return commitUpload(upload, body);
  });
}

/** Cancels an upload: its staging folder goes. */
export async function DELETE(request: Request, { params }: Props): Promise<Response> {
  const refused = guardWrite(request);
  if (refused) return refused;
  const { upload } = await params;
  return answerWrite(async () => {
    stagedDir(upload);
    await discardUpload(upload);
    return { discarded: true };
  });
}
