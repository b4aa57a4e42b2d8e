/** Paths as reports give them: relative to the working directory, with forward slashes. */
import path from 'node:path';

/** the path of file from cwd in forward slashes, or null when it lies outside cwd */
export function pathInside(file: string, cwd: string): string | null {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}
