import { describe, expect, it } from 'vitest';
import { nameRelation } from '../src/rules/name-ops.js';
import { readNames } from '../src/model/names.js';

const GENERIC = ['人民政府', '办事处', '本级', '机关', '部门', '单位'];
const rel = (a: string, b: string) => nameRelation(a, b, GENERIC);

describe('name_relation', () => {
  it('takes the generic words out of both names before comparing', () => {
    expect(rel('上海市普陀区万里街道', '上海市普陀区人民政府万里街道办事处')).toBe('equal');
    expect(rel('上海市普陀区财政局（本级）', '上海市普陀区财政局')).toBe('equal');
    expect(rel('上海市普陀区财政局机关', '上海市普陀区财政局')).toBe('equal');
  });
  it('tells a longer name, a name cut at its end and an abbreviation', () => {
    expect(rel('上海市普陀区财政局国库收付中心', '上海市普陀区财政局')).toBe('contains');
    expect(rel('中国共产党江苏省委员会办', '中国共产党江苏省委员会办公厅')).toBe('head');
    // …and cut where the document prints its abbreviation (a table's cell wrapped after 办, 江苏省委办公厅 2017)
    expect(rel('中国共产党江苏省委员会办', '中共江苏省委办公厅')).toBe('head');
    expect(rel('江苏省委办', '中国共产党江苏省委员会办公厅')).toBe('short');
    expect(rel('省人大办公厅', '江苏省人大常委会办公厅')).toBe('short');
    expect(rel('省委办公厅', '江苏省委办公厅')).toBe('short');
    expect(rel('省卫生项目管理办', '贵州省卫生项目管理办公室')).toBe('short');
    // the places above the name's own left out, its own kept first: a district's usual short form
    expect(rel('普陀区城市管理行政执法局', '上海市普陀区城市管理行政执法局')).toBe('short');
    expect(rel('城东区财政局', '西宁市城东区财政局')).toBe('short');
  });
  it('says where a whole place is left out, and where the names are of different departments', () => {
    expect(rel('上海市规划和自然资源局', '上海市普陀区规划和自然资源局')).toBe('place');
    expect(rel('西宁市财政局', '西宁市城东区财政局')).toBe('place');
    expect(rel('财政局', '西宁市城东区财政局')).toBe('place');
    expect(rel('贵州省疾病预防控制中心', '贵州省卫生项目管理办公室')).toBe('other');
    expect(rel('XX局', '西宁市城东区财政局')).toBe('other');
    // a name cut off is still another department's where it goes on past the other's beginning
    expect(rel('江苏省委办', '江苏省委宣传部')).toBe('other');
    expect(rel('中共江苏省委宣', '中共江苏省委办公厅')).toBe('other');
  });
  it('has no answer where a side is no name', () => {
    expect(nameRelation(null, '西宁市财政局', GENERIC)).toBeNull();
    expect(rel('部门', '西宁市财政局')).toBeNull();
  });
});

describe('readNames', () => {
  const lines = (texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));
  it('takes the cover over two lines as the own name, and reads labels and headings (not a form\'s 主管部门 or 责任部门)', () => {
    const r = readNames(lines(['江苏省人大常委会办公厅', ' 2017 年度部门预算', '第二部分 省人大办公厅 2017 年度部门预算表', '部门：江苏省人大常委会办公厅      单位：万元', '主管部门：江苏省财政厅', '责任部门：综合处', '2023年度部门（单位）：江苏省人大常委会办公厅']), 'f.txt', new Set([1, 2, 3]));
    expect(r.self).toBe('江苏省人大常委会办公厅');
    expect(r.mentions.map((m) => [m.label, m.name, m.loc.line, m.narrative])).toEqual([
      ['标题', '江苏省人大常委会办公厅', 1, true],
      ['标题', '省人大办公厅', 3, true],
      ['部门', '江苏省人大常委会办公厅', 4, false],
      ['部门（单位）', '江苏省人大常委会办公厅', 7, false],
    ]);
  });
  it('does not take a placeholder for the own name when the document prints a real one', () => {
    const r = readNames(lines(['贵州省XX局2023年度部门决算', '部门：贵州省卫生项目管理办公室', '部门：贵州省卫生项目管理办公室']), 'f.txt', new Set([1]));
    expect(r.self).toBe('贵州省卫生项目管理办公室');
    expect(r.mentions[0]).toMatchObject({ name: '贵州省XX局', placeholder: true, narrative: true });
  });
});
