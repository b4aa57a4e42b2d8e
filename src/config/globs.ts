/**
 * Globs of config files (overrides' files, ignores), suppressions (file) and the command line
 * (--ignore-pattern, file arguments). Matching is minimatch's, as ESLint's `files` and `ignores`;
 * what is added here is which path a pattern is matched against:
 *  - a pattern is relative to a base folder (the config file's, the suppressions file's, the
 *    current directory); a file outside that folder matches nothing;
 *  - a pattern without a slash matches a name in any folder (`*.txt`, `草稿`), as in .gitignore,
 *    and a file outside the base folder by its own name;
 *  - a pattern matches a file when it matches the file or one of the folders it lies in
 *    (`县级`, `县级/` and `县级/**` all take every file under 县级); one ending in `/` matches
 *    folders only;
 *  - in a list, a pattern starting with `!` takes back what the patterns before it matched.
 */
import path from 'node:path';
import { Minimatch } from 'minimatch';

export interface GlobList {
  patterns: string[];
  /** the folder the patterns are relative to */
  base: string;
}

interface Compiled {
  negated: boolean;
  absolute: boolean;
  /** no slash in it: a name, matched in any folder */
  bare: boolean;
  foldersOnly: boolean;
  mm: Minimatch;
}

const compiled = new Map<string, Compiled>();

function compile(pattern: string): Compiled {
  let c = compiled.get(pattern);
  if (c) return c;
  const negated = pattern.startsWith('!');
  let p = negated ? pattern.slice(1) : pattern;
  const foldersOnly = p.endsWith('/');
  const absolute = path.isAbsolute(p);
  p = p.replace(/^\.\//, '').replace(/\/+$/, '').replace(/^\/+/, '');
  const bare = !p.includes('/');
  c = { negated, absolute, bare, foldersOnly, mm: new Minimatch(p, { dot: true, matchBase: bare, nocomment: true }) };
  compiled.set(pattern, c);
  return c;
}

/** the file's path relative to base, with forward slashes; null when it lies outside base */
export function relativePath(base: string, file: string): string | null {
  const rel = path.relative(base, path.resolve(file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

function matchesOne(c: Compiled, rel: string): boolean {
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const isFile = i === parts.length;
    if (isFile && c.foldersOnly) continue;
    if (c.mm.match(parts.slice(0, i).join('/'))) return true;
  }
  return false;
}

/** does the list take this file (the last pattern that matches decides; `!` takes back) */
export function matches(list: GlobList, file: string): boolean {
  const rel = relativePath(list.base, file);
  const abs = path.resolve(file).split(path.sep).join('/');
  let taken = false;
  for (const pattern of list.patterns) {
    const c = compile(pattern);
    if (c.negated ? !taken : taken) continue;
    // an absolute pattern is matched against the absolute path, any other against the relative
    // one; a bare name against the file's own name too when the file lies outside the base
    const target = c.absolute ? abs.slice(1) : (rel ?? (c.bare ? path.basename(abs) : null));
    if (target !== null && matchesOne(c, target)) taken = !c.negated;
  }
  return taken;
}

/** a pattern with glob characters in it (an argument that is not a path of its own) */
export function isGlob(pattern: string): boolean {
  return new Minimatch(pattern.replace(/\\/g, '/')).hasMagic();
}

/**
 * A glob argument → the folder to walk (its leading segments without glob characters) and a
 * test of a walked file's path against the whole pattern.
 */
export function globArgument(pattern: string, cwd: string): { base: string; test: (file: string) => boolean } {
  const p = pattern.replace(/\\/g, '/');
  const absolute = path.isAbsolute(p);
  const parts = p.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (new Minimatch(part).hasMagic()) break;
    fixed.push(part);
  }
  const base = path.resolve(cwd, fixed.join('/') || (absolute ? '/' : '.'));
  const mm = new Minimatch(path.posix.normalize(absolute ? p : path.posix.join(cwd.split(path.sep).join('/'), p)), { dot: false });
  return { base, test: (file) => mm.match(path.resolve(cwd, file).split(path.sep).join('/')) };
}
