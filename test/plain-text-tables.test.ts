/**
 * Tables in text whose words stand one space apart and whose blank cells are left out (what
 * pdfplumber's extract_text() and copy-all give): a row's figures after its total cannot be
 * placed in a column; what can be read is read right, and what cannot is said.
 */
import { describe, expect, it } from 'vitest';
import { tokenizeLine } from '../src/layout/tokenize.js';
import { lintText, reportOf } from './helpers.js';

const HEAD = ['部门公开表5', '某县农业农村局2025年一般公共预算支出表', '部门：某县农业农村局 单位：万元', '科目编码 科目名称 合计 基本支出 项目支出'];

/** 表5 with 21301's children; `item` the row of 2130122 */
function table5(item: string): string {
  return [
    ...HEAD,
    '合计 772.38 598.88 173.50',
    '213 农林水支出 772.38 598.88 173.50',
    '21301 农业农村 772.38 598.88 173.50',
    '2130101 行政运行 412.58 412.58',
    '2130104 事业运行 186.30 186.30',
    '2130108 病虫害控制 35.00 35.00',
    item,
    '2130199 其他农业农村支出 18.50 18.50',
    '',
  ].join('\n');
}

describe('a row that leaves a blank cell out', () => {
  it('its loose part is summed with the left-out column as 0, said as in the PDF (另 1 项为 0)', async () => {
    const ds = (await lintText(table5('2130122 农业生产发展 120.00 102.00'))).filter((d) => d.ruleId === '科目/行内分列合计');
    expect(ds.map((d) => d.message)).toEqual(['部门公开表5 2130122 农业生产发展「合计」为 120.00 万元，各分栏之和（102.00 万元（另 1 项为 0））为 102.00 万元，相差 18.00 万元']);
  });
});

describe('a header repeated on a new page, its 栏次 row one number to a line', () => {
  // a viewer's copy of a page break: 栏次 / 1 / 2 / 3, then the rows go on
  const broken = (numbers: string[]) =>
    table5('2130122 农业生产发展 120.00 120.00').replace('2130108 病虫害控制 35.00 35.00\n', ['2130108 病虫害控制 35.00 35.00', HEAD[3], '栏次', ...numbers, ''].join('\n'));

  it('reads the numbers as the header, not as the figures of the row before', async () => {
    expect((await lintText(broken(['1', '2', '3']))).filter((d) => !d.ruleId.startsWith('形式/'))).toEqual([]);
    const rows = reportOf(broken(['1', '2', '3'])).tables[0].rows;
    expect(rows.find((r) => r.code === '2130108')?.cells.合计.value).toBe(35);
    expect(rows.map((r) => r.code).filter(Boolean)).toEqual(['213', '21301', '2130101', '2130104', '2130108', '2130122', '2130199']);
  });

  it('a lone figure that does not count on is a row\'s', async () => {
    const ds = (await lintText(broken(['1', '5']))).filter((d) => !d.ruleId.startsWith('形式/'));
    expect(ds.map((d) => `${d.ruleId} ${d.message}`)).toEqual(['科目/行内分列合计 部门公开表5 2130108 病虫害控制「合计」为 35.00 万元，各分栏之和（35.00 万元 + 5 万元）为 40.00 万元，相差 5.00 万元']);
  });
});

describe('rows run together on one line (PDFium\'s page text of a WPS PDF)', () => {
  // 上海 万里街道: 221 03 99 其他城乡社区住宅支出 2,177,200 2,177,200 合计 164,978,640 164,978,640
  const joined = table5('2130122 农业生产发展 120.00 120.00')
    .replace('合计 772.38 598.88 173.50\n', '')
    .replace('2130199 其他农业农村支出 18.50 18.50', '2130199 其他农业农村支出 18.50 18.50 合计 772.38 598.88 173.50');

  it('the table is said unread, not read with a row of seven figures', async () => {
    const t = reportOf(joined).tables[0];
    expect(t.unread).toBe('各行连成了一行（提取的文字没有在行末断开，合计行接在其他行的数字之后），分不清各数字属于哪一行');
    expect((await lintText(joined)).filter((d) => !d.ruleId.startsWith('形式/'))).toEqual([]);
  });

  it('a total row of its own after the rows is read', () => {
    const apart = joined.replace(' 合计 772.38', '\n合计 772.38');
    expect(reportOf(apart).tables[0].unread).toBeNull();
  });
});

describe('a header that prints the total last', () => {
  const text = [
    '公开05表',
    '一般公共预算财政拨款支出决算表',
    '部门：某县市场监督管理局 单位：万元',
    '科目编码 科目名称',
    '基本支出 项目支出 小计',
    '合计 100.00 50.00 150.00',
    '201 一般公共服务支出 100.00 50.00 150.00',
    '20138 市场监督管理事务 100.00 50.00 150.00',
    '2013801 行政运行 100.00 0.00 100.00',
    '2013816 食品安全监管 0.00 50.00 50.00',
    '',
  ].join('\n');

  it('is read in its order where every row prints every column', () => {
    const t = reportOf(text).tables.find((x) => x.id === '公开05')!;
    expect(t.columns.map((c) => c.key)).toEqual(['基本支出', '项目支出', '小计']);
    expect(t.rows.find((r) => r.key === '2013816')!.cells['小计'].value).toBe(50);
  });

  it('and then gives no finding', async () => {
    expect((await lintText(text)).filter((d) => /^(科目|表间)\//.test(d.ruleId))).toEqual([]);
  });
});

describe('a figure set against its name', () => {
  const tokens = (text: string) => tokenizeLine({ text, line: 1 }).tokens.map((t) => `${t.kind}:${t.text}`);

  it('ends the name: 工资福利支出100.00 is a name and a figure', () => {
    expect(tokens('301 工资福利支出100.00')).toEqual(['number:301', 'label:工资福利支出', 'number:100.00']);
    expect(tokens('303 对个人和家庭的补助1,005.00')).toEqual(['number:303', 'label:对个人和家庭的补助', 'number:1,005.00']);
  });

  it('a figure inside a word stays in it (达到95.5%以上, 较2023年度)', () => {
    expect(tokens('达到95.5%以上')).toEqual(['label:达到95.5%以上']);
    expect(tokens('较2023年度')).toEqual(['label:较2023年度']);
  });
});
