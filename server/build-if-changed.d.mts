// Types of build-if-changed.mjs, a plain module so that `npm start` runs it without a compiler.
export const BUILD_INPUTS: { folders: string[]; files: string[] };

export const STAMP_FILE: string;

export function stampSources(root: string, env?: Record<string, string | undefined>): Promise<string>;

export function isBuildCurrent(distDir: string, stamp: string): Promise<boolean>;

export function writeStamp(distDir: string, stamp: string): Promise<void>;
