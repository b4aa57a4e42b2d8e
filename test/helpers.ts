import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../src/cli/main.js';
import { splitLines } from '../src/ingest/index.js';
import { buildReport } from '../src/model/index.js';
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
  const out = sink();
  const err = sink();
  const code = await main(args, { out: out.s, err: err.s });
  return { code, out: out.text, err: err.text };
}
