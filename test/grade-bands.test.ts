/**
 * The scoring rule's grade bands (90（含）-100 为“优” … 60分以下为“差”) are read over the
 * narrative's lines joined: a PDF line may end inside a band (ReportLab's and iText's wrapping
 * breaks `60分以下为“` / `差”；`), and the band must not be lost.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText, mutate, reportOf } from './helpers.js';

const FILE = 'pdf/corpus-weihai-huancui-2023-final.txt';
const text = fixtureText(FILE);
const RULE = '2.自评等级：自评得分在 90（含）-100 为“优”，80（含）-90 为“良”，60（含）-80 为“中”，60分以下为“差”；';
const FOUR = [
  { grade: '优', min: 90, max: 100 },
  { grade: '良', min: 80, max: 90 },
  { grade: '中', min: 60, max: 80 },
  { grade: '差', min: -Infinity, max: 60 },
];

describe('grade bands', () => {
  it('are read from the rule on one line', () => {
    expect(reportOf(text, FILE).grades.bands).toEqual(FOUR);
  });

  it.each([
    ['inside the band below the lowest', '60分以下为“\n差”；'],
    ['inside a band', '60（含）-\n80 为“中”'],
  ])('are read where a line ends %s', (_, wrapped) => {
    const flat = wrapped.replace('\n', '');
    expect(reportOf(mutate(text, RULE, RULE.replace(flat, wrapped)), FILE).grades.bands).toEqual(FOUR);
  });
});

describe('a summary of the projects\' grades under a title of its own', () => {
  // 威海's 附件 prints it under 2023 年度区级预算项目绩效自评情况汇总表, a title the catalogue does not know
  const FIRST = '1 医疗服务与保障能力提升补助资金 威海市环翠区医疗保障局机关 100 优';
  const titled = mutate(text, FIRST, `2023 年度区级预算项目绩效自评情况汇总表\n部门：威海市环翠区医疗保障局\n序号 项目名称 资金使用单位 自评得分 自评等级\n中央对下转移支付项目绩效自评\n${FIRST}`);

  it('is read as the grades, and its title is no unknown table', () => {
    const r = reportOf(titled, FILE);
    expect(r.grades.entries.map((e) => [e.project, e.grade])[0]).toEqual(['医疗服务与保障能力提升补助资金', '优']);
    expect(r.grades.entries).toHaveLength(reportOf(text, FILE).grades.entries.length);
    expect(r.unknownTables).toEqual([]);
  });

  it('is an unknown table where nothing under it is graded', () => {
    const r = reportOf(mutate(titled, RULE, ''), FILE);
    expect(r.grades.entries).toEqual([]);
    expect(r.unknownTables.map((u) => u.title)).toEqual(['2023 年度区级预算项目绩效自评情况汇总表']);
  });
});
