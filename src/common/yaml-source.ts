/**
 * A YAML file read for validation: every problem is reported as file:line:col of the node at
 * fault. Shared by the rule loader and the table catalogue.
 */
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';

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

export class YamlSource {
  private constructor(
    readonly file: string,
    readonly doc: Document,
    readonly counter: LineCounter,
  ) {}

  /** parse, or throw a YamlFileError at the first syntax error (a leading BOM is dropped) */
  static parse(file: string, text: string, maxAliasCount = 100): YamlSource {
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

  value: unknown;

  pos(p: YamlPath): { line: number; column: number } {
    const node = (p.length ? this.doc.getIn(p, true) : this.doc.contents) as Node | undefined;
    const { line, col } = this.counter.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  }

  fail(p: YamlPath, message: string): never {
    const { line, column } = this.pos(p);
    throw new YamlFileError(this.file, line, column, message);
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
