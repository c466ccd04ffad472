import { deleteUploadedDataset } from '@/lib/store/save-codebook';
import { findDatasetBySegment } from '../../../_server/resolve-dataset';
import { answerWrite, guardWrite, refuse } from '../../../_server/write-guard';

interface Props {
  params: Promise<{ dataset: string }>;
}

/** Deletes a survey added in the browser (the page asks for confirmation first). */
export async function POST(request: Request, { params }: Props): Promise<Response> {
  const refused = guardWrite(request);
  if (refused) return refused;
  const dataset = findDatasetBySegment((await params).dataset);
  if (!dataset) return refuse(404, 'Not found.');
  return answerWrite(async () => {
    await deleteUploadedDataset(dataset);
    return { deleted: dataset.id };
  });
}
