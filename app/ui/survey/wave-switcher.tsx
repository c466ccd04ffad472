import Link from 'next/link';

import type { WavePill } from '@/lib/view/figures/question-waves';

const STATE_NOTE: Record<WavePill['state'], string> = {
  current: '',
  available: '',
  failed: ' (could not be loaded)',
  missing: ' (not asked)',
  different: ' (asked differently)',
};

export function WaveSwitcher({ waves }: { waves: readonly WavePill[] }) {
  if (waves.length === 0) return null;
  return (
    <nav className="wave-switcher" aria-label="Survey waves">
      <span className="wave-switcher__label">{waves.length === 1 ? 'Wave' : 'Waves'}</span>
      <ul>
        {waves.map((wave) => (
          <li key={wave.id}>
            {wave.state === 'missing' ? (
              <span className="wave-pill wave-pill--missing" title="This question is not in that wave">
                {wave.label}
                <span className="visually-hidden">{STATE_NOTE.missing}</span>
              </span>
            ) : (
              <Link
                href={wave.href}
                className={`wave-pill${wave.state === 'failed' ? ' wave-pill--failed' : wave.state === 'different' ? ' wave-pill--missing' : ''}`}
                aria-current={wave.state === 'current' ? 'page' : undefined}
                title={
                  wave.state === 'failed'
                    ? 'This wave could not be loaded'
                    : wave.state === 'different'
                      ? 'In this wave it was asked differently (another question under this number, or another list of answers)'
                      : undefined
                }
                prefetch={false}
              >
                {wave.label}
                {STATE_NOTE[wave.state] && <span className="visually-hidden">{STATE_NOTE[wave.state]}</span>}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
