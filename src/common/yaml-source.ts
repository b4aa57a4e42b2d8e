/**
 * A YAML file read for validation: every problem is reported as file:line:col of the node at
 * fault. Shared by the rule loader and the table catalogue. The yaml library is loaded on first
 * use only: the built-in files are usually read from the cache (yaml-cache.ts), and loading the
 * library costs about as much as linting a small file.
 */
import { createRequire } from 'node:module';
import type * as YamlLib from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

export class YamlFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
  }
}

export type YamlPath = Array<string | number>;

/** the error a failed check throws, at the node's position */
export type ErrorAt = new (file: string, line: number, column: number, message: string) => YamlFileError;

/** a YAML file's value, and the position of any node in it (parsed, or from the cache) */
export interface YamlInput {
  readonly file: string;
  readonly value: unknown;
  pos(p: YamlPath): { line: number; column: number };
  /** a check failed at p: throws (a YamlFileError, or what `error` makes) */
  fail(p: YamlPath, message: string, error?: ErrorAt): never;
}

let lib: typeof YamlLib | undefined;

/** the yaml library (one instance: `import 'yaml'` elsewhere gets the same CommonJS module) */
export function yamlLib(): typeof YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof YamlLib);
}

export class YamlSource implements YamlInput {
  value: unknown;

  constructor(
    readonly file: string,
    readonly doc: Document,
    readonly counter: LineCounter,
  ) {}

  /** parse, or throw a YamlFileError at the first syntax error (a leading BOM is dropped) */
  static parse(file: string, text: string, maxAliasCount = 100): YamlSource {
    const { LineCounter, parseDocument } = yamlLib();
    const counter = new LineCounter();
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
      const { line, col } = counter.linePos(err.pos[0]);
      throw new YamlFileError(file, line, col, `YAML 语法错误：${err.message.split('\n')[0]}`);
    }
    const source = new YamlSource(file, doc, counter);
    try {
      source.value = doc.toJS({ maxAliasCount });
    } catch (e) {
      throw new YamlFileError(file, 1, 1, `YAML 无法展开：${(e as Error).message}`);
    }
    return source;
  }

  pos(p: YamlPath): { line: number; column: number } {
    // a field that is missing is said where the object lacking it stands
    for (let k = p.length; k >= 0; k--) {
      const node = (k ? this.doc.getIn(p.slice(0, k), true) : this.doc.contents) as Node | undefined;
      if (node?.range) {
        const { line, col } = this.counter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return { line: 1, column: 1 };
  }

  /** where a map's key is written (pos gives its value's place): the name at fault, not its value */
  keyPos(p: YamlPath): { line: number; column: number } {
    const map = (p.length > 1 ? this.doc.getIn(p.slice(0, -1), true) : this.doc.contents) as { items?: Array<{ key?: Node }> } | undefined;
    const pair = map?.items?.find((i) => (i.key as { value?: unknown } | undefined)?.value === p[p.length - 1]);
    if (!pair?.key?.range) return this.pos(p);
    const { line, col } = this.counter.linePos(pair.key.range[0]);
    return { line, column: col };
  }

  fail(p: YamlPath, message: string, error: ErrorAt = YamlFileError): never {
    const { line, column } = this.pos(p);
    throw new error(this.file, line, column, message);
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
