/**
 * Folders → the files in them, for input folders and rule folders alike. Symbolic links are
 * not followed into folders (a link to `.` or `..` would loop, and any folder inside the tree
 * is walked anyway); a linked file is taken when it lies inside the tree, and every real file
 * is listed once.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export interface WalkOptions {
  /** which file names to list */
  match: RegExp;
  /** real paths already listed (shared across several roots, so that each file comes once) */
  seen?: Set<string>;
}

function inside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** the matching files under dir, in the order of their paths; a folder that cannot be read is skipped */
export async function walkFolder(dir: string, options: WalkOptions): Promise<string[]> {
  const seen = options.seen ?? new Set<string>();
  const root = await realpath(dir);
  const found: Array<{ file: string; real: string }> = [];
  const links: string[] = [];
  const pending = [''];
  while (pending.length) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) pending.push(child);
      else if (e.isSymbolicLink()) links.push(child);
      else if (e.isFile() && options.match.test(e.name)) found.push({ file: path.join(dir, child), real: path.join(root, child) });
    }
  }
  // files by their own name first, so that a link to one of them is the copy left out
  for (const rel of links) {
    const real = await realpath(path.join(dir, rel)).catch(() => null);
    if (!real || !inside(root, real) || !options.match.test(path.basename(rel))) continue;
    if ((await stat(real).catch(() => null))?.isFile()) found.push({ file: path.join(dir, rel), real });
  }
  const files: string[] = [];
  for (const f of found) {
    if (seen.has(f.real)) continue;
    seen.add(f.real);
    files.push(f.file);
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return files;
}
