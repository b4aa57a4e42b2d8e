/**
 * What to lint: the files named, the .txt and .pdf files under the folders named, the files a
 * glob argument takes, or standard input; less those ignored (the configuration's ignores,
 * --ignore-pattern, and node_modules and .git folders when walking). As ESLint: a missing path
 * or a glob that takes nothing is a usage error; a file named outright but ignored is said and
 * skipped.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, walkFolder } from '../ingest/index.js';
import { globArgument, isGlob, matches, type GlobList } from '../config/globs.js';

const INPUT_RE = /\.(txt|pdf)$/i;
/** a disclosure as it was made (Word, Excel, WPS) or in China's fixed-layout format: not read, but worth naming */
const MADE_FROM_RE = /\.(docx?|xlsx?|wps|et|ofd)$/i;
/** folders never walked into (ESLint's default ignores) */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Input {
  /** the path as output names it */
  file: string;
  /** standard input's content */
  bytes?: Uint8Array;
}

export interface InputOptions {
  cwd: string;
  /** ignores of the configuration and the command line; empty under --no-ignore */
  ignores: GlobList[];
  /** walk into node_modules and .git too (--no-ignore) */
  walkAll: boolean;
  /** a file named outright was ignored: say so */
  note: (message: string) => void;
}

export function isIgnored(file: string, options: InputOptions): boolean {
  return options.ignores.some((list) => matches(list, path.resolve(options.cwd, file)));
}

function walkedAway(file: string, root: string, options: InputOptions): boolean {
  if (isIgnored(file, options)) return true;
  if (options.walkAll) return false;
  return path.relative(root, file).split(path.sep).some((part) => SKIPPED_FOLDERS.has(part));
}

async function fromFolder(dir: string, seen: Set<string>, options: InputOptions): Promise<string[]> {
  const found = await walkFolder(dir, { match: INPUT_RE, seen });
  return found.filter((f) => !walkedAway(f, dir, options));
}

async function fromGlob(pattern: string, seen: Set<string>, options: InputOptions): Promise<string[]> {
  const { base, test } = globArgument(pattern, options.cwd);
  if (!(await stat(base).catch(() => null))?.isDirectory()) throw new InputError(`没有与「${pattern}」相符的文件`);
  const taken = (await walkFolder(base, { match: INPUT_RE, seen })).filter(test);
  if (!taken.length) throw new InputError(`没有与「${pattern}」相符的 .txt 或 .pdf 文件`);
  const kept = taken.filter((f) => !walkedAway(f, base, options));
  if (!kept.length) throw new InputError(`与「${pattern}」相符的文件都已被忽略（ignores 或 --ignore-pattern；--no-ignore 可检查它们）`);
  return kept;
}

/** the files to lint, each real file once, in the order of the arguments */
export async function expandInputs(args: string[], options: InputOptions): Promise<Input[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const shown = path.isAbsolute(arg) || options.cwd === process.cwd() ? arg : path.resolve(options.cwd, arg);
    const st = await stat(shown).catch(() => null);
    if (!st) {
      if (!isGlob(arg)) throw new InputError(`找不到文件或目录: ${arg}`);
      files.push(...(await fromGlob(arg, seen, options)));
    } else if (st.isDirectory()) {
      files.push(...(await fromFolder(shown, seen, options)));
    } else if (isIgnored(shown, options)) {
      options.note(`${arg} 按忽略规则未检查（ignores 或 --ignore-pattern；--no-ignore 可检查它）`);
    } else {
      const real = await realpath(shown);
      if (seen.has(real)) continue;
      seen.add(real);
      files.push(shown);
    }
  }
  return files.map((file) => ({ file }));
}

/** standard input, all of it */
export async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/** how many Word, Excel, WPS and OFD files the folders named hold: to say why none could be linted */
export async function madeFromFiles(args: string[], options: InputOptions): Promise<number> {
  let count = 0;
  for (const arg of args) {
    const dir = path.resolve(options.cwd, arg);
    if ((await stat(dir).catch(() => null))?.isDirectory()) count += (await walkFolder(dir, { match: MADE_FROM_RE })).length;
    else if (MADE_FROM_RE.test(arg)) count++;
  }
  return count;
}
