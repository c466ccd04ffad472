// Types of shared-render.mjs, a plain module so that the server runs it without a compiler.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sharedRenderKey(request: IncomingMessage): string | undefined;

export interface SharedRenderOptions {
  upstream: { host: string; port: number };
  direct: (request: IncomingMessage, response: ServerResponse) => unknown;
  renderers?: number;
}

export function createSharedRenderHandler(options: SharedRenderOptions): ((request: IncomingMessage, response: ServerResponse) => unknown) & {
  inFlight: Map<string, unknown>;
  queue: unknown[];
  close: () => void;
};
