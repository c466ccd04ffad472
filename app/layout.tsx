import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TopBar } from './ui/layout/top-bar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Survey Lens', template: '%s · Survey Lens' },
  description: 'Survey analysis dashboard: survey CSV exports in, charts and tables out.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          Survey Lens — open-source survey analysis. Percentages are of respondents who answered each question.
        </footer>
      </body>
    </html>
  );
}
