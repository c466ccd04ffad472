/** How the benchmark's child processes hand back what they measured, and how the parent starts them. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Codebook } from '../../lib/survey/codebook-schema';
import { readCodebookFile } from '../../lib/store/read-codebook-file';

const MARK = 'BENCH_RESULT ';
const here = path.dirname(fileURLToPath(import.meta.url));

export function printResult(result: unknown): void {
  process.stdout.write(`${MARK}${JSON.stringify(result)}\n`);
}

export function readCodebook(file: string): Codebook {
  const read = readCodebookFile(file);
  if ('error' in read) throw new Error(read.error);
  return read.codebook;
}

/**
 * Runs scripts/bench/<script> in a fresh Node process (TypeScript through tsx) and returns what it
 * printed after BENCH_RESULT; its other output goes to this process's stderr. Throws with the
 * child's exit code when it fails, so one failed run is reported, not averaged in.
 */
export function runChild<T>(script: string, args: string[], options: { env?: Record<string, string>; nodeFlags?: string[] } = {}): T {
  const child = spawnSync(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', path.join(here, script), ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const line = child.stdout.split('\n').find((candidate) => candidate.startsWith(MARK));
  if (child.status !== 0 || !line)
    throw new Error(`${script} ${args.join(' ')} failed (exit ${child.status ?? child.signal})${child.stdout ? `: ${child.stdout.slice(-500)}` : ''}`);
  return JSON.parse(line.slice(MARK.length)) as T;
}
