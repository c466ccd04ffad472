import type { Metadata } from 'next';
import { PageNotFound } from './ui/layout/not-found-card';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return <PageNotFound />;
}
