import Link from 'next/link';
import { ThemeToggle } from './theme-toggle';

function LogoMark() {
  return (
    <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#2b3d66" />
      <rect x="7" y="17" width="4" height="8" rx="1" fill="#7fa7ff" />
      <rect x="14" y="11" width="4" height="14" rx="1" fill="#b9ceff" />
      <rect x="21" y="7" width="4" height="18" rx="1" fill="#fff" />
    </svg>
  );
}

export function TopBar() {
  return (
    <header className="top-bar">
      <div className="top-bar__inner">
        <Link href="/" className="top-bar__brand">
          <LogoMark />
          Survey Lens
        </Link>
        <nav className="top-bar__nav" aria-label="Main">
          <Link href="/">Datasets</Link>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
