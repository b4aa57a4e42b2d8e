import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { main } from '../src/cli/main.js';
import { readDocument, splitLines, type SourceLine, type SourceText } from '../src/ingest/index.js';
import { buildReport, type Report } from '../src/model/index.js';
import { BUILTIN_RULES_DIR, loadRules, runRules, type Diagnostic, type Rule } from '../src/rules/index.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const FIXTURES = path.join(ROOT, 'fixtures');
export const CORPUS = path.resolve(ROOT, '../shared/corpus');
export const hasCorpus = existsSync(CORPUS);

let builtin: Rule[] | null = null;
export async function builtinRules(): Promise<Rule[]> {
  builtin ??= await loadRules([BUILTIN_RULES_DIR]);
  return builtin;
}

/** each fixture rendering's model and findings, but those of rule `dropped` (what the fixture lacks by design) */
export async function readRenderings(renderings: string[], dropped: string): Promise<Map<string, { report: Report; diagnostics: Diagnostic[] }>> {
  const rules = await builtinRules();
  const read = new Map<string, { report: Report; diagnostics: Diagnostic[] }>();
  for (const r of renderings) {
    const report = buildReport(await readDocument(path.join(FIXTURES, r)));
    read.set(r, { report, diagnostics: runRules(report, rules).filter((d) => d.ruleId !== dropped) });
  }
  return read;
}

/** an indicator as the tests list it: its section, 二级 and 三级 names, 指标值, 实际值, 分值 and 得分 as printed */
export const indicatorRow = (x: Report['forms'][number]['indicators'][number]) => [x.section, x.level2, x.name, x.target, x.actual, x.weight?.raw, x.score?.raw];

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function reportOf(text: string, file = 'doc.txt') {
  return buildReport(splitLines(file, text));
}

export async function lintText(text: string, file = 'doc.txt', rules?: Rule[]): Promise<Diagnostic[]> {
  return runRules(reportOf(text, file), rules ?? (await builtinRules()));
}

/** the parts of a diagnostic a test pins down */
export function brief(d: Diagnostic) {
  return { ruleId: d.ruleId, severity: d.severity, line: d.line, actual: d.actual, expected: d.expected, difference: d.difference };
}

/** replace exactly one occurrence, so a mutation cannot silently miss */
export function mutate(text: string, from: string, to: string): string {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`expected one "${from}", found ${n}`);
  return text.replace(from, to);
}

/** the first line holding needle, after the line holding `after` when given */
export function lineOf(text: string, needle: string, after?: string): number {
  const lines = text.split('\n');
  const start = after === undefined ? 0 : lines.findIndex((l) => l.includes(after)) + 1;
  if (start < 0) throw new Error(`no line with "${after}"`);
  const i = lines.findIndex((l, k) => k >= start && l.includes(needle));
  if (i < 0) throw new Error(`no line with "${needle}"`);
  return i + 1;
}

function sink() {
  let text = '';
  const s = new Writable({ write: (c, _e, cb) => ((text += c.toString()), cb()) });
  return { s, get text() { return text; } };
}

/** the command line, with its output caught */
export async function runCli(...args: string[]) {
  return runCliWith({}, ...args);
}

/** the command line run from another folder (config lookup, ignores) and/or with standard input */
export async function runCliWith(options: { cwd?: string; stdin?: string | Uint8Array }, ...args: string[]) {
  const out = sink();
  const err = sink();
  const input = options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin)]);
  const code = await main(args, { out: out.s, err: err.s, in: input, cwd: options.cwd });
  return { code, out: out.text, err: err.text };
}

/** a piece as a test sets it on a page: its text, left edge and (else estimated) right edge */
export type TestPiece = [text: string, x0: number, x1?: number];

/** 公开03's title, number and one-line header as a page sets them, for pageText: rows go below y 127 */
export const SPENDING_TABLE_HEAD: Array<[page: number, y: number, pieces: TestPiece[]]> = [
  [1, 55, [['支出决算表', 270]]],
  [1, 77, [['公开03表', 43]]],
  [1, 127, [['科目代码', 52], ['科目名称', 155], ['本年支出合计', 267], ['基本支出', 353], ['项目支出', 426]]],
];

/**
 * A PDF's lines as the engines give them, for tests of layouts: each line a page, a baseline
 * and its pieces. A piece's width, when not given, is estimated (CJK 1 em, other 0.55 em).
 */
export function pageText(rows: Array<[page: number, y: number, pieces: TestPiece[]]>, size = 7, file = 'test.pdf'): SourceText {
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55) * size, 0);
  const pageLines = new Map<number, number>();
  const lines: SourceLine[] = rows.map(([page, y, parts], i) => {
    let text = '';
    const pieces = parts.map(([t, x0, x1]) => {
      if (text) text += ' ';
      const column = text.length + 1;
      text += t;
      return { text: t, x0, x1: x1 ?? x0 + width(t), column, size };
    });
    pageLines.set(page, (pageLines.get(page) ?? 0) + 1);
    return { line: i + 1, text, page, pageLine: pageLines.get(page), pieces, y, size };
  });
  return { file, encoding: 'utf-8', lines };
}
