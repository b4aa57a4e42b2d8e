import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileResult, formatJunit, type FileResult, type FormatContext } from '../src/format/index.js';
import type { Diagnostic } from '../src/rules/types.js';
import { contextFor, lintResults, NARRATIVE_TXT, NOT_PDF, SAMPLE_PDF, suppressFirst } from './format-helpers.js';

type Node = Record<string, any>;

/** parsed back: well-formed, else the test fails with the parser's reason */
function parse(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  expect(valid).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => name === 'testsuite' || name === 'testcase' });
  return parser.parse(xml).testsuites;
}

function failing(suite: Node): Array<[string, string]> {
  return suite.testcase.filter((c: Node) => c.failure).map((c: Node) => [c.name, c.failure.message]);
}

describe('junit', () => {
  let results: FileResult[];
  let context: FormatContext;
  beforeAll(async () => {
    ({ results } = await lintResults([SAMPLE_PDF, NARRATIVE_TXT, NOT_PDF]));
    context = await contextFor();
  });

  it('gives a testsuite per file, a testcase per rule that ran, failing with its errors; a file not linted is in error', () => {
    const doc = parse(formatJunit(results, context));
    const rules = Object.keys(context.rulesMeta).length;
    expect(doc).toMatchObject({ name: 'budget-lint', tests: String(rules * 2 + 1), failures: '3', errors: '1' });
    const [pdf, narrative, bad] = doc.testsuite;
    expect(pdf).toMatchObject({ name: SAMPLE_PDF, tests: String(rules), failures: '2', errors: '0' });
    expect(failing(pdf)).toEqual([
      ['表间/预算科目支出不少于财政拨款', '部门公开表3 2210201 住房公积金「合计」为 0.00 万元，少于财政拨款（一般公共预算、政府性基金、国有资本经营预算）支出表同一科目之和 32.44 万元，少 32.44 万元（上级 22102 住房改革支出、221 住房保障支出、合计 也因此相差同一数额，不再另报）'],
      ['科目/上下级合计', '2 个错误，第一个：部门公开表5 20805 行政事业单位养老支出「合计」为 63.25 万元，其下级科目之和为 62.24 万元，相差 1.01 万元（同一行另有 1 栏也不符：「基本支出」63.25 万元，应为 62.24 万元）'],
    ]);
    const parents = pdf.testcase.find((c: Node) => c.name === '科目/上下级合计');
    expect(parents).toMatchObject({ classname: 'fixtures/sample/budget-2025', file: SAMPLE_PDF, failure: { type: '科目/上下级合计' } });
    expect(parents.failure['#text'].split('\n')).toEqual([
      '第 7 页第 8 行：部门公开表5 20805 行政事业单位养老支出「合计」为 63.25 万元，其下级科目之和为 62.24 万元，相差 1.01 万元（同一行另有 1 栏也不符：「基本支出」63.25 万元，应为 62.24 万元）',
      '第 8 页第 7 行：部门公开表6 301 工资福利支出「合计」为 399.28 万元，其下级科目之和为 447.93 万元，相差 48.65 万元（同一行另有 1 栏也不符：「人员经费」399.28 万元，应为 447.93 万元）',
    ]);
    // a warning passes, said in the testcase's output
    const partial = narrative.testcase.find((c: Node) => c.name === '读取/未含公开表');
    expect(partial.failure).toBeUndefined();
    expect(partial['system-out']).toMatch(/^警告 第 1 行第 1 列：本文件没有公开表/);
    expect(bad).toEqual({
      name: NOT_PDF,
      tests: '1',
      failures: '0',
      errors: '1',
      skipped: '0',
      time: '0',
      testcase: [{ classname: 'fixtures/bad/not-a-pdf', name: '读取文件', file: NOT_PDF, time: '0', error: { type: '无法检查', message: `${NOT_PDF} 不是 PDF 文件`, '#text': `${NOT_PDF} 不是 PDF 文件` } }],
    });
  });

  it('escapes markup, quotes and line breaks, and shows characters XML cannot hold', () => {
    const nasty = '<script>alert("x")</script> & \'q\'\n第二行\u0007\u0000\ud800';
    const d: Diagnostic = { ruleId: 'r&<1>', severity: 2, message: nasty, file: 'a.txt', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const xml = formatJunit([fileResult('a&b<c>.txt', [d])], { ...context, rulesMeta: Object.create(null) });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udfff]/);
    expect(xml).not.toContain('<script>');
    const [suite] = parse(xml).testsuite;
    expect(suite.name).toBe('a&b<c>.txt');
    const [c] = suite.testcase;
    expect(c.name).toBe('r&<1>');
    const shown = '<script>alert("x")</script> & \'q\'\n第二行\\u0007\\u0000\\ud800';
    expect(c.failure.message).toBe(shown);
    expect(c.failure['#text']).toBe(`第 1 行第 1 列：${shown}`);
  });

  it('a suppressed finding passes, its justification in the output', () => {
    const [suite] = parse(formatJunit([suppressFirst(results[1], '已报财政局同意')], context)).testsuite;
    const c = suite.testcase.find((x: Node) => x.name === '读取/未含公开表');
    expect(c.failure).toBeUndefined();
    expect(c['system-out']).toMatch(/^已抑制 第 1 行第 1 列：本文件没有公开表.*（出错说明：已报财政局同意）$/);
  });
});
