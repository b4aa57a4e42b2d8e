import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../src/format/github.js';
import { fileResult, formatGithub } from '../src/format/index.js';
import type { Diagnostic } from '../src/rules/types.js';
import { contextFor, NARRATIVE_TXT, NOT_PDF, SAMPLE_PDF, suppressFirst } from './format-helpers.js';
import { runCli } from './helpers.js';

function finding(over: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'x/y', severity: 2, message: 'm', file: 'a.txt', line: 3, column: 5, endLine: 3, endColumn: 9, ...over };
}

describe('github', () => {
  it('annotates each finding; a PDF on the file with its page in the message; then the totals', async () => {
    const r = await runCli('-f', 'github', SAMPLE_PDF, NARRATIVE_TXT, NOT_PDF);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      '::error file=fixtures/sample/budget-2025.pdf,title=表间/预算科目支出不少于财政拨款::部门公开表3 2210201 住房公积金「合计」为 0.00 万元，少于财政拨款（一般公共预算、政府性基金、国有资本经营预算）支出表同一科目之和 32.44 万元，少 32.44 万元（上级 22102 住房改革支出、221 住房保障支出、合计 也因此相差同一数额，不再另报）（第 5 页第 19 行）',
      '::error file=fixtures/sample/budget-2025.pdf,title=科目/上下级合计::部门公开表5 20805 行政事业单位养老支出「合计」为 63.25 万元，其下级科目之和为 62.24 万元，相差 1.01 万元（同一行另有 1 栏也不符：「基本支出」63.25 万元，应为 62.24 万元）（第 7 页第 8 行）',
      '::error file=fixtures/sample/budget-2025.pdf,title=科目/上下级合计::部门公开表6 301 工资福利支出「合计」为 399.28 万元，其下级科目之和为 447.93 万元，相差 48.65 万元（同一行另有 1 栏也不符：「人员经费」399.28 万元，应为 447.93 万元）（第 8 页第 7 行）',
      '::warning file=fixtures/text/titled-budget-narrative.txt,line=1,endLine=1,col=1,endColumn=1,title=读取/未含公开表::本文件没有公开表，只核对了文字说明中的 4 处数字之间的关系；与表格的核对需要含表格的文件：表格另行公开时，用 --parts 把说明与公开表一起检查',
      '::error file=fixtures/text/titled-budget-narrative.txt,line=5,endLine=5,col=36,endColumn=40,title=叙述/同比变化率::「2025年本部门支出预算总额」变化率写 9.33%25，按本年数与增减额（10 万元 ÷ （130 万元 − 10 万元） × 100%25）应为 8.33%25；若变化率无误，增减额应为 11.04～11.14 万元',
      '::error file=fixtures/bad/not-a-pdf.pdf,title=无法检查::fixtures/bad/not-a-pdf.pdf 不是 PDF 文件',
      '::notice title=budget-lint::budget-lint 检查了 3 个文件：5 个错误（其中 1 个为文件无法检查），1 个警告。',
      '',
    ]);
  }, 30000);

  it("escapes % and line breaks in messages, and also : and , in properties, as the runner reads them", async () => {
    expect(escapeData('100%\r\n下一行: a,b')).toBe('100%25%0D%0A下一行: a,b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const r = fileResult('dir,1/a:b.txt', [finding({ ruleId: 'r:1,2', message: '第一行\n第二行 50% ::x' })]);
    const [line] = formatGithub([r], await contextFor()).split('\n');
    expect(line).toBe('::error file=dir%2C1/a%3Ab.txt,line=3,endLine=3,col=5,endColumn=8,title=r%3A1%2C2::第一行%0A第二行 50%25 ::x');
  });

  it('a span over lines gives no columns; the totals say the suppressed and where to see what GitHub does not show', async () => {
    const many = Array.from({ length: 11 }, (_, i) => finding({ line: i + 1, endLine: i + 1 }));
    const r = suppressFirst(fileResult('a.txt', [finding({ endLine: 4 }), ...many]), '已报批');
    const out = formatGithub([r], await contextFor()).trimEnd().split('\n');
    expect(out[0]).toBe('::error file=a.txt,line=1,endLine=1,col=5,endColumn=8,title=x/y::m');
    // the suppressed finding is not annotated: 11 errors and the notice
    expect(out).toHaveLength(12);
    expect(out.at(-1)).toBe(
      '::notice title=budget-lint::budget-lint 检查了 1 个文件：11 个错误，0 个警告，另有 1 个已按出错说明抑制。GitHub 每个步骤只显示前 10 个错误注释和前 10 个警告注释，全部问题见本步骤的日志，或以 -f sarif 上传到代码扫描。',
    );
    const spanned = formatGithub([fileResult('a.txt', [finding({ endLine: 4 })])], await contextFor()).split('\n')[0];
    expect(spanned).toBe('::error file=a.txt,line=3,endLine=4,title=x/y::m');
  });
});
