import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, so `.data/` and `prisma/` resolve the same whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function fromRepoRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(repoRoot, p);
}
