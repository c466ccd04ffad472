import { saveDatasetCodebook } from '@/lib/store/save-codebook';
import { WriteError } from '@/lib/store/write-error';
import { findDatasetBySegment } from '../../../_server/resolve-dataset';
import { answerWrite, guardWrite, refuse } from '../../../_server/write-guard';

interface Props {
  params: Promise<{ dataset: string }>;
}

/** "Edit questions" saved: the reviewed codebook only; the data files are never touched. */
export async function PUT(request: Request, { params }: Props): Promise<Response> {
  const refused = guardWrite(request);
  if (refused) return refused;
  const dataset = findDatasetBySegment((await params).dataset);
  if (!dataset) return refuse(404, 'Not found.');
  return answerWrite(async () => {
    const body = await request.json().catch(() => {
      throw new WriteError(400, 'The save request is not JSON.');
    });
    return saveDatasetCodebook(dataset, body);
  });
}
