/**
 * Parsed YAML, cached by the hash of its text. Parsing the built-in rule and table files took a
 * third of a lint's start-up (the yaml library's first run is slow), so `npm run build`
 * (scripts/cache-yaml.mjs) stores each built-in file's parsed value in dist/yaml-cache.json
 * with the positions its validation asked for. A file is looked up by the SHA-256 of its text:
 * a file changed since is simply not found, and is parsed. Validation runs on the cached value;
 * should it ask for a position not stored, or fail (the checks changed since the cache was
 * written), the cached reading is dropped and the file is parsed as any other.
 *
 * The built-in rules are also stored as validated (checked): validating them took most of the
 * rest of loading them. Those stand for a built-in rule file only when the catalogue holds the
 * built-in table kinds alone, unchanged: the key hashes the rule file's text and the table files'.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorAt, YamlInput, YamlPath } from './yaml-source.js';

/** what a file read as (rules and tables are checked differently) */
export type YamlUse = 'rules' | 'tables';

export interface CachedYaml {
  value: unknown;
  /** [line, column] by JSON.stringify(path) */
  positions: Record<string, [number, number]>;
}

/**
 * The store. On disk each value is its JSON text, parsed when its key is asked for: a lint asks
 * for the table files and the validated rules, never for the rule files' parsed YAML, and
 * parsing a text gives a copy of its own (parsing the whole store and cloning what was asked
 * cost a cold lint 15-19 ms; this, 8-11).
 */
export interface YamlStore {
  format: number;
  /** the yaml library that parsed the files */
  yaml: string;
  entries: Record<string, CachedYaml | string>;
  /** the built-in rule files' rules as validated at build time, by checkedKey (see rules/loader.ts) */
  checked?: Record<string, unknown[] | string>;
}

export const YAML_STORE_FORMAT = 2;
const STORE_URL = new URL('../yaml-cache.json', import.meta.url);

/** a cached reading that cannot be used: the file is parsed instead */
export class CacheMiss extends Error {}

let store: YamlStore | null | undefined;

export function yamlVersion(): string {
  return (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
}

/** the store (read once); null when absent, unreadable or written for another format or yaml */
function yamlStore(): YamlStore | null {
  if (store !== undefined) return store;
  try {
    const s = JSON.parse(readFileSync(STORE_URL, 'utf8')) as YamlStore;
    store = s.format === YAML_STORE_FORMAT && s.yaml === yamlVersion() ? s : null;
  } catch {
    store = null;
  }
  return store;
}

/** tests: use this store instead of dist's (null: none; undefined: dist's again) */
export function setYamlStore(s: YamlStore | null | undefined): void {
  store = s;
}

export function yamlKey(use: YamlUse, text: string): string {
  return createHash('sha256').update(use).update('\0').update(text).digest('hex');
}

/** a rule file's text as validated against the built-in table files of this digest */
export function checkedKey(text: string, tablesDigest: string): string {
  return createHash('sha256').update('checked-rules\0').update(tablesDigest).update('\0').update(text).digest('hex');
}

/** the validated rules stored under that key, as JSON values (a copy), or null */
export function checkedRules(key: string): unknown[] | null {
  const stored = yamlStore()?.checked?.[key];
  return stored ? ownCopy(stored) : null;
}

/** a stored value of the caller's own, as parsing would give (rules keep parts of it) */
function ownCopy<T>(stored: T | string): T {
  return typeof stored === 'string' ? (JSON.parse(stored) as T) : structuredClone(stored);
}

/** the cached reading of a file's text, as an input that fails over to parsing (CacheMiss) */
export function cachedYaml(use: YamlUse, file: string, text: string): YamlInput | null {
  const entry = yamlStore()?.entries[yamlKey(use, text)];
  return entry ? new CachedSource(file, ownCopy(entry)) : null;
}

class CachedSource implements YamlInput {
  readonly value: unknown;

  constructor(
    readonly file: string,
    private readonly entry: CachedYaml,
  ) {
    this.value = entry.value;
  }

  pos(p: YamlPath): { line: number; column: number } {
    const at = this.entry.positions[JSON.stringify(p)];
    if (!at) throw new CacheMiss(`${this.file}: no cached position for ${JSON.stringify(p)}`);
    return { line: at[0], column: at[1] };
  }

  fail(): never {
    throw new CacheMiss(`${this.file}: a check failed on the cached reading`);
  }
}

/** a parsed input that notes the positions asked of it: what a cache entry must hold */
export class RecordingSource implements YamlInput {
  readonly positions: Record<string, [number, number]> = {};

  constructor(private readonly parsed: YamlInput) {}

  get file(): string {
    return this.parsed.file;
  }

  get value(): unknown {
    return this.parsed.value;
  }

  pos(p: YamlPath): { line: number; column: number } {
    const at = this.parsed.pos(p);
    this.positions[JSON.stringify(p)] = [at.line, at.column];
    return at;
  }

  fail(p: YamlPath, message: string, error?: ErrorAt): never {
    return this.parsed.fail(p, message, error);
  }

  entry(): CachedYaml {
    return { value: this.parsed.value, positions: this.positions };
  }
}
