import { DatasetNotFound as Message } from '../ui/layout/not-found-card';

/** Unknown dataset, or a question that is not in the wave asked for. */
export default function DatasetNotFound() {
  return <Message />;
}
