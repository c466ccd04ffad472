import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { TopBar } from './ui/layout/top-bar';
import { THEME_SCRIPT } from './ui/layout/theme-script';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Survey Lens', template: '%s · Survey Lens' },
  description: 'Survey analysis dashboard: survey CSV exports in, charts and tables out.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#14213d' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0e13' },
  ],
};

/**
 * The theme the reader chose is applied by an inline script in <head>, before the first paint
 * (no flash of the other theme); React leaves the attribute it sets alone (suppressHydrationWarning).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts's per-request nonce: the Content-Security-Policy runs this inline script and no other.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" data-theme="system" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TopBar />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">Survey Lens — open-source survey analysis. Percentages are of respondents who answered each question.</footer>
      </body>
    </html>
  );
}
