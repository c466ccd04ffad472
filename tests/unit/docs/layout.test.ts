import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGGREGATE_COLUMNS } from '../../../lib/analysis/aggregate-row';
import { CROSSTAB_COLUMNS } from '../../../lib/analysis/crosstab-rows';
import { EXPORT_KEYS, VIEW_KEYS } from '../../../lib/view/state/view-keys';

/**
 * The documentation cannot drift from the tree: the layouts in docs/architecture.md and the
 * README name only paths that exist and every folder that does, every relative link resolves
 * (anchors included), every repository path written in code resolves, and every URL key, CLI flag
 * and download column is documented.
 */
const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const isFolder = (file: string) => existsSync(path.join(root, file)) && statSync(path.join(root, file)).isDirectory();

const DOCS = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

/** The tree as git sees it, without what .gitignore leaves out (tracked and new files alike); without git, the folder less its ignored top-level names. */
function listFiles(): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return listed.split('\0').filter((file) => file !== '' && existsSync(path.join(root, file)));
  } catch {
    const ignored = ['.git', ...read('.gitignore').split('\n')]
      .map((line) => line.trim().replace(/^\/|\/$/g, ''))
      .filter((line) => line && !line.startsWith('#'));
    const skip = (name: string) => ignored.some((pattern) => new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(name));
    const top = readdirSync(root).filter((name) => !skip(name));
    const inside = (name: string) => readdirSync(path.join(root, name), { recursive: true, encoding: 'utf8' }).map((file) => `${name}/${file}`);
    return top.flatMap((name) => (isFolder(name) ? inside(name) : [name])).filter((file) => !isFolder(file));
  }
}

/** The folders directly under `folder` ('' for the top) that hold a file of the tree. */
function foldersUnder(files: readonly string[], folder: string): string[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const names = files
    .filter((file) => file.startsWith(prefix) && file.slice(prefix.length).includes('/'))
    .map((file) => file.slice(prefix.length).split('/')[0]);
  return [...new Set(names)].map((name) => `${prefix}${name}`).sort();
}

/**
 * The paths of the fenced block under a heading: one path a line, two spaces of indent per level
 * inside the folder above (a folder ends with `/`), then what it holds.
 */
