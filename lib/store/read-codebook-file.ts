import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codebookSchema, type Codebook } from '../survey/codebook-schema';

/**
 * Reads and validates a codebook file (one of the three boundaries validated with zod). Never
 * throws: a missing file, bad JSON or a schema violation comes back as one readable message
 * naming the file (`name`, its base name by default) and the first offending path.
 */
export function readCodebookFile(file: string, name = path.basename(file)): { codebook: Codebook } | { error: string } {
  try {
    const parsed = codebookSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { codebook: parsed.data };
    const first = parsed.error.issues[0];
    return { error: `${name} is invalid at "${first.path.join('.') || '(top)'}": ${first.message}` };
  } catch (error) {
    // The system's message names the server's folders (ENOENT, open '/srv/…'): only its code is said.
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code ? `${name} cannot be read: ${code}` : `${name} cannot be read: not valid JSON (${(error as Error).message})` };
  }
}
