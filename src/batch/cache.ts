/**
 * --cache, as ESLint's: a file whose content, rules, table kinds, effective configuration and
 * tool version are all unchanged is not linted again; its previous result is replayed. The
 * entries are kept in one JSON file (--cache-location; default .budgetlintcache in the current
 * directory). Only results without a fatal message are kept: a time-out or a dead worker is
 * not a verdict on the file. Findings are kept before 出错说明 are applied, which every run does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { TOOL_VERSION } from '../common/package-info.js';
import { BUILTIN_RULES_DIR } from '../rules/index.js';
import { BUILTIN_TABLES_DIR } from '../model/index.js';
import type { FileResult } from '../format/index.js';
import type { FileLimits, Prepared, RunSetup } from './setup.js';

export const DEFAULT_CACHE_NAME = '.budgetlintcache';
const FORMAT = 1;

interface Entry {
  content: string;
  config: string;
  result: FileResult;
}

interface CacheFile {
  format: number;
  /** the tool version and the texts of the rule and table files */
  run: string;
  files: Record<string, Entry>;
}

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** every YAML file a path names (a folder: all under it), each by its path and text */
function yamlTexts(paths: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths.map((q) => path.resolve(cwd, q))) {
    const files = statSync(p).isDirectory()
      ? readdirSync(p, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => path.join(p, f))
      : [p];
    for (const f of files) if (statSync(f).isFile()) out.push(`${f}\n${readFileSync(f, 'utf8')}`);
  }
  return out;
}

/** what every file's entry depends on besides its own content and configuration */
export function runKey(setup: RunSetup, prepared: Prepared, version = TOOL_VERSION): string {
  const { config } = prepared;
  const builtin = setup.builtinRules && config.builtinRules !== 'off';
  const rules = yamlTexts([...(builtin ? [BUILTIN_RULES_DIR] : []), ...config.ruleFiles, ...setup.rules], setup.cwd);
  const tables = yamlTexts([BUILTIN_TABLES_DIR, ...config.tableFiles, ...setup.tables], setup.cwd);
  return sha(JSON.stringify({ version, rules, tables }));
}

/** where the cache is: a folder (existing, or named with a trailing separator) holds a file named by the working directory, as ESLint's */
export function cacheFile(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_NAME);
  const at = path.resolve(cwd, location);
  const folder = /[\\/]$/.test(location) || (statSync(at, { throwIfNoEntry: false })?.isDirectory() ?? false);
  return folder ? path.join(at, `${DEFAULT_CACHE_NAME}-${sha(cwd).slice(0, 12)}`) : at;
}

export class ResultCache {
  private readonly files: Record<string, Entry>;
  private changed = false;
  /** each file's content hash as read before linting it: a file edited meanwhile is not kept under its new content */
  private readonly read = new Map<string, string | null>();

  private constructor(
    readonly file: string,
    private readonly run: string,
    files: Record<string, Entry>,
    private readonly prepared: Prepared,
    private readonly limits: FileLimits,
    private readonly cwd: string,
  ) {
    this.files = files;
  }

  /** a cache that cannot be read (missing, corrupt, of another run) starts empty */
  static open(file: string, setup: RunSetup, prepared: Prepared, limits: FileLimits): ResultCache {
    const run = runKey(setup, prepared);
    let files: Record<string, Entry> = Object.create(null);
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.run === run && data.files && typeof data.files === 'object') files = Object.assign(Object.create(null), data.files);
    } catch {
      // nothing usable: every file is linted
    }
    return new ResultCache(file, run, files, prepared, limits, setup.cwd);
  }

  /** the rules that run on the file at their severities, and what reads it */
  private configKey(file: string): string {
    const rules = this.prepared.ruleSet.forFile(file).map((r) => `${r.id}:${r.severity}`);
    return sha(JSON.stringify({ rules, pdfEngine: this.limits.pdfEngine, maxPages: this.limits.maxPages }));
  }

  private key(file: string): string {
    return `${path.resolve(this.cwd, file)}\n${file}`;
  }

  private contentOf(file: string): string | null {
    try {
      return sha(readFileSync(path.resolve(this.cwd, file)));
    } catch {
      return null;
    }
  }

  /** the previous result, when nothing it depends on changed */
  get(file: string): FileResult | undefined {
    const content = this.contentOf(file);
    this.read.set(file, content);
    const entry = this.files[this.key(file)];
    if (!entry || entry.config !== this.configKey(file) || entry.content !== content) return undefined;
    return entry.result;
  }

  set(file: string, result: FileResult): void {
    const k = this.key(file);
    if (result.fatalErrorCount > 0) {
      if (k in this.files) (delete this.files[k], (this.changed = true));
      return;
    }
    const content = this.read.has(file) ? this.read.get(file)! : this.contentOf(file);
    if (content === null) return;
    this.files[k] = { content, config: this.configKey(file), result };
    this.changed = true;
  }

  /** written whole to a file beside it, then renamed over it: a run cut short leaves the old cache */
  save(): void {
    if (!this.changed) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, run: this.run, files: this.files } satisfies CacheFile));
    renameSync(tmp, this.file);
  }
}