function readLayout(file: string, heading: string): string[] {
  const lines = read(file).split('\n');
  const start = lines.indexOf(heading);
  const open = lines.findIndex((line, i) => i > start && line.startsWith('```'));
  const close = lines.findIndex((line, i) => i > open && line.startsWith('```'));
  expect(start, `${file} has a "${heading}" heading`).toBeGreaterThanOrEqual(0);
  const parents: { indent: number; folder: string }[] = [];
  return lines.slice(open + 1, close).map((line) => {
    const indent = line.length - line.trimStart().length;
    const name = line.trim().split(/\s+/)[0];
    while (parents.length > 0 && parents.at(-1)!.indent >= indent) parents.pop();
    const full = `${parents.at(-1)?.folder ?? ''}${name}`;
    if (name.endsWith('/')) parents.push({ indent, folder: full });
    return full.replace(/\/$/, '');
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const headings = withoutCode(markdown, true).match(/^#{1,6} .+$/gm) ?? [];
  return new Set(
    headings.map((heading) => {
      const slug = heading
        .replace(/^#+ /, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
        .replace(/ /g, '-');
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      return count === 0 ? slug : `${slug}-${count}`;
    }),
  );
}

/** Markdown without fenced blocks, and without inline code spans unless they are kept. */
function withoutCode(markdown: string, keepInline: boolean): string {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return keepInline ? prose : prose.replace(/`[^`\n]*`/g, '');
}

const architecture = readLayout('docs/architecture.md', '## Layout');
const readme = readLayout('README.md', "## What's where");
const files = listFiles();

describe('the layouts', () => {
  it.each([
    ['docs/architecture.md', architecture],
    ['README.md', readme],
  ])('%s → every path it names exists', (_file, paths) => {
    expect(paths.filter((named) => !existsSync(path.join(root, named)))).toEqual([]);
  });

  it.each([
    { file: 'docs/architecture.md', paths: architecture, under: ['app', 'lib', 'lib/view', 'tests'] },
    { file: 'README.md', paths: readme, under: ['lib'] },
  ])('$file → names every top-level folder of the tree, and every folder directly under $under', ({ paths, under }) => {
    const missing = ['', ...under].flatMap((folder) => foldersUnder(files, folder)).filter((folder) => !paths.includes(folder));
    expect(missing).toEqual([]);
  });

  it.each([
    ['docs/architecture.md', architecture],
    ['README.md', readme],
  ])('%s → lists the lib floors in the order eslint.config.mjs enforces', (_file, paths) => {
    const floors = [...(/const FLOORS = \[([^\]]*)\]/.exec(read('eslint.config.mjs'))?.[1].matchAll(/'([^']+)'/g) ?? [])].map((match) => match[1]);
    expect(floors.length).toBeGreaterThan(3);
    expect(paths.filter((named) => /^lib\/[^/]+$/.test(named))).toEqual(floors);
  });

  it('docs/architecture.md → states the floors in that order, with the assembler, the key table and the one way to open a view', () => {
    const text = read('docs/architecture.md');
    expect(text).toContain('`lib/csv` < `lib/survey` < `lib/analysis` < `lib/view` < `lib/store`');
    for (const file of ['lib/view/figures/ask-question.ts', 'lib/view/state/view-keys.ts', 'lib/store/open-view.ts', 'eslint.config.mjs'])
      expect(text).toContain(file);
  });
});

describe('links and paths in README.md and docs/', () => {
  it.each(DOCS)('%s → every relative link resolves, anchors included', (file) => {
    const links = [...withoutCode(read(file), false).matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    const broken = links
      .filter((link) => !/^[a-z][a-z0-9+.-]*:/i.test(link))
      .filter((link) => {
        const [target, anchor] = link.split('#');
        const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        if (!existsSync(path.join(root, resolved))) return true;
        return anchor !== undefined && !anchorsOf(read(resolved)).has(anchor);
      });
    expect(broken).toEqual([]);
  });

  it.each(DOCS)('%s → every repository path written in code exists', (file) => {
    const top = foldersUnder(files, '').join('|').replace(/\./g, '\\.');
    const named = [...withoutCode(read(file), true).matchAll(new RegExp(`\`((?:${top})/[^\`\\s]*)\``, 'g'))].map((match) => match[1]);
    expect(named.filter((entry) => !/[<>*…]/.test(entry) && !existsSync(path.join(root, entry)))).toEqual([]);
  });
});

describe('the reference pages hold every key, flag and column', () => {
  it('docs/url-grammar.md → every URL key of VIEW_KEYS and EXPORT_KEYS', () => {
    const text = read('docs/url-grammar.md');
    const keys = [...VIEW_KEYS.map((entry) => entry.key), ...Object.values(EXPORT_KEYS).map((entry) => entry.key)];
    expect(keys.filter((key) => !text.includes(`\`${key}`))).toEqual([]);
  });

  it('docs/cli.md → every command-line flag of VIEW_KEYS and EXPORT_KEYS', () => {
    const text = read('docs/cli.md');
    const flags = [
      ...VIEW_KEYS.flatMap((entry) => entry.flag?.name ?? []),
      ...Object.values(EXPORT_KEYS).flatMap((entry) => ('flag' in entry ? entry.flag : [])),
    ];
    expect(flags.filter((flag) => !text.includes(`\`${flag}`))).toEqual([]);
  });

  it('docs/downloads.md → every column of the aggregated and crosstab downloads', () => {
    const text = read('docs/downloads.md');
    expect([...AGGREGATE_COLUMNS, ...CROSSTAB_COLUMNS].filter((column) => !text.includes(`\`${column}\``))).toEqual([]);
  });
});

it('isFolder(docs/images) → the README screenshot lives under docs/images', () => {
  expect(isFolder('docs/images')).toBe(true);
  expect(read('README.md')).toMatch(/!\[[^\]]+\]\(docs\/images\/[\w-]+\.png\)/);
});
