/**
 * pdftotext of a form whose cells are set justified (分散对齐) spreads every label over its cell
 * (项 目 名 称) and sets the funds row's words a line each: the forms' reader finds no 项目名称 and
 * no funds or indicator rows under the title. The title is a 绩效自评表's: it is said as a form not
 * read (读取/表格未能读取), not as a table the tool does not know (with advice to name it with --tables).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { lintFile, readingDiagnostics } from '../src/cli/lint.js';
import { FIXTURES, builtinRules, fixtureText, lintText, reportOf } from './helpers.js';

const FIXTURE = 'text/form-justified-pdftotext.txt';

describe('a 绩效自评表 title over a body the forms\' reader cannot read', () => {
  it('is kept as a form title, not an unknown table\'s', () => {
    const report = reportOf(fixtureText(FIXTURE), FIXTURE);
    expect(report.forms).toEqual([]);
    expect(report.unknownTables.map((u) => [u.title, u.form])).toEqual([['2023年度区级预算项目绩效自评表', '绩效自评表']]);
  });

  it('is said as a form not read, at its title', async () => {
    const { diagnostics } = await lintFile(path.join(FIXTURES, FIXTURE), await builtinRules());
    expect(diagnostics.filter((d) => d.ruleId === '读取/表格未能读取' || d.ruleId === '读取/不认识的表').map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 3, '「2023年度区级预算项目绩效自评表」是绩效自评表，但未能按表读出它的项目名称、资金和指标各行，这张表的核对都已跳过'],
    ]);
  });
});

describe('a 绩效目标表 in a layout the target reader does not know (one form a project, as 北京 and 云南 print it)', () => {
  it('is said as a 绩效目标表 not read, with no advice to name it with --tables', () => {
    const text = ['某区某局2024年部门预算', '', '2024年项目支出绩效目标表', '项目名称 某某项目', '年度目标 完成某事', '一级指标 二级指标 三级指标 指标值', '产出指标 数量指标 培训人次 ≥100人次', ''].join('\n');
    const report = reportOf(text);
    expect(report.unknownTables.map((u) => [u.title, u.form])).toEqual([['2024年项目支出绩效目标表', '绩效目标表']]);
    expect(readingDiagnostics(report).map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 3, '「2024年项目支出绩效目标表」是绩效目标表，但未能按本工具认识的格式读出它的各项目与指标，这张表的核对都已跳过'],
    ]);
  });

  it('leaves a title that only mentions 绩效目标 unknown', () => {
    const report = reportOf(['某区某局2024年部门预算', '', '2024年绩效目标管理情况统计表', '项目 数量', '合计 12', ''].join('\n'));
    expect(report.unknownTables.map((u) => [u.title, u.form])).toEqual([['2024年绩效目标管理情况统计表', undefined]]);
  });
});

describe('an 整体支出 form title with no 部门（单位）名称 row under it', () => {
  it('is said as a form not read, at its title, not passed over', () => {
    const text = ['某区某局2023年度部门决算', '', '某局整体支出绩效自评表', '部门(单位)', '某局', '年度主要任务 任务名称 完成情况', '一级指标 二级指标 三级指标 分值 得分', '产出指标 数量指标 培训人次 20 20', ''].join('\n');
    expect(readingDiagnostics(reportOf(text)).map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['读取/表格未能读取', 3, '「某局整体支出绩效自评表」未能读取：标题下未找到「部门（单位）名称」一行，表未读取；这张表的核对都已跳过'],
    ]);
  });
});

describe('a project form whose title stands after its 项目名称 (text in the order the page was drawn)', () => {
  // pdftotext without -layout of the 贵州 final account rendered by cairo: six of its seven forms
  // print their title under the form's first lines; they were passed over without a word, and the
  // narrative's 共计7个项目进行了绩效自评 was said to have only 1 form published
  const FILE = 'pdf/corpus-guizhou-office-2023-final.txt';
  const moved = () => {
    const lines = fixtureText(FILE).split('\n');
    const at = lines.indexOf('项目支出绩效目标自评表', lines.indexOf('项目名称\t行政单位医疗') - 2);
    // the second form's title set under its 项目名称 and the two lines after it, beyond the 8 lines the reader looks
    const title = lines.splice(at, 1)[0];
    lines.splice(at + 9, 0, title);
    return { text: lines.join('\n'), line: at + 10 };
  };

  it('is said as a form not read, at its title', () => {
    const { text, line } = moved();
    const said = readingDiagnostics(reportOf(text, FILE)).filter((d) => d.ruleId === '读取/表格未能读取');
    expect(said.map((d) => [d.line, d.message])).toEqual([[line, '「项目支出绩效目标自评表」是绩效自评表，但未能按表读出它的项目名称、资金和指标各行，这张表的核对都已跳过']]);
  });

  it('counts as published: no 自评表/项目个数 for the 7 projects the narrative names', async () => {
    const { text } = moved();
    const report = reportOf(text, FILE);
    expect(report.forms.filter((f) => f.kind === 'project')).toHaveLength(6);
    const ds = await lintText(text, FILE);
    expect(ds.filter((d) => d.ruleId === '自评表/项目个数')).toEqual([]);
  });
});

describe('a project form whose text lost an indicator row\'s 得分 (a viewer\'s copy of iText\'s and Calc\'s PDFs)', () => {
  // 质量指标 合格率 … 20 has its 分值 and no 得分: no row takes it, and the next section's header
  // drops it with its 100% 100%; the rows read sum to 70 (+10 for funds) against 总分 100
  const text = ['某局2023年度部门决算', '', '项目支出绩效自评表', '项目名称 某项目', '项目资金（万元） 资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分', '年度资金总额： 100 100 100 10 100% 10', '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分', '产出指标（40分） 数量指标 培训人次 ≥100人次 120人次 20 20', '质量指标 合格率 100% 100% 20', '效益指标（50分） 社会效益指标 满意度 ≥90% 95% 50 50', '总分 100 100', ''].join('\n');

  it('checks no sum over its rows, and says why; each row read stays', async () => {
    const report = reportOf(text);
    expect(report.forms[0].indicators.map((x) => x.name)).toEqual(['培训人次', '满意度']);
    expect(readingDiagnostics(report).map((d) => [d.ruleId, d.message])).toEqual([
      ['读取/表格未能读取', '「某项目 项目支出绩效自评表」有 3 个数字未归入任何指标行（提取的文字打乱了表格的行，有的指标行未读全），各指标的分值之和与总分未核对，涉及它们的核对没有做'],
    ]);
    expect((await lintText(text)).filter((d) => /^自评表\/(分值合计|得分合计|分区分值)/.test(d.ruleId))).toEqual([]);
  });
});
