/**
 * JUnit XML as GitLab and Jenkins read it: a testsuite per file, a testcase per rule that ran on
 * it, failing with its error findings; warnings and suppressed findings are the testcase's
 * output; a file that could not be linted is one testcase in error.
 */
import type { Diagnostic } from '../rules/types.js';
import type { FileResult, FormatContext, SuppressedMessage } from './types.js';

/** what XML 1.0 cannot hold at all, even escaped: shown as \uXXXX */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(s: string): string {
  return s.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function xmlText(s: string): string {
  return visible(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** an attribute: quotes too, and line breaks and tabs kept as references (a parser would fold them to spaces) */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(list: Array<[string, string | number]>): string {
  return list.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
}

function where(d: Diagnostic): string {
  return d.page !== undefined ? `第 ${d.page} 页第 ${d.line} 行` : `第 ${d.line} 行第 ${d.column} 列`;
}

/** Jenkins reads a classname's dots as packages: the file's extension is left out, as ESLint does */
function className(file: string): string {
  return file.replace(/\.[^./\\]*$/, '');
}

interface Case {
  errors: Diagnostic[];
  warnings: Diagnostic[];
  suppressed: SuppressedMessage[];
}

function testcase(id: string, c: Case, file: string): string {
  const head = `    <testcase${attrs([['classname', className(file)], ['name', id], ['file', file], ['time', 0]])}`;
  const out = [
    ...c.warnings.map((d) => `警告 ${where(d)}：${d.message}`),
    ...c.suppressed.map((d) => `已抑制 ${where(d)}：${d.message}（出错说明：${d.suppressions.map((s) => s.justification).join('；')}）`),
  ];
  if (!c.errors.length && !out.length) return `${head}/>`;
  const body: string[] = [];
  if (c.errors.length) {
    const message = c.errors.length > 1 ? `${c.errors.length} 个错误，第一个：${c.errors[0].message}` : c.errors[0].message;
    const text = c.errors.map((d) => `${where(d)}：${d.message}`).join('\n');
    body.push(`      <failure${attrs([['type', id], ['message', message]])}>${xmlText(text)}</failure>`);
  }
  if (out.length) body.push(`      <system-out>${xmlText(out.join('\n'))}</system-out>`);
  return [`${head}>`, ...body, '    </testcase>'].join('\n');
}

/** every rule that ran, in the order they were loaded, then any other id a finding carries */
function casesOf(r: FileResult, ruleIds: string[]): Map<string, Case> {
  const cases = new Map<string, Case>(ruleIds.map((id) => [id, { errors: [], warnings: [], suppressed: [] }]));
  const at = (id: string) => {
    if (!cases.has(id)) cases.set(id, { errors: [], warnings: [], suppressed: [] });
    return cases.get(id)!;
  };
  for (const m of r.messages) if (!('fatal' in m)) at(m.ruleId)[m.severity === 2 ? 'errors' : 'warnings'].push(m);
  for (const m of r.suppressedMessages ?? []) at(m.ruleId).suppressed.push(m);
  return cases;
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
}

function suite(r: FileResult, ruleIds: string[]): Suite {
  const fatal = r.messages.find((m) => 'fatal' in m);
  const open = (tests: number, failures: number, errors: number) =>
    `  <testsuite${attrs([['name', r.filePath], ['tests', tests], ['failures', failures], ['errors', errors], ['skipped', 0], ['time', 0]])}>`;
  if (fatal) {
    const error = `      <error${attrs([['type', '无法检查'], ['message', fatal.message]])}>${xmlText(fatal.message)}</error>`;
    const test = `    <testcase${attrs([['classname', className(r.filePath)], ['name', '读取文件'], ['file', r.filePath], ['time', 0]])}>\n${error}\n    </testcase>`;
    return { xml: `${open(1, 0, 1)}\n${test}\n  </testsuite>`, tests: 1, failures: 0, errors: 1 };
  }
  const cases = casesOf(r, ruleIds);
  const failures = [...cases.values()].filter((c) => c.errors.length).length;
  const body = [...cases].map(([id, c]) => testcase(id, c, r.filePath));
  return { xml: [open(cases.size, failures, 0), ...body, '  </testsuite>'].join('\n'), tests: cases.size, failures, errors: 0 };
}

export function formatJunit(results: FileResult[], context: FormatContext): string {
  const ruleIds = Object.keys(context.rulesMeta);
  const suites = results.map((r) => suite(r, ruleIds));
  const total = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  const head = `<testsuites${attrs([['name', context.tool.name], ['tests', total('tests')], ['failures', total('failures')], ['errors', total('errors')], ['time', 0]])}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map((s) => s.xml), '</testsuites>', ''].join('\n');
}
