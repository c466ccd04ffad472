// Types of shared-render.mjs, a plain module so that the server runs it without a compiler.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const NONCE: unique symbol;

export function nonceSplitter(nonce: string): { push(chunk: Buffer): (Buffer | typeof NONCE)[]; end(): (Buffer | typeof NONCE)[] };

export function sharedRenderKey(request: IncomingMessage, crawlers: RegExp): string | undefined;

export interface SharedRenderOptions {
  upstream: { host: string; port: number };
  direct: (request: IncomingMessage, response: ServerResponse) => unknown;
  crawlers: RegExp;
  renderers?: number;
  maxWaiting?: number;
  upstreamIdleMs?: number;
  log?: (message: string) => void;
}

export function createSharedRenderHandler(options: SharedRenderOptions): ((request: IncomingMessage, response: ServerResponse) => unknown) & {
  inFlight: Map<string, unknown>;
  queue: unknown[];
  counts: { running: number };
  close: () => void;
};
