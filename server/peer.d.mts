import type { IncomingMessage } from 'node:http';

export const PEER_HEADER: 'x-survey-lens-peer';
export function isLoopbackAddress(address: string | undefined): boolean;
export function peerSecret(): string;
export function markPeer(request: IncomingMessage, secret: string): void;
