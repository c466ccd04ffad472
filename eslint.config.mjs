import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The floors of the house (../shared/STYLE.md): imports run one way, down. A floor may import any
 * floor below it, never one above; lint fails on an upward import and on any cycle.
 *
 *   app, bin, server   the edges: URLs and pages, the command line, the production server
 *   lib/store          node-only: datasets on disk, the survey store and its cache, secrets
 *   lib/view           what a page shows: state/ (the URL), figures/ (page models), words/, responses/
 *   lib/analysis       selection, figures, statistics, disclosure
 *   lib/survey         the survey model: inference, codebook, columns, wave links
 *   lib/csv            bytes in, records out; safe CSV writing
 */
const FLOORS = ['lib/csv', 'lib/survey', 'lib/analysis', 'lib/view', 'lib/store'];
const EDGES = ['app', 'bin', 'server', 'scripts'];

const upward = FLOORS.flatMap((floor, level) =>
  [...FLOORS.slice(level + 1), ...EDGES].map((above) => ({
    target: `./${floor}`,
    from: `./${above}`,
    message: `${floor} is below ${above}: imports run down the floors (eslint.config.mjs).`,
  })),
);

/** Inside lib/view: words and state know nothing of the page models built from them. */
const VIEW_ROOMS = [
  { target: './lib/view/words', from: './lib/view/figures', message: 'words/ says and lays out; it does not build page models.' },
  { target: './lib/view/words', from: './lib/view/responses', message: 'words/ says and lays out; it does not read responses.' },
  { target: './lib/view/state', from: './lib/view/figures', message: 'state/ is the URL; page models are built from it, not the other way.' },
  { target: './lib/view/state', from: './lib/view/responses', message: 'state/ is the URL; the responses table is built from it.' },
];

/** Client components run in the browser: no node-only store, no server glue. */
const CLIENT = [
  { target: './app/ui', from: './lib/store', message: 'app/ui runs in the browser: lib/store is node-only.' },
  { target: './app/ui', from: './app/_server', message: 'app/ui runs in the browser: app/_server is server glue.' },
  { target: './app/ui', from: './app/_sections', message: 'app/ui is presentation: sections compose it, not the other way.' },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-restricted-paths': ['error', { zones: [...upward, ...VIEW_ROOMS, ...CLIENT] }],
    },
  },
  globalIgnores(['.next/**', 'bin/dist/**', '.next-*/**', 'node_modules/**', 'test-results/**', 'next-env.d.ts', 'coverage/**']),
]);
